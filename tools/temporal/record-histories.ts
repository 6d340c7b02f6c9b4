// Records workflow histories for the replay test (libs/cultivation/workflows/src/replay.workflow.spec.ts).
// Run it once per released workflow version and commit the files: every later change to the
// workflow must still replay them (or be guarded with patched()), so running cultivations survive
// a deploy. Usage: TEMPORAL_TEST_SERVER_PATH=$(which temporal-test-server) node tools/dev/run-ts.mjs tools/temporal/record-histories.ts v1
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { CULTIVATION_WORKFLOW_TYPE, DEFAULT_PROCESS_POLICY, cultivationWorkflowId, type Actor, type CultivationProcessState, type Role } from '@peiyu/contracts';
import type { CultivationActivities } from '@peiyu/cultivation-activities';
import {
  acknowledgeEscalationUpdate,
  approveGateUpdate,
  evidenceChangedSignal,
  extendDeadlineUpdate,
  pauseUpdate,
  resumeUpdate,
  stateQuery,
  terminateUpdate,
  type cultivationWorkflow,
} from '@peiyu/cultivation-workflows';
import { createTimeSkippingEnvironment } from '@peiyu/platform-testing';

const require = createRequire(import.meta.url);
const label = process.argv[2] ?? 'v1';
const DAY = 24 * 60 * 60 * 1000;
const actor = (role: Role): Actor => ({ userId: '00000000-0000-4000-8000-00000000000' + (role.length % 10), role });

let gateMet = false;
const activities: CultivationActivities = {
  loadPolicy: async () => DEFAULT_PROCESS_POLICY,
  evaluateGate: async (command) => command.criteria.map((c) => ({ kind: c.kind, threshold: c.threshold, actual: gateMet ? c.threshold : 0, met: gateMet, evidence: 'recorded' })),
  recordProcessEvent: async () => ({ recorded: true }),
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
  await handle.executeUpdate(terminateUpdate, { args: [{ actor: actor('PROGRAMME_MANAGER'), reason: 'recorded' }] });
  await handle.result();
  const history = await handle.fetchHistory();
  const file = new URL(`../../libs/cultivation/workflows/histories/cultivation-${label}.json`, import.meta.url);
  // The same JSON as `temporal workflow show --output json`, which replay reads.
  writeFileSync(file, historyToJSON(history));
  console.log(`recorded ${history.events?.length} events to ${file.pathname}`);
});
await env.teardown();
