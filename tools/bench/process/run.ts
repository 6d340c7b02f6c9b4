// Process benchmark (docs/benchmarks.md): N cultivations through the whole lifecycle on the dev
// server with compressed durations, beside a bare Temporal workflow with the same deadline timer,
// updates and activity calls. Reports lifecycles per second against the baseline, the latency
// from a formation deadline to its DELAY escalation being visible through the gateway, and worker
// memory per 1,000 open cultivations.
//   node tools/dev/run-ts.mjs tools/bench/process/run.ts [--count 2000] [--concurrency 100]
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

async function pool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retries an update the workflow refuses only because it is not due yet (a follow-up before its date). */
async function updateWhenDue(run: () => Promise<unknown>): Promise<void> {
  for (;;) {
    try {
      await run();
      return;
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && /due on|is not in withdrawal|not met/.test(String((error.cause as Error)?.message))) {
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
const organizations = Array.from({ length: COUNT + MEMORY_SAMPLE }, (_, i) => ({ id: randomUUID(), name: `基准组织${i}` }));
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

// ---- Deadline to visible: one poller of the open escalations through the gateway -----------------
const deadlines = new Map<string, number>();
const visibleAfter = new Map<string, number>();
/** How long each poll took: the part of the latency that is reading, not the process. */
const pollMs: number[] = [];
let polling = true;
const poller = (async () => {
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

// Where the latency goes: the workflow waking (the escalation's raised_at is the workflow's time when
// it decided), the projection being committed (a direct database poller, every 50 ms), the read.
const wokeAfter = new Map<string, number>();
const committedAfter = new Map<string, number>();
const dbPoller = (async () => {
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

const startCultivation = async (organizationId: string, formationDeadline: number): Promise<string> =>
  dataOf(
    await graphql<{ startCultivation: { id: string } }>(gatewayUrl, `mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id } }`, {
      input: { organizationId, institutionId, formationDeadline: new Date(formationDeadline).toISOString() },
    }, token),
  ).startCultivation.id;

// ---- Worker memory: MEMORY_SAMPLE open cultivations (far deadlines), then terminated -------------
const workerRssBefore = rssOf(stack.workerPid);
const openIds: string[] = [];
await pool(organizations.slice(COUNT), async (organization) => {
  openIds.push(await startCultivation(organization.id, Date.now() + 30 * 86400000));
});
await pause(3000); // their first workflow tasks and activities settle
const workerRssOpen = rssOf(stack.workerPid);
await pool(openIds, async (id) => {
  await temporal.workflow.getHandle(cultivationWorkflowId(id)).terminate('benchmark memory sample');
});

// ---- Peiyu lifecycles -------------------------------------------------------------------------------
const peiyuStart = Date.now();
await pool(organizations.slice(0, COUNT), async (organization) => {
  const formationDeadline = Date.now() + DEADLINE_MS;
  const id = await startCultivation(organization.id, formationDeadline);
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
  for (let index = 0; index < FOLLOW_UP_OFFSETS.length; index++) {
    await updateWhenDue(() => child.executeUpdate(withdrawalMessages.recordFollowUp, { args: [{ actor: admin, index, passed: true, note: 'bench' }] }));
  }
  await parent.result();
});
const peiyuSeconds = (Date.now() - peiyuStart) / 1000;
polling = false;
await poller;
await dbPoller;

// ---- Bare baseline: same deadline, updates and activity calls, no-op activities ----------------------
const baselineQueue = `bench-baseline-${randomUUID()}`;
const baselineWorker = await Worker.create({
  connection: await NativeConnection.connect({ address: stack.temporalAddress }),
  taskQueue: baselineQueue,
  workflowsPath: require.resolve('./baseline.workflow.ts'),
  activities: { noop: async () => undefined },
});
const baselineRun = baselineWorker.run();
const baselineStart = Date.now();
/** The baseline's own deadline to visible (its query polled every 100 ms): what the machine gives a bare timer under the same load. */
const baselineLateAfter: number[] = [];
await pool(organizations.slice(0, COUNT), async () => {
  const deadline = Date.now() + DEADLINE_MS;
  const handle = await temporal.workflow.start<typeof baselineWorkflow>('baselineWorkflow', {
    workflowId: `bench-${randomUUID()}`,
    taskQueue: baselineQueue,
    args: [DEADLINE_MS, UPDATES_PER_LIFECYCLE, ACTIVITIES_PER_UPDATE],
  });
  while ((await handle.query(baselinePhase)) !== 'late') await pause(100);
  baselineLateAfter.push(Date.now() - deadline);
  for (let i = 0; i < UPDATES_PER_LIFECYCLE - FOLLOW_UP_OFFSETS.length; i++) await handle.executeUpdate(baselineStep);
  for (const [i, offset] of FOLLOW_UP_OFFSETS.entries()) {
    await pause((offset - (i === 0 ? 0 : FOLLOW_UP_OFFSETS[i - 1])) * 1000);
    await handle.executeUpdate(baselineStep);
  }
  await handle.result();
});
const baselineSeconds = (Date.now() - baselineStart) / 1000;
baselineWorker.shutdown();
await baselineRun;

const sorted = (values: Iterable<number>) => [...values].sort((a, b) => a - b);
const quantileOf = (values: number[], q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))];
const latencies = sorted(visibleAfter.values());
const quantile = (q: number) => quantileOf(latencies, q);
const split = (name: string, values: Iterable<number>) => {
  const all = sorted(values);
  return `${name} p50 ${quantileOf(all, 0.5)} ms, p95 ${quantileOf(all, 0.95)} ms`;
};
const peiyuRate = COUNT / peiyuSeconds;
const baselineRate = COUNT / baselineSeconds;
console.log(`
Process benchmark: ${COUNT} lifecycles, ${CONCURRENCY} in flight, formation deadline ${DEADLINE_MS / 1000} s, follow-ups at +${FOLLOW_UP_OFFSETS.join('/+')} s
  Peiyu lifecycles:          ${peiyuSeconds.toFixed(1)} s, ${peiyuRate.toFixed(2)} /s
  Bare Temporal baseline:    ${baselineSeconds.toFixed(1)} s, ${baselineRate.toFixed(2)} /s
  Ratio (target >= 0.6):     ${(peiyuRate / baselineRate).toFixed(2)}
  Deadline -> visible in GraphQL (target p95 < 1 s): p50 ${quantile(0.5)} ms, p95 ${quantile(0.95)} ms (poll interval 100 ms)
    of which: ${split('workflow decided', wokeAfter.values())}; ${split('in the database', committedAfter.values())}; ${split('one GraphQL poll took', pollMs)}
    ${split('bare baseline, deadline -> its query shows it (one no-op activity after the timer):', baselineLateAfter)}
  Worker memory: ${(workerRssBefore / 2 ** 20).toFixed(0)} MiB idle, ${(workerRssOpen / 2 ** 20).toFixed(0)} MiB with ${MEMORY_SAMPLE} open; per 1,000 open: ${((((workerRssOpen - workerRssBefore) / MEMORY_SAMPLE) * 1000) / 2 ** 20).toFixed(0)} MiB`);

await connection.close();
await db.end();
await stack.stop();
process.exit(0);
