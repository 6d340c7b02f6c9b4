import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Module, type DynamicModule } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { analyticsOwnership } from '@peiyu/analytics-data-access';
import { AnalyticsModule } from '@peiyu/analytics-feature';
import { SubgraphModule } from '@peiyu/platform-nest';
import { dataOf, graphql, requireDatabaseUrl, startTestApp, tokenFor, uniqueSuffix, type TestApp } from '@peiyu/platform-testing';
import { generateDataset, type Dataset } from './generate.js';
import { SCALES } from './scales.js';
import { writeDataset } from './writer.js';

/**
 * Issue 5's agreement test: on generated data (the `small` scale, a few hundred cultivations in two
 * districts of their own), the analytics projector consumes the generated cultivation outbox, and
 * every indicator it answers through GraphQL equals a direct count, written by hand in SQL below, on
 * the services' base tables (cultivation, stage_history, timeline_event, escalation; organizations'
 * organization, activity and filing; assessments' assessment, outcome_evaluation and
 * follow_up_check). Periods are years of Asia/Shanghai; groups are the districts.
 */

@Module({})
class AnalyticsUnderTest {
  static forDatabase(databaseUrl: string): DynamicModule {
    return { module: AnalyticsUnderTest, imports: [SubgraphModule.forService({ databaseUrl, ownerships: [analyticsOwnership], imports: [AnalyticsModule] })] };
  }
}

const TZ = 'Asia/Shanghai';
const PERIOD = { from: '2023-01-01', to: '2026-12-31', bucket: 'YEAR' };
const IN_RANGE = (column: string) => `${column} >= '2023-01-01 00:00:00+08' AND ${column} < '2027-01-01 00:00:00+08'`;
const YEAR_OF = (column: string) => `to_char(date_trunc('year', ${column} AT TIME ZONE '${TZ}'), 'YYYY')`;

/** A stay counts as passed once the cultivation entered a later stage (COMPLETED after WITHDRAWAL). */
const ADVANCED = `(CASE WHEN h."stage" = 'WITHDRAWAL' THEN c."stage" = 'COMPLETED'
  ELSE EXISTS (SELECT 1 FROM "cultivation"."stage_history" n WHERE n."cultivation_id" = h."cultivation_id" AND n."entered_at" > h."entered_at") END)`;

type Row = Record<string, unknown>;
const key = (...parts: unknown[]) => parts.map((p) => (p === null || p === undefined ? '' : String(p))).join('|');
/** Days as the service rounds them (to 0.01), from a float of days. */
const days = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

describe('indicators agree with direct counts on the base tables (generated data)', () => {
  let service: TestApp;
  let client: pg.Client;
  let dataset: Dataset;
  let token: string;
  let districtIds: string[];

  const query = async <T>(text: string, variables: Record<string, unknown> = {}) => dataOf(await graphql<T>(service.url, text, variables, token));
  const sql = async <T extends Row>(text: string) => (await client.query<T>(text, [districtIds])).rows;

  beforeAll(async () => {
    service = await startTestApp(AnalyticsUnderTest.forDatabase(requireDatabaseUrl()));
    client = new pg.Client({ connectionString: requireDatabaseUrl() });
    await client.connect();
    token = await tokenFor('ADMIN');
    dataset = generateDataset({ scale: SCALES.small, seed: Number.parseInt(uniqueSuffix(), 16) % 1_000_000_000 });
    districtIds = dataset.districts.map((d) => d.id);
    await writeDataset(client, dataset, { append: true, analyze: false });
    // Wait until the projector has applied every event written so far to each outbox, ours included.
    const deadline = Date.now() + 100_000;
    for (const source of ['cultivation', 'organizations', 'assessments']) {
      const [{ last }] = (await client.query<{ last: string }>(`SELECT COALESCE(max("id"), 0)::text AS "last" FROM "${source}"."outbox"`)).rows;
      for (;;) {
        const { rows } = await client.query<{ at: string | null }>(`SELECT "last_id"::text AS "at" FROM "analytics"."projection_position" WHERE "source" = $1`, [source]);
        if (rows[0]?.at && BigInt(rows[0].at) >= BigInt(last)) break;
        if (Date.now() > deadline) throw new Error(`The projector did not reach ${source} outbox id ${last} in time (at ${rows[0]?.at ?? 'nothing'}).`);
        await sleep(250);
      }
    }
  }, 180_000);

  afterAll(async () => {
    await client?.end();
    await service?.close();
  });

  const input = (extra: Row = {}) => ({ input: { groupBy: 'DISTRICT', filter: { districtIds }, period: PERIOD, ...extra } });

  it('has generated what the indicators need: every stage, terminations, pauses, escalations of every cause, overdue stays, organizations active and not after completion', async () => {
    const [facts] = await sql<{ stages: number; terminated: number; paused: number; causes: number; overdueNow: number; lateLeft: number; completedActive: number; completedInactive: number }>(
      `SELECT (SELECT count(DISTINCT "stage")::int FROM "cultivation"."cultivation" WHERE "district_id" = ANY($1::uuid[])) AS "stages",
              (SELECT count(*)::int FROM "cultivation"."cultivation" WHERE "district_id" = ANY($1::uuid[]) AND "status" = 'TERMINATED') AS "terminated",
              (SELECT count(*)::int FROM "cultivation"."stage_history" h JOIN "cultivation"."cultivation" c ON c."id" = h."cultivation_id"
                WHERE c."district_id" = ANY($1::uuid[]) AND h."paused_seconds" > 0) AS "paused",
              (SELECT count(DISTINCT e."type")::int FROM "cultivation"."escalation" e JOIN "cultivation"."cultivation" c ON c."id" = e."cultivation_id"
                WHERE c."district_id" = ANY($1::uuid[])) AS "causes",
              (SELECT count(*)::int FROM "cultivation"."stage_history" h JOIN "cultivation"."cultivation" c ON c."id" = h."cultivation_id"
                WHERE c."district_id" = ANY($1::uuid[]) AND c."status" = 'ACTIVE' AND h."left_at" IS NULL AND h."deadline" < now()) AS "overdueNow",
              (SELECT count(*)::int FROM "cultivation"."stage_history" h JOIN "cultivation"."cultivation" c ON c."id" = h."cultivation_id"
                WHERE c."district_id" = ANY($1::uuid[]) AND h."left_at" > h."deadline") AS "lateLeft",
              (SELECT count(*)::int FROM "cultivation"."cultivation" c
                WHERE c."district_id" = ANY($1::uuid[]) AND c."stage" = 'COMPLETED'
                  AND EXISTS (SELECT 1 FROM "organizations"."activity" a WHERE a."organization_id" = c."organization_id" AND a."created_at" > c."stage_started_at")) AS "completedActive",
              (SELECT count(*)::int FROM "cultivation"."cultivation" c
                WHERE c."district_id" = ANY($1::uuid[]) AND c."stage" = 'COMPLETED'
                  AND NOT EXISTS (SELECT 1 FROM "organizations"."activity" a WHERE a."organization_id" = c."organization_id" AND a."created_at" > c."stage_started_at")) AS "completedInactive"`,
    );
    expect(facts.stages).toBe(5);
    expect(facts.terminated).toBeGreaterThan(0);
    expect(facts.paused).toBeGreaterThan(0);
    expect(facts.causes).toBeGreaterThanOrEqual(3);
    // Stays running now past their deadline, and stays that ran past it before they were left: overdue at some period end.
    expect(facts.overdueNow).toBeGreaterThan(0);
    expect(facts.lateLeft).toBeGreaterThan(0);
    // Completed cultivations whose organization recorded an activity since, and some whose organization did not.
    expect(facts.completedActive).toBeGreaterThan(0);
    expect(facts.completedInactive).toBeGreaterThan(0);
  });

  it('stage funnel: entered, passed and terminated per district, year and stage', async () => {
    const { table } = await query<{ table: { rows: Row[] } }>(
      `query ($input: IndicatorInput!) { table: stageFunnelIndicator(input: $input) { rows { group period stage entered passed terminated } } }`,
      input(),
    );
    const expected = await sql<{ group: string; period: string; stage: string; entered: number; passed: number; terminated: number }>(
      `WITH "c" AS (SELECT * FROM "cultivation"."cultivation" WHERE "district_id" = ANY($1::uuid[])),
       "entry" AS (
         SELECT c."district_id", h."stage", h."entered_at", ${ADVANCED} AS "passed", (c."status" = 'TERMINATED' AND c."stage" = h."stage") AS "terminated"
         FROM "c" c JOIN "cultivation"."stage_history" h ON h."cultivation_id" = c."id"
         UNION ALL
         SELECT c."district_id", 'COMPLETED', c."stage_started_at", false, false FROM "c" c WHERE c."stage" = 'COMPLETED'
       )
       SELECT "district_id"::text AS "group", ${YEAR_OF('"entered_at"')} AS "period", "stage",
              count(*)::int AS "entered", count(*) FILTER (WHERE "passed")::int AS "passed", count(*) FILTER (WHERE "terminated")::int AS "terminated"
       FROM "entry" WHERE ${IN_RANGE('"entered_at"')} GROUP BY 1, 2, 3`,
    );
    const byKey = new Map(expected.map((e) => [key(e.group, e.period, e.stage), e]));
    expect(table.rows.length).toBe(2 * 4 * 5);
    for (const row of table.rows) {
      const e = byKey.get(key(row.group, row.period, row.stage));
      expect({ key: key(row.group, row.period, row.stage), entered: row.entered, passed: row.passed, terminated: row.terminated }).toEqual({
        key: key(row.group, row.period, row.stage),
        entered: e?.entered ?? 0,
        passed: row.stage === 'COMPLETED' ? null : (e?.passed ?? 0),
        terminated: e?.terminated ?? 0,
      });
    }
    const total = (rows: Row[], field: string) => rows.reduce((sum, r) => sum + Number(r[field] ?? 0), 0);
    expect(total(table.rows, 'entered')).toBe(total(expected, 'entered'));
    expect(total(table.rows, 'entered')).toBeGreaterThan(SCALES.small.cultivations);
  });

  it('time in stage and on-time rate: completed stays, median and 90th percentile days less paused time, on time by the deadline', async () => {
    // The row's fields as the served schema has them: onTimeAsPlanned, where served, counts against the
    // planned deadline and onTime against the final one (extensions included).
    const { __type } = await query<{ __type: { fields: { name: string }[] } }>(`{ __type(name: "TimeInStageRow") { fields { name } } }`);
    const withPlanned = __type.fields.some((f) => f.name === 'onTimeAsPlanned');
    const { table } = await query<{ table: { rows: Row[] } }>(
      `query ($input: IndicatorInput!) { table: timeInStageIndicator(input: $input) {
         rows { group period stage completed medianDays p90Days withDeadline onTime onTimeRate ${withPlanned ? 'onTimeAsPlanned' : ''} } } }`,
      input(),
    );
    const planned = `h."left_at" <= h."planned_deadline" + make_interval(secs => h."paused_seconds")`;
    const final = `h."left_at" <= GREATEST(h."deadline", h."planned_deadline" + make_interval(secs => h."paused_seconds"))`;
    const expected = await sql<{ group: string; period: string; stage: string; completed: number; median: number; p90: number; planned: number; final: number }>(
      `SELECT c."district_id"::text AS "group", ${YEAR_OF('h."left_at"')} AS "period", h."stage", count(*)::int AS "completed",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY GREATEST(extract(epoch FROM h."left_at" - h."entered_at")::float8 - h."paused_seconds", 0)) / 86400 AS "median",
              percentile_cont(0.9) WITHIN GROUP (ORDER BY GREATEST(extract(epoch FROM h."left_at" - h."entered_at")::float8 - h."paused_seconds", 0)) / 86400 AS "p90",
              count(*) FILTER (WHERE ${planned})::int AS "planned",
              count(*) FILTER (WHERE ${final})::int AS "final"
       FROM "cultivation"."stage_history" h JOIN "cultivation"."cultivation" c ON c."id" = h."cultivation_id"
       WHERE c."district_id" = ANY($1::uuid[]) AND h."left_at" IS NOT NULL AND ${ADVANCED} AND ${IN_RANGE('h."left_at"')}
       GROUP BY 1, 2, 3`,
    );
    const byKey = new Map(expected.map((e) => [key(e.group, e.period, e.stage), e]));
    expect(table.rows.length).toBe(2 * 4 * 4);
    let onTimeCompared = 0;
    for (const row of table.rows) {
      const e = byKey.get(key(row.group, row.period, row.stage));
      const completed = e?.completed ?? 0;
      const onTime = withPlanned ? (e?.final ?? 0) : (e?.planned ?? 0);
      expect({ key: key(row.group, row.period, row.stage), completed: row.completed, withDeadline: row.withDeadline, onTime: row.onTime }).toEqual({
        key: key(row.group, row.period, row.stage),
        completed,
        // Every generated stay has its deadline in the event that entered it.
        withDeadline: completed,
        onTime,
      });
      if (withPlanned) expect(row.onTimeAsPlanned).toBe(e?.planned ?? 0);
      expect(row.onTimeRate).toBe(completed > 0 ? Math.round((onTime / completed) * 10_000) / 10_000 : null);
      // Rounded to 0.01 on both sides; a float at a rounding edge may differ by one step.
      if (completed === 0) {
        expect(row.medianDays).toBeNull();
      } else {
        expect(Math.abs((row.medianDays as number) - days(e!.median)!)).toBeLessThanOrEqual(0.011);
        expect(Math.abs((row.p90Days as number) - days(e!.p90)!)).toBeLessThanOrEqual(0.011);
      }
      onTimeCompared += onTime;
    }
    const completedTotal = expected.reduce((sum, e) => sum + e.completed, 0);
    expect(table.rows.reduce((sum, r) => sum + Number(r.completed), 0)).toBe(completedTotal);
    // Some stays were late and some on time: the comparison means something.
    expect(onTimeCompared).toBeGreaterThan(0);
    expect(onTimeCompared).toBeLessThan(completedTotal);
  });

  it('escalations by cause and highest level: raised, acknowledged, resolved, open now, days to acknowledge and resolve', async () => {
    const { table } = await query<{ table: { rows: Row[] } }>(
      `query ($input: EscalationIndicatorInput!) { table: escalationIndicator(input: $input) {
         rows { group period type highestLevel raised acknowledged resolved openNow medianDaysToAcknowledge medianDaysToResolve } } }`,
      input({ splitBy: ['TYPE', 'HIGHEST_LEVEL'] }),
    );
    const expected = await sql<{ group: string; period: string; type: string; level: number; raised: number; acknowledged: number; resolved: number; open: number; ack: number | null; resolve: number | null }>(
      `SELECT c."district_id"::text AS "group", ${YEAR_OF('e."raised_at"')} AS "period", e."type", e."level",
              count(*)::int AS "raised", count(e."acknowledged_at")::int AS "acknowledged", count(e."resolved_at")::int AS "resolved",
              count(*) FILTER (WHERE e."resolved_at" IS NULL)::int AS "open",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e."acknowledged_at" - e."raised_at")::float8) / 86400 AS "ack",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e."resolved_at" - e."raised_at")::float8) / 86400 AS "resolve"
       FROM "cultivation"."escalation" e JOIN "cultivation"."cultivation" c ON c."id" = e."cultivation_id"
       WHERE c."district_id" = ANY($1::uuid[]) AND ${IN_RANGE('e."raised_at"')}
       GROUP BY 1, 2, 3, 4`,
    );
    const byKey = new Map(expected.map((e) => [key(e.group, e.period, e.type, e.level), e]));
    for (const row of table.rows) {
      const e = byKey.get(key(row.group, row.period, row.type, row.highestLevel));
      expect({ key: key(row.group, row.period, row.type, row.highestLevel), raised: row.raised, acknowledged: row.acknowledged, resolved: row.resolved, openNow: row.openNow }).toEqual({
        key: key(row.group, row.period, row.type, row.highestLevel),
        raised: e?.raised ?? 0,
        acknowledged: e?.acknowledged ?? 0,
        resolved: e?.resolved ?? 0,
        openNow: e?.open ?? 0,
      });
      for (const [served, direct] of [[row.medianDaysToAcknowledge, e?.ack ?? null], [row.medianDaysToResolve, e?.resolve ?? null]] as const) {
        if (direct === null) expect(served).toBeNull();
        else expect(Math.abs((served as number) - days(direct)!)).toBeLessThanOrEqual(0.011);
      }
    }
    // Every escalation counted once, whatever level it climbed to.
    expect(table.rows.reduce((sum, r) => sum + Number(r.raised), 0)).toBe(expected.reduce((sum, e) => sum + e.raised, 0));
    expect(new Set(expected.map((e) => e.level)).size).toBeGreaterThan(1);
  });

  /** Compares served rows with direct ones by key, every served row present in the direct ones or all zero. */
  const within = (served: unknown, direct: number | null) => {
    if (direct === null) expect(served).toBeNull();
    else expect(Math.abs((served as number) - Math.round(direct * 100) / 100)).toBeLessThanOrEqual(0.011);
  };

  it('filing rate: cultivations that entered maturity in a year, and how many of their organizations are filed', async () => {
    const { table } = await query<{ table: { rows: Row[] } }>(`query ($input: IndicatorInput!) { table: filingRateIndicator(input: $input) { rows { group period reachedMaturity filed filingRate } } }`, input());
    const expected = await sql<{ group: string; period: string; reached: number; filed: number }>(
      `SELECT c."district_id"::text AS "group", ${YEAR_OF('h."entered_at"')} AS "period", count(DISTINCT c."id")::int AS "reached",
              count(DISTINCT c."id") FILTER (WHERE EXISTS (SELECT 1 FROM "organizations"."filing" f WHERE f."organization_id" = c."organization_id"))::int AS "filed"
       FROM "cultivation"."stage_history" h JOIN "cultivation"."cultivation" c ON c."id" = h."cultivation_id"
       WHERE c."district_id" = ANY($1::uuid[]) AND h."stage" = 'MATURITY' AND ${IN_RANGE('h."entered_at"')} GROUP BY 1, 2`,
    );
    const byKey = new Map(expected.map((e) => [key(e.group, e.period), e]));
    for (const row of table.rows) {
      const e = byKey.get(key(row.group, row.period));
      expect({ key: key(row.group, row.period), reached: row.reachedMaturity, filed: row.filed }).toEqual({ key: key(row.group, row.period), reached: e?.reached ?? 0, filed: e?.filed ?? 0 });
    }
    const filed = expected.reduce((sum, e) => sum + e.filed, 0);
    expect(table.rows.reduce((sum, r) => sum + Number(r.filed), 0)).toBe(filed);
    expect(filed).toBeGreaterThan(0);
  });

  it('scores: capacity and maturity assessments per year, their mean, median, passes and bands', async () => {
    const { table } = await query<{ table: { rows: Row[] } }>(
      `query ($input: ScoreIndicatorInput!) { table: scoreIndicator(input: $input) {
         rows { group period kind assessed meanScore medianScore passed band0To20 band20To40 band40To60 band60To80 band80To100 } } }`,
      input(),
    );
    const expected = await sql<{ group: string; period: string; kind: string; assessed: number; mean: number; median: number; passed: number; bands: number[] }>(
      `SELECT c."district_id"::text AS "group", to_char(a."assessed_on", 'YYYY') AS "period", a."kind", count(*)::int AS "assessed",
              avg(a."total")::float8 AS "mean", percentile_cont(0.5) WITHIN GROUP (ORDER BY a."total")::float8 AS "median", count(*) FILTER (WHERE a."passed")::int AS "passed",
              ARRAY[count(*) FILTER (WHERE a."total" < 20), count(*) FILTER (WHERE a."total" >= 20 AND a."total" < 40), count(*) FILTER (WHERE a."total" >= 40 AND a."total" < 60),
                    count(*) FILTER (WHERE a."total" >= 60 AND a."total" < 80), count(*) FILTER (WHERE a."total" >= 80)]::int[] AS "bands"
       FROM "assessments"."assessment" a JOIN "cultivation"."cultivation" c ON c."organization_id" = a."organization_id"
       WHERE c."district_id" = ANY($1::uuid[]) AND a."assessed_on" BETWEEN '2023-01-01' AND '2026-12-31' GROUP BY 1, 2, 3`,
    );
    const byKey = new Map(expected.map((e) => [key(e.group, e.period, e.kind), e]));
    for (const row of table.rows) {
      const e = byKey.get(key(row.group, row.period, row.kind));
      expect({ key: key(row.group, row.period, row.kind), assessed: row.assessed, passed: row.passed, bands: [row.band0To20, row.band20To40, row.band40To60, row.band60To80, row.band80To100] }).toEqual({
        key: key(row.group, row.period, row.kind),
        assessed: e?.assessed ?? 0,
        passed: e?.passed ?? 0,
        bands: e?.bands ?? [0, 0, 0, 0, 0],
      });
      within(row.meanScore, e?.mean ?? null);
      within(row.medianScore, e?.median ?? null);
    }
    expect(table.rows.reduce((sum, r) => sum + Number(r.assessed), 0)).toBe(expected.reduce((sum, e) => sum + e.assessed, 0));
    expect(new Set(expected.map((e) => e.kind)).size).toBe(2);
  });

  it('outcome levels: each evaluated cultivation per level and year, mean and median scores, targets met', async () => {
    const { table } = await query<{ table: { rows: Row[] } }>(
      `query ($input: IndicatorInput!) { table: outcomeIndicator(input: $input) { rows { group period level evaluated meanScore medianScore metTarget } } }`,
      input(),
    );
    const expected = await sql<{ group: string; period: string; level: string; evaluated: number; mean: number; median: number; met: number }>(
      `SELECT c."district_id"::text AS "group", to_char(e."evaluated_on", 'YYYY') AS "period", l."level", count(*)::int AS "evaluated",
              avg(l."score")::float8 AS "mean", percentile_cont(0.5) WITHIN GROUP (ORDER BY l."score")::float8 AS "median", count(*) FILTER (WHERE l."metTarget")::int AS "met"
       FROM "assessments"."outcome_evaluation" e JOIN "cultivation"."cultivation" c ON c."id" = e."cultivation_id"
       CROSS JOIN LATERAL jsonb_to_recordset(e."levels") AS l("level" text, "score" numeric, "metTarget" boolean)
       WHERE c."district_id" = ANY($1::uuid[]) AND e."evaluated_on" BETWEEN '2023-01-01' AND '2026-12-31' GROUP BY 1, 2, 3`,
    );
    const byKey = new Map(expected.map((e) => [key(e.group, e.period, e.level), e]));
    for (const row of table.rows) {
      const e = byKey.get(key(row.group, row.period, row.level));
      expect({ key: key(row.group, row.period, row.level), evaluated: row.evaluated, metTarget: row.metTarget }).toEqual({ key: key(row.group, row.period, row.level), evaluated: e?.evaluated ?? 0, metTarget: e?.met ?? 0 });
      within(row.meanScore, e?.mean ?? null);
      within(row.medianScore, e?.median ?? null);
    }
    const evaluated = expected.reduce((sum, e) => sum + e.evaluated, 0);
    expect(table.rows.reduce((sum, r) => sum + Number(r.evaluated), 0)).toBe(evaluated);
    expect(evaluated).toBeGreaterThan(0);
  });

  it('follow-ups: checks passed and failed at +1/+3/+6 months per year of the check', async () => {
    const { table } = await query<{ table: { rows: Row[] } }>(`query ($input: IndicatorInput!) { table: followUpIndicator(input: $input) { rows { group period monthsAfter passed failed missed } } }`, input());
    const expected = await sql<{ group: string; period: string; months: number; passed: number; failed: number }>(
      `SELECT c."district_id"::text AS "group", ${YEAR_OF('f."created_at"')} AS "period", (ARRAY[1, 3, 6])[f."follow_up_index" + 1] AS "months",
              count(*) FILTER (WHERE f."passed")::int AS "passed", count(*) FILTER (WHERE NOT f."passed")::int AS "failed"
       FROM "assessments"."follow_up_check" f JOIN "cultivation"."cultivation" c ON c."id" = f."cultivation_id"
       WHERE c."district_id" = ANY($1::uuid[]) AND ${IN_RANGE('f."created_at"')} GROUP BY 1, 2, 3`,
    );
    const byKey = new Map(expected.map((e) => [key(e.group, e.period, e.months), e]));
    for (const row of table.rows) {
      const e = byKey.get(key(row.group, row.period, row.monthsAfter));
      expect({ key: key(row.group, row.period, row.monthsAfter), passed: row.passed, failed: row.failed }).toEqual({ key: key(row.group, row.period, row.monthsAfter), passed: e?.passed ?? 0, failed: e?.failed ?? 0 });
    }
    const checked = expected.reduce((sum, e) => sum + e.passed + e.failed, 0);
    expect(table.rows.reduce((sum, r) => sum + Number(r.passed) + Number(r.failed), 0)).toBe(checked);
    expect(checked).toBeGreaterThan(0);
  });

  it('overdue over time: cultivations running in a working stage at each year end (now for the current year), and how many were past their deadline then', async () => {
    const before = Date.now();
    const { table } = await query<{ table: { rows: Row[] } }>(
      `query ($input: IndicatorInput!) { table: overdueIndicator(input: $input) { rows { group period asOf running withDeadline overdue overdueRate } } }`,
      input(),
    );
    const after = Date.now();
    // Each period is counted at midnight after its last day (Asia/Shanghai), or at the moment of the
    // request while it runs; a period not begun has no instant and no counts.
    const instantOf = new Map<string, string | null>();
    for (const row of table.rows) {
      const year = Number(row.period);
      const start = Date.parse(`${year}-01-01T00:00:00+08:00`);
      const end = Date.parse(`${year + 1}-01-01T00:00:00+08:00`);
      if (after < start) {
        expect({ period: row.period, asOf: row.asOf }).toEqual({ period: row.period, asOf: null });
      } else if (before >= start) {
        expect(typeof row.asOf).toBe('string');
        const asOf = Date.parse(row.asOf as string);
        expect(asOf).toBeGreaterThanOrEqual(Math.min(end, before));
        expect(asOf).toBeLessThanOrEqual(Math.min(end, after));
        if (end <= before) expect(row.asOf).toBe(new Date(end).toISOString());
      }
      // Every group is counted at the same instants.
      if (instantOf.has(String(row.period))) expect(row.asOf).toBe(instantOf.get(String(row.period)));
      instantOf.set(String(row.period), (row.asOf as string | null) ?? null);
    }
    const counted = [...instantOf].filter((entry): entry is [string, string] => entry[1] !== null);
    // At each instant, straight from the cultivation service's tables: the stays of stage_history
    // entered by then and not left (advanced or terminated); the pauses, from the PAUSED events of
    // timeline_event until the next RESUMED or TERMINATED; the deadline in force, the `to` of the
    // stay's last DEADLINE_EXTENDED event recorded by then, else the planned deadline plus the pauses
    // of the stay ended by then. stage_history.deadline is the final deadline, not the one in force
    // at an earlier instant, so it is not used here.
    const { rows: expected } = await client.query<{ group: string; period: string; running: number; withDeadline: number; overdue: number; extended: number }>(
      `WITH "t" AS (SELECT u."period", u."at" FROM unnest($2::text[], $3::timestamptz[]) AS u("period", "at")),
       "c" AS (SELECT * FROM "cultivation"."cultivation" WHERE "district_id" = ANY($1::uuid[])),
       "e" AS (SELECT x.* FROM "cultivation"."timeline_event" x JOIN "c" c ON c."id" = x."cultivation_id" WHERE x."stream" = 'process'),
       "pause" AS (
         SELECT p."cultivation_id", p."at" AS "paused_at",
                (SELECT min(r."at") FROM "e" r WHERE r."cultivation_id" = p."cultivation_id" AND r."kind" IN ('RESUMED', 'TERMINATED') AND r."sequence" > p."sequence") AS "ended_at"
         FROM "e" p WHERE p."kind" = 'PAUSED'
       ),
       "running" AS (
         SELECT c."district_id"::text AS "group", t."period", t."at", h."planned_deadline",
                COALESCE(
                  (SELECT (x."details"->>'to')::timestamptz FROM "e" x
                    WHERE x."cultivation_id" = h."cultivation_id" AND x."kind" = 'DEADLINE_EXTENDED' AND x."details"->>'stage' = h."stage"
                      AND x."at" >= h."entered_at" AND x."at" <= t."at"
                    ORDER BY x."at" DESC, x."sequence" DESC LIMIT 1),
                  h."planned_deadline" + make_interval(secs => COALESCE((
                    SELECT sum(extract(epoch FROM q."ended_at" - GREATEST(q."paused_at", h."entered_at")))::float8 FROM "pause" q
                    WHERE q."cultivation_id" = h."cultivation_id" AND q."ended_at" > h."entered_at" AND q."ended_at" <= t."at"), 0))
                ) AS "deadline"
         FROM "t" t
         JOIN "cultivation"."stage_history" h ON h."entered_at" <= t."at" AND (h."left_at" IS NULL OR h."left_at" > t."at")
         JOIN "c" c ON c."id" = h."cultivation_id"
         WHERE NOT EXISTS (SELECT 1 FROM "pause" q WHERE q."cultivation_id" = h."cultivation_id" AND q."paused_at" <= t."at" AND (q."ended_at" IS NULL OR q."ended_at" > t."at"))
       )
       SELECT "group", "period", count(*)::int AS "running", count("deadline")::int AS "withDeadline", count(*) FILTER (WHERE "deadline" < "at")::int AS "overdue",
              count(*) FILTER (WHERE "deadline" <> "planned_deadline")::int AS "extended"
       FROM "running" GROUP BY 1, 2`,
      [districtIds, counted.map(([period]) => period), counted.map(([, asOf]) => asOf)],
    );
    const byKey = new Map(expected.map((e) => [key(e.group, e.period), e]));
    // The groups listed are those with something running at one of the instants; each has a row per year.
    expect([...new Set(table.rows.map((r) => r.group))].sort()).toEqual([...new Set(expected.map((e) => e.group))].sort());
    expect(table.rows.length).toBe(new Set(expected.map((e) => e.group)).size * 4);
    for (const row of table.rows) {
      const begun = row.asOf !== null;
      const e = byKey.get(key(row.group, row.period));
      const running = begun ? (e?.running ?? 0) : null;
      const overdue = begun ? (e?.overdue ?? 0) : null;
      expect({ key: key(row.group, row.period), running: row.running, withDeadline: row.withDeadline, overdue: row.overdue, overdueRate: row.overdueRate }).toEqual({
        key: key(row.group, row.period),
        running,
        withDeadline: begun ? (e?.withDeadline ?? 0) : null,
        overdue,
        overdueRate: running ? Math.round(((overdue ?? 0) / running) * 10_000) / 10_000 : null,
      });
    }
    const running = expected.reduce((sum, e) => sum + e.running, 0);
    const overdue = expected.reduce((sum, e) => sum + e.overdue, 0);
    expect(table.rows.reduce((sum, r) => sum + Number(r.running ?? 0), 0)).toBe(running);
    // Some were overdue and some not: the comparison means something.
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(running);
    // Some stays counted were judged by a deadline other than the planned one (extended, or moved by a pause).
    expect(expected.reduce((sum, e) => sum + e.extended, 0)).toBeGreaterThan(0);
  });

  it('withdrawal outcome: cultivations completed per year, and how many of their organizations recorded an activity since and are not dissolved', async () => {
    const { table } = await query<{ table: { rows: Row[] } }>(
      `query ($input: IndicatorInput!) { table: withdrawalOutcomeIndicator(input: $input) { rows { group period completed stillActive stillActiveRate } } }`,
      input(),
    );
    // Completed at the cultivation's stage_started_at (when it entered COMPLETED); an activity counts
    // by when organizations-service recorded it (activity.created_at, the `at` of its
    // evidence-changed event; generated activities are never changed afterwards); dissolved is the
    // organization's status now. Only terminated cultivations leave dissolved organizations in the
    // generated data, so for completed ones the activity decides.
    const expected = await sql<{ group: string; period: string; completed: number; active: number }>(
      `SELECT c."district_id"::text AS "group", ${YEAR_OF('c."stage_started_at"')} AS "period", count(*)::int AS "completed",
              count(*) FILTER (WHERE o."status" <> 'DISSOLVED'
                AND EXISTS (SELECT 1 FROM "organizations"."activity" a WHERE a."organization_id" = c."organization_id" AND a."created_at" > c."stage_started_at"))::int AS "active"
       FROM "cultivation"."cultivation" c JOIN "organizations"."organization" o ON o."id" = c."organization_id"
       WHERE c."district_id" = ANY($1::uuid[]) AND c."stage" = 'COMPLETED' AND ${IN_RANGE('c."stage_started_at"')} GROUP BY 1, 2`,
    );
    const byKey = new Map(expected.map((e) => [key(e.group, e.period), e]));
    expect([...new Set(table.rows.map((r) => r.group))].sort()).toEqual([...new Set(expected.map((e) => e.group))].sort());
    for (const row of table.rows) {
      const e = byKey.get(key(row.group, row.period));
      const completed = e?.completed ?? 0;
      const active = e?.active ?? 0;
      expect({ key: key(row.group, row.period), completed: row.completed, stillActive: row.stillActive, stillActiveRate: row.stillActiveRate }).toEqual({
        key: key(row.group, row.period),
        completed,
        stillActive: active,
        stillActiveRate: completed > 0 ? Math.round((active / completed) * 10_000) / 10_000 : null,
      });
    }
    const completed = expected.reduce((sum, e) => sum + e.completed, 0);
    const active = expected.reduce((sum, e) => sum + e.active, 0);
    expect(table.rows.reduce((sum, r) => sum + Number(r.completed), 0)).toBe(completed);
    // Some organizations still active and some not: the comparison means something.
    expect(active).toBeGreaterThan(0);
    expect(active).toBeLessThan(completed);
  });

  it('current stage funnel and open escalations of each district, as the dashboard shows them', async () => {
    for (const districtId of districtIds) {
      const served = await query<{ stageFunnel: { stage: string; count: number }[]; openEscalationCount: number }>(
        `query ($districtId: ID) { stageFunnel(districtId: $districtId) { stage count } openEscalationCount(districtId: $districtId) }`,
        { districtId },
      );
      const { rows: stages } = await client.query<{ stage: string; count: number }>(
        `SELECT "stage", count(*)::int AS "count" FROM "cultivation"."cultivation" WHERE "district_id" = $1 AND "status" <> 'TERMINATED' GROUP BY 1`,
        [districtId],
      );
      const counts = new Map(stages.map((s) => [s.stage, s.count]));
      expect(served.stageFunnel).toEqual(['FORMATION', 'GROWTH', 'MATURITY', 'WITHDRAWAL', 'COMPLETED'].map((stage) => ({ stage, count: counts.get(stage) ?? 0 })));
      const { rows: open } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS "n" FROM "cultivation"."escalation" e JOIN "cultivation"."cultivation" c ON c."id" = e."cultivation_id"
         WHERE c."district_id" = $1 AND e."status" <> 'RESOLVED'`,
        [districtId],
      );
      expect(served.openEscalationCount).toBe(open[0].n);
    }
  });
});
