import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read model the indicators need: per cultivation its status, cohort and stage periods (entered,
 * left, how), its paused intervals, and per escalation when it was acknowledged and resolved.
 *
 * Stage periods and pauses cannot be derived from the facts already projected, so both directions
 * empty the read model and reset the cultivation projection to the start of the outbox (which is
 * never pruned): the projector of the version now running rebuilds it from every event.
 */
export class AnalyticsIndicatorFacts1764300000600 implements MigrationInterface {
  name = 'AnalyticsIndicatorFacts1764300000600';

  async up(q: QueryRunner): Promise<void> {
    await resetProjection(q);
    await q.query(`ALTER TABLE "analytics"."cultivation_fact"
      DROP COLUMN "escalations_open",
      ADD COLUMN "status" TEXT NOT NULL DEFAULT 'ACTIVE' CHECK ("status" IN ('ACTIVE', 'PAUSED', 'TERMINATED')),
      ADD COLUMN "cohort" DATE NOT NULL,
      ADD COLUMN "stage_entered_at" TIMESTAMPTZ NOT NULL,
      ADD COLUMN "ended_at" TIMESTAMPTZ`);
    await q.query(`CREATE INDEX "cultivation_fact_institution_idx" ON "analytics"."cultivation_fact" ("institution_id")`);
    await q.query(`CREATE INDEX "cultivation_fact_community_idx" ON "analytics"."cultivation_fact" ("community_id")`);

    await q.query(`CREATE TABLE "analytics"."stage_period" (
      "id" BIGSERIAL PRIMARY KEY,
      "cultivation_id" UUID NOT NULL,
      "stage" TEXT NOT NULL,
      "entered_at" TIMESTAMPTZ NOT NULL,
      "deadline" TIMESTAMPTZ,
      "left_at" TIMESTAMPTZ,
      "exit" TEXT CHECK ("exit" IN ('ADVANCED', 'RETURNED', 'TERMINATED')),
      CHECK (("left_at" IS NULL) = ("exit" IS NULL))
    )`);
    // A cultivation is in one stage at a time.
    await q.query(`CREATE UNIQUE INDEX "stage_period_open_idx" ON "analytics"."stage_period" ("cultivation_id") WHERE "left_at" IS NULL`);
    await q.query(`CREATE INDEX "stage_period_cultivation_idx" ON "analytics"."stage_period" ("cultivation_id", "entered_at")`);
    await q.query(`CREATE INDEX "stage_period_entered_idx" ON "analytics"."stage_period" ("entered_at")`);
    await q.query(`CREATE INDEX "stage_period_left_idx" ON "analytics"."stage_period" ("left_at") WHERE "left_at" IS NOT NULL`);

    await q.query(`CREATE TABLE "analytics"."pause_interval" (
      "id" BIGSERIAL PRIMARY KEY,
      "cultivation_id" UUID NOT NULL,
      "paused_at" TIMESTAMPTZ NOT NULL,
      "resumed_at" TIMESTAMPTZ
    )`);
    await q.query(`CREATE UNIQUE INDEX "pause_interval_open_idx" ON "analytics"."pause_interval" ("cultivation_id") WHERE "resumed_at" IS NULL`);
    await q.query(`CREATE INDEX "pause_interval_cultivation_idx" ON "analytics"."pause_interval" ("cultivation_id", "paused_at")`);

    await q.query(`ALTER TABLE "analytics"."escalation_fact"
      ADD COLUMN "acknowledged_at" TIMESTAMPTZ,
      ADD COLUMN "acknowledged_level" INTEGER,
      ADD COLUMN "resolved_at" TIMESTAMPTZ,
      ADD COLUMN "resolution" TEXT`);
    await q.query(`CREATE INDEX "escalation_fact_raised_idx" ON "analytics"."escalation_fact" ("raised_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await resetProjection(q);
    await q.query(`DROP INDEX "analytics"."escalation_fact_raised_idx"`);
    await q.query(`ALTER TABLE "analytics"."escalation_fact"
      DROP COLUMN "resolution",
      DROP COLUMN "resolved_at",
      DROP COLUMN "acknowledged_level",
      DROP COLUMN "acknowledged_at"`);
    await q.query(`DROP TABLE "analytics"."pause_interval"`);
    await q.query(`DROP TABLE "analytics"."stage_period"`);
    await q.query(`DROP INDEX "analytics"."cultivation_fact_community_idx"`);
    await q.query(`DROP INDEX "analytics"."cultivation_fact_institution_idx"`);
    await q.query(`ALTER TABLE "analytics"."cultivation_fact"
      DROP COLUMN "ended_at",
      DROP COLUMN "stage_entered_at",
      DROP COLUMN "cohort",
      DROP COLUMN "status",
      ADD COLUMN "escalations_open" INTEGER NOT NULL DEFAULT 0 CHECK ("escalations_open" >= 0)`);
  }
}

/** Empties the projected facts and moves the cultivation projection back to the first outbox event. */
async function resetProjection(q: QueryRunner): Promise<void> {
  await q.query(`TRUNCATE "analytics"."cultivation_fact", "analytics"."escalation_fact"`);
  await q.query(`DELETE FROM "analytics"."projection_position" WHERE "source" = 'cultivation'`);
}
