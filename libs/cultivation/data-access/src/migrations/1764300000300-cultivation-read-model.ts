import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxTableSql } from '@peiyu/platform-database';

export class CultivationReadModel1764300000300 implements MigrationInterface {
  name = 'CultivationReadModel1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "cultivation"."cultivation" (
      "id" UUID PRIMARY KEY,
      "workflow_id" TEXT NOT NULL UNIQUE,
      "organization_id" UUID NOT NULL,
      "institution_id" UUID NOT NULL,
      "community_id" UUID NOT NULL,
      "district_id" UUID NOT NULL,
      "category" TEXT NOT NULL,
      "stage" TEXT NOT NULL CHECK ("stage" IN ('FORMATION', 'GROWTH', 'MATURITY', 'WITHDRAWAL', 'COMPLETED')),
      "status" TEXT NOT NULL CHECK ("status" IN ('ACTIVE', 'PAUSED', 'TERMINATED')),
      "stage_deadline" TIMESTAMPTZ NOT NULL,
      "started_at" TIMESTAMPTZ NOT NULL,
      "escalation_level" INTEGER NOT NULL DEFAULT 0,
      "version" INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX "cultivation_organization_idx" ON "cultivation"."cultivation" ("organization_id")`);
    await q.query(`CREATE INDEX "cultivation_institution_idx" ON "cultivation"."cultivation" ("institution_id")`);
    await q.query(`CREATE INDEX "cultivation_district_idx" ON "cultivation"."cultivation" ("district_id")`);
    // One open cultivation per organization at a time.
    await q.query(`CREATE UNIQUE INDEX "cultivation_one_open_per_organization" ON "cultivation"."cultivation" ("organization_id") WHERE "status" <> 'TERMINATED' AND "stage" <> 'COMPLETED'`);
    await q.query(`CREATE TABLE "cultivation"."escalation" (
      "id" UUID PRIMARY KEY,
      "cultivation_id" UUID NOT NULL REFERENCES "cultivation"."cultivation"("id") ON DELETE CASCADE,
      "type" TEXT NOT NULL CHECK ("type" IN ('DELAY', 'INTERRUPTION', 'DEVIATION', 'PERFORMANCE')),
      "level" INTEGER NOT NULL CHECK ("level" >= 1),
      "stage" TEXT NOT NULL,
      "status" TEXT NOT NULL CHECK ("status" IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
      "raised_at" TIMESTAMPTZ NOT NULL,
      "idempotency_key" TEXT NOT NULL UNIQUE
    )`);
    await q.query(`CREATE INDEX "escalation_cultivation_idx" ON "cultivation"."escalation" ("cultivation_id")`);
    await q.query(createOutboxTableSql('cultivation'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "cultivation"."outbox"`);
    await q.query(`DROP TABLE "cultivation"."escalation"`);
    await q.query(`DROP TABLE "cultivation"."cultivation"`);
  }
}
