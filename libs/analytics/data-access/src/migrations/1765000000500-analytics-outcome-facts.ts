import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outcome evaluations recorded by assessments-service, projected from its outbox, one row per
 * evaluation and level. The assessments projection starts over from the beginning of its outbox
 * (which is never pruned), so evaluations it skipped before it knew them are counted; assessment_fact
 * inserts are idempotent, so nothing there counts twice.
 */
export class AnalyticsOutcomeFacts1765000000500 implements MigrationInterface {
  name = 'AnalyticsOutcomeFacts1765000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "analytics"."projection_position" WHERE "source" = 'assessments'`);
    await q.query(`CREATE TABLE "analytics"."outcome_fact" (
      "evaluation_id" UUID NOT NULL,
      "level" TEXT NOT NULL CHECK ("level" IN ('COMMUNITY', 'ORGANIZATION', 'INSTITUTION')),
      "organization_id" UUID NOT NULL,
      "cultivation_id" UUID NOT NULL,
      "score" NUMERIC NOT NULL CHECK ("score" BETWEEN 0 AND 100),
      "met_target" BOOLEAN NOT NULL,
      "evaluated_on" DATE NOT NULL,
      "recorded_at" TIMESTAMPTZ NOT NULL,
      PRIMARY KEY ("evaluation_id", "level")
    )`);
    await q.query(`CREATE INDEX "outcome_fact_evaluated_on_idx" ON "analytics"."outcome_fact" ("evaluated_on")`);
    await q.query(`CREATE INDEX "outcome_fact_cultivation_idx" ON "analytics"."outcome_fact" ("cultivation_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "analytics"."outcome_fact"`);
  }
}
