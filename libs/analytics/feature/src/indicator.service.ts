import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_PROCESS_POLICY, ESCALATION_TYPES, OUTCOME_LEVELS, RUBRIC_KINDS, STAGES, type EscalationType, type OutcomeLevel, type RubricKind, type Scope, type Stage } from '@peiyu/contracts';
import { REPORTING_TIME_ZONE } from '@peiyu/analytics-data-access';
import { DomainException } from '@peiyu/platform-nest';
import { toCsv, type CsvValue } from './csv.js';
import { periodsOf, resolveRange, todayIn, type DateRange, type Period, type PeriodBucket } from './indicator-periods.js';
import { DEADLINE_STEPS_SQL, deadlineInForce, deadlineJoins, pausedAt } from './overdue-sql.js';
import { scopeParams, scopeSql, type ScopeParams } from './scope.js';
import { SCORE_BANDS } from './indicator.types.js';
import type {
  EscalationIndicatorInput,
  EscalationRow,
  EscalationTable,
  FilingRateRow,
  FilingRateTable,
  FollowUpRow,
  FollowUpTable,
  IndicatorGroupBy,
  IndicatorInput,
  IndicatorTable,
  OutcomeRow,
  OutcomeTable,
  OverdueRow,
  OverdueTable,
  ScoreIndicatorInput,
  ScoreRow,
  ScoreTable,
  StageFunnelRow,
  StageFunnelTable,
  TimeInStageRow,
  TimeInStageTable,
  WithdrawalOutcomeRow,
  WithdrawalOutcomeTable,
} from './indicator.types.js';

/** The most rows an indicator table may have; a query that could exceed it is refused before it runs. */
export const MAX_TABLE_ROWS = 10_000;
/** A safety net under the row bound: no indicator statement runs longer than this. */
const STATEMENT_TIMEOUT_MS = 15_000;
/** The stages a stay can be completed in (COMPLETED is never left). */
const TIMED_STAGES: readonly Stage[] = STAGES.filter((stage) => stage !== 'COMPLETED');

const TZ = REPORTING_TIME_ZONE;

/** The group of a cultivation row `c`, as text. Only these fixed expressions are ever put into SQL. */
const GROUP_SQL: Record<IndicatorGroupBy, string> = {
  DISTRICT: `c."district_id"::text`,
  STREET: `c."street_id"::text`,
  INSTITUTION: `c."institution_id"::text`,
  COMMUNITY: `c."community_id"::text`,
  CATEGORY: `c."category"`,
  COHORT: `to_char(c."cohort", 'YYYY-MM')`,
};

const GROUP_NOUN: Record<IndicatorGroupBy, string> = {
  DISTRICT: 'districts',
  STREET: 'streets',
  INSTITUTION: 'institutions',
  COMMUNITY: 'communities',
  CATEGORY: 'categories',
  COHORT: 'cohorts',
};

const BUCKET_UNIT: Record<PeriodBucket, string> = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };

/**
 * The cultivations `c` the filter keeps, within the caller's scopes: the filter's parameters $1-$4 and
 * $7 (null for a list not given), the scope's $8-$12 (see scope.ts). A filter naming something
 * outside the scopes keeps nothing of it.
 */
const FILTER_SQL = `($1::uuid[] IS NULL OR c."district_id" = ANY($1::uuid[]))
  AND ($2::uuid[] IS NULL OR c."institution_id" = ANY($2::uuid[]))
  AND ($3::uuid[] IS NULL OR c."community_id" = ANY($3::uuid[]))
  AND ($4::text[] IS NULL OR c."category" = ANY($4::text[]))
  AND ($7::uuid[] IS NULL OR c."street_id" = ANY($7::uuid[]))
  AND ${scopeSql('c', 8)}`;

/** The first parameter number free for a statement's own parameters, after FILTER_SQL's and inRange's. */
const FIRST_EXTRA_PARAM = 13;

/** The instant column falls within the range: parameters $5 (first day) and $6 (last day), local dates. */
const inRange = (column: string) =>
  `${column} >= ($5::date::timestamp AT TIME ZONE '${TZ}') AND ${column} < (($6::date + 1)::timestamp AT TIME ZONE '${TZ}')`;

/** The key of the period an instant column falls in, as Period.key has it. */
const periodKeySql = (bucket: PeriodBucket | null, column: string) =>
  bucket ? `to_char(date_trunc('${BUCKET_UNIT[bucket]}', ${column} AT TIME ZONE '${TZ}'), 'YYYY-MM-DD')` : `'ALL'`;

/** The key of the period a local date column falls in, as Period.key has it. */
const periodKeyOfDateSql = (bucket: PeriodBucket | null, column: string) =>
  bucket ? `to_char(date_trunc('${BUCKET_UNIT[bucket]}', ${column}::timestamp), 'YYYY-MM-DD')` : `'ALL'`;

/**
 * The assessments a score table counts, as "scored" rows (group, period, kind, score, pass_score):
 * those assessed within the range ($5-$6, local dates) of the kinds in $13 (all when null), with
 * latestOnly each organization's latest of each kind and period only, each joined to its
 * organization's cultivation `c` (the one started last by the end of the day assessed, else the
 * first started after; none, and the assessment is not counted), kept by FILTER_SQL.
 */
function scoredAssessmentsSql(plan: Plan, latestOnly: boolean): string {
  const assessedBy = `((a."assessed_on" + 1)::timestamp AT TIME ZONE '${TZ}')`;
  return `"assessed" AS (
      SELECT f.*, ${periodKeyOfDateSql(plan.bucket, 'f."assessed_on"')} AS "period"
      FROM "analytics"."assessment_fact" f
      WHERE f."assessed_on" BETWEEN $5::date AND $6::date AND ($${FIRST_EXTRA_PARAM}::text[] IS NULL OR f."kind" = ANY($${FIRST_EXTRA_PARAM}::text[]))
        -- Only organizations with a cultivation the filter keeps can count: this narrows a district's
        -- query to its organizations before the per-assessment lookup below (same rows either way).
        AND EXISTS (SELECT 1 FROM "analytics"."cultivation_fact" c WHERE c."organization_id" = f."organization_id" AND ${FILTER_SQL})
    ),
    "counted" AS (
      ${
        latestOnly
          ? `SELECT DISTINCT ON (x."organization_id", x."kind", x."period") x.* FROM "assessed" x
             ORDER BY x."organization_id", x."kind", x."period", x."assessed_on" DESC, x."recorded_at" DESC, x."assessment_id" DESC`
          : `SELECT * FROM "assessed"`
      }
    ),
    "scored" AS (
      SELECT ${plan.groupSql} AS "group", a."period", a."kind", a."score", a."pass_score"
      FROM "counted" a
      JOIN LATERAL (
        SELECT * FROM "analytics"."cultivation_fact" o WHERE o."organization_id" = a."organization_id"
        ORDER BY o."started_at" < ${assessedBy} DESC,
          CASE WHEN o."started_at" < ${assessedBy} THEN o."started_at" END DESC, o."started_at", o."cultivation_id"
        LIMIT 1
      ) c ON true
      WHERE ${FILTER_SQL}
    )`;
}

/** The seconds between two instants as float8, never negative; null when either is (GREATEST alone would make that 0). */
const secondsBetween = (from: string, to: string) => `(CASE WHEN ${to} - ${from} IS NULL THEN NULL ELSE GREATEST(extract(epoch FROM ${to} - ${from})::float8, 0) END)`;

interface Plan {
  groupBy: IndicatorGroupBy | null;
  bucket: PeriodBucket | null;
  range: DateRange;
  periods: Period[];
  /** $1-$12 of FILTER_SQL and inRange. */
  params: [string[] | null, string[] | null, string[] | null, string[] | null, string, string, string[] | null, ...ScopeParams];
  groupSql: string;
}

/** One non-empty cell of the score table as the database computes it. */
type ScoreCell = { group: string | null; period: string; kind: RubricKind; assessed: number; meanScore: number | null; medianScore: number | null; passed: number } & Record<
  (typeof SCORE_BANDS)[number]['column'],
  number
>;

/** Hours ahead of UTC of REPORTING_TIME_ZONE, which keeps no daylight saving time. */
const REPORTING_UTC_OFFSET_HOURS = 8;

/** The end of a local day (midnight after it, in the reporting zone), or `now` when that is later than now. */
function endOfDay(day: string, now: Date): Date {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const end = new Date(next.getTime() - REPORTING_UTC_OFFSET_HOURS * 3_600_000);
  return end < now ? end : now;
}

const round = (value: number | null, places: number): number | null => (value == null ? null : Math.round(value * 10 ** places) / 10 ** places);
const nonEmpty = <T>(list: T[] | null | undefined): T[] | null => (list && list.length > 0 ? list : null);
const cellKey = (...parts: (string | number | null)[]) => parts.map((part) => (part == null ? '' : String(part))).join('\u0000');

/**
 * The indicator tables, computed on request from the analytics read model only (cultivation_fact,
 * stage_period, pause_interval, escalation_fact, assessment_fact and the other facts), never from
 * another service's tables. Each runs in one read-only snapshot: the size check and the table see
 * the same data.
 */
@Injectable()
export class IndicatorService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async stageFunnel(input: IndicatorInput, scopes: readonly Scope[], now = new Date()): Promise<StageFunnelTable> {
    const plan = this.plan(input, scopes, now);
    const raw = await this.read(async (m) => {
      await this.checkSize(m, plan, STAGES.length, 'stages');
      return (await m.query(
        `SELECT ${plan.groupSql} AS "group", ${periodKeySql(plan.bucket, 'p."entered_at"')} AS "period", p."stage",
           count(DISTINCT p."cultivation_id")::int AS "entered",
           count(DISTINCT p."cultivation_id") FILTER (WHERE p."exit" = 'ADVANCED')::int AS "passed",
           count(DISTINCT p."cultivation_id") FILTER (WHERE p."exit" = 'TERMINATED')::int AS "terminated"
         FROM "analytics"."stage_period" p JOIN "analytics"."cultivation_fact" c ON c."cultivation_id" = p."cultivation_id"
         WHERE ${FILTER_SQL} AND ${inRange('p."entered_at"')}
         GROUP BY 1, 2, 3`,
        plan.params,
      )) as { group: string | null; period: string; stage: Stage; entered: number; passed: number; terminated: number }[];
    });
    const cells = new Map(raw.map((r) => [cellKey(r.group, r.period, r.stage), r]));
    const rows: StageFunnelRow[] = [];
    for (const { group, period } of this.grid(plan, raw)) {
      for (const stage of STAGES) {
        const cell = cells.get(cellKey(group, period.key, stage));
        rows.push({
          ...this.rowHeading(group, period),
          stage,
          entered: cell?.entered ?? 0,
          passed: stage === 'COMPLETED' ? null : (cell?.passed ?? 0),
          terminated: cell?.terminated ?? 0,
        });
      }
    }
    return this.table(plan, rows, ['stage', 'entered', 'passed', 'terminated']);
  }

  async timeInStage(input: IndicatorInput, scopes: readonly Scope[], now = new Date()): Promise<TimeInStageTable> {
    const plan = this.plan(input, scopes, now);
    const raw = await this.read(async (m) => {
      await this.checkSize(m, plan, TIMED_STAGES.length, 'stages');
      return (await m.query(
        `WITH "stay" AS (
           -- Paused time and the deadline in force as the stay ended were fixed when it ended (stayExitFiguresSql).
           SELECT ${plan.groupSql} AS "group", ${periodKeySql(plan.bucket, 'p."left_at"')} AS "period", p."stage", p."left_at", p."entered_at",
             p."deadline" AS "planned", p."deadline_at_exit" AS "deadline",
             ${secondsBetween('p."entered_at"', 'p."left_at"')} AS "seconds",
             COALESCE(p."paused_seconds", 0) AS "paused"
           FROM "analytics"."stage_period" p JOIN "analytics"."cultivation_fact" c ON c."cultivation_id" = p."cultivation_id"
           WHERE ${FILTER_SQL} AND p."exit" = 'ADVANCED' AND ${inRange('p."left_at"')}
         )
         SELECT "group", "period", "stage", count(*)::int AS "completed",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY GREATEST("seconds" - "paused", 0)) / 86400 AS "medianDays",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY GREATEST("seconds" - "paused", 0)) / 86400 AS "p90Days",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${secondsBetween('"entered_at"', '"deadline"')} - "paused") / 86400 AS "medianPlannedDays",
           count(*) FILTER (WHERE "deadline" IS NOT NULL)::int AS "withDeadline",
           count(*) FILTER (WHERE "left_at" <= "deadline")::int AS "onTime",
           count(*) FILTER (WHERE "planned" IS NOT NULL AND "left_at" <= "planned" + make_interval(secs => "paused"))::int AS "onTimeAsPlanned"
         FROM "stay" GROUP BY 1, 2, 3`,
        plan.params,
      )) as {
        group: string | null;
        period: string;
        stage: Stage;
        completed: number;
        medianDays: number;
        p90Days: number;
        medianPlannedDays: number | null;
        withDeadline: number;
        onTime: number;
        onTimeAsPlanned: number;
      }[];
    });
    const cells = new Map(raw.map((r) => [cellKey(r.group, r.period, r.stage), r]));
    const rows: TimeInStageRow[] = [];
    for (const { group, period } of this.grid(plan, raw)) {
      for (const stage of TIMED_STAGES) {
        const cell = cells.get(cellKey(group, period.key, stage));
        const withDeadline = cell?.withDeadline ?? 0;
        const onTime = cell?.onTime ?? 0;
        rows.push({
          ...this.rowHeading(group, period),
          stage,
          completed: cell?.completed ?? 0,
          medianDays: round(cell?.medianDays ?? null, 2),
          p90Days: round(cell?.p90Days ?? null, 2),
          medianPlannedDays: round(cell?.medianPlannedDays ?? null, 2),
          withDeadline,
          onTime,
          onTimeRate: withDeadline > 0 ? round(onTime / withDeadline, 4) : null,
          onTimeAsPlanned: cell?.onTimeAsPlanned ?? 0,
        });
      }
    }
    return this.table(plan, rows, ['stage', 'completed', 'medianDays', 'p90Days', 'medianPlannedDays', 'withDeadline', 'onTime', 'onTimeRate', 'onTimeAsPlanned']);
  }

  async escalations(input: EscalationIndicatorInput, scopes: readonly Scope[], now = new Date()): Promise<EscalationTable> {
    const plan = this.plan(input, scopes, now);
    const byType = input.splitBy?.includes('TYPE') ?? false;
    const byLevel = input.splitBy?.includes('HIGHEST_LEVEL') ?? false;
    const raw = await this.read(async (m) => {
      let levels = 1;
      if (byLevel) {
        const [{ n }]: { n: number }[] = await m.query(
          `SELECT count(DISTINCT e."level")::int AS "n"
           FROM "analytics"."escalation_fact" e JOIN "analytics"."cultivation_fact" c ON c."cultivation_id" = e."cultivation_id"
           WHERE ${FILTER_SQL} AND ${inRange('e."raised_at"')}`,
          plan.params,
        );
        levels = Math.max(n, 1);
      }
      await this.checkSize(m, plan, (byType ? ESCALATION_TYPES.length : 1) * levels, byType && byLevel ? 'causes and levels' : byType ? 'causes' : 'levels');
      return (await m.query(
        `SELECT ${plan.groupSql} AS "group", ${periodKeySql(plan.bucket, 'e."raised_at"')} AS "period",
           ${byType ? 'e."type"' : 'NULL::text'} AS "type", ${byLevel ? 'e."level"' : 'NULL::int'} AS "level",
           count(*)::int AS "raised",
           count(e."acknowledged_at")::int AS "acknowledged",
           count(e."resolved_at")::int AS "resolved",
           count(*) FILTER (WHERE e."resolved_at" IS NULL)::int AS "openNow",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${secondsBetween('e."raised_at"', 'e."acknowledged_at"')}) / 86400 AS "medianDaysToAcknowledge",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${secondsBetween('e."raised_at"', 'e."resolved_at"')}) / 86400 AS "medianDaysToResolve"
         FROM "analytics"."escalation_fact" e JOIN "analytics"."cultivation_fact" c ON c."cultivation_id" = e."cultivation_id"
         WHERE ${FILTER_SQL} AND ${inRange('e."raised_at"')}
         GROUP BY 1, 2, 3, 4`,
        plan.params,
      )) as {
        group: string | null;
        period: string;
        type: EscalationType | null;
        level: number | null;
        raised: number;
        acknowledged: number;
        resolved: number;
        openNow: number;
        medianDaysToAcknowledge: number | null;
        medianDaysToResolve: number | null;
      }[];
    });
    const cells = new Map(raw.map((r) => [cellKey(r.group, r.period, r.type, r.level), r]));
    const types: (EscalationType | null)[] = byType ? [...ESCALATION_TYPES] : [null];
    const levels: (number | null)[] = byLevel ? [...new Set(raw.map((r) => r.level as number))].sort((a, b) => a - b) : [null];
    const rows: EscalationRow[] = [];
    for (const { group, period } of this.grid(plan, raw)) {
      for (const type of types) {
        for (const highestLevel of levels) {
          const cell = cells.get(cellKey(group, period.key, type, highestLevel));
          rows.push({
            ...this.rowHeading(group, period),
            type,
            highestLevel,
            raised: cell?.raised ?? 0,
            acknowledged: cell?.acknowledged ?? 0,
            resolved: cell?.resolved ?? 0,
            openNow: cell?.openNow ?? 0,
            medianDaysToAcknowledge: round(cell?.medianDaysToAcknowledge ?? null, 2),
            medianDaysToResolve: round(cell?.medianDaysToResolve ?? null, 2),
          });
        }
      }
    }
    return this.table(plan, rows, ['type', 'highestLevel', 'raised', 'acknowledged', 'resolved', 'openNow', 'medianDaysToAcknowledge', 'medianDaysToResolve']);
  }

  async overdue(input: IndicatorInput, scopes: readonly Scope[], now = new Date()): Promise<OverdueTable> {
    const plan = this.plan(input, scopes, now);
    const today = todayIn(TZ, now);
    // Each period is counted at the end of its last day, or now while it runs; one not begun has no instant to count at.
    const begun = plan.periods.filter((period) => period.start <= today).map((period) => ({ period, asOf: endOfDay(period.end, now) }));
    const raw = await this.read(async (m) => {
      await this.checkSize(m, plan, 1, 'rows');
      if (begun.length === 0) return [];
      const [keys, instants] = [FIRST_EXTRA_PARAM, FIRST_EXTRA_PARAM + 1];
      return (await m.query(
        `WITH ${DEADLINE_STEPS_SQL},
         "t" AS (
           SELECT u."key", u."at" FROM unnest($${keys}::text[], $${instants}::timestamptz[]) AS u("key", "at")
           WHERE ${inRange('u."at" - interval \'1 microsecond\'')}
         ),
         "running" AS (
           SELECT ${plan.groupSql} AS "group", t."key" AS "period", t."at", ${deadlineInForce('p')} AS "deadline"
           FROM "t"
           JOIN "analytics"."stage_period" p ON p."entered_at" <= t."at" AND (p."left_at" IS NULL OR p."left_at" > t."at") AND p."stage" <> 'COMPLETED'
           JOIN "analytics"."cultivation_fact" c ON c."cultivation_id" = p."cultivation_id"
           ${deadlineJoins('p', 't."at"')}
           WHERE ${FILTER_SQL} AND NOT ${pausedAt('p', 't."at"')}
         )
         SELECT "group", "period", count(*)::int AS "running",
           count("deadline")::int AS "withDeadline",
           count(*) FILTER (WHERE "deadline" < "at")::int AS "overdue"
         FROM "running" GROUP BY 1, 2`,
        [...plan.params, begun.map(({ period }) => period.key), begun.map(({ asOf }) => asOf)],
      )) as { group: string | null; period: string; running: number; withDeadline: number; overdue: number }[];
    });
    const cells = new Map(raw.map((r) => [cellKey(r.group, r.period), r]));
    const asOf = new Map(begun.map(({ period, asOf: instant }) => [period.key, instant]));
    const rows: OverdueRow[] = [];
    for (const { group, period } of this.grid(plan, raw)) {
      const instant = asOf.get(period.key) ?? null;
      const cell = cells.get(cellKey(group, period.key));
      const running = instant ? (cell?.running ?? 0) : null;
      const overdue = instant ? (cell?.overdue ?? 0) : null;
      rows.push({
        ...this.rowHeading(group, period),
        asOf: instant ? instant.toISOString() : null,
        running,
        withDeadline: instant ? (cell?.withDeadline ?? 0) : null,
        overdue,
        overdueRate: running ? round((overdue ?? 0) / running, 4) : null,
      });
    }
    return this.table(plan, rows, ['asOf', 'running', 'withDeadline', 'overdue', 'overdueRate']);
  }

  async filingRate(input: IndicatorInput, scopes: readonly Scope[], now = new Date()): Promise<FilingRateTable> {
    const plan = this.plan(input, scopes, now);
    const raw = await this.read(async (m) => {
      await this.checkSize(m, plan, 1, 'rows');
      return (await m.query(
        `SELECT ${plan.groupSql} AS "group", ${periodKeySql(plan.bucket, 'p."entered_at"')} AS "period",
           count(DISTINCT p."cultivation_id")::int AS "reachedMaturity",
           count(DISTINCT p."cultivation_id") FILTER (WHERE o."filed_at" IS NOT NULL)::int AS "filed"
         FROM "analytics"."stage_period" p
         JOIN "analytics"."cultivation_fact" c ON c."cultivation_id" = p."cultivation_id"
         LEFT JOIN "analytics"."organization_fact" o ON o."organization_id" = c."organization_id"
         WHERE ${FILTER_SQL} AND p."stage" = 'MATURITY' AND ${inRange('p."entered_at"')}
         GROUP BY 1, 2`,
        plan.params,
      )) as { group: string | null; period: string; reachedMaturity: number; filed: number }[];
    });
    const cells = new Map(raw.map((r) => [cellKey(r.group, r.period), r]));
    const rows: FilingRateRow[] = this.grid(plan, raw).map(({ group, period }) => {
      const cell = cells.get(cellKey(group, period.key));
      const reachedMaturity = cell?.reachedMaturity ?? 0;
      const filed = cell?.filed ?? 0;
      return { ...this.rowHeading(group, period), reachedMaturity, filed, filingRate: reachedMaturity > 0 ? round(filed / reachedMaturity, 4) : null };
    });
    return this.table(plan, rows, ['reachedMaturity', 'filed', 'filingRate']);
  }

  async withdrawalOutcome(input: IndicatorInput, scopes: readonly Scope[], now = new Date()): Promise<WithdrawalOutcomeTable> {
    const plan = this.plan(input, scopes, now);
    const raw = await this.read(async (m) => {
      await this.checkSize(m, plan, 1, 'rows');
      return (await m.query(
        `SELECT ${plan.groupSql} AS "group", ${periodKeySql(plan.bucket, 'p."entered_at"')} AS "period",
           count(DISTINCT p."cultivation_id")::int AS "completed",
           count(DISTINCT p."cultivation_id") FILTER (
             WHERE o."last_activity_at" > p."entered_at" AND o."status" IS DISTINCT FROM 'DISSOLVED'
           )::int AS "stillActive"
         FROM "analytics"."stage_period" p
         JOIN "analytics"."cultivation_fact" c ON c."cultivation_id" = p."cultivation_id"
         LEFT JOIN "analytics"."organization_fact" o ON o."organization_id" = c."organization_id"
         WHERE ${FILTER_SQL} AND p."stage" = 'COMPLETED' AND ${inRange('p."entered_at"')}
         GROUP BY 1, 2`,
        plan.params,
      )) as { group: string | null; period: string; completed: number; stillActive: number }[];
    });
    const cells = new Map(raw.map((r) => [cellKey(r.group, r.period), r]));
    const rows: WithdrawalOutcomeRow[] = this.grid(plan, raw).map(({ group, period }) => {
      const cell = cells.get(cellKey(group, period.key));
      const completed = cell?.completed ?? 0;
      const stillActive = cell?.stillActive ?? 0;
      return { ...this.rowHeading(group, period), completed, stillActive, stillActiveRate: completed > 0 ? round(stillActive / completed, 4) : null };
    });
    return this.table(plan, rows, ['completed', 'stillActive', 'stillActiveRate']);
  }

  async followUps(input: IndicatorInput, scopes: readonly Scope[], now = new Date()): Promise<FollowUpTable> {
    const plan = this.plan(input, scopes, now);
    const raw = await this.read(async (m) => {
      const seen: { months: number }[] = await m.query(
        `SELECT DISTINCT f."months_after" AS "months"
         FROM "analytics"."follow_up_fact" f JOIN "analytics"."cultivation_fact" c ON c."cultivation_id" = f."cultivation_id"
         WHERE ${FILTER_SQL} AND ${inRange('f."at"')}`,
        plan.params,
      );
      const months = [...new Set([...DEFAULT_PROCESS_POLICY.withdrawal.followUpMonths, ...seen.map((row) => row.months)])].sort((a, b) => a - b);
      await this.checkSize(m, plan, months.length, 'follow-up offsets');
      const rows = (await m.query(
        `SELECT ${plan.groupSql} AS "group", ${periodKeySql(plan.bucket, 'f."at"')} AS "period", f."months_after" AS "monthsAfter",
           count(*) FILTER (WHERE f."result" = 'PASSED')::int AS "passed",
           count(*) FILTER (WHERE f."result" = 'FAILED')::int AS "failed",
           count(*) FILTER (WHERE f."result" = 'MISSED')::int AS "missed"
         FROM "analytics"."follow_up_fact" f JOIN "analytics"."cultivation_fact" c ON c."cultivation_id" = f."cultivation_id"
         WHERE ${FILTER_SQL} AND ${inRange('f."at"')}
         GROUP BY 1, 2, 3`,
        plan.params,
      )) as { group: string | null; period: string; monthsAfter: number; passed: number; failed: number; missed: number }[];
      return { months, rows };
    });
    const cells = new Map(raw.rows.map((r) => [cellKey(r.group, r.period, r.monthsAfter), r]));
    const rows: FollowUpRow[] = [];
    for (const { group, period } of this.grid(plan, raw.rows)) {
      for (const monthsAfter of raw.months) {
        const cell = cells.get(cellKey(group, period.key, monthsAfter));
        const passed = cell?.passed ?? 0;
        const failed = cell?.failed ?? 0;
        rows.push({
          ...this.rowHeading(group, period),
          monthsAfter,
          passed,
          failed,
          missed: cell?.missed ?? 0,
          passRate: passed + failed > 0 ? round(passed / (passed + failed), 4) : null,
        });
      }
    }
    return this.table(plan, rows, ['monthsAfter', 'passed', 'failed', 'missed', 'passRate']);
  }

  /**
   * The outcome evaluations of the cultivations kept, by the day evaluated: per level, each
   * cultivation's latest evaluation in the period (a re-engaged cultivation is evaluated again).
   */
  async outcomes(input: IndicatorInput, scopes: readonly Scope[], now = new Date()): Promise<OutcomeTable> {
    const plan = this.plan(input, scopes, now);
    const raw = await this.read(async (m) => {
      await this.checkSize(m, plan, OUTCOME_LEVELS.length, 'levels');
      return (await m.query(
        `WITH "evaluated" AS (
           SELECT ${plan.groupSql} AS "group", ${periodKeyOfDateSql(plan.bucket, 'f."evaluated_on"')} AS "period", f.*
           FROM "analytics"."outcome_fact" f JOIN "analytics"."cultivation_fact" c ON c."cultivation_id" = f."cultivation_id"
           WHERE ${FILTER_SQL} AND f."evaluated_on" BETWEEN $5::date AND $6::date
         ),
         "latest" AS (
           SELECT DISTINCT ON (e."cultivation_id", e."level", e."period") e.* FROM "evaluated" e
           ORDER BY e."cultivation_id", e."level", e."period", e."evaluated_on" DESC, e."recorded_at" DESC, e."evaluation_id" DESC
         )
         SELECT "group", "period", "level", count(*)::int AS "evaluated",
           round(avg("score"), 2)::float8 AS "meanScore",
           (round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ("score" * 100)::float8))::numeric) / 100)::float8 AS "medianScore",
           count(*) FILTER (WHERE "met_target")::int AS "metTarget"
         FROM "latest" GROUP BY 1, 2, 3`,
        plan.params,
      )) as { group: string | null; period: string; level: OutcomeLevel; evaluated: number; meanScore: number; medianScore: number; metTarget: number }[];
    });
    const cells = new Map(raw.map((r) => [cellKey(r.group, r.period, r.level), r]));
    const rows: OutcomeRow[] = [];
    for (const { group, period } of this.grid(plan, raw)) {
      for (const level of OUTCOME_LEVELS) {
        const cell = cells.get(cellKey(group, period.key, level));
        const evaluated = cell?.evaluated ?? 0;
        const metTarget = cell?.metTarget ?? 0;
        rows.push({
          ...this.rowHeading(group, period),
          level,
          evaluated,
          meanScore: cell?.meanScore ?? null,
          medianScore: cell?.medianScore ?? null,
          metTarget,
          metTargetRate: evaluated > 0 ? round(metTarget / evaluated, 4) : null,
        });
      }
    }
    return this.table(plan, rows, ['level', 'evaluated', 'meanScore', 'medianScore', 'metTarget', 'metTargetRate']);
  }

  async scores(input: ScoreIndicatorInput, scopes: readonly Scope[], now = new Date()): Promise<ScoreTable> {
    const plan = this.plan(input, scopes, now);
    const kinds: readonly RubricKind[] = input.kind ? [input.kind] : RUBRIC_KINDS;
    const params = [...plan.params, input.kind ? [input.kind] : null];
    const scored = scoredAssessmentsSql(plan, input.latestOnly === true);
    const raw = await this.read(async (m) => {
      const cells = (await m.query(
        `WITH ${scored}
         SELECT "group", "period", "kind", count(*)::int AS "assessed",
           round(avg("score"), 2)::float8 AS "meanScore",
           -- In hundredths, a median of scores with two decimals is whole or a half, exact in float8.
           (round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ("score" * 100)::float8))::numeric) / 100)::float8 AS "medianScore",
           count(*) FILTER (WHERE "score" >= "pass_score")::int AS "passed",
           ${SCORE_BANDS.map(
             (band) =>
               `count(*) FILTER (WHERE "score" >= ${band.from}${band.to === 100 ? '' : ` AND "score" < ${band.to}`})::int AS "${band.column}"`,
           ).join(',\n           ')}
         FROM "scored" GROUP BY 1, 2, 3`,
        params,
      )) as ScoreCell[];
      // The groups are those of the assessments counted (an organization's cultivation may have ended
      // before the range), so they are known only from the answer; counting them apart would cost as much.
      await this.checkSize(m, plan, kinds.length, kinds.length === 1 ? 'kind' : 'kinds', new Set(cells.map((cell) => cell.group)).size);
      return cells;
    });
    const cells = new Map(raw.map((r) => [cellKey(r.group, r.period, r.kind), r]));
    const rows: ScoreRow[] = [];
    for (const { group, period } of this.grid(plan, raw)) {
      for (const kind of kinds) {
        const cell = cells.get(cellKey(group, period.key, kind));
        const assessed = cell?.assessed ?? 0;
        const passed = cell?.passed ?? 0;
        rows.push({
          ...this.rowHeading(group, period),
          kind,
          assessed,
          meanScore: cell?.meanScore ?? null,
          medianScore: cell?.medianScore ?? null,
          passed,
          passRate: assessed > 0 ? round(passed / assessed, 4) : null,
          band0To20: cell?.band0To20 ?? 0,
          band20To40: cell?.band20To40 ?? 0,
          band40To60: cell?.band40To60 ?? 0,
          band60To80: cell?.band60To80 ?? 0,
          band80To100: cell?.band80To100 ?? 0,
        });
      }
    }
    return this.table(plan, rows, ['kind', 'assessed', 'meanScore', 'medianScore', 'passed', 'passRate', ...SCORE_BANDS.map((band) => band.column)]);
  }

  /** The request as SQL parameters, its range resolved and split; refuses a bad period naming its field. */
  private plan(input: IndicatorInput, scopes: readonly Scope[], now: Date): Plan {
    const range = resolveRange(input.period, todayIn(TZ, now));
    const bucket = input.period?.bucket ?? null;
    const groupBy = input.groupBy ?? null;
    const filter = input.filter;
    return {
      groupBy,
      bucket,
      range,
      periods: periodsOf(range, bucket),
      params: [
        nonEmpty(filter?.districtIds),
        nonEmpty(filter?.institutionIds),
        nonEmpty(filter?.communityIds),
        nonEmpty(filter?.categories),
        range.from,
        range.to,
        nonEmpty(filter?.streetIds),
        ...scopeParams(scopes),
      ],
      groupSql: groupBy ? GROUP_SQL[groupBy] : 'NULL::text',
    };
  }

  /**
   * Refuses, before the table is built, a request whose table could exceed MAX_TABLE_ROWS: the
   * groups are counted over the cultivations the filter keeps that ran during the range (started
   * before its end, not ended before its start: only those can have anything in it), times the
   * periods, times the rows each group and period has.
   */
  private async checkSize(
    m: EntityManager,
    plan: Plan,
    rowsPerCell: number,
    rowNoun: string,
    /** The number of groups, when the caller knows it; otherwise those of the cultivations kept in the range. */
    knownGroups?: number,
  ): Promise<void> {
    let groups = 1;
    if (plan.groupBy && knownGroups !== undefined) {
      groups = knownGroups;
    } else if (plan.groupBy) {
      const [{ n }]: { n: number }[] = await m.query(
        `SELECT count(DISTINCT ${plan.groupSql})::int AS "n" FROM "analytics"."cultivation_fact" c
         WHERE ${FILTER_SQL} AND c."started_at" < (($6::date + 1)::timestamp AT TIME ZONE '${TZ}')
           AND (c."ended_at" IS NULL OR c."ended_at" >= ($5::date::timestamp AT TIME ZONE '${TZ}'))`,
        plan.params,
      );
      groups = n;
    }
    const rows = groups * plan.periods.length * rowsPerCell;
    if (rows <= MAX_TABLE_ROWS) return;
    const cut = plan.groupBy ? `${groups} ${GROUP_NOUN[plan.groupBy]} × ` : '';
    throw DomainException.badInput(
      plan.groupBy ? 'groupBy' : 'period.bucket',
      `This table could have ${rows} rows (${cut}${plan.periods.length} period${plan.periods.length === 1 ? '' : 's'} × ${rowsPerCell} ${rowNoun}), ` +
        `over the limit of ${MAX_TABLE_ROWS}: ` +
        'filter to fewer cultivations, group by something coarser, or choose a coarser period.bucket or a shorter period.',
    );
  }

  /**
   * The groups and periods of a table: every period of the range for each group that has data in it
   * (or for the one group null when not grouped, so an empty ungrouped table still has its zeros).
   */
  private grid(plan: Plan, raw: { group: string | null }[]): { group: string | null; period: Period }[] {
    const groups = plan.groupBy ? [...new Set(raw.map((r) => r.group as string))].sort() : [null];
    return groups.flatMap((group) => plan.periods.map((period) => ({ group, period })));
  }

  private rowHeading(group: string | null, period: Period) {
    return { group, period: period.label, periodStart: period.start, periodEnd: period.end };
  }

  private table<R extends object>(plan: Plan, rows: R[], columns: (keyof R & string)[]): IndicatorTable & { rows: R[] } {
    const header = ['group', 'period', 'periodStart', 'periodEnd', ...columns];
    return {
      groupBy: plan.groupBy,
      bucket: plan.bucket,
      from: plan.range.from,
      to: plan.range.to,
      timeZone: TZ,
      rows,
      csv: toCsv(
        header,
        rows.map((row) => header.map((column) => (row as Record<string, CsvValue>)[column])),
      ),
    };
  }

  /** Runs the reads of one table in one read-only snapshot, each statement bounded in time. */
  private read<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      await m.query(`SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
      return work(m);
    });
  }
}
