import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full process read model: gate snapshot, stage history, the timeline of every recorded event,
 * escalations that climb (one row per escalation, one step per level), and versioned policies.
 */
export class CultivationProcess1764300000400 implements MigrationInterface {
  name = 'CultivationProcess1764300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cultivation"."cultivation"
      ADD COLUMN "stage_started_at" TIMESTAMPTZ,
      ADD COLUMN "policy_version" INTEGER,
      ADD COLUMN "gate" JSONB NOT NULL DEFAULT '{"criteria": [], "met": false, "evaluatedAt": null}',
      ADD COLUMN "paused_at" TIMESTAMPTZ,
      ADD COLUMN "deviation" JSONB,
      ADD COLUMN "street_id" UUID`);
    await q.query(`CREATE INDEX "cultivation_street_idx" ON "cultivation"."cultivation" ("street_id")`);
    await q.query(`UPDATE "cultivation"."cultivation" SET "stage_started_at" = "started_at"`);
    await q.query(`ALTER TABLE "cultivation"."cultivation" ALTER COLUMN "stage_started_at" SET NOT NULL`);

    await q.query(`CREATE TABLE "cultivation"."stage_history" (
      "cultivation_id" UUID NOT NULL REFERENCES "cultivation"."cultivation"("id") ON DELETE CASCADE,
      "stage" TEXT NOT NULL,
      "entered_at" TIMESTAMPTZ NOT NULL,
      "planned_deadline" TIMESTAMPTZ NOT NULL,
      "deadline" TIMESTAMPTZ NOT NULL,
      "left_at" TIMESTAMPTZ,
      "paused_seconds" INTEGER NOT NULL DEFAULT 0,
      "policy_version" INTEGER NOT NULL,
      "approved_by" UUID,
      PRIMARY KEY ("cultivation_id", "stage")
    )`);

    // Each workflow of a cultivation (its process, its withdrawal) numbers its own events.
    await q.query(`CREATE TABLE "cultivation"."timeline_event" (
      "cultivation_id" UUID NOT NULL REFERENCES "cultivation"."cultivation"("id") ON DELETE CASCADE,
      "stream" TEXT NOT NULL DEFAULT 'process',
      "sequence" INTEGER NOT NULL,
      "kind" TEXT NOT NULL,
      "at" TIMESTAMPTZ NOT NULL,
      "actor_id" UUID,
      "actor_role" TEXT,
      "details" JSONB NOT NULL,
      PRIMARY KEY ("cultivation_id", "stream", "sequence")
    )`);

    // The withdrawal stage as its child workflow last reported it.
    await q.query(`CREATE TABLE "cultivation"."withdrawal" (
      "cultivation_id" UUID PRIMARY KEY REFERENCES "cultivation"."cultivation"("id") ON DELETE CASCADE,
      "state" JSONB NOT NULL,
      "updated_at" TIMESTAMPTZ NOT NULL
    )`);

    // Escalations become one row each, climbing; the per-level rows of the foundation are dropped.
    await q.query(`DELETE FROM "cultivation"."escalation"`);
    await q.query(`ALTER TABLE "cultivation"."escalation"
      DROP COLUMN "idempotency_key",
      ADD COLUMN "key" TEXT NOT NULL,
      ADD COLUMN "level_due_at" TIMESTAMPTZ NOT NULL,
      ADD COLUMN "acknowledged_at" TIMESTAMPTZ,
      ADD COLUMN "acknowledged_by" UUID,
      ADD COLUMN "acknowledgement_plan" TEXT,
      ADD COLUMN "resolved_at" TIMESTAMPTZ,
      ADD COLUMN "resolution" TEXT,
      ADD CONSTRAINT "escalation_key_per_cultivation" UNIQUE ("cultivation_id", "key")`);
    await q.query(`CREATE INDEX "escalation_open_idx" ON "cultivation"."escalation" ("status") WHERE "status" <> 'RESOLVED'`);
    await q.query(`CREATE TABLE "cultivation"."escalation_step" (
      "escalation_id" UUID NOT NULL REFERENCES "cultivation"."escalation"("id") ON DELETE CASCADE,
      "level" INTEGER NOT NULL,
      "raised_at" TIMESTAMPTZ NOT NULL,
      "due_at" TIMESTAMPTZ NOT NULL,
      "acknowledged_at" TIMESTAMPTZ,
      "acknowledged_by" UUID,
      "plan" TEXT,
      PRIMARY KEY ("escalation_id", "level")
    )`);

    await q.query(`CREATE TABLE "cultivation"."process_policy" (
      "id" UUID PRIMARY KEY,
      "district_id" UUID,
      "version" INTEGER NOT NULL,
      "document" JSONB NOT NULL,
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "created_by" UUID
    )`);
    await q.query(`CREATE UNIQUE INDEX "process_policy_version" ON "cultivation"."process_policy" (COALESCE("district_id", '00000000-0000-0000-0000-000000000000'::uuid), "version")`);

    // The in-app inbox: one row per recipient, written with the event that caused it.
    await q.query(`CREATE TABLE "cultivation"."notification" (
      "id" UUID PRIMARY KEY,
      "user_id" UUID NOT NULL,
      "kind" TEXT NOT NULL,
      "cultivation_id" UUID NOT NULL REFERENCES "cultivation"."cultivation"("id") ON DELETE CASCADE,
      "escalation_id" UUID,
      "summary" TEXT NOT NULL,
      "details" JSONB NOT NULL,
      "created_at" TIMESTAMPTZ NOT NULL,
      "read_at" TIMESTAMPTZ,
      "source_key" TEXT NOT NULL,
      UNIQUE ("source_key", "user_id")
    )`);
    await q.query(`CREATE INDEX "notification_inbox_idx" ON "cultivation"."notification" ("user_id", "created_at" DESC)`);

    // The working-day calendar's exceptions to Monday-Friday: public holidays and make-up working
    // weekends (调休), by China date, year by year as the State Council publishes them.
    await q.query(`CREATE TABLE "cultivation"."calendar_day" (
      "day" DATE PRIMARY KEY,
      "working" BOOLEAN NOT NULL,
      "note" TEXT NOT NULL DEFAULT '',
      "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "updated_by" UUID
    )`);

    // How far the evidence relay has read each other schema's outbox.
    await q.query(`CREATE TABLE "cultivation"."relay_position" (
      "source" TEXT PRIMARY KEY,
      "last_id" BIGINT NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "cultivation"."relay_position"`);
    await q.query(`DROP TABLE "cultivation"."calendar_day"`);
    await q.query(`DROP TABLE "cultivation"."notification"`);
    await q.query(`DROP TABLE "cultivation"."process_policy"`);
    await q.query(`DROP TABLE "cultivation"."escalation_step"`);
    await q.query(`DROP INDEX "cultivation"."escalation_open_idx"`);
    await q.query(`DELETE FROM "cultivation"."escalation"`);
    await q.query(`ALTER TABLE "cultivation"."escalation"
      DROP CONSTRAINT "escalation_key_per_cultivation",
      DROP COLUMN "key", DROP COLUMN "level_due_at", DROP COLUMN "acknowledged_at", DROP COLUMN "acknowledged_by",
      DROP COLUMN "acknowledgement_plan", DROP COLUMN "resolved_at", DROP COLUMN "resolution",
      ADD COLUMN "idempotency_key" TEXT NOT NULL UNIQUE`);
    await q.query(`DROP TABLE "cultivation"."withdrawal"`);
    await q.query(`DROP TABLE "cultivation"."timeline_event"`);
    await q.query(`DROP TABLE "cultivation"."stage_history"`);
    await q.query(`ALTER TABLE "cultivation"."cultivation"
      DROP COLUMN "stage_started_at", DROP COLUMN "policy_version", DROP COLUMN "gate", DROP COLUMN "paused_at", DROP COLUMN "deviation", DROP COLUMN "street_id"`);
  }
}
