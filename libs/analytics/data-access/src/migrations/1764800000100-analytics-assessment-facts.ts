import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assessments recorded by assessments-service (capacity and maturity scores), projected from its
 * outbox, one row per assessment. Only the new source starts over: the assessments projection is
 * moved back to the start of its outbox (which is never pruned) both ways, and the cultivation and
 * organizations projections are left where they are, their facts untouched.
 */
export class AnalyticsAssessmentFacts1764800000100 implements MigrationInterface {
  name = 'AnalyticsAssessmentFacts1764800000100';

  async up(q: QueryRunner): Promise<void> {
    await resetAssessmentsProjection(q);
    await q.query(`CREATE TABLE "analytics"."assessment_fact" (
      "assessment_id" UUID PRIMARY KEY,
      "organization_id" UUID NOT NULL,
      "kind" TEXT NOT NULL CHECK ("kind" IN ('CAPACITY', 'MATURITY')),
      "score" NUMERIC NOT NULL CHECK ("score" BETWEEN 0 AND 100),
      "pass_score" NUMERIC NOT NULL CHECK ("pass_score" BETWEEN 0 AND 100),
      "passed" BOOLEAN NOT NULL,
      "assessed_on" DATE NOT NULL,
      "recorded_at" TIMESTAMPTZ NOT NULL
    )`);
    await q.query(`CREATE INDEX "assessment_fact_assessed_on_idx" ON "analytics"."assessment_fact" ("assessed_on", "kind")`);
    await q.query(`CREATE INDEX "assessment_fact_organization_idx" ON "analytics"."assessment_fact" ("organization_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await resetAssessmentsProjection(q);
    await q.query(`DROP TABLE "analytics"."assessment_fact"`);
  }
}

/** Moves the assessments projection back to the first event of its outbox; the other sources keep their position. */
async function resetAssessmentsProjection(q: QueryRunner): Promise<void> {
  await q.query(`DELETE FROM "analytics"."projection_position" WHERE "source" = 'assessments'`);
}
