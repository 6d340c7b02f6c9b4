import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The street and organization of each cultivation (for the STREET cut and scope, and to join
 * organization facts), every deadline extension of a stage period, the outcome of each withdrawal
 * follow-up, and the organization facts projected from organizations-service's outbox (filing,
 * status, last activity change).
 *
 * The new columns cannot be filled from the facts already projected, so both directions empty the
 * read model and move the cultivation and organizations projections back to the start of their
 * outboxes (which are never pruned): the projector of the version now running rebuilds it.
 */
export class AnalyticsScopesDeadlinesOutcomes1764300000700 implements MigrationInterface {
  name = 'AnalyticsScopesDeadlinesOutcomes1764300000700';

  async up(q: QueryRunner): Promise<void> {
    await resetProjection(q);
    await q.query(`ALTER TABLE "analytics"."cultivation_fact"
      ADD COLUMN "street_id" UUID,
      ADD COLUMN "organization_id" UUID`);
    await q.query(`CREATE INDEX "cultivation_fact_street_idx" ON "analytics"."cultivation_fact" ("street_id")`);
    await q.query(`CREATE INDEX "cultivation_fact_organization_idx" ON "analytics"."cultivation_fact" ("organization_id")`);

    await q.query(`CREATE TABLE "analytics"."deadline_extension" (
      "id" BIGSERIAL PRIMARY KEY,
      "stage_period_id" BIGINT NOT NULL REFERENCES "analytics"."stage_period" ("id") ON DELETE CASCADE,
      "at" TIMESTAMPTZ NOT NULL,
      "deadline" TIMESTAMPTZ NOT NULL
    )`);
    await q.query(`CREATE INDEX "deadline_extension_period_idx" ON "analytics"."deadline_extension" ("stage_period_id", "at")`);

    await q.query(`CREATE TABLE "analytics"."follow_up_fact" (
      "id" BIGSERIAL PRIMARY KEY,
      "cultivation_id" UUID NOT NULL,
      "index" INTEGER NOT NULL,
      "months_after" INTEGER NOT NULL,
      "result" TEXT NOT NULL CHECK ("result" IN ('PASSED', 'FAILED', 'MISSED')),
      "at" TIMESTAMPTZ NOT NULL
    )`);
    await q.query(`CREATE INDEX "follow_up_fact_at_idx" ON "analytics"."follow_up_fact" ("at")`);
    await q.query(`CREATE INDEX "follow_up_fact_cultivation_idx" ON "analytics"."follow_up_fact" ("cultivation_id")`);

    await q.query(`CREATE TABLE "analytics"."organization_fact" (
      "organization_id" UUID PRIMARY KEY,
      "status" TEXT,
      "status_at" TIMESTAMPTZ,
      "filed_at" TIMESTAMPTZ,
      "last_activity_at" TIMESTAMPTZ
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await resetProjection(q);
    await q.query(`DROP TABLE "analytics"."organization_fact"`);
    await q.query(`DROP TABLE "analytics"."follow_up_fact"`);
    await q.query(`DROP TABLE "analytics"."deadline_extension"`);
    await q.query(`DROP INDEX "analytics"."cultivation_fact_organization_idx"`);
    await q.query(`DROP INDEX "analytics"."cultivation_fact_street_idx"`);
    await q.query(`ALTER TABLE "analytics"."cultivation_fact" DROP COLUMN "organization_id", DROP COLUMN "street_id"`);
  }
}

/** Empties every projected fact and moves both projections back to the first event of their outbox. */
async function resetProjection(q: QueryRunner): Promise<void> {
  // Up runs it before its tables exist, down before it drops them.
  const [{ exists }]: { exists: boolean }[] = await q.query(`SELECT to_regclass('"analytics"."organization_fact"') IS NOT NULL AS "exists"`);
  await q.query(
    `TRUNCATE "analytics"."cultivation_fact", "analytics"."escalation_fact", "analytics"."stage_period", "analytics"."pause_interval"${
      exists ? `, "analytics"."organization_fact", "analytics"."follow_up_fact"` : ''
    } CASCADE`,
  );
  await q.query(`DELETE FROM "analytics"."projection_position" WHERE "source" IN ('cultivation', 'organizations')`);
}
