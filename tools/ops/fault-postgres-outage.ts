// Fault test: take PostgreSQL (the embedded server) away for 30 s while reads and writes flow
// through the gateway and cultivations' deadlines and escalation climbs fall due, then start it
// again on the same data directory. `--mode stop` (the default) shuts it down as an operator would
// (SIGTERM); `--mode kill` kills the postmaster and all its children with SIGKILL at once, as a
// crash would, so the restart runs crash recovery from the WAL; that mode runs PostgreSQL durable
// (fsync and synchronous commit on, as in production), since the throw-away stacks' settings
// (synchronous_commit=off) may lose the last acknowledged commits in a crash. During the outage every request must fail fast (within FAIL_FAST_MS) with a
// clear error code, not INTERNAL_SERVER_ERROR and no driver internals in the message; after it,
// everything written before the outage must still be there, the services must answer again, and
// every escalation step due in the outage must be raised once the worker's activities retry, with
// nothing lost and nothing twice.
// Starts its own `ops` stack (apps 4800+, PostgreSQL 5436, Temporal dev server 7236); prints figures
// for docs/reliability.md and exits 1 on any discrepancy.
//   node tools/dev/run-ts.mjs tools/ops/fault-postgres-outage.ts [--mode stop|kill] [--down-seconds 30] [--count 10] [--settle-seconds 300]
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { DEFAULT_PROCESS_POLICY, type ProcessPolicy } from '@peiyu/contracts';
import { dataOf, graphql } from '@peiyu/platform-testing';
import { stackLayout, startApps, type StackLayout } from '../dev/stack.mjs';
import { stopAll } from '../dev/processes.mjs';
import { startEmbeddedPostgres } from '../dev/postgres.mjs';
import { startTemporalDevServer } from '../dev/temporal.mjs';
import { numberOption, stringOption } from '../dev/cli-options.js';
import { seedDemo } from '../seed/seed-demo.js';

const COUNT = numberOption('count', 10);
/** How long PostgreSQL stays down. */
const DOWN_MS = numberOption('down-seconds', 30) * 1000;
const SETTLE_MS = numberOption('settle-seconds', 300) * 1000;
const MODE = stringOption('mode', 'stop');
if (MODE !== 'stop' && MODE !== 'kill') throw new Error('--mode must be stop or kill');
/** A request made while PostgreSQL is down must be answered (with an error) within this. */
const FAIL_FAST_MS = 5_000;
/** When PostgreSQL stops, counted from the first cultivation's start. */
const STOP_AT_MS = 25_000;
const CLIMB_SECONDS = 8;
const LADDER: ProcessPolicy['ladder'] = [
  { role: 'SUPERVISOR', acknowledgeWithinSeconds: CLIMB_SECONDS },
  { role: 'INSTITUTION_DIRECTOR', acknowledgeWithinSeconds: CLIMB_SECONDS },
  { role: 'STREET_OFFICER', acknowledgeWithinSeconds: CLIMB_SECONDS },
  { role: 'PROGRAMME_MANAGER', acknowledgeWithinSeconds: 3600 },
];
const DEMO_DISTRICT_ID = '10000000-0000-4000-8000-000000000001';
const DEMO_INSTITUTION_ID = '10000000-0000-4000-8000-000000000301';
/** Words that would show a client the driver's or the server's internals. */
const INTERNALS = /ECONNREFUSED|ECONNRESET|connect |terminat|postgres|typeorm|QueryFailed|stack|at \w+ \(|\.ts:\d+/i;

type OpsLayout = StackLayout & { postgres: Record<string, unknown>; temporal: Record<string, unknown> };
const base = stackLayout('ops') as OpsLayout;
const dataDir = resolve(base.dataDir, 'fault-postgres');
const layout: OpsLayout = {
  ...base,
  dataDir,
  logDir: resolve(dataDir, 'logs'),
  postgres: { ...base.postgres, dataDir: resolve(dataDir, 'postgres') },
};
const postgresOptions = { ...layout.postgres, durable: MODE === 'kill', logFile: resolve(layout.logDir, 'postgres.log') };
const postgresDataDir = String(layout.postgres.dataDir);

type Outcome = { at: number; kind: 'read' | 'write'; name: string; ms: number; ok: boolean; codes: string[]; messages: string[] };

/** The process (and group) of the embedded server's runner on our data directory. */
const postgresRunnerPid = () => {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const line = lines.find((l) => l.includes('postgres-server.mjs') && l.includes(String(layout.postgres.dataDir)));
  if (!line) throw new Error('the embedded PostgreSQL runner is not running');
  return Number(line.trim().split(/\s+/)[0]);
};
/** The postmaster (from postmaster.pid) and every process it started. */
const postgresProcesses = () => {
  const postmaster = Number(readFileSync(resolve(postgresDataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' }).split('\n').map((l) => Number(l.trim())).filter((pid) => pid > 0);
  return { postmaster, children };
};
/** The cluster state in global/pg_control (a 4-byte enum after the system id and two versions). */
const CLUSTER_STATES = ['starting up', 'shut down', 'shut down in recovery', 'shutting down', 'in crash recovery', 'in archive recovery', 'in production'];
const clusterState = () => CLUSTER_STATES[readFileSync(resolve(postgresDataDir, 'global/pg_control')).readUInt32LE(16)] ?? 'unknown';
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let failed = false;
try {
  rmSync(dataDir, { recursive: true, force: true });
  const databaseUrl = await startEmbeddedPostgres(postgresOptions);
  const temporal = await startTemporalDevServer({ ...layout.temporal, logFile: resolve(layout.logDir, 'temporal.log') });
  const { pids } = await startApps(layout, { databaseUrl, temporalAddress: temporal.address }, { logToFiles: true });
  await seedDemo(databaseUrl);
  const gateway = `http://127.0.0.1:${layout.ports.gateway}/graphql`;
  const { signIn } = dataOf(
    await graphql<{ signIn: { token: string } }>(gateway, 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }', { input: { username: 'admin', password: 'peiyu-demo' } }),
  );
  const call = async <T>(query: string, variables: Record<string, unknown>) => dataOf(await graphql<T>(gateway, query, variables, signIn.token));

  await call('mutation ($input: SetProcessPolicyInput!) { setProcessPolicy(input: $input) { version } }', {
    input: { districtId: DEMO_DISTRICT_ID, document: JSON.stringify({ ...DEFAULT_PROCESS_POLICY, ladder: LADDER }) },
  });
  const { createStreet } = await call<{ createStreet: { id: string } }>('mutation ($input: CreateStreetInput!) { createStreet(input: $input) { id } }', { input: { districtId: DEMO_DISTRICT_ID, name: '数据库停机测试街道' } });
  const { createCommunity } = await call<{ createCommunity: { id: string } }>('mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }', { input: { streetId: createStreet.id, name: '数据库停机测试社区' } });

  // Deadlines one every 4 s from +30 s: PostgreSQL stops at +25 s for 30 s, so the first formation
  // deadlines and their climbs fall due while it is down, the rest after it is back.
  const today = new Date().toISOString().slice(0, 10);
  const started = Date.now();
  const cultivations: Array<{ id: string; organizationId: string; deadline: number }> = [];
  /** Evidence written before the outage (and during the load, when it succeeded), by organization. */
  const written = new Map<string, { members: Set<string>; activities: Set<string> }>();
  for (let i = 0; i < COUNT; i++) {
    const { createOrganization } = await call<{ createOrganization: { id: string } }>('mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
      input: { name: `数据库停机测试组织${i}`, communityId: createCommunity.id, category: 'LIFE_SERVICE' },
    });
    const deadline = started + 30_000 + i * 4_000;
    const { startCultivation } = await call<{ startCultivation: { id: string } }>('mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id } }', {
      input: { organizationId: createOrganization.id, institutionId: DEMO_INSTITUTION_ID, formationDeadline: new Date(deadline).toISOString() },
    });
    cultivations.push({ id: startCultivation.id, organizationId: createOrganization.id, deadline });
    const evidence = { members: new Set<string>(), activities: new Set<string>() };
    for (let m = 0; m < 2; m++) {
      const { addMember } = await call<{ addMember: { id: string } }>('mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }', { input: { organizationId: createOrganization.id, name: `成员${i}-${m}`, joinedOn: today } });
      evidence.members.add(addMember.id);
    }
    const { recordActivity } = await call<{ recordActivity: { id: string } }>('mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }', {
      input: { organizationId: createOrganization.id, kind: 'INTEREST_ACTIVITY', title: `停机前活动${i}`, heldOn: today, hours: 1.5, participants: 5, attendeeIds: [...evidence.members] },
    });
    evidence.activities.add(recordActivity.id);
    written.set(createOrganization.id, evidence);
  }
  console.log(`started ${COUNT} cultivations with 2 members and 1 activity each in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Load: two clients reading back to back, one adding a member every 500 ms.
  const READS: Array<{ name: string; query: string; variables?: Record<string, unknown> }> = [
    { name: 'districts', query: '{ districts { id name } }' },
    { name: 'organizations', query: '{ organizations { id name members { id } } }' },
    { name: 'cultivations', query: '{ cultivationCount escalations(openOnly: true) { id } }' },
    { name: 'funnel', query: 'query ($d: ID) { stageFunnel(districtId: $d) { __typename } }', variables: { d: DEMO_DISTRICT_ID } },
  ];
  const outcomes: Outcome[] = [];
  let flowing = true;
  const record = (at: number, kind: Outcome['kind'], name: string, errors: Array<{ message: string; extensions?: Record<string, unknown> }>) => {
    outcomes.push({ at, kind, name, ms: Date.now() - at, ok: errors.length === 0, codes: errors.map((e) => String(e.extensions?.code)), messages: errors.map((e) => e.message) });
  };
  const reader = async (offset: number) => {
    for (let i = offset; flowing; i++) {
      const q = READS[i % READS.length]!;
      const at = Date.now();
      const result = await graphql<Record<string, unknown>>(gateway, q.query, q.variables ?? {}, signIn.token).catch((e: unknown) => ({ errors: [{ message: String(e), extensions: { code: 'NO_RESPONSE' } }] }));
      record(at, 'read', q.name, result.errors ?? []);
      await sleep(50);
    }
  };
  const writer = async () => {
    for (let i = 0; flowing; i++) {
      const c = cultivations[i % COUNT]!;
      const at = Date.now();
      const result = await graphql<{ addMember: { id: string } }>(gateway, 'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }', { input: { organizationId: c.organizationId, name: `负载成员${i}`, joinedOn: today } }, signIn.token).catch(
        (e: unknown) => ({ data: undefined, errors: [{ message: String(e), extensions: { code: 'NO_RESPONSE' } }] }),
      );
      record(at, 'write', 'addMember', result.errors ?? []);
      if (result.data?.addMember) written.get(c.organizationId)!.members.add(result.data.addMember.id);
      await sleep(500);
    }
  };
  const clients = [reader(0), reader(2), writer()];

  // Stop PostgreSQL as an operator would (SIGTERM to its runner, which shuts the server down), or
  // kill it (SIGKILL to the postmaster and its children, then to the runner), leave it down, start
  // it again on the same data directory.
  await sleep(Math.max(0, started + STOP_AT_MS - Date.now()));
  const runner = postgresRunnerPid();
  const stoppedAt = Date.now();
  let killed = 0;
  if (MODE === 'kill') {
    const { postmaster, children } = postgresProcesses();
    for (const pid of [postmaster, ...children]) process.kill(pid, 'SIGKILL');
    killed = 1 + children.length;
    process.kill(-runner, 'SIGKILL');
    while ([postmaster, ...children, runner].some(alive)) await sleep(50);
  } else {
    process.kill(-runner, 'SIGTERM');
    while (alive(runner)) await sleep(100);
  }
  const downAt = Date.now();
  const stateAfterStop = clusterState();
  console.log(
    `PostgreSQL ${MODE === 'kill' ? `killed (${killed} processes)` : 'stopped'} at +${((stoppedAt - started) / 1000).toFixed(0)} s (gone in ${((downAt - stoppedAt) / 1000).toFixed(1)} s; cluster state ${stateAfterStop})`,
  );
  await sleep(Math.max(0, stoppedAt + DOWN_MS - Date.now()));
  const restartedAt = Date.now();
  await startEmbeddedPostgres({ ...postgresOptions, fresh: false });
  const backAt = Date.now();
  console.log(`PostgreSQL back at +${((backAt - started) / 1000).toFixed(0)} s (down ${((backAt - downAt) / 1000).toFixed(1)} s)`);

  // Services reconnect by themselves; a service that died while PostgreSQL was down is a finding.
  const deadApps = Object.entries(pids).filter(([, pid]) => !alive(pid)).map(([name]) => name);

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
    seen = await escalationsOf().catch(() => []);
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
  flowing = false;
  await Promise.all(clients);

  const problems: string[] = [];
  // In the outage: requests sent after the server was gone and before it was back.
  const before = outcomes.filter((o) => o.at + o.ms < stoppedAt);
  const during = outcomes.filter((o) => o.at > downAt + 1_000 && o.at + o.ms < restartedAt);
  const after = outcomes.filter((o) => o.at > backAt);
  for (const o of before) if (!o.ok) problems.push(`before the stop: ${o.name} failed with ${o.codes.join(',')}`);
  for (const o of during) {
    if (o.ms > FAIL_FAST_MS) problems.push(`during the outage: ${o.kind} ${o.name} took ${o.ms} ms (bound ${FAIL_FAST_MS} ms)`);
    if (o.ok) continue;
    const internal = o.codes.filter((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'NO_RESPONSE' || c === 'undefined');
    if (internal.length > 0) problems.push(`during the outage: ${o.kind} ${o.name} failed with ${o.codes.join(',')}: ${o.messages.join(' | ').slice(0, 200)}`);
    const leaks = o.messages.filter((m) => INTERNALS.test(m));
    if (leaks.length > 0) problems.push(`during the outage: ${o.kind} ${o.name} shows internals: ${leaks.join(' | ').slice(0, 200)}`);
  }
  const firstOk = after.find((o) => o.ok && o.kind === 'read');
  const recovered = firstOk ? after.filter((o) => o.at >= firstOk.at + 5_000) : [];
  for (const o of recovered) if (!o.ok) problems.push(`after recovery: ${o.kind} ${o.name} failed with ${o.codes.join(',')}: ${o.messages.join(' | ').slice(0, 200)}`);
  if (!firstOk) problems.push('after the restart: no read answered');
  if (during.length === 0) problems.push('no request during the outage to judge');
  if (deadApps.length > 0) problems.push(`exited while PostgreSQL was down: ${deadApps.join(', ')}`);

  // Escalations: one DELAY escalation per cultivation at level 4, steps 1-4, timelines without gaps.
  for (const { id, list } of seen) {
    const delay = list.filter((e) => e.type === 'DELAY');
    if (list.length !== 1 || delay.length !== 1 || delay[0]?.level !== 4 || delay[0]?.status !== 'OPEN') {
      problems.push(`${id}: escalations in GraphQL ${JSON.stringify(list.map((e) => `${e.key} L${e.level} ${e.status}`))}`);
    }
  }
  if (seen.length !== COUNT) problems.push(`escalations read for ${seen.length} of ${COUNT} cultivations`);
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
  const gaps = await db.query<{ cultivation_id: string; n: string; max: number }>(
    `SELECT cultivation_id, count(*) AS n, max(sequence) AS max FROM cultivation.timeline_event WHERE cultivation_id = ANY($1) AND stream = 'process' GROUP BY cultivation_id`,
    [ids],
  );
  for (const row of gaps.rows) if (Number(row.n) !== row.max) problems.push(`${row.cultivation_id}: timeline has ${row.n} events numbered up to ${row.max}`);
  const notifications = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM cultivation.notification WHERE cultivation_id = ANY($1) AND kind = 'ESCALATION' GROUP BY cultivation_id`,
    [ids],
  );
  const perCultivation = new Set(notifications.rows.map((r) => Number(r.n)));
  if (notifications.rows.length !== COUNT || perCultivation.size !== 1) problems.push(`escalation notifications per cultivation differ: ${[...perCultivation].join(', ')} over ${notifications.rows.length} cultivations`);
  const raised = await db.query<{ cultivation_id: string; level: number; raised: Date }>(
    `SELECT e.cultivation_id, s.level, s.raised_at AS raised FROM cultivation.escalation e JOIN cultivation.escalation_step s ON s.escalation_id = e.id WHERE e.cultivation_id = ANY($1)`,
    [ids],
  );
  await db.end();

  // Everything written and acknowledged, before or during the load, read back through the gateway.
  const { organizations } = await call<{ organizations: Array<{ id: string; members: Array<{ id: string }>; activities: Array<{ id: string }> }> }>('{ organizations { id members { id } activities { id } } }', {});
  let membersWritten = 0;
  let activitiesWritten = 0;
  for (const [organizationId, evidence] of written) {
    const found = organizations.find((o) => o.id === organizationId);
    const members = new Set(found?.members.map((m) => m.id));
    const activities = new Set(found?.activities.map((a) => a.id));
    membersWritten += evidence.members.size;
    activitiesWritten += evidence.activities.size;
    for (const id of evidence.members) if (!members.has(id)) problems.push(`${organizationId}: member ${id} written, now missing`);
    for (const id of evidence.activities) if (!activities.has(id)) problems.push(`${organizationId}: activity ${id} written, now missing`);
  }

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
  const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * 0.95) - 1)] ?? 0;
  const codes = new Map<string, number>();
  for (const o of during) for (const c of o.ok ? ['ok'] : o.codes) codes.set(c, (codes.get(c) ?? 0) + 1);
  const dueInOutage = lateness.outage.length;
  if (MODE === 'kill' && stateAfterStop !== 'in production') problems.push(`after the kill the cluster state is "${stateAfterStop}", not "in production": no crash to recover from`);
  if (MODE === 'stop' && stateAfterStop !== 'shut down') problems.push(`after the stop the cluster state is "${stateAfterStop}", not "shut down"`);
  // What the services logged in the outage: one concise line per failed request, a stack once.
  const logged = { lines: 0, conciseUnavailable: 0, withStack: 0 };
  for (const name of Object.keys(pids).filter((n) => n.endsWith('-service'))) {
    for (const line of readFileSync(resolve(layout.logDir, `${name}.log`), 'utf8').split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { time?: string; msg?: string; error?: { stack?: string } };
      const at = Date.parse(entry.time ?? '');
      if (!(at >= downAt && at < backAt)) continue;
      logged.lines += 1;
      if (entry.msg === 'request failed: PostgreSQL unavailable') logged.conciseUnavailable += 1;
      if (entry.error?.stack || /\n\s+at /.test(entry.msg ?? '')) logged.withStack += 1;
    }
  }
  const figures = {
    mode: MODE,
    processesKilled: killed,
    clusterStateAfterStop: stateAfterStop,
    cultivations: COUNT,
    postgresDownSeconds: Number(((backAt - downAt) / 1000).toFixed(1)),
    appsExited: deadApps,
    restartToReadySeconds: Number(((backAt - restartedAt) / 1000).toFixed(1)),
    requests: { before: before.length, during: during.length, after: after.length },
    duringOutage: { codes: Object.fromEntries(codes), p95Ms: p95(during.map((o) => o.ms)), maxMs: Math.max(0, ...during.map((o) => o.ms)), sampleMessage: during.find((o) => !o.ok)?.messages[0] },
    firstReadAfterBackSeconds: firstOk ? Number(((firstOk.at - backAt) / 1000).toFixed(1)) : null,
    afterRecoveryAnswered: `${recovered.filter((o) => o.ok).length}/${recovered.length}`,
    writtenAndFound: { members: membersWritten, activities: activitiesWritten },
    stepsDueWhileDown: dueInOutage,
    dueWhileDown: summary(lateness.outage),
    dueOtherwise: summary(lateness.other),
    escalationNotificationsPerCultivation: [...perCultivation][0] ?? 0,
    allAtLastLevelAfterLastDueSeconds: converged ? Number(((converged - settleFrom) / 1000).toFixed(1)) : null,
    servicesLoggedInOutage: logged,
    totalSeconds: Math.round((Date.now() - started) / 1000),
    problems: problems.length,
  };
  console.log(JSON.stringify(figures));
  const kinds = new Map<string, number>();
  for (const problem of problems) kinds.set(problem.replace(/\d+ ms/, 'N ms'), (kinds.get(problem.replace(/\d+ ms/, 'N ms')) ?? 0) + 1);
  for (const [problem, n] of [...kinds].slice(0, 20)) console.log(`PROBLEM ${problem} (${n}×)`);
  failed = problems.length > 0 || !converged || dueInOutage === 0;
  console.log(
    failed
      ? `FAIL: PostgreSQL outage (${MODE})`
      : `PASS: PostgreSQL outage (${MODE === 'kill' ? 'killed, crash recovery' : 'stopped'}: requests failed within ${FAIL_FAST_MS} ms with clear codes, nothing written before was lost, ${dueInOutage} steps due in the outage all raised once)`,
  );
} catch (error) {
  console.error(error);
  console.log(`FAIL: PostgreSQL outage (${MODE})`);
  failed = true;
} finally {
  await stopAll();
}
process.exit(failed ? 1 : 0);
