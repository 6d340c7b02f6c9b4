// Fault test: stop the Temporal server while cultivations are mid-stage and their deadlines and
// escalation climbs fall due, start it again on the same state, then check that every cultivation
// resumed: each DELAY escalation is raised and climbs to the last level (read through GraphQL),
// with nothing lost and nothing twice. `--server dev` (the default): the CLI's dev server with its
// state in a database file; `--server postgres`: the real server on PostgreSQL
// (tools/ops/temporal-postgres.mjs, 8 history shards), whose own PostgreSQL keeps running while
// the server process is stopped and started again.
// Starts its own `ops` stack (apps 4800+, PostgreSQL 5436, the dev server on 7236, or the real
// server on 7237 with its PostgreSQL on 5438; every port moved by PEIYU_PORT_SHIFT); prints
// figures for docs/reliability.md and exits 1 on any discrepancy.
//   node tools/dev/run-ts.mjs tools/ops/fault-temporal-restart.ts [--server dev|postgres] [--count 20] [--down-seconds 20] [--settle-seconds 300]
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEFAULT_PROCESS_POLICY, type ProcessPolicy } from '@peiyu/contracts';
import { dataOf, graphql } from '@peiyu/platform-testing';
import { stackLayout, startApps, type StackLayout } from '../dev/stack.mjs';
import { startProcess, waitForHttp, stopAll, type ManagedProcess } from '../dev/processes.mjs';
import { startEmbeddedPostgres } from '../dev/postgres.mjs';
import { startTemporalDevServer } from '../dev/temporal.mjs';
import { numberOption, stringOption } from '../dev/cli-options.js';
import { prepareTemporalServer } from './temporal-postgres.mjs';
import { seedDemo } from '../seed/seed-demo.js';

const COUNT = numberOption('count', 20);
/** How long Temporal stays down: deadlines and climbs that fall due meanwhile must fire after it. */
const DOWN_MS = numberOption('down-seconds', 20) * 1000;
const SETTLE_MS = numberOption('settle-seconds', 300) * 1000;
const SERVER = stringOption('server', 'dev');
if (SERVER !== 'dev' && SERVER !== 'postgres') throw new Error('--server must be dev or postgres');
const CLIMB_SECONDS = 8;
const LADDER: ProcessPolicy['ladder'] = [
  { role: 'SUPERVISOR', acknowledgeWithinSeconds: CLIMB_SECONDS },
  { role: 'INSTITUTION_DIRECTOR', acknowledgeWithinSeconds: CLIMB_SECONDS },
  { role: 'STREET_OFFICER', acknowledgeWithinSeconds: CLIMB_SECONDS },
  { role: 'PROGRAMME_MANAGER', acknowledgeWithinSeconds: 3600 },
];
const DEMO_DISTRICT_ID = '10000000-0000-4000-8000-000000000001';
const DEMO_INSTITUTION_ID = '10000000-0000-4000-8000-000000000301';
const REGISTER = fileURLToPath(new URL('../dev/register.mjs', import.meta.url));

type OpsLayout = StackLayout & { postgres: Record<string, unknown>; temporal: Record<string, unknown> };
const base = stackLayout('ops') as OpsLayout;
const dataDir = resolve(base.dataDir, 'fault-temporal');
const layout: OpsLayout = {
  ...base,
  dataDir,
  logDir: resolve(dataDir, 'logs'),
  postgres: { ...base.postgres, dataDir: resolve(dataDir, 'postgres') },
  temporal: { ...base.temporal, dbFile: resolve(dataDir, 'temporal/temporal.db') },
};
const temporalOptions = { ...layout.temporal, logFile: resolve(layout.logDir, 'temporal.log') };

/** Starts the chosen Temporal server; `restart()` starts it again on the same state once it stopped. */
async function startTemporal(): Promise<{ address: string; process: ManagedProcess; restart(): Promise<ManagedProcess> }> {
  if (SERVER === 'dev') {
    const dev = await startTemporalDevServer(temporalOptions);
    return { ...dev, restart: async () => (await startTemporalDevServer(temporalOptions)).process };
  }
  // The ports next to the stack's: Temporal one above the dev server's, its PostgreSQL two above the stack's.
  const real = await prepareTemporalServer({ port: layout.temporal.port + 1, pgPort: layout.postgres.port + 2, dataDir: resolve(dataDir, 'temporal-server') });
  return { address: real.address, process: await real.start(), restart: () => real.start() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let failed = false;
try {
  rmSync(dataDir, { recursive: true, force: true });
  const databaseUrl = await startEmbeddedPostgres({ ...layout.postgres, logFile: resolve(layout.logDir, 'postgres.log') });
  const temporal = await startTemporal();
  let temporalProcess = temporal.process;
  const { env, pids } = await startApps(layout, { databaseUrl, temporalAddress: temporal.address }, { logToFiles: true });
  await seedDemo(databaseUrl);
  const gateway = `http://127.0.0.1:${layout.ports.gateway}/graphql`;
  const { signIn } = dataOf(
    await graphql<{ signIn: { token: string } }>(gateway, 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }', { input: { username: 'admin', password: 'peiyu-demo' } }),
  );
  const call = async <T>(query: string, variables: Record<string, unknown>) => dataOf(await graphql<T>(gateway, query, variables, signIn.token));

  await call('mutation ($input: SetProcessPolicyInput!) { setProcessPolicy(input: $input) { version } }', {
    input: { districtId: DEMO_DISTRICT_ID, document: JSON.stringify({ ...DEFAULT_PROCESS_POLICY, ladder: LADDER }) },
  });
  const { createStreet } = await call<{ createStreet: { id: string } }>('mutation ($input: CreateStreetInput!) { createStreet(input: $input) { id } }', { input: { districtId: DEMO_DISTRICT_ID, name: '时序重启测试街道' } });
  const { createCommunity } = await call<{ createCommunity: { id: string } }>('mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }', { input: { streetId: createStreet.id, name: '时序重启测试社区' } });

  // Deadlines one every 2 s from +25 s: Temporal stops at about +20 s, so some formation deadlines
  // and many climbs fall due while it is down, the rest after it is back.
  const started = Date.now();
  const cultivations: Array<{ id: string; deadline: number }> = [];
  for (let i = 0; i < COUNT; i++) {
    const { createOrganization } = await call<{ createOrganization: { id: string } }>('mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
      input: { name: `时序重启测试组织${i}`, communityId: createCommunity.id, category: 'LIFE_SERVICE' },
    });
    const deadline = started + 25_000 + i * 2_000;
    const { startCultivation } = await call<{ startCultivation: { id: string } }>('mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id } }', {
      input: { organizationId: createOrganization.id, institutionId: DEMO_INSTITUTION_ID, formationDeadline: new Date(deadline).toISOString() },
    });
    cultivations.push({ id: startCultivation.id, deadline });
  }
  const created = Date.now();
  console.log(`started ${COUNT} cultivations in ${((created - started) / 1000).toFixed(1)} s; deadlines from +25 s to +${25 + 2 * (COUNT - 1)} s`);

  // Stop Temporal as an operator would (SIGTERM to its process group), leave it down, start it on the same file.
  await sleep(Math.max(0, started + 20_000 - Date.now()));
  const stoppedAt = Date.now();
  process.kill(-temporalProcess.pid!, 'SIGTERM');
  await temporalProcess.exited;
  const exitedAt = Date.now();
  console.log(`Temporal (${SERVER}) stopped at +${((stoppedAt - started) / 1000).toFixed(0)} s`);
  await sleep(Math.max(0, stoppedAt + DOWN_MS - Date.now()));
  temporalProcess = await temporal.restart();
  const backAt = Date.now();
  console.log(`Temporal back at +${((backAt - started) / 1000).toFixed(0)} s (down ${((backAt - stoppedAt) / 1000).toFixed(1)} s)`);
  // Steps (formation deadline or climb) due while the server was down: each must fire after it.
  const dueInOutage = cultivations
    .flatMap((c) => [0, 1, 2, 3].map((level) => c.deadline + level * CLIMB_SECONDS * 1000))
    .filter((at) => at >= stoppedAt && at < backAt).length;

  // The worker reconnects by itself; if it gave up while Temporal was away, that is a finding.
  let workerRestarted = false;
  try {
    process.kill(pids.worker!, 0);
  } catch {
    workerRestarted = true;
    console.log('the worker exited while Temporal was down: starting a new one');
    const worker = startProcess('worker', process.execPath, ['--enable-source-maps', '--import', REGISTER, 'apps/worker/src/main.ts'], { env, logFile: resolve(layout.logDir, 'worker.log') });
    await waitForHttp('worker', `http://127.0.0.1:${layout.ports.worker}/ready`, { process: worker, timeoutMs: 180_000 });
  }

  // Converged when GraphQL shows, for every cultivation, one open DELAY escalation at level 4.
  type Escalation = { id: string; type: string; level: number; status: string; key: string };
  const ids = cultivations.map((c) => c.id);
  const lastDue = Math.max(...cultivations.map((c) => c.deadline)) + 3 * CLIMB_SECONDS * 1000;
  const settleFrom = Math.max(lastDue, backAt);
  const escalationsOf = async () =>
    Promise.all(ids.map(async (id) => ({ id, list: (await call<{ escalations: Escalation[] }>('query ($id: ID) { escalations(cultivationId: $id) { id type level status key } }', { id })).escalations })));
  let converged = 0;
  let seen: Awaited<ReturnType<typeof escalationsOf>> = [];
  let reported = Date.now();
  for (;;) {
    seen = await escalationsOf();
    const done = seen.filter((c) => c.list.length === 1 && c.list[0]?.level === 4).length;
    if (done === COUNT && Date.now() >= lastDue) {
      converged = Date.now();
      break;
    }
    if (Date.now() - reported > 20_000) {
      console.log(`${done}/${COUNT} at the last level`);
      reported = Date.now();
    }
    if (Date.now() > settleFrom + SETTLE_MS) break;
    await sleep(1_000);
  }

  const problems: string[] = [];
  for (const { id, list } of seen) {
    const delay = list.filter((e) => e.type === 'DELAY');
    if (list.length !== 1 || delay.length !== 1 || delay[0]?.level !== 4 || delay[0]?.status !== 'OPEN') {
      problems.push(`${id}: escalations in GraphQL ${JSON.stringify(list.map((e) => `${e.key} L${e.level} ${e.status}`))}`);
    }
  }
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const steps = await db.query<{ cultivation_id: string; levels: number[] }>(
    `SELECT e.cultivation_id, array_agg(s.level ORDER BY s.level) AS levels
       FROM cultivation.escalation e JOIN cultivation.escalation_step s ON s.escalation_id = e.id
      WHERE e.cultivation_id = ANY($1) GROUP BY e.cultivation_id`,
    [ids],
  );
  for (const row of steps.rows) if (row.levels.join(',') !== '1,2,3,4') problems.push(`${row.cultivation_id}: steps ${row.levels.join(',')}`);
  if (steps.rows.length !== COUNT) problems.push(`${steps.rows.length} of ${COUNT} cultivations have escalation steps`);
  // The timeline is numbered by the workflow: no gap means no event lost, the key means none twice.
  const gaps = await db.query<{ cultivation_id: string; n: string; max: number }>(
    `SELECT cultivation_id, count(*) AS n, max(sequence) AS max FROM cultivation.timeline_event WHERE cultivation_id = ANY($1) AND stream = 'process' GROUP BY cultivation_id`,
    [ids],
  );
  for (const row of gaps.rows) if (Number(row.n) !== row.max) problems.push(`${row.cultivation_id}: timeline has ${row.n} events numbered up to ${row.max}`);
  const stages = await db.query<{ stage: string; n: string }>(`SELECT stage, count(*) AS n FROM cultivation.cultivation WHERE id = ANY($1) GROUP BY stage`, [ids]);
  if (stages.rows.length !== 1 || stages.rows[0]?.stage !== 'FORMATION') problems.push(`stages: ${JSON.stringify(stages.rows)}`);
  const notifications = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM cultivation.notification WHERE cultivation_id = ANY($1) AND kind = 'ESCALATION' GROUP BY cultivation_id`,
    [ids],
  );
  const perCultivation = new Set(notifications.rows.map((r) => Number(r.n)));
  if (notifications.rows.length !== COUNT || perCultivation.size !== 1) problems.push(`escalation notifications per cultivation differ: ${[...perCultivation].join(', ')} over ${notifications.rows.length} cultivations`);
  // How late each step was raised against when it fell due, split by whether it fell due in the outage.
  const raised = await db.query<{ cultivation_id: string; level: number; raised: Date }>(
    `SELECT e.cultivation_id, s.level, s.raised_at AS raised FROM cultivation.escalation e JOIN cultivation.escalation_step s ON s.escalation_id = e.id WHERE e.cultivation_id = ANY($1)`,
    [ids],
  );
  await db.end();
  const deadlineOf = new Map(cultivations.map((c) => [c.id, c.deadline]));
  const lateness = { outage: [] as number[], other: [] as number[] };
  for (const row of raised.rows) {
    const due = deadlineOf.get(row.cultivation_id)! + (row.level - 1) * CLIMB_SECONDS * 1000;
    (due >= stoppedAt && due < backAt ? lateness.outage : lateness.other).push((row.raised.getTime() - due) / 1000);
  }
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { steps: sorted.length, medianLateSeconds: sorted[Math.floor(sorted.length / 2)]?.toFixed(1), maxLateSeconds: sorted.at(-1)?.toFixed(1) };
  };
  const figures = {
    server: SERVER,
    cultivations: COUNT,
    shutdownSeconds: Number(((exitedAt - stoppedAt) / 1000).toFixed(1)),
    temporalDownSeconds: Number(((backAt - stoppedAt) / 1000).toFixed(1)),
    stepsDueWhileDown: dueInOutage,
    dueWhileDown: summary(lateness.outage),
    dueOtherwise: summary(lateness.other),
    workerRestarted,
    escalationNotificationsPerCultivation: [...perCultivation][0] ?? 0,
    allAtLastLevelAfterLastDueSeconds: converged ? Number(((converged - settleFrom) / 1000).toFixed(1)) : null,
    totalSeconds: Math.round((Date.now() - started) / 1000),
    problems: problems.length,
  };
  console.log(JSON.stringify(figures));
  for (const problem of problems.slice(0, 20)) console.log(`PROBLEM ${problem}`);
  failed = problems.length > 0 || !converged || dueInOutage === 0;
  console.log(failed ? `FAIL: Temporal restart (${SERVER})` : `PASS: Temporal restart (${SERVER} server, ${COUNT} cultivations resumed, ${dueInOutage} steps due while it was down all fired, nothing twice)`);
} catch (error) {
  console.error(error);
  console.log(`FAIL: Temporal restart (${SERVER})`);
  failed = true;
} finally {
  await stopAll();
}
process.exit(failed ? 1 : 0);
