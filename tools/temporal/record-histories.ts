// Records workflow histories for the replay test (libs/cultivation/workflows/src/replay.workflow.spec.ts).
// Run it once per released workflow version and commit the files: every later change to the
// workflow must still replay them (or be guarded with patched()), so running cultivations survive
// a deploy. Usage: TEMPORAL_TEST_SERVER_PATH=$(which temporal-test-server) node tools/dev/run-ts.mjs tools/temporal/record-histories.ts v4
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import {
  CULTIVATION_WORKFLOW_TYPE,
  DEFAULT_PROCESS_POLICY,
  HANDOVER_ITEMS,
  cultivationWorkflowId,
  withdrawalWorkflowId,
  type Actor,
  type CultivationProcessState,
  type ProcessPolicy,
  type Role,
  type StageAssessment,
} from '@peiyu/contracts';
import type { CultivationActivities } from '@peiyu/cultivation-activities';
import type { OrganizationActivities } from '@peiyu/organizations-activities';
import {
  advancePhaseUpdate,
  confirmHandoverUpdate,
  recordFinalEvaluationUpdate,
  recordFollowUpUpdate,
  acknowledgeEscalationUpdate,
  approveGateUpdate,
  deadlinesChangedSignal,
  evidenceChangedSignal,
  extendDeadlineUpdate,
  pauseUpdate,
  resumeUpdate,
  stateQuery,
  terminateUpdate,
  type cultivationWorkflow,
  type withdrawalWorkflow,
} from '@peiyu/cultivation-workflows';
import { createTimeSkippingEnvironment } from '@peiyu/platform-testing';

const require = createRequire(import.meta.url);
const label = process.argv[2] ?? 'v1';
const DAY = 24 * 60 * 60 * 1000;
const actor = (role: Role): Actor => ({ userId: '00000000-0000-4000-8000-00000000000' + (role.length % 10), role });

let gateMet = false;
let drifted = false;
let policy: ProcessPolicy = DEFAULT_PROCESS_POLICY;
let assessment: StageAssessment | null = null;
const activities: CultivationActivities & OrganizationActivities = {
  markOrganizationIndependent: async () => undefined,
  computeWorkingDeadline: async ({ from }) => from,
  lastRecordedActivity: async () => null,
  loadPolicy: async () => policy,
  evaluateGate: async (command) => command.criteria.map((c) => ({ kind: c.kind, threshold: c.threshold, actual: gateMet ? c.threshold : 0, met: gateMet, evidence: 'recorded' })),
  recordProcessEvent: async () => ({ recorded: true }),
  checkDirection: async ({ watch }) => ({ drifted, target: 'LIFE_SERVICE', counted: watch.minActivities, matching: drifted ? 0 : watch.minActivities, reason: 'recorded' }),
  signalDeadlinesChanged: async () => ({ lastId: null, signalled: 0 }),
  latestStageAssessment: async () => assessment,
};

const env = await createTimeSkippingEnvironment();
const taskQueue = `record-${randomUUID()}`;
const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath: require.resolve('@peiyu/cultivation-workflows'), activities });
await worker.runUntil(async () => {
  const cultivationId = '20000000-0000-4000-8000-000000000001';
  const handle = await env.client.workflow.start<typeof cultivationWorkflow>(CULTIVATION_WORKFLOW_TYPE, {
    workflowId: cultivationWorkflowId(cultivationId),
    taskQueue,
    args: [
      {
        cultivationId,
        organizationId: '20000000-0000-4000-8000-000000000002',
        institutionId: '20000000-0000-4000-8000-000000000003',
        communityId: '20000000-0000-4000-8000-000000000004',
        districtId: '20000000-0000-4000-8000-000000000005',
        category: 'LIFE_SERVICE',
        formationDeadline: new Date((await env.currentTimeMs()) + 10 * DAY).toISOString(),
      },
    ],
  });
  const until = async (check: (s: CultivationProcessState) => boolean) => {
    for (let i = 0; i < 200 && !check(await handle.query(stateQuery)); i++) await new Promise((r) => setTimeout(r, 20));
  };
  // Every path of the workflow at least once: a climbing DELAY, an acknowledgement, an extension,
  // a pause and its resumption, evidence, an approval into growth, then termination.
  await env.sleep(10 * DAY + 1000);
  await until((s) => s.escalations.length === 1);
  await env.sleep(3 * DAY + 1000);
  await until((s) => s.escalations[0]?.level === 2);
  await handle.executeUpdate(acknowledgeEscalationUpdate, { args: [{ actor: actor('INSTITUTION_DIRECTOR'), escalationKey: 'DELAY:FORMATION:1', plan: 'plan' }] });
  const { stageDeadline } = await handle.query(stateQuery);
  await handle.executeUpdate(extendDeadlineUpdate, { args: [{ actor: actor('PROGRAMME_MANAGER'), newDeadline: new Date(Date.parse(stageDeadline) + 20 * DAY).toISOString(), reason: 'staff change' }] });
  await handle.executeUpdate(pauseUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), reason: 'venue lost' }] });
  await env.sleep(2 * DAY);
  await handle.executeUpdate(resumeUpdate, { args: [{ actor: actor('SOCIAL_WORKER') }] });
  gateMet = true;
  await handle.signal(evidenceChangedSignal);
  await until((s) => s.gate.met);
  await handle.executeUpdate(approveGateUpdate, { args: [{ actor: actor('SUPERVISOR'), note: null }] });
  // Since v3: a new policy version recomputes the growth deadline; drifting activities flag a deviation by themselves.
  policy = { ...DEFAULT_PROCESS_POLICY, version: 2, stages: { ...DEFAULT_PROCESS_POLICY.stages, GROWTH: { ...DEFAULT_PROCESS_POLICY.stages.GROWTH, durationSeconds: 200 * 24 * 60 * 60 } } };
  await handle.signal(deadlinesChangedSignal, { cause: 'POLICY', districtId: '20000000-0000-4000-8000-000000000005', policyVersion: 2 });
  await until((s) => s.stagePlan?.policyVersion === 2);
  policy = DEFAULT_PROCESS_POLICY;
  drifted = true;
  await handle.signal(evidenceChangedSignal);
  await until((s) => s.deviation !== null);
  drifted = false;
  // Since v4: a failed capacity assessment raises PERFORMANCE, which climbs; a later passed one resolves it.
  assessment = { assessmentId: '20000000-0000-4000-8000-000000000021', kind: 'CAPACITY', score: 48, passScore: 60, passed: false, assessedOn: '2026-01-01' };
  await handle.signal(evidenceChangedSignal);
  await until((s) => s.escalations.some((e) => e.type === 'PERFORMANCE'));
  await env.sleep(3 * DAY + 1000);
  await until((s) => s.escalations.some((e) => e.type === 'PERFORMANCE' && e.level === 2));
  assessment = { assessmentId: '20000000-0000-4000-8000-000000000022', kind: 'CAPACITY', score: 75, passScore: 60, passed: true, assessedOn: '2026-01-02' };
  await handle.signal(evidenceChangedSignal);
  await until((s) => !s.escalations.some((e) => e.type === 'PERFORMANCE'));
  assessment = null;
  await handle.executeUpdate(terminateUpdate, { args: [{ actor: actor('PROGRAMME_MANAGER'), reason: 'recorded' }] });
  await handle.result();
  const history = await handle.fetchHistory();
  const file = new URL(`../../libs/cultivation/workflows/histories/cultivation-${label}.json`, import.meta.url);
  // The same JSON as `temporal workflow show --output json`, which replay reads.
  writeFileSync(file, historyToJSON(history));
  console.log(`recorded ${history.events?.length} events to ${file.pathname}`);

  // The whole lifecycle: every stage approved, then withdrawal with a missed and failed follow-up,
  // re-engagement, a second final evaluation and three passed follow-ups. Parent and child histories.
  const lifecycleId = '20000000-0000-4000-8000-000000000011';
  const parent = await env.client.workflow.start<typeof cultivationWorkflow>(CULTIVATION_WORKFLOW_TYPE, {
    workflowId: cultivationWorkflowId(lifecycleId),
    taskQueue,
    args: [
      {
        cultivationId: lifecycleId,
        organizationId: '20000000-0000-4000-8000-000000000012',
        institutionId: '20000000-0000-4000-8000-000000000003',
        communityId: '20000000-0000-4000-8000-000000000004',
        districtId: '20000000-0000-4000-8000-000000000005',
        streetId: '20000000-0000-4000-8000-000000000006',
        category: 'MEDIATION',
        formationDeadline: new Date((await env.currentTimeMs()) + 30 * DAY).toISOString(),
      },
    ],
  });
  const parentState = () => parent.query(stateQuery);
  const waitFor = async (check: (s: CultivationProcessState) => boolean) => {
    for (let i = 0; i < 200 && !check(await parentState()); i++) await new Promise((r) => setTimeout(r, 20));
  };
  await waitFor((s) => s.gate.met);
  for (let i = 0; i < 3; i++) {
    await waitFor((s) => s.gate.met);
    await parent.executeUpdate(approveGateUpdate, { args: [{ actor: actor('SUPERVISOR'), note: null }] });
  }
  const child = env.client.workflow.getHandle<typeof withdrawalWorkflow>(withdrawalWorkflowId(lifecycleId));
  for (let i = 0; i < 200 && (await child.describe().catch(() => null))?.status.name !== 'RUNNING'; i++) await new Promise((r) => setTimeout(r, 20));
  const evaluate = async () => {
    await child.executeUpdate(advancePhaseUpdate, { args: [{ actor: actor('SOCIAL_WORKER') }] });
    const evaluation = { score: 80, note: 'recorded' };
    await child.executeUpdate(recordFinalEvaluationUpdate, { args: [{ actor: actor('SUPERVISOR'), community: evaluation, organization: evaluation, institution: evaluation }] });
  };
  await child.executeUpdate(advancePhaseUpdate, { args: [{ actor: actor('SOCIAL_WORKER') }] });
  for (const item of HANDOVER_ITEMS) await child.executeUpdate(confirmHandoverUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), item, takenOverBy: 'recorded' }] });
  await evaluate();
  await env.sleep(50 * DAY);
  await waitFor((s) => s.escalations.length > 0);
  await child.executeUpdate(recordFollowUpUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), index: 0, passed: false, note: 'recorded' }] });
  await waitFor((s) => s.withdrawal?.finalEvaluated === false);
  await evaluate();
  for (const [index, days] of [[0, 32], [1, 62], [2, 93]] as const) {
    await env.sleep(days * DAY);
    await child.executeUpdate(recordFollowUpUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), index, passed: true, note: 'recorded' }] });
  }
  await parent.result();
  for (const [name, h] of [[`cultivation-lifecycle-${label}`, parent], [`withdrawal-${label}`, child]] as const) {
    const recorded = await h.fetchHistory();
    const target = new URL(`../../libs/cultivation/workflows/histories/${name}.json`, import.meta.url);
    writeFileSync(target, historyToJSON(recorded));
    console.log(`recorded ${recorded.events?.length} events to ${target.pathname}`);
  }
});
await env.teardown();
