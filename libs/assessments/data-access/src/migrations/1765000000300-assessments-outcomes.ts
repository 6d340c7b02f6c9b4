import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcome indicator set versions (version 1 of each level is built in, in contracts), the outcome
 * evaluations of cultivations at the three levels, and the follow-up checks after withdrawal.
 */
export class AssessmentsOutcomes1765000000300 implements MigrationInterface {
  name = 'AssessmentsOutcomes1765000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "assessments"."outcome_indicator_set" (
      "id" UUID PRIMARY KEY,
      "level" TEXT NOT NULL CHECK ("level" IN ('COMMUNITY', 'ORGANIZATION', 'INSTITUTION')),
      "version" INTEGER NOT NULL CHECK ("version" >= 2),
      "document" JSONB NOT NULL,
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "created_by" UUID NOT NULL,
      CONSTRAINT "outcome_indicator_set_version_unique" UNIQUE ("level", "version")
    )`);
    await q.query(`CREATE TABLE "assessments"."outcome_evaluation" (
      "id" UUID PRIMARY KEY,
      "organization_id" UUID NOT NULL,
      "community_id" UUID NOT NULL,
      "cultivation_id" UUID NOT NULL,
      "levels" JSONB NOT NULL,
      "community_score" NUMERIC(5, 2) NOT NULL CHECK ("community_score" BETWEEN 0 AND 100),
      "organization_score" NUMERIC(5, 2) NOT NULL CHECK ("organization_score" BETWEEN 0 AND 100),
      "institution_score" NUMERIC(5, 2) NOT NULL CHECK ("institution_score" BETWEEN 0 AND 100),
      "evaluated_on" DATE NOT NULL,
      "evaluated_by" UUID NOT NULL,
      "note" TEXT,
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "outcome_evaluation_organization_idx" ON "assessments"."outcome_evaluation" ("organization_id", "evaluated_on" DESC)`);
    await q.query(`CREATE INDEX "outcome_evaluation_cultivation_idx" ON "assessments"."outcome_evaluation" ("cultivation_id")`);
    await q.query(`CREATE TABLE "assessments"."follow_up_check" (
      "id" UUID PRIMARY KEY,
      "organization_id" UUID NOT NULL,
      "community_id" UUID NOT NULL,
      "cultivation_id" UUID NOT NULL,
      "follow_up_index" INTEGER NOT NULL CHECK ("follow_up_index" BETWEEN 0 AND 11),
      "findings" JSONB NOT NULL,
      "passed" BOOLEAN NOT NULL,
      "checked_on" DATE NOT NULL,
      "checked_by" UUID NOT NULL,
      "note" TEXT,
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "follow_up_check_organization_idx" ON "assessments"."follow_up_check" ("organization_id", "checked_on" DESC)`);
    await q.query(`CREATE INDEX "follow_up_check_cultivation_idx" ON "assessments"."follow_up_check" ("cultivation_id", "follow_up_index")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "assessments"."follow_up_check"`);
    await q.query(`DROP TABLE "assessments"."outcome_evaluation"`);
    await q.query(`DROP TABLE "assessments"."outcome_indicator_set"`);
  }
}
