// Fault test: SIGKILL the worker again and again while cultivations pass their deadlines and their
// escalations climb, then check that every cultivation ends where the policy says, with nothing
// lost (every step of every escalation, every timeline event) and nothing twice.
// Starts its own `ops` stack (apps 4800+, PostgreSQL 5436, Temporal dev server 7236 with a
// database file); prints figures for docs/reliability.md and exits 1 on any discrepancy.
//   node tools/dev/run-ts.mjs tools/ops/fault-worker-kill.ts [--count 30] [--kills 8] [--settle-seconds 600]
// With TEMPORAL_ADDRESS it runs against that Temporal (e.g. tools/ops/temporal-server.mjs).
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEFAULT_PROCESS_POLICY, type ProcessPolicy } from '@peiyu/contracts';
import { dataOf, graphql } from '@peiyu/platform-testing';
import { stackLayout, startApps, startInfrastructure, type StackLayout } from '../dev/stack.mjs';
import { startProcess, waitForHttp, stopAll } from '../dev/processes.mjs';
import { numberOption } from '../dev/cli-options.js';
import { seedDemo } from '../seed/seed-demo.js';

const COUNT = numberOption('count', 30);
const KILLS = numberOption('kills', 8);
/** How long the system gets to catch up after the last kill before a missing step counts as lost. */
const SETTLE_MS = numberOption('settle-seconds', 600) * 1000;
/** Each level of the ladder lets 8 s pass before the escalation climbs; the last level stays. */
const LADDER: ProcessPolicy['ladder'] = [
  { role: 'SUPERVISOR', acknowledgeWithinSeconds: 8 },
  { role: 'INSTITUTION_DIRECTOR', acknowledgeWithinSeconds: 8 },
  { role: 'STREET_OFFICER', acknowledgeWithinSeconds: 8 },
  { role: 'PROGRAMME_MANAGER', acknowledgeWithinSeconds: 3600 },
];
const DEMO_DISTRICT_ID = '10000000-0000-4000-8000-000000000001';
const DEMO_INSTITUTION_ID = '10000000-0000-4000-8000-000000000301';
const REGISTER = fileURLToPath(new URL('../dev/register.mjs', import.meta.url));

type OpsLayout = StackLayout & { postgres: Record<string, unknown>; temporal: Record<string, unknown> };
const base = stackLayout('ops') as OpsLayout;
const dataDir = resolve(base.dataDir, 'fault');
const layout: OpsLayout = {
  ...base,
  dataDir,
  logDir: resolve(dataDir, 'logs'),
  postgres: { ...base.postgres, dataDir: resolve(dataDir, 'postgres') },
  temporal: { ...base.temporal, dbFile: resolve(dataDir, 'temporal/temporal.db') },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let failed = false;
try {
  rmSync(dataDir, { recursive: true, force: true });
  const infra = await startInfrastructure(layout, { logToFiles: true });
  const { env, pids } = await startApps(layout, infra, { logToFiles: true });
  await seedDemo(infra.databaseUrl);
  const gateway = `http://127.0.0.1:${layout.ports.gateway}/graphql`;
  const signIn = async (username: string) =>
    dataOf(await graphql<{ signIn: { token: string } }>(gateway, 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }', { input: { username, password: 'peiyu-demo' } })).signIn.token;
  const admin = await signIn('admin');
  const call = async <T>(query: string, variables: Record<string, unknown>) => dataOf(await graphql<T>(gateway, query, variables, admin));

  await call('mutation ($input: SetProcessPolicyInput!) { setProcessPolicy(input: $input) { version } }', {
    input: { districtId: DEMO_DISTRICT_ID, document: JSON.stringify({ ...DEFAULT_PROCESS_POLICY, ladder: LADDER }) },
  });
  const { createStreet } = await call<{ createStreet: { id: string } }>('mutation ($input: CreateStreetInput!) { createStreet(input: $input) { id } }', { input: { districtId: DEMO_DISTRICT_ID, name: '故障测试街道' } });
  const { createCommunity } = await call<{ createCommunity: { id: string } }>('mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }', { input: { streetId: createStreet.id, name: '故障测试社区' } });

  // Deadlines spread over the kill period, so escalations are raised and climb while workers die.
  const started = Date.now();
  const cultivations: Array<{ id: string; deadline: Date }> = [];
  for (let i = 0; i < COUNT; i++) {
    const { createOrganization } = await call<{ createOrganization: { id: string } }>('mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
      input: { name: `故障测试组织${i}`, communityId: createCommunity.id, category: 'LIFE_SERVICE' },
    });
    const deadline = new Date(started + 20_000 + i * 3_000);
    const { startCultivation } = await call<{ startCultivation: { id: string } }>('mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id } }', {
      input: { organizationId: createOrganization.id, institutionId: DEMO_INSTITUTION_ID, formationDeadline: deadline.toISOString() },
    });
    cultivations.push({ id: startCultivation.id, deadline });
  }
  console.log(`started ${COUNT} cultivations in ${((Date.now() - started) / 1000).toFixed(1)} s; deadlines from +20 s to +${20 + 3 * (COUNT - 1)} s`);

  // Kill the worker with SIGKILL, start a new one, wait until it answers, again and again.
  let workerPid = pids.worker;
  const downtimes: number[] = [];
  for (let kill = 0; kill < KILLS; kill++) {
    // Alive long enough to pick up work (so a kill lands mid-task), short enough to keep dying.
    await sleep(8_000 + Math.floor(Math.random() * 8_000));
    process.kill(workerPid, 'SIGKILL');
    const killedAt = Date.now();
    await sleep(500 + Math.floor(Math.random() * 1_500));
    const worker = startProcess('worker', process.execPath, ['--enable-source-maps', '--import', REGISTER, 'apps/worker/src/main.ts'], {
      env,
      logFile: resolve(layout.logDir, 'worker.log'),
    });
    await waitForHttp('worker', `http://127.0.0.1:${layout.ports.worker}/ready`, { process: worker, timeoutMs: 180_000 });
    workerPid = worker.pid!;
    downtimes.push(Date.now() - killedAt);
  }
  const killsEnded = Date.now();
  console.log(`${KILLS} SIGKILLs over ${((killsEnded - started) / 1000).toFixed(0)} s; worker down ${downtimes.map((d) => (d / 1000).toFixed(1)).join(', ')} s`);

  // Every escalation must reach the last level: 3 climbs of 8 s after the last deadline.
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const ids = cultivations.map((c) => c.id);
  const lastDue = Math.max(...cultivations.map((c) => c.deadline.getTime())) + 3 * 8_000;
  const settleFrom = Math.max(lastDue, killsEnded);
  let converged = 0;
  let reported = Date.now();
  for (;;) {
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM cultivation.cultivation WHERE id = ANY($1) AND escalation_level = 4`, [ids]);
    if (Date.now() - reported > 30_000) {
      console.log(`${rows[0]?.n}/${COUNT} at the last level, ${((Date.now() - settleFrom) / 1000).toFixed(0)} s after the kills and the last due climb`);
      reported = Date.now();
    }
    if (Number(rows[0]?.n) === COUNT) {
      converged = Date.now();
      break;
    }
    if (Date.now() > Math.max(lastDue, killsEnded) + SETTLE_MS) break;
    await sleep(1_000);
  }

  const problems: string[] = [];
  const escalations = await db.query<{ cultivation_id: string; n: string; levels: number[]; status: string[] }>(
    `SELECT e.cultivation_id, count(DISTINCT e.id) AS n, array_agg(s.level ORDER BY s.level) AS levels, array_agg(DISTINCT e.status) AS status
       FROM cultivation.escalation e JOIN cultivation.escalation_step s ON s.escalation_id = e.id
      WHERE e.cultivation_id = ANY($1) GROUP BY e.cultivation_id`,
    [ids],
  );
  const byCultivation = new Map(escalations.rows.map((r) => [r.cultivation_id, r]));
  for (const { id } of cultivations) {
    const row = byCultivation.get(id);
    if (!row) problems.push(`${id}: no escalation`);
    else if (Number(row.n) !== 1 || row.levels.join(',') !== '1,2,3,4' || row.status.join(',') !== 'OPEN') problems.push(`${id}: ${row.n} escalation(s), steps ${row.levels.join(',')}, status ${row.status.join(',')}`);
  }
  // The timeline is numbered by the workflow: no gap means no event lost, the key means none twice.
  const gaps = await db.query<{ cultivation_id: string; n: string; max: number }>(
    `SELECT cultivation_id, count(*) AS n, max(sequence) AS max FROM cultivation.timeline_event WHERE cultivation_id = ANY($1) AND stream = 'process' GROUP BY cultivation_id`,
    [ids],
  );
  for (const row of gaps.rows) if (Number(row.n) !== row.max) problems.push(`${row.cultivation_id}: timeline has ${row.n} events numbered up to ${row.max}`);
  const stages = await db.query<{ stage: string; n: string }>(`SELECT stage, count(*) AS n FROM cultivation.cultivation WHERE id = ANY($1) GROUP BY stage`, [ids]);
  if (stages.rows.length !== 1 || stages.rows[0]?.stage !== 'FORMATION') problems.push(`stages: ${JSON.stringify(stages.rows)}`);
  const notifications = await db.query<{ cultivation_id: string; n: string }>(
    `SELECT cultivation_id, count(*) AS n FROM cultivation.notification WHERE cultivation_id = ANY($1) AND kind = 'ESCALATION' GROUP BY cultivation_id`,
    [ids],
  );
  const perCultivation = new Set(notifications.rows.map((r) => Number(r.n)));
  if (notifications.rows.length !== COUNT || perCultivation.size !== 1) problems.push(`escalation notifications per cultivation differ: ${[...perCultivation].join(', ')} over ${notifications.rows.length} cultivations`);
  const lateness = await db.query<{ late: number }>(
    `SELECT extract(epoch FROM s.raised_at - h.planned_deadline) AS late
       FROM cultivation.escalation e JOIN cultivation.escalation_step s ON s.escalation_id = e.id AND s.level = 1
       JOIN cultivation.stage_history h ON h.cultivation_id = e.cultivation_id AND h.stage = 'FORMATION'
      WHERE e.cultivation_id = ANY($1)`,
    [ids],
  );
  await db.end();
  const late = lateness.rows.map((r) => Number(r.late)).sort((a, b) => a - b);
  const figures = {
    cultivations: COUNT,
    kills: KILLS,
    meanWorkerDowntimeSeconds: Number((downtimes.reduce((a, b) => a + b, 0) / downtimes.length / 1000).toFixed(1)),
    escalationNotificationsPerCultivation: [...perCultivation][0] ?? 0,
    raisedAfterDeadlineSeconds: { median: late[Math.floor(late.length / 2)]?.toFixed(1), max: late.at(-1)?.toFixed(1) },
    killPeriodSeconds: Math.round((killsEnded - started) / 1000),
    allAtLastLevelAfterKillsAndLastDueSeconds: converged ? Number(((converged - settleFrom) / 1000).toFixed(1)) : null,
    problems: problems.length,
  };
  console.log(JSON.stringify(figures));
  for (const problem of problems.slice(0, 20)) console.log(`PROBLEM ${problem}`);
  failed = problems.length > 0 || !converged;
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await stopAll();
}
process.exit(failed ? 1 : 0);
