// Analytics benchmark (docs/benchmarks.md): on a throw-away platform (the `bench` stack: ports 4700+,
// PostgreSQL 5435, Temporal 7235) filled with generated data (libs/platform/data-generator, city
// scale by default), reports
//   1. how long generating and writing the data took, and the database size;
//   2. the refresh cost of the analytics read model: the time for the projectors to consume every
//      event of the cultivation, organizations and assessments outboxes from scratch (the read model
//      emptied, its positions reset);
//   3. p50/p95 latency through the gateway of the district dashboard query (the one the admin app's
//      dashboard page sends) and of each indicator query the dashboard cards send, city-wide and for
//      one district, beside the same numbers by hand-written SQL on the base tables (the cultivation,
//      organizations and assessments schemas) in the same run, and the ratio.
//   node tools/dev/run-ts.mjs tools/bench/analytics.ts [--scale city] [--seed 42] [--runs 100] [--warmup 10]
import pg from 'pg';
import { print } from 'graphql';
import { DashboardHeadlinesDocument } from '../../apps/admin/src/graphql/generated/graphql.js';
import { DEFAULT_REFERENCE_DATE, SCALES, generateDataset, isScaleName, progressBar, writeDataset } from '@peiyu/platform-data-generator';
import { REPORTING_TIME_ZONE } from '@peiyu/analytics-data-access';
import { resolveRange, todayIn } from '@peiyu/analytics-feature';
import { dataOf, graphql } from '@peiyu/platform-testing';
import { bootstrapBenchStack } from './process/stack.js';
import { numberOption, stringOption } from '../dev/cli-options.js';

const scaleName = stringOption('scale', 'city');
if (!isScaleName(scaleName)) throw new Error(`Unknown scale ${scaleName}; one of ${Object.keys(SCALES).join(', ')}.`);
const SEED = numberOption('seed', 42);
const RUNS = numberOption('runs', 100);
const WARMUP = numberOption('warmup', 10);
/** The projector has this long to rebuild the read model before the benchmark gives up. */
const REFRESH_LIMIT_MS = 60 * 60 * 1000;
const TZ = REPORTING_TIME_ZONE;

const stack = await bootstrapBenchStack();
const stopAndExit = (error: unknown) => void stack.stop().finally(() => {
  console.error(error);
  process.exit(1);
});
process.on('uncaughtException', stopAndExit);
process.on('unhandledRejection', stopAndExit);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAndExit(`Stopped by ${signal}.`));
const db = new pg.Client({ connectionString: stack.databaseUrl, application_name: 'peiyu-bench-analytics' });
await db.connect();
const gatewayUrl = `${stack.gatewayUrl}/graphql`;
const lines: string[] = [];
const report = (line: string) => {
  lines.push(line);
  console.log(line);
};

// ---- 1. Data ----------------------------------------------------------------------------------------
const dataset = generateDataset({ scale: SCALES[scaleName], seed: SEED, referenceDate: DEFAULT_REFERENCE_DATE });
const bar = progressBar(`Generating ${scaleName} (seed ${SEED})`);
// The demo seed is there already (the users the benchmark signs in as): append beside it.
const written = await writeDataset(db, dataset, { append: true, onProgress: (done, total) => bar.update(done, total) });
bar.finish();
const rowCount = Object.values(written.rows).reduce((a, b) => a + b, 0);
const OUTBOXES = ['cultivation', 'organizations', 'assessments'] as const;
const outboxEvents = Object.fromEntries(
  await Promise.all(OUTBOXES.map(async (source) => [source, (await db.query<{ n: number }>(`SELECT count(*)::int AS "n" FROM "${source}"."outbox"`)).rows[0].n] as const)),
) as Record<(typeof OUTBOXES)[number], number>;
const events = OUTBOXES.reduce((sum, source) => sum + outboxEvents[source], 0);
report(`Data: ${scaleName} scale, seed ${SEED}: ${rowCount.toLocaleString('en-US')} rows (${written.rows.cultivation.toLocaleString('en-US')} cultivations, ` +
  `${written.rows.assessment.toLocaleString('en-US')} assessments, ${written.rows.outcomeEvaluation.toLocaleString('en-US')} outcome evaluations; outbox events: ` +
  `${OUTBOXES.map((source) => `${source} ${outboxEvents[source].toLocaleString('en-US')}`).join(', ')}) in ${written.seconds.toFixed(1)} s; ` +
  `database ${(written.databaseBytes / 2 ** 20).toFixed(0)} MiB.`);

// ---- 2. Refresh cost --------------------------------------------------------------------------------
/** How many events of every outbox the projectors have applied, and how many there are to apply. */
async function projected(): Promise<{ done: number; total: number }> {
  let done = 0;
  let total = 0;
  for (const source of OUTBOXES) {
    const { rows } = await db.query<{ done: number; total: number }>(
      `SELECT (SELECT count(*)::int FROM "${source}"."outbox" WHERE "id" <= COALESCE((SELECT "last_id" FROM "analytics"."projection_position" WHERE "source" = $1), 0)) AS "done",
              (SELECT count(*)::int FROM "${source}"."outbox") AS "total"`,
      [source],
    );
    done += rows[0].done;
    total += rows[0].total;
  }
  return { done, total };
}
// Every table of the read model but the migrations' own, emptied with the positions in one
// transaction. It first takes each projector's own advisory lock (the key the projectors use), so a
// batch in progress ends before, and none runs until the positions are gone: the next starts from zero.
const { rows: readModel } = await db.query<{ name: string }>(
  `SELECT format('%I.%I', table_schema, table_name) AS "name" FROM information_schema.tables
   WHERE table_schema = 'analytics' AND table_type = 'BASE TABLE' AND table_name NOT IN ('migrations', 'projection_position')`,
);
const { rows: sources } = await db.query<{ source: string }>(`SELECT "source" FROM "analytics"."projection_position"`);
await db.query('BEGIN');
for (const source of new Set([...OUTBOXES, ...sources.map((s) => s.source)])) {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`peiyu.analytics.projection:${source}`]);
}
await db.query(`TRUNCATE ${readModel.map((t) => t.name).join(', ')} CASCADE`);
await db.query(`DELETE FROM "analytics"."projection_position"`);
await db.query('COMMIT');
const refreshStarted = performance.now();
const refreshBar = progressBar('Projecting the outboxes from scratch');
for (;;) {
  const { done, total } = await projected();
  refreshBar.update(done, total);
  if (done >= total) break;
  if (performance.now() - refreshStarted > REFRESH_LIMIT_MS) throw new Error(`The projectors had not caught up after ${REFRESH_LIMIT_MS / 60000} minutes (${done} of ${total} events).`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
refreshBar.finish();
const refreshSeconds = (performance.now() - refreshStarted) / 1000;
report(`Refresh: the projectors rebuilt the read model from ${events.toLocaleString('en-US')} events in ${refreshSeconds.toFixed(1)} s ` +
  `(${Math.round(events / refreshSeconds).toLocaleString('en-US')} events/s).`);
await db.query(`ANALYZE ${readModel.map((t) => t.name).join(', ')}`);

// ---- 3. Latency -------------------------------------------------------------------------------------
const token = dataOf(await graphql<{ signIn: { token: string } }>(gatewayUrl, `mutation { signIn(input: { username: "admin", password: "peiyu-demo" }) { token } }`)).signIn.token;
// The district with the most cultivations: the heaviest district dashboard.
const [{ district_id: districtId }] = (await db.query<{ district_id: string }>(
  `SELECT "district_id" FROM "cultivation"."cultivation" WHERE "district_id" = ANY($1::uuid[]) GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  [dataset.districts.map((d) => d.id)],
)).rows;
const range = resolveRange({ relative: 'LAST_12_MONTHS' }, todayIn(TZ, new Date()));

/** The admin app's DashboardHeadlines query, as its dashboard page sends it (the generated document, so the two cannot drift apart). */
const DASHBOARD = print(DashboardHeadlinesDocument);
const TABLE = 'groupBy bucket from to timeZone csv';
const ROW = 'group period periodStart periodEnd';
const FUNNEL = `query ($input: IndicatorInput!) { table: stageFunnelIndicator(input: $input) { ${TABLE} rows { ${ROW} stage entered passed terminated } } }`;
const TIME = `query ($input: IndicatorInput!) { table: timeInStageIndicator(input: $input) { ${TABLE} rows { ${ROW} stage completed medianDays p90Days withDeadline onTime onTimeRate } } }`;
const ESCALATIONS = `query ($input: EscalationIndicatorInput!) { table: escalationIndicator(input: $input) {
  ${TABLE} rows { ${ROW} type highestLevel raised acknowledged resolved openNow medianDaysToAcknowledge medianDaysToResolve } } }`;
const OVERDUE = `query ($input: IndicatorInput!) { table: overdueIndicator(input: $input) { ${TABLE} rows { ${ROW} asOf running withDeadline overdue overdueRate } } }`;
const FILING = `query ($input: IndicatorInput!) { table: filingRateIndicator(input: $input) { ${TABLE} rows { ${ROW} reachedMaturity filed filingRate } } }`;
const FOLLOW_UPS = `query ($input: IndicatorInput!) { table: followUpIndicator(input: $input) { ${TABLE} rows { ${ROW} monthsAfter passed failed missed passRate } } }`;
const WITHDRAWAL = `query ($input: IndicatorInput!) { table: withdrawalOutcomeIndicator(input: $input) { ${TABLE} rows { ${ROW} completed stillActive stillActiveRate } } }`;
const SCORES = `query ($input: ScoreIndicatorInput!) { table: scoreIndicator(input: $input) {
  ${TABLE} rows { ${ROW} kind assessed meanScore medianScore passed passRate band0To20 band20To40 band40To60 band60To80 band80To100 } } }`;
const OUTCOMES = `query ($input: IndicatorInput!) { table: outcomeIndicator(input: $input) { ${TABLE} rows { ${ROW} level evaluated meanScore medianScore metTarget metTargetRate } } }`;

// The same numbers on the base tables. $1: the district (null: all), $2/$3: the range's first and last local days.
const RANGE = (column: string) => `${column} >= ($2::date::timestamp AT TIME ZONE '${TZ}') AND ${column} < (($3::date + 1)::timestamp AT TIME ZONE '${TZ}')`;
const IN_DISTRICT = `($1::uuid IS NULL OR c."district_id" = $1::uuid)`;
const ADVANCED = `(CASE WHEN h."stage" = 'WITHDRAWAL' THEN c."stage" = 'COMPLETED'
  ELSE EXISTS (SELECT 1 FROM "cultivation"."stage_history" n WHERE n."cultivation_id" = h."cultivation_id" AND n."entered_at" > h."entered_at") END)`;
const DAYS = `a."assessed_on" BETWEEN $2::date AND $3::date`;
/** The month ends of the range, as the overdue indicator counts at them (the last one is now). */
const MONTH_ENDS = `SELECT LEAST((m + interval '1 month')::timestamp AT TIME ZONE '${TZ}', now()) AS "t"
  FROM generate_series(date_trunc('month', $2::date), date_trunc('month', $3::date), interval '1 month') AS m`;
const groupSql = (groupBy: string | null) => (groupBy === 'DISTRICT' ? `c."district_id"` : groupBy === 'INSTITUTION' ? `c."institution_id"` : 'NULL::uuid');
const SQL = {
  dashboard: `SELECT
      (SELECT count(*) FROM "cultivation"."cultivation" c WHERE ${IN_DISTRICT} AND c."status" = 'ACTIVE') AS "active",
      (SELECT count(*) FROM "cultivation"."cultivation" c
        WHERE ${IN_DISTRICT} AND c."status" = 'ACTIVE' AND c."stage" <> 'COMPLETED' AND c."stage_deadline" < now()) AS "overdue",
      (SELECT count(*) FROM "cultivation"."cultivation" c WHERE ${IN_DISTRICT} AND c."escalation_level" > 0) AS "escalated",
      (SELECT count(*) FROM "cultivation"."escalation" e JOIN "cultivation"."cultivation" c ON c."id" = e."cultivation_id"
        WHERE ${IN_DISTRICT} AND e."status" <> 'RESOLVED') AS "open",
      (SELECT json_object_agg("stage", "n") FROM (SELECT c."stage", count(*) AS "n" FROM "cultivation"."cultivation" c
        WHERE ${IN_DISTRICT} AND c."status" <> 'TERMINATED' GROUP BY 1) s) AS "funnel"
    WHERE $2::date IS NOT NULL AND $3::date IS NOT NULL`,
  funnel: (groupBy: string | null) => `WITH "entry" AS (
      SELECT ${groupSql(groupBy)} AS "group", h."stage", h."cultivation_id", ${ADVANCED} AS "passed", (c."status" = 'TERMINATED' AND c."stage" = h."stage") AS "terminated"
      FROM "cultivation"."stage_history" h JOIN "cultivation"."cultivation" c ON c."id" = h."cultivation_id"
      WHERE ${IN_DISTRICT} AND ${RANGE('h."entered_at"')}
      UNION ALL
      SELECT ${groupSql(groupBy)}, 'COMPLETED', c."id", false, false FROM "cultivation"."cultivation" c
      WHERE ${IN_DISTRICT} AND c."stage" = 'COMPLETED' AND ${RANGE('c."stage_started_at"')}
    )
    SELECT "group", "stage", count(*) AS "entered", count(*) FILTER (WHERE "passed") AS "passed", count(*) FILTER (WHERE "terminated") AS "terminated"
    FROM "entry" GROUP BY 1, 2`,
  time: (groupBy: string | null) => `SELECT ${groupSql(groupBy)} AS "group", h."stage", count(*) AS "completed",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY GREATEST(extract(epoch FROM h."left_at" - h."entered_at") - h."paused_seconds", 0)) / 86400 AS "median",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY GREATEST(extract(epoch FROM h."left_at" - h."entered_at") - h."paused_seconds", 0)) / 86400 AS "p90",
      count(*) FILTER (WHERE h."left_at" <= GREATEST(h."deadline", h."planned_deadline" + make_interval(secs => h."paused_seconds"))) AS "onTime"
    FROM "cultivation"."stage_history" h JOIN "cultivation"."cultivation" c ON c."id" = h."cultivation_id"
    WHERE ${IN_DISTRICT} AND h."left_at" IS NOT NULL AND ${ADVANCED} AND ${RANGE('h."left_at"')}
    GROUP BY 1, 2`,
  escalations: (groupBy: string | null, byType: boolean) => `SELECT ${groupSql(groupBy)} AS "group", ${byType ? 'e."type"' : 'NULL::text'} AS "type",
      count(*) AS "raised", count(e."acknowledged_at") AS "acknowledged", count(e."resolved_at") AS "resolved",
      count(*) FILTER (WHERE e."resolved_at" IS NULL) AS "open",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e."acknowledged_at" - e."raised_at")) / 86400 AS "ack",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e."resolved_at" - e."raised_at")) / 86400 AS "resolve"
    FROM "cultivation"."escalation" e JOIN "cultivation"."cultivation" c ON c."id" = e."cultivation_id"
    WHERE ${IN_DISTRICT} AND ${RANGE('e."raised_at"')}
    GROUP BY 1, 2`,
  // At each month end: stays begun and not left, not within a pause, and past the deadline in force then
  // (the last extension recorded by then, pauses included, else the planned one).
  overdue: (groupBy: string | null) => `SELECT ${groupSql(groupBy)} AS "group", t."t", count(*) AS "running",
      count(*) FILTER (WHERE COALESCE((SELECT (x."details"->>'to')::timestamptz FROM "cultivation"."timeline_event" x
          WHERE x."cultivation_id" = h."cultivation_id" AND x."stream" = 'cultivation' AND x."kind" = 'DEADLINE_EXTENDED' AND x."details"->>'stage' = h."stage"
            AND x."at" >= h."entered_at" AND x."at" <= t."t" ORDER BY x."at" DESC LIMIT 1), h."planned_deadline") < t."t") AS "overdue"
    FROM (${MONTH_ENDS}) t
    JOIN "cultivation"."stage_history" h ON h."entered_at" <= t."t" AND (h."left_at" IS NULL OR h."left_at" > t."t")
    JOIN "cultivation"."cultivation" c ON c."id" = h."cultivation_id"
    WHERE ${IN_DISTRICT} AND NOT EXISTS (
      SELECT 1 FROM "cultivation"."timeline_event" p WHERE p."cultivation_id" = h."cultivation_id" AND p."stream" = 'cultivation' AND p."kind" = 'PAUSED' AND p."at" <= t."t"
        AND NOT EXISTS (SELECT 1 FROM "cultivation"."timeline_event" r WHERE r."cultivation_id" = p."cultivation_id" AND r."stream" = 'cultivation'
          AND r."kind" IN ('RESUMED', 'TERMINATED') AND r."at" > p."at" AND r."at" <= t."t"))
    GROUP BY 1, 2`,
  filing: (groupBy: string | null) => `SELECT ${groupSql(groupBy)} AS "group", count(DISTINCT c."id") AS "reached",
      count(DISTINCT c."id") FILTER (WHERE EXISTS (SELECT 1 FROM "organizations"."filing" f WHERE f."organization_id" = c."organization_id")) AS "filed"
    FROM "cultivation"."stage_history" h JOIN "cultivation"."cultivation" c ON c."id" = h."cultivation_id"
    WHERE ${IN_DISTRICT} AND h."stage" = 'MATURITY' AND ${RANGE('h."entered_at"')}
    GROUP BY 1`,
  followUps: (groupBy: string | null) => `SELECT ${groupSql(groupBy)} AS "group", f."follow_up_index", count(*) FILTER (WHERE f."passed") AS "passed", count(*) FILTER (WHERE NOT f."passed") AS "failed"
    FROM "assessments"."follow_up_check" f JOIN "cultivation"."cultivation" c ON c."id" = f."cultivation_id"
    WHERE ${IN_DISTRICT} AND ${RANGE('f."created_at"')}
    GROUP BY 1, 2`,
  withdrawal: (groupBy: string | null) => `SELECT ${groupSql(groupBy)} AS "group", count(*) AS "completed",
      count(*) FILTER (WHERE o."status" <> 'DISSOLVED' AND EXISTS (SELECT 1 FROM "organizations"."activity" a WHERE a."organization_id" = c."organization_id" AND a."created_at" > h."left_at")) AS "stillActive"
    FROM "cultivation"."stage_history" h JOIN "cultivation"."cultivation" c ON c."id" = h."cultivation_id"
    JOIN "organizations"."organization" o ON o."id" = c."organization_id"
    WHERE ${IN_DISTRICT} AND h."stage" = 'WITHDRAWAL' AND c."stage" = 'COMPLETED' AND ${RANGE('h."left_at"')}
    GROUP BY 1`,
  scores: (groupBy: string | null) => `SELECT ${groupSql(groupBy)} AS "group", a."kind", count(*) AS "assessed", round(avg(a."total"), 2) AS "mean",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY a."total") AS "median", count(*) FILTER (WHERE a."passed") AS "passed",
      count(*) FILTER (WHERE a."total" < 20) AS "b0", count(*) FILTER (WHERE a."total" >= 20 AND a."total" < 40) AS "b20", count(*) FILTER (WHERE a."total" >= 40 AND a."total" < 60) AS "b40",
      count(*) FILTER (WHERE a."total" >= 60 AND a."total" < 80) AS "b60", count(*) FILTER (WHERE a."total" >= 80) AS "b80"
    FROM "assessments"."assessment" a JOIN "cultivation"."cultivation" c ON c."organization_id" = a."organization_id"
    WHERE ${IN_DISTRICT} AND ${DAYS}
    GROUP BY 1, 2`,
  outcomes: (groupBy: string | null) => `SELECT ${groupSql(groupBy)} AS "group", l."level", count(*) AS "evaluated", round(avg(l."score"), 2) AS "mean",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY l."score") AS "median", count(*) FILTER (WHERE l."metTarget") AS "met"
    FROM "assessments"."outcome_evaluation" e JOIN "cultivation"."cultivation" c ON c."id" = e."cultivation_id"
    CROSS JOIN LATERAL jsonb_to_recordset(e."levels") AS l("level" text, "score" numeric, "metTarget" boolean)
    WHERE ${IN_DISTRICT} AND e."evaluated_on" BETWEEN $2::date AND $3::date
    GROUP BY 1, 2`,
};

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  sql: string;
  district: string | null;
}
const districtFilter = { filter: { districtIds: [districtId] } };
const CASES: Case[] = [
  { name: 'Dashboard headlines, one district', query: DASHBOARD, variables: { districtId }, sql: SQL.dashboard, district: districtId },
  { name: 'Dashboard headlines, every district', query: DASHBOARD, variables: {}, sql: SQL.dashboard, district: null },
  { name: 'Stage funnel indicator, one district', query: FUNNEL, variables: { input: districtFilter }, sql: SQL.funnel(null), district: districtId },
  { name: 'Stage funnel indicator, by district', query: FUNNEL, variables: { input: { groupBy: 'DISTRICT' } }, sql: SQL.funnel('DISTRICT'), district: null },
  { name: 'Time in stage, one district', query: TIME, variables: { input: districtFilter }, sql: SQL.time(null), district: districtId },
  { name: 'Time in stage, one district by institution', query: TIME, variables: { input: { ...districtFilter, groupBy: 'INSTITUTION' } }, sql: SQL.time('INSTITUTION'), district: districtId },
  { name: 'Time in stage, by district', query: TIME, variables: { input: { groupBy: 'DISTRICT' } }, sql: SQL.time('DISTRICT'), district: null },
  { name: 'Escalations by cause, one district', query: ESCALATIONS, variables: { input: { ...districtFilter, splitBy: ['TYPE'] } }, sql: SQL.escalations(null, true), district: districtId },
  { name: 'Escalations, one district by institution', query: ESCALATIONS, variables: { input: { ...districtFilter, groupBy: 'INSTITUTION' } }, sql: SQL.escalations('INSTITUTION', false), district: districtId },
  { name: 'Escalations by cause, by district', query: ESCALATIONS, variables: { input: { groupBy: 'DISTRICT', splitBy: ['TYPE'] } }, sql: SQL.escalations('DISTRICT', true), district: null },
  { name: 'Overdue over time (by month), one district', query: OVERDUE, variables: { input: { ...districtFilter, period: { relative: 'LAST_12_MONTHS', bucket: 'MONTH' } } }, sql: SQL.overdue(null), district: districtId },
  { name: 'Overdue over time (by month), by district', query: OVERDUE, variables: { input: { groupBy: 'DISTRICT', period: { relative: 'LAST_12_MONTHS', bucket: 'MONTH' } } }, sql: SQL.overdue('DISTRICT'), district: null },
  { name: 'Filing rate, one district', query: FILING, variables: { input: districtFilter }, sql: SQL.filing(null), district: districtId },
  { name: 'Filing rate, by district', query: FILING, variables: { input: { groupBy: 'DISTRICT' } }, sql: SQL.filing('DISTRICT'), district: null },
  { name: 'Follow-ups at +1/+3/+6 months, one district', query: FOLLOW_UPS, variables: { input: districtFilter }, sql: SQL.followUps(null), district: districtId },
  { name: 'Follow-ups at +1/+3/+6 months, by district', query: FOLLOW_UPS, variables: { input: { groupBy: 'DISTRICT' } }, sql: SQL.followUps('DISTRICT'), district: null },
  { name: 'Still active after withdrawal, one district', query: WITHDRAWAL, variables: { input: districtFilter }, sql: SQL.withdrawal(null), district: districtId },
  { name: 'Still active after withdrawal, by district', query: WITHDRAWAL, variables: { input: { groupBy: 'DISTRICT' } }, sql: SQL.withdrawal('DISTRICT'), district: null },
  { name: 'Assessment scores, one district by institution', query: SCORES, variables: { input: { ...districtFilter, groupBy: 'INSTITUTION' } }, sql: SQL.scores('INSTITUTION'), district: districtId },
  { name: 'Assessment scores, by district', query: SCORES, variables: { input: { groupBy: 'DISTRICT' } }, sql: SQL.scores('DISTRICT'), district: null },
  { name: 'Outcome levels, one district', query: OUTCOMES, variables: { input: districtFilter }, sql: SQL.outcomes(null), district: districtId },
  { name: 'Outcome levels, by district', query: OUTCOMES, variables: { input: { groupBy: 'DISTRICT' } }, sql: SQL.outcomes('DISTRICT'), district: null },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
async function measure(work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

report(`Latency: ${RUNS} sequential runs after ${WARMUP} warm-up, district ${dataset.districts.find((d) => d.id === districtId)?.name} (${districtId}), ` +
  `range ${range.from}..${range.to} (LAST_12_MONTHS, the dashboard's default).`);
report('| Query | Gateway p50 | Gateway p95 | Base-table SQL p50 | SQL p95 | Ratio p50 | Ratio p95 |');
report('| --- | --- | --- | --- | --- | --- | --- |');
for (const c of CASES) {
  const first = await graphql(gatewayUrl, c.query, c.variables, token);
  if (first.errors?.length) throw new Error(`${c.name}: ${JSON.stringify(first.errors)}`);
  const gateway = await measure(async () => dataOf(await graphql(gatewayUrl, c.query, c.variables, token)));
  const direct = await measure(() => db.query(c.sql, [c.district, range.from, range.to]));
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  report(`| ${c.name} | ${ms(gateway.p50)} | ${ms(gateway.p95)} | ${ms(direct.p50)} | ${ms(direct.p95)} | ${(gateway.p50 / direct.p50).toFixed(1)} | ${(gateway.p95 / direct.p95).toFixed(1)} |`);
}
const dashboardCase = CASES[0];
const dashboard = await measure(async () => dataOf(await graphql(gatewayUrl, dashboardCase.query, dashboardCase.variables, token)));
report(`Target: the district dashboard query's p95 under 150 ms: ${dashboard.p95.toFixed(1)} ms, ${dashboard.p95 < 150 ? 'met' : 'not met'}.`);

await db.end();
await stack.stop();
console.log(`\n${lines.join('\n')}`);
