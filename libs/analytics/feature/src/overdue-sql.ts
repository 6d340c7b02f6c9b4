/**
 * The deadline a stay in a stage is judged by, as SQL over `stage_period` rows: one rule for time in
 * stage (on time), the overdue indicator and the dashboard's overdue count. At an instant, the
 * deadline in force is the one set by the latest `cultivation.deadline-extended` event for the stay
 * up to then (a manager's extension, the time of a pause once resumed, a re-engagement after a failed
 * follow-up, a recomputation after a policy or calendar change, which may move it earlier); without
 * one, the planned deadline set on entry moved later by the pauses of the stay ended by then (the
 * workflow follows each resume with a deadline-extended event that already includes the pause).
 *
 * Both histories are read as steps, each valid from its instant until the next one, so a statement
 * joins them to its stays and instants in one pass (hash joins) instead of a lookup per stay and
 * instant: the overdue indicator counts every stay at every period end.
 */

/**
 * The WITH entries a statement using `deadlineJoins` must define (after its own `WITH`):
 * `deadline_step`, each deadline-extended event of a stay until the next; `pause_step`, the paused
 * seconds of a stay accumulated at each resume, until the next resume.
 */
export const DEADLINE_STEPS_SQL = `"deadline_step" AS (
  SELECT x."stage_period_id", x."at", x."deadline", lead(x."at") OVER (PARTITION BY x."stage_period_id" ORDER BY x."at", x."id") AS "until"
  FROM "analytics"."deadline_extension" x
),
"pause_step" AS (
  SELECT s."id" AS "stage_period_id", x."resumed_at" AS "at",
    (sum(extract(epoch FROM x."resumed_at" - GREATEST(x."paused_at", s."entered_at"))) OVER (PARTITION BY s."id" ORDER BY x."resumed_at"))::float8 AS "paused",
    lead(x."resumed_at") OVER (PARTITION BY s."id" ORDER BY x."resumed_at") AS "until"
  FROM "analytics"."stage_period" s JOIN "analytics"."pause_interval" x ON x."cultivation_id" = s."cultivation_id" AND x."resumed_at" > s."entered_at"
)`;

/** The joins giving stay `p` its deadline step `ds` and pause step `ps` in force at the instant `at` (an SQL expression). */
export const deadlineJoins = (p: string, at: string) => `
  LEFT JOIN "deadline_step" ds ON ds."stage_period_id" = ${p}."id" AND ds."at" <= ${at} AND (ds."until" IS NULL OR ds."until" > ${at})
  LEFT JOIN "pause_step" ps ON ps."stage_period_id" = ${p}."id" AND ps."at" <= ${at} AND (ps."until" IS NULL OR ps."until" > ${at})`;

/** The deadline in force for stay `p` at the instant of `deadlineJoins`; null when none is known. */
export const deadlineInForce = (p: string) => `COALESCE(ds."deadline", ${p}."deadline" + make_interval(secs => COALESCE(ps."paused", 0)))`;

/** Whether the cultivation of stay `p` was paused at the instant `at`. */
export const pausedAt = (p: string, at: string) => `EXISTS (
  SELECT 1 FROM "analytics"."pause_interval" x
  WHERE x."cultivation_id" = ${p}."cultivation_id" AND x."paused_at" <= ${at} AND (x."resumed_at" IS NULL OR x."resumed_at" > ${at})
)`;

/**
 * The figures of stay `p` fixed when it ends at `at` (an SQL expression), as SET assignments of
 * `stage_period`: the seconds it was paused (the pauses overlapping it, cut to it) and the deadline in
 * force as it ended, by the rule above for one stay. Nothing can change either once the stay is over,
 * so time in stage reads them off the row instead of recomputing them over every pause and extension.
 */
export const stayExitFiguresSql = (p: string, at: string) => `
  "paused_seconds" = COALESCE((
    SELECT sum(GREATEST(extract(epoch FROM LEAST(COALESCE(x."resumed_at", ${at}), ${at}) - GREATEST(x."paused_at", ${p}."entered_at")), 0))::float8
    FROM "analytics"."pause_interval" x
    WHERE x."cultivation_id" = ${p}."cultivation_id" AND x."paused_at" < ${at} AND (x."resumed_at" IS NULL OR x."resumed_at" > ${p}."entered_at")
  ), 0),
  "deadline_at_exit" = COALESCE(
    (SELECT x."deadline" FROM "analytics"."deadline_extension" x WHERE x."stage_period_id" = ${p}."id" AND x."at" <= ${at} ORDER BY x."at" DESC, x."id" DESC LIMIT 1),
    ${p}."deadline" + make_interval(secs => COALESCE((
      SELECT sum(extract(epoch FROM x."resumed_at" - GREATEST(x."paused_at", ${p}."entered_at")))::float8
      FROM "analytics"."pause_interval" x
      WHERE x."cultivation_id" = ${p}."cultivation_id" AND x."resumed_at" > ${p}."entered_at" AND x."resumed_at" <= ${at}
    ), 0))
  )`;
