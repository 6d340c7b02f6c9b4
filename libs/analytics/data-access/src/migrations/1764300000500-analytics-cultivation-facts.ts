import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalyticsCultivationFacts1764300000500 implements MigrationInterface {
  name = 'AnalyticsCultivationFacts1764300000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "analytics"."projection_position" (
      "source" TEXT PRIMARY KEY,
      "last_id" BIGINT NOT NULL DEFAULT 0
    )`);
    await q.query(`CREATE TABLE "analytics"."cultivation_fact" (
      "cultivation_id" UUID PRIMARY KEY,
      "district_id" UUID NOT NULL,
      "institution_id" UUID NOT NULL,
      "community_id" UUID NOT NULL,
      "category" TEXT NOT NULL,
      "stage" TEXT NOT NULL,
      "started_at" TIMESTAMPTZ NOT NULL,
      "escalations_open" INTEGER NOT NULL DEFAULT 0 CHECK ("escalations_open" >= 0)
    )`);
    await q.query(`CREATE INDEX "cultivation_fact_district_stage_idx" ON "analytics"."cultivation_fact" ("district_id", "stage")`);
    await q.query(`CREATE TABLE "analytics"."escalation_fact" (
      "escalation_id" UUID PRIMARY KEY,
      "cultivation_id" UUID NOT NULL,
      "type" TEXT NOT NULL,
      "level" INTEGER NOT NULL,
      "stage" TEXT NOT NULL,
      "raised_at" TIMESTAMPTZ NOT NULL
    )`);
    await q.query(`CREATE INDEX "escalation_fact_cultivation_idx" ON "analytics"."escalation_fact" ("cultivation_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "analytics"."escalation_fact"`);
    await q.query(`DROP TABLE "analytics"."cultivation_fact"`);
    await q.query(`DROP TABLE "analytics"."projection_position"`);
  }
}
