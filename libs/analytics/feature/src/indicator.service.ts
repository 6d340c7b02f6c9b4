import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ESCALATION_TYPES, STAGES, type EscalationType, type Stage } from '@peiyu/contracts';
import { REPORTING_TIME_ZONE } from '@peiyu/analytics-data-access';
import { DomainException } from '@peiyu/platform-nest';
import { toCsv, type CsvValue } from './csv.js';
import { periodsOf, resolveRange, todayIn, type DateRange, type Period, type PeriodBucket } from './indicator-periods.js';
import type {
  EscalationIndicatorInput,
  EscalationRow,
  EscalationTable,
  IndicatorGroupBy,
  IndicatorInput,
  IndicatorTable,
  StageFunnelRow,
  StageFunnelTable,
  TimeInStageRow,
  TimeInStageTable,
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
  INSTITUTION: `c."institution_id"::text`,
  COMMUNITY: `c."community_id"::text`,
  CATEGORY: `c."category"`,
  COHORT: `to_char(c."cohort", 'YYYY-MM')`,
};

const GROUP_NOUN: Record<IndicatorGroupBy, string> = {
  DISTRICT: 'districts',
  INSTITUTION: 'institutions',
  COMMUNITY: 'communities',
  CATEGORY: 'categories',
  COHORT: 'cohorts',
};

const BUCKET_UNIT: Record<PeriodBucket, string> = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };

/** The cultivations `c` the filter keeps: parameters $1-$4 (null for a list not given). */
const FILTER_SQL = `($1::uuid[] IS NULL OR c."district_id" = ANY($1::uuid[]))
  AND ($2::uuid[] IS NULL OR c."institution_id" = ANY($2::uuid[]))
  AND ($3::uuid[] IS NULL OR c."community_id" = ANY($3::uuid[]))
  AND ($4::text[] IS NULL OR c."category" = ANY($4::text[]))`;

/** The instant column falls within the range: parameters $5 (first day) and $6 (last day), local dates. */
const inRange = (column: string) =>
  `${column} >= ($5::date::timestamp AT TIME ZONE '${TZ}') AND ${column} < (($6::date + 1)::timestamp AT TIME ZONE '${TZ}')`;

/** The key of the period an instant column falls in, as Period.key has it. */
const periodKeySql = (bucket: PeriodBucket | null, column: string) =>
  bucket ? `to_char(date_trunc('${BUCKET_UNIT[bucket]}', ${column} AT TIME ZONE '${TZ}'), 'YYYY-MM-DD')` : `'ALL'`;

/** The seconds between two instants as float8, never negative; null when either is (GREATEST alone would make that 0). */
const secondsBetween = (from: string, to: string) => `(CASE WHEN ${to} - ${from} IS NULL THEN NULL ELSE GREATEST(extract(epoch FROM ${to} - ${from})::float8, 0) END)`;

interface Plan {
  groupBy: IndicatorGroupBy | null;
  bucket: PeriodBucket | null;
  range: DateRange;
  periods: Period[];
  /** $1-$6 of FILTER_SQL and inRange. */
  params: [string[] | null, string[] | null, string[] | null, string[] | null, string, string];
  groupSql: string;
}

const round = (value: number | null, places: number): number | null => (value == null ? null : Math.round(value * 10 ** places) / 10 ** places);
const nonEmpty = <T>(list: T[] | null | undefined): T[] | null => (list && list.length > 0 ? list : null);
const cellKey = (...parts: (string | number | null)[]) => parts.map((part) => (part == null ? '' : String(part))).join('\u0000');

/**
 * The indicator tables, computed on request from the analytics read model only (cultivation_fact,
 * stage_period, pause_interval, escalation_fact), never from another service's tables. Each runs in
 * one read-only snapshot: the size check and the table see the same data.
 */
@Injectable()
export class IndicatorService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async stageFunnel(input: IndicatorInput, now = new Date()): Promise<StageFunnelTable> {
    const plan = this.plan(input, now);
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

  async timeInStage(input: IndicatorInput, now = new Date()): Promise<TimeInStageTable> {
    const plan = this.plan(input, now);
    const raw = await this.read(async (m) => {
      await this.checkSize(m, plan, TIMED_STAGES.length, 'stages');
      return (await m.query(
        `WITH "stay" AS (
           SELECT ${plan.groupSql} AS "group", ${periodKeySql(plan.bucket, 'p."left_at"')} AS "period", p."stage", p."left_at", p."deadline",
             ${secondsBetween('p."entered_at"', 'p."left_at"')} AS "seconds",
             COALESCE((
               SELECT sum(${secondsBetween('GREATEST(x."paused_at", p."entered_at")', 'LEAST(COALESCE(x."resumed_at", p."left_at"), p."left_at")')})
               FROM "analytics"."pause_interval" x
               WHERE x."cultivation_id" = p."cultivation_id" AND x."paused_at" < p."left_at" AND (x."resumed_at" IS NULL OR x."resumed_at" > p."entered_at")
             ), 0)::float8 AS "paused"
           FROM "analytics"."stage_period" p JOIN "analytics"."cultivation_fact" c ON c."cultivation_id" = p."cultivation_id"
           WHERE ${FILTER_SQL} AND p."exit" = 'ADVANCED' AND ${inRange('p."left_at"')}
         )
         SELECT "group", "period", "stage", count(*)::int AS "completed",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY GREATEST("seconds" - "paused", 0)) / 86400 AS "medianDays",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY GREATEST("seconds" - "paused", 0)) / 86400 AS "p90Days",
           count(*) FILTER (WHERE "deadline" IS NOT NULL)::int AS "withDeadline",
           count(*) FILTER (WHERE "deadline" IS NOT NULL AND "left_at" <= "deadline" + make_interval(secs => "paused"))::int AS "onTime"
         FROM "stay" GROUP BY 1, 2, 3`,
        plan.params,
      )) as { group: string | null; period: string; stage: Stage; completed: number; medianDays: number; p90Days: number; withDeadline: number; onTime: number }[];
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
          withDeadline,
          onTime,
          onTimeRate: withDeadline > 0 ? round(onTime / withDeadline, 4) : null,
        });
      }
    }
    return this.table(plan, rows, ['stage', 'completed', 'medianDays', 'p90Days', 'withDeadline', 'onTime', 'onTimeRate']);
  }

  async escalations(input: EscalationIndicatorInput, now = new Date()): Promise<EscalationTable> {
    const plan = this.plan(input, now);
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

  /** The request as SQL parameters, its range resolved and split; refuses a bad period naming its field. */
  private plan(input: IndicatorInput, now: Date): Plan {
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
      ],
      groupSql: groupBy ? GROUP_SQL[groupBy] : 'NULL::text',
    };
  }

  /**
   * Refuses, before the table is computed, a request whose table could exceed MAX_TABLE_ROWS: the
   * groups are counted over the cultivations the filter keeps that ran during the range (started
   * before its end, not ended before its start: only those can have anything in it), times the
   * periods, times the rows each group and period has.
   */
  private async checkSize(m: EntityManager, plan: Plan, rowsPerCell: number, rowNoun: string): Promise<void> {
    let groups = 1;
    if (plan.groupBy) {
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
