// Process benchmark (docs/benchmarks.md): N cultivations through the whole lifecycle on the dev
// server with compressed durations, beside a bare Temporal workflow with the same deadline timer,
// updates and activity calls. Reports lifecycles per second against the baseline (closed loop: N
// in flight, each driven as fast as it answers), the latency from a formation deadline to its DELAY
// escalation being visible through the gateway, both under that saturating load and at a stated
// load (lifecycles started at a fixed rate, a fraction of the measured throughput), and worker
// memory per 1,000 open cultivations.
//   node tools/dev/run-ts.mjs tools/bench/process/run.ts [--count 2000] [--concurrency 100]
//     [--paced-count 300] [--pace-fraction 0.5]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import {
  DEFAULT_PROCESS_POLICY,
  HANDOVER_ITEMS,
  cultivationMessages,
  cultivationWorkflowId,
  withdrawalMessages,
  withdrawalWorkflowId,
  type Actor,
  type ProcessPolicy,
} from '@peiyu/contracts';
import { dataOf, graphql } from '@peiyu/platform-testing';
import { numberOption } from '../../dev/cli-options.js';
import { baselinePhase, baselineStep, type baselineWorkflow } from './baseline.workflow.js';

const require = createRequire(import.meta.url);
const COUNT = numberOption('count', 2000);
const CONCURRENCY = numberOption('concurrency', 100);
const PACED_COUNT = numberOption('paced-count', Math.min(300, COUNT));
/** The stated load of the paced phases, as a fraction of Peiyu's closed-loop throughput. */
const PACE_FRACTION = numberOption('pace-fraction', 0.5);
const DEADLINE_MS = 3000;
const FOLLOW_UP_OFFSETS = [2, 3, 4];
// approve ×3, advance ×2, handovers ×5, final evaluation, follow-ups ×3
const UPDATES_PER_LIFECYCLE = 3 + 2 + HANDOVER_ITEMS.length + 1 + FOLLOW_UP_OFFSETS.length;
const ACTIVITIES_PER_UPDATE = 2;
const admin: Actor = { userId: randomUUID(), role: 'ADMIN', scopes: [{ kind: 'CITY', id: null }] };

// The driver signs in once and may run longer than an access token lives (15 minutes by default).
process.env.PEIYU_TOKEN_TTL_SECONDS ??= String(24 * 3600);
const { bootstrapBenchStack } = await import('./stack.js');
const stack = await bootstrapBenchStack();
// Whatever happens, the stack's processes are stopped.
process.on('uncaughtException', (error) => void stack.stop().finally(() => { console.error(error); process.exit(1); }));
process.on('unhandledRejection', (error) => void stack.stop().finally(() => { console.error(error); process.exit(1); }));
const db = new pg.Client({ connectionString: stack.databaseUrl });
await db.connect();
const connection = await Connection.connect({ address: stack.temporalAddress });
const temporal = new Client({ connection });
const gatewayUrl = `${stack.gatewayUrl}/graphql`;

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]) * 1024;
}

/** Closed loop: CONCURRENCY drivers, each taking the next item as soon as its last one is done. */
async function closedLoop<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Open loop: one item started every 1/perSecond s, whatever the others are doing; resolves with the mean number in flight once all are done. */
async function paced<T>(items: T[], perSecond: number, work: (item: T) => Promise<void>): Promise<number> {
  const startedAt = Date.now();
  let inFlight = 0;
  let inFlightSum = 0;
  let samples = 0;
  const sampler = setInterval(() => {
    inFlightSum += inFlight;
    samples += 1;
  }, 250);
  const runs: Promise<void>[] = [];
  for (const [i, item] of items.entries()) {
    await pause(Math.max(0, startedAt + (i * 1000) / perSecond - Date.now()));
    inFlight += 1;
    runs.push(work(item).finally(() => void (inFlight -= 1)));
  }
  await Promise.all(runs);
  clearInterval(sampler);
  return samples ? inFlightSum / samples : 0;
}

/** Busy and total jiffies of all cores, from /proc/stat. */
function cpuTimes(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - fields[3] - fields[4], total };
}

/** Runs a phase; with its duration and the share of the machine's CPU that was busy meanwhile. */
async function measured<T>(run: () => Promise<T>): Promise<{ result: T; seconds: number; cpu: number }> {
  const before = cpuTimes();
  const startedAt = Date.now();
  const result = await run();
  const after = cpuTimes();
  return { result, seconds: (Date.now() - startedAt) / 1000, cpu: (after.busy - before.busy) / Math.max(1, after.total - before.total) };
}

/**
 * Follow-ups on the same schedule for both kinds of lifecycle: each sent once it is due (offsets
 * from the moment the final step before them returned), so neither driver costs the server
 * updates that are refused as early.
 */
async function followUpsFrom(startedAt: number, send: (index: number) => Promise<void>): Promise<void> {
  for (const [index, offset] of FOLLOW_UP_OFFSETS.entries()) {
    await pause(startedAt + offset * 1000 - Date.now());
    await send(index);
  }
}

/** Updates refused as not due yet and sent again: each costs the server a workflow task. */
let earlyUpdates = 0;
/** Retries an update the workflow refuses only because it is not due yet (a follow-up before its date). */
async function updateWhenDue(run: () => Promise<unknown>): Promise<void> {
  for (;;) {
    try {
      await run();
      return;
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && /due on|is not in withdrawal|not met/.test(String((error.cause as Error)?.message))) {
        earlyUpdates += 1;
        await pause(200);
        continue;
      }
      throw error;
    }
  }
}

// ---- Fixtures: one district with a compressed policy, N forming organizations ---------------------
const districtId = randomUUID();
const streetId = randomUUID();
const communityId = randomUUID();
const institutionId = randomUUID();
await db.query(`INSERT INTO communities.district (id, name, code, version) VALUES ($1, '基准区', $2, 1)`, [districtId, `BENCH-${districtId.slice(0, 6)}`]);
await db.query(`INSERT INTO communities.street (id, district_id, name, version) VALUES ($1, $2, '基准街道', 1)`, [streetId, districtId]);
await db.query(`INSERT INTO communities.community (id, street_id, district_id, name, version) VALUES ($1, $2, $3, '基准社区', 1)`, [communityId, streetId, districtId]);
await db.query(`INSERT INTO organizations.institution (id, name, version) VALUES ($1, $2, 1)`, [institutionId, `基准机构${districtId.slice(0, 6)}`]);
const MEMORY_SAMPLE = Math.min(1000, COUNT);
const organizations = Array.from({ length: COUNT + MEMORY_SAMPLE + PACED_COUNT }, (_, i) => ({ id: randomUUID(), name: `基准组织${i}` }));
for (let i = 0; i < organizations.length; i += 500) {
  const slice = organizations.slice(i, i + 500);
  await db.query(
    `INSERT INTO organizations.organization (id, name, community_id, category, status, version) SELECT id, name, $1, 'LIFE_SERVICE', 'FORMING', 1 FROM unnest($2::uuid[], $3::text[]) AS t(id, name)`,
    [communityId, slice.map((o) => o.id), slice.map((o) => o.name)],
  );
}
const none = { LIFE_SERVICE: [], PUBLIC_WELFARE: [], CULTURE_SPORTS: [], MEDIATION: [] };
const policy: ProcessPolicy = {
  ...DEFAULT_PROCESS_POLICY,
  version: 2,
  stages: {
    FORMATION: { ...DEFAULT_PROCESS_POLICY.stages.FORMATION, criteria: none },
    GROWTH: { ...DEFAULT_PROCESS_POLICY.stages.GROWTH, criteria: none },
    MATURITY: { ...DEFAULT_PROCESS_POLICY.stages.MATURITY, criteria: none },
    WITHDRAWAL: { ...DEFAULT_PROCESS_POLICY.stages.WITHDRAWAL, criteria: none },
  },
  withdrawal: { followUpMonths: [1, 3, 6], followUpOffsetsSeconds: FOLLOW_UP_OFFSETS, followUpWindowSeconds: 3600 },
};
await db.query(`INSERT INTO cultivation.process_policy (id, district_id, version, document) VALUES ($1, $2, 2, $3)`, [randomUUID(), districtId, JSON.stringify(policy)]);
const token = (dataOf(await graphql<{ signIn: { token: string } }>(gatewayUrl, `mutation { signIn(input: { username: "admin", password: "peiyu-demo" }) { token } }`))).signIn.token;

// ---- Deadline to visible: pollers of the open escalations (gateway) and of the rows (database) ------
const deadlines = new Map<string, number>();
const visibleAfter = new Map<string, number>();
/** How long each poll took: the part of the latency that is reading, not the process. */
const pollMs: number[] = [];
// Where the latency goes: the workflow waking (the escalation's raised_at is the workflow's time when
// it decided), the projection being committed (a direct database poller, every 50 ms), the read.
const wokeAfter = new Map<string, number>();
const committedAfter = new Map<string, number>();

/** Polls while Peiyu's lifecycles run; returns the function that stops it. */
function watchEscalations(): () => Promise<void> {
  let polling = true;
  const gatewayPoller = (async () => {
    while (polling) {
      const askedAt = Date.now();
      const result = await graphql<{ escalations: { cultivationId: string }[] }>(gatewayUrl, `{ escalations(openOnly: true) { cultivationId } }`, {}, token);
      const seenAt = Date.now();
      pollMs.push(seenAt - askedAt);
      for (const { cultivationId } of result.data?.escalations ?? []) {
        if (!visibleAfter.has(cultivationId) && deadlines.has(cultivationId)) visibleAfter.set(cultivationId, seenAt - deadlines.get(cultivationId)!);
      }
      await pause(100);
    }
  })();
  const databasePoller = (async () => {
    while (polling) {
      const { rows } = await db.query<{ cultivation_id: string; raised_at: Date }>(`SELECT cultivation_id, raised_at FROM cultivation.escalation WHERE type = 'DELAY' AND raised_at > now() - interval '1 minute'`);
      const seenAt = Date.now();
      for (const { cultivation_id: id, raised_at: raisedAt } of rows) {
        const deadline = deadlines.get(id);
        if (deadline === undefined || committedAfter.has(id)) continue;
        committedAfter.set(id, seenAt - deadline);
        wokeAfter.set(id, raisedAt.getTime() - deadline);
      }
      await pause(50);
    }
  })();
  return async () => {
    polling = false;
    await Promise.all([gatewayPoller, databasePoller]);
  };
}

const startCultivation = async (organizationId: string, formationDeadline: number): Promise<string> =>
  dataOf(
    await graphql<{ startCultivation: { id: string } }>(gatewayUrl, `mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id } }`, {
      input: { organizationId, institutionId, formationDeadline: new Date(formationDeadline).toISOString() },
    }, token),
  ).startCultivation.id;

/** One whole Peiyu lifecycle; returns the cultivation's id. */
async function peiyuLifecycle(organizationId: string): Promise<string> {
  const formationDeadline = Date.now() + DEADLINE_MS;
  const id = await startCultivation(organizationId, formationDeadline);
  deadlines.set(id, formationDeadline);
  while (!visibleAfter.has(id)) await pause(100);
  const parent = temporal.workflow.getHandle(cultivationWorkflowId(id));
  for (let i = 0; i < 3; i++) await updateWhenDue(() => parent.executeUpdate(cultivationMessages.approveGate, { args: [{ actor: admin, note: null }] }));
  const child = temporal.workflow.getHandle(withdrawalWorkflowId(id));
  await updateWhenDue(() => child.executeUpdate(withdrawalMessages.advancePhase, { args: [{ actor: admin }] }));
  await child.executeUpdate(withdrawalMessages.advancePhase, { args: [{ actor: admin }] });
  for (const item of HANDOVER_ITEMS) await child.executeUpdate(withdrawalMessages.confirmHandover, { args: [{ actor: admin, item, takenOverBy: '基准' }] });
  const level = { score: 80, note: 'bench' };
  await child.executeUpdate(withdrawalMessages.recordFinalEvaluation, { args: [{ actor: admin, community: level, organization: level, institution: level }] });
  await followUpsFrom(Date.now(), (index) => updateWhenDue(() => child.executeUpdate(withdrawalMessages.recordFollowUp, { args: [{ actor: admin, index, passed: true, note: 'bench' }] })));
  await parent.result();
  return id;
}

// ---- Bare baseline: same deadline, updates and activity calls, no-op activities ----------------------
const baselineQueue = `bench-baseline-${randomUUID()}`;
/** One bare lifecycle; returns its own deadline to visible (its query polled every 100 ms). */
async function baselineLifecycle(): Promise<number> {
  const deadline = Date.now() + DEADLINE_MS;
  const handle = await temporal.workflow.start<typeof baselineWorkflow>('baselineWorkflow', {
    workflowId: `bench-${randomUUID()}`,
    taskQueue: baselineQueue,
    args: [DEADLINE_MS, UPDATES_PER_LIFECYCLE, ACTIVITIES_PER_UPDATE],
  });
  while ((await handle.query(baselinePhase)) !== 'late') await pause(100);
  const lateAfter = Date.now() - deadline;
  for (let i = 0; i < UPDATES_PER_LIFECYCLE - FOLLOW_UP_OFFSETS.length; i++) await handle.executeUpdate(baselineStep);
  await followUpsFrom(Date.now(), async () => void (await handle.executeUpdate(baselineStep)));
  await handle.result();
  return lateAfter;
}

/** The baseline's worker runs only during its phases, so it takes no share of the machine from Peiyu's. */
async function withBaselineWorker<T>(run: () => Promise<T>): Promise<T> {
  const workerConnection = await NativeConnection.connect({ address: stack.temporalAddress });
  const worker = await Worker.create({
    connection: workerConnection,
    taskQueue: baselineQueue,
    workflowsPath: require.resolve('./baseline.workflow.ts'),
    activities: { noop: async () => undefined },
  });
  const running = worker.run();
  try {
    return await run();
  } finally {
    worker.shutdown();
    await running;
    await workerConnection.close();
  }
}

// ---- Worker memory: MEMORY_SAMPLE open cultivations (far deadlines), then terminated -------------
const workerRssBefore = rssOf(stack.workerPid);
const openIds: string[] = [];
await closedLoop(organizations.slice(COUNT, COUNT + MEMORY_SAMPLE), async (organization) => {
  openIds.push(await startCultivation(organization.id, Date.now() + 30 * 86400000));
});
await pause(3000); // their first workflow tasks and activities settle
const workerRssOpen = rssOf(stack.workerPid);
await closedLoop(openIds, async (id) => {
  await temporal.workflow.getHandle(cultivationWorkflowId(id)).terminate('benchmark memory sample');
});

// ---- Throughput: closed loop, COUNT lifecycles with CONCURRENCY in flight ---------------------------
const closedIds = new Set<string>();
let stopWatching = watchEscalations();
const peiyuClosed = await measured(() => closedLoop(organizations.slice(0, COUNT), async (organization) => void closedIds.add(await peiyuLifecycle(organization.id))));
await stopWatching();
const baselineClosedLate: number[] = [];
const baselineClosed = await measured(() => withBaselineWorker(() => closedLoop(organizations.slice(0, COUNT), async () => void baselineClosedLate.push(await baselineLifecycle()))));
const peiyuRate = COUNT / peiyuClosed.seconds;
const baselineRate = COUNT / baselineClosed.seconds;

// ---- Latency at a stated load: lifecycles started at PACE_FRACTION of Peiyu's throughput -------------
const pace = peiyuRate * PACE_FRACTION;
const pacedIds = new Set<string>();
stopWatching = watchEscalations();
const peiyuPaced = await measured(() => paced(organizations.slice(COUNT + MEMORY_SAMPLE), pace, async (organization) => void pacedIds.add(await peiyuLifecycle(organization.id))));
await stopWatching();
const baselinePacedLate: number[] = [];
const baselinePaced = await measured(() => withBaselineWorker(() => paced(Array.from({ length: PACED_COUNT }), pace, async () => void baselinePacedLate.push(await baselineLifecycle()))));

// ---- Report --------------------------------------------------------------------------------------------
const sorted = (values: Iterable<number>) => [...values].sort((a, b) => a - b);
const quantileOf = (values: number[], q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))];
const quantiles = (values: Iterable<number>) => {
  const all = sorted(values);
  return `p50 ${quantileOf(all, 0.5)} ms, p95 ${quantileOf(all, 0.95)} ms`;
};
const ofPhase = (values: Map<string, number>, ids: Set<string>) => [...ids].flatMap((id) => (values.has(id) ? [values.get(id)!] : []));
const percent = (share: number) => `${(share * 100).toFixed(0)}%`;
const latencyReport = (ids: Set<string>, baselineLate: number[]) => `  Deadline -> visible in GraphQL (target p95 < 1 s): ${quantiles(ofPhase(visibleAfter, ids))} (poll interval 100 ms)
    of which: workflow decided ${quantiles(ofPhase(wokeAfter, ids))}; in the database ${quantiles(ofPhase(committedAfter, ids))}
    bare baseline under the same load, deadline -> its query shows it (one no-op activity after the timer): ${quantiles(baselineLate)}`;
console.log(`
Process benchmark: formation deadline ${DEADLINE_MS / 1000} s, follow-ups at +${FOLLOW_UP_OFFSETS.join('/+')} s
Closed loop: ${COUNT} lifecycles, ${CONCURRENCY} in flight
  Peiyu lifecycles:          ${peiyuClosed.seconds.toFixed(1)} s, ${peiyuRate.toFixed(2)} /s (machine CPU busy ${percent(peiyuClosed.cpu)})
  Bare Temporal baseline:    ${baselineClosed.seconds.toFixed(1)} s, ${baselineRate.toFixed(2)} /s (machine CPU busy ${percent(baselineClosed.cpu)})
  Ratio (target >= 0.6):     ${(peiyuRate / baselineRate).toFixed(2)}
${latencyReport(closedIds, baselineClosedLate)}
Paced: ${PACED_COUNT} lifecycles started at ${pace.toFixed(2)} /s (${PACE_FRACTION} of Peiyu's closed-loop rate)
  Peiyu ${peiyuPaced.result.toFixed(1)} in flight on average, machine CPU busy ${percent(peiyuPaced.cpu)}; bare baseline ${baselinePaced.result.toFixed(1)} in flight, CPU busy ${percent(baselinePaced.cpu)}
${latencyReport(pacedIds, baselinePacedLate)}
One GraphQL poll of the open escalations took ${quantiles(pollMs)}; updates refused as early and sent again: ${earlyUpdates}
Worker memory: ${(workerRssBefore / 2 ** 20).toFixed(0)} MiB idle, ${(workerRssOpen / 2 ** 20).toFixed(0)} MiB with ${MEMORY_SAMPLE} open; per 1,000 open: ${((((workerRssOpen - workerRssBefore) / MEMORY_SAMPLE) * 1000) / 2 ** 20).toFixed(0)} MiB`);

await connection.close();
await db.end();
await stack.stop();
process.exit(0);
