import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each ended stay keeps the two figures time in stage needs (paused seconds, the deadline in force as
 * it ended), fixed by the projector when the stay ends; the stays that ended before are filled here
 * by the same rule (overdue-sql.ts, stayExitFiguresSql, as it stood for this migration).
 */
export class AnalyticsStayExitFigures1765000000100 implements MigrationInterface {
  name = 'AnalyticsStayExitFigures1765000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "analytics"."stage_period" ADD COLUMN "paused_seconds" FLOAT8, ADD COLUMN "deadline_at_exit" TIMESTAMPTZ`);
    await q.query(`UPDATE "analytics"."stage_period" p SET
      "paused_seconds" = COALESCE((
        SELECT sum(GREATEST(extract(epoch FROM LEAST(COALESCE(x."resumed_at", p."left_at"), p."left_at") - GREATEST(x."paused_at", p."entered_at")), 0))::float8
        FROM "analytics"."pause_interval" x
        WHERE x."cultivation_id" = p."cultivation_id" AND x."paused_at" < p."left_at" AND (x."resumed_at" IS NULL OR x."resumed_at" > p."entered_at")
      ), 0),
      "deadline_at_exit" = COALESCE(
        (SELECT x."deadline" FROM "analytics"."deadline_extension" x WHERE x."stage_period_id" = p."id" AND x."at" <= p."left_at" ORDER BY x."at" DESC, x."id" DESC LIMIT 1),
        p."deadline" + make_interval(secs => COALESCE((
          SELECT sum(extract(epoch FROM x."resumed_at" - GREATEST(x."paused_at", p."entered_at")))::float8
          FROM "analytics"."pause_interval" x
          WHERE x."cultivation_id" = p."cultivation_id" AND x."resumed_at" > p."entered_at" AND x."resumed_at" <= p."left_at"
        ), 0))
      )
      WHERE p."left_at" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "analytics"."stage_period" DROP COLUMN "paused_seconds", DROP COLUMN "deadline_at_exit"`);
  }
}
