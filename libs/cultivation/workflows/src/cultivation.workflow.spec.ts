import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import {
  CULTIVATION_WORKFLOW_TYPE,
  DEADLINE_RECOMPUTE_WORKFLOW_TYPE,
  DEFAULT_PROCESS_POLICY,
  cultivationWorkflowId,
  type Actor,
  type DeadlinesChanged,
  type CultivationProcessState,
  type CultivationWorkflowInput,
  type ProcessEvent,
  type ProcessPolicy,
  type Role,
  type StageAssessment,
} from '@peiyu/contracts';
import { addWorkingDays, chinaDate, isWorkingDay } from '@peiyu/cultivation-data-access';
import type { CultivationActivities } from '@peiyu/cultivation-activities';
import type { OrganizationActivities } from '@peiyu/organizations-activities';
import { HANDOVER_ITEMS, withdrawalWorkflowId } from '@peiyu/contracts';
import { createTimeSkippingEnvironment } from '@peiyu/platform-testing';
import {
  acknowledgeEscalationUpdate,
  approveGateUpdate,
  deadlinesChangedSignal,
  evidenceChangedSignal,
  extendDeadlineUpdate,
  flagDeviationUpdate,
  pauseUpdate,
  resumeUpdate,
  stateQuery,
  submitCorrectionPlanUpdate,
  terminateUpdate,
  type cultivationWorkflow,
} from './cultivation.workflow.js';
import type { deadlineRecomputeWorkflow } from './deadline-recompute.workflow.js';
import {
  advancePhaseUpdate,
  confirmHandoverUpdate,
  recordFinalEvaluationUpdate,
  recordFollowUpUpdate,
  withdrawalStateQuery,
  type withdrawalWorkflow,
} from './withdrawal.workflow.js';

const require = createRequire(import.meta.url);
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const actor = (role: Role): Actor => ({ userId: randomUUID(), role });

/**
 * The cultivation process under the time-skipping test server, with the activities stubbed: months
 * pass in milliseconds. Uses the built-in policy: formation set by the caller, growth 180 days,
 * ladder supervisor 3 d > director 3 d > street office 5 d > programme manager 5 d, pauses 30 d.
 *
 * Every skip (`env.sleep`) lands well away from the workflow's timers (an hour or more). Between
 * skips the test server's clock runs at real pace, so a timer due just after a skip lands fires while
 * the next update's workflow task is with the worker; if that task cancels the timer, the test server
 * refuses the completion ("invalid history builder state for action") and never sends the task again
 * (temporalio/sdk-java#2606, #3088; the real server accepts it). Local activities run inside the
 * workflow task, so such a task is with the worker longer and the race is easy to hit.
 */
describe('cultivationWorkflow', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `test-${randomUUID()}`;
  /** Events the workflow recorded, per cultivation. */
  const recorded = new Map<string, ProcessEvent[]>();
  /** The highest event sequence number recorded, per workflow id. */
  const recordedUpTo = new Map<string, number>();
  /** Whether the stubbed evidence meets every criterion, per organization. */
  const gateMet = new Map<string, boolean>();
  /** The policy the stubbed loadPolicy returns; tests may swap it. Inactivity is watched only where a test asks. */
  const basePolicy: ProcessPolicy = { ...DEFAULT_PROCESS_POLICY, maxInactivitySeconds: undefined };
  let policy: ProcessPolicy = basePolicy;
  /** What the stubbed lastRecordedActivity answers. */
  let lastActivityAt: string | null = null;
  /** Organizations marked independent. */
  const independent: string[] = [];
  /** The stubbed working-day calendar's overrides (date → working); tests may change it. */
  let calendar = new Map<string, boolean>();
  /** Organizations whose stubbed activities drift from their direction. */
  const drifting = new Set<string>();
  /** The open cultivations the stubbed fan-out pages through, and the positions it asked from. */
  let openCultivations: string[] = [];
  const pagesAsked: (string | null)[] = [];
  /** The latest assessment the stubbed reader answers, per organization and kind; and how often it was asked, per organization. */
  const assessments = new Map<string, StageAssessment>();
  const assessmentReads = new Map<string, number>();

  const activities: CultivationActivities & OrganizationActivities = {
    async markOrganizationIndependent({ organizationId }) {
      independent.push(organizationId);
    },
    async loadPolicy() {
      return policy;
    },
    async lastRecordedActivity() {
      return lastActivityAt;
    },
    async computeWorkingDeadline({ from, workingDays }) {
      return addWorkingDays(new Date(from), workingDays, calendar).toISOString();
    },
    async checkDirection({ organizationId, watch }) {
      const drifted = drifting.has(organizationId);
      return { drifted, target: 'LIFE_SERVICE', counted: watch.minActivities, matching: drifted ? 0 : watch.minActivities, reason: drifted ? `0 of the last ${watch.minActivities} activities match LIFE_SERVICE: 棋牌娱乐` : 'in direction' };
    },
    async signalDeadlinesChanged({ afterId, limit }) {
      // A read model of `openCultivations` ids, told page by page.
      const page = openCultivations.filter((id) => afterId === null || id > afterId).slice(0, limit);
      pagesAsked.push(afterId);
      return { lastId: page.at(-1) ?? null, signalled: page.length };
    },
    async latestStageAssessment({ organizationId, kind }) {
      assessmentReads.set(organizationId, (assessmentReads.get(organizationId) ?? 0) + 1);
      return assessments.get(`${organizationId}:${kind}`) ?? null;
    },
    async evaluateGate(command) {
      const met = gateMet.get(command.organizationId) ?? false;
      return command.criteria.map((c) => ({ kind: c.kind, threshold: c.threshold, actual: met ? c.threshold : 0, met, evidence: 'stub' }));
    },
    async recordProcessEvent(command) {
      if (command.stream === 'withdrawal') return { recorded: true };
      const list = recorded.get(command.cultivationId) ?? [];
      // Idempotent like the real one: a retried sequence number is not recorded twice.
      if (list.length >= command.sequence) return { recorded: false };
      list.push(command.event);
      recorded.set(command.cultivationId, list);
      recordedUpTo.set(command.workflowId, Math.max(recordedUpTo.get(command.workflowId) ?? 0, command.sequence));
      return { recorded: true };
    },
  };

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath: require.resolve('./index.ts'), activities });
    running = worker.run();
  }, 60000);
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  let input: CultivationWorkflowInput;
  let handle: WorkflowHandle<typeof cultivationWorkflow>;

  async function start(formationDays = 30): Promise<void> {
    const startedAt = await env.currentTimeMs();
    input = {
      cultivationId: randomUUID(),
      organizationId: randomUUID(),
      institutionId: randomUUID(),
      communityId: randomUUID(),
      districtId: randomUUID(),
      category: 'LIFE_SERVICE',
      formationDeadline: new Date(startedAt + formationDays * DAY).toISOString(),
    };
    handle = await env.client.workflow.start<typeof cultivationWorkflow>(CULTIVATION_WORKFLOW_TYPE, {
      workflowId: cultivationWorkflowId(input.cultivationId),
      taskQueue,
      args: [input],
    });
    // Entered, and its gate evaluated once, before any test acts on it.
    await until((s) => s.gate.evaluatedAt !== null, 'formation to be entered and its gate evaluated');
  }

  beforeEach(() => {
    recorded.clear();
    policy = basePolicy;
    lastActivityAt = null;
    calendar = new Map();
  });

  const state = () => handle.query(stateQuery);
  const events = () => (recorded.get(input.cultivationId) ?? []).map((e) => e.kind);

  /**
   * Queries until the state satisfies `check` and every event the workflow numbered by then has reached
   * the stubbed recorder (the state moves before the recording activity completes); the worker runs in
   * this process, so a few tries suffice.
   */
  async function until(check: (s: CultivationProcessState) => boolean, what: string): Promise<CultivationProcessState> {
    for (let i = 0; i < 100; i++) {
      const s = await handle.query(stateQuery);
      if (check(s) && (recordedUpTo.get(handle.workflowId) ?? 0) >= s.sequence) return s;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`state never showed ${what}: ${JSON.stringify(await handle.query(stateQuery))}`);
  }

  /** The recorded events of a kind, once at least one is there: the recording activity may lag the state query. */
  async function recordedOf(kind: string, atLeast = 1, where: (e: Record<string, unknown>) => boolean = () => true): Promise<{ kind: string }[]> {
    let found: { kind: string }[] = [];
    for (let i = 0; i < 100; i++) {
      found = (recorded.get(input.cultivationId) ?? []).filter((e) => e.kind === kind && where(e as unknown as Record<string, unknown>));
      if (found.length >= atLeast) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`${found.length} of ${atLeast} ${kind} were recorded`);
  }

  async function rejection(promise: Promise<unknown>): Promise<{ type: string | undefined; message: string }> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        const cause = error.cause as { type?: string; message: string };
        return { type: cause.type, message: cause.message };
      }
      throw error;
    }
    throw new Error('the update was accepted');
  }

  /**
   * Ends the test's cultivation through its own terminate update, so the workflow completes cleanly:
   * one terminated from outside while a task is in flight can leave the test server unable to skip time.
   */
  async function stop(): Promise<void> {
    await handle.executeUpdate(terminateUpdate, { args: [{ actor: actor('PROGRAMME_MANAGER'), reason: 'test finished' }] });
    await handle.result();
  }

  async function meetGate(): Promise<void> {
    gateMet.set(input.organizationId, true);
    await handle.signal(evidenceChangedSignal);
    await until((s) => s.gate.met, 'the gate met');
  }

  it('raises DELAY at the deadline and climbs the ladder one level per missed acknowledgement, stopping at the top', async () => {
    await start(30);
    await env.sleep(29 * DAY);
    expect((await state()).escalations).toEqual([]);

    await env.sleep(1 * DAY + HOUR);
    let s = await until((x) => x.escalations.length === 1, 'a DELAY escalation');
    expect(s.escalations[0]).toMatchObject({ key: 'DELAY:FORMATION:1', type: 'DELAY', level: 1, status: 'OPEN' });

    await env.sleep(3 * DAY);
    s = await until((x) => x.escalations[0].level === 2, 'level 2 (institution director)');
    await env.sleep(3 * DAY);
    s = await until((x) => x.escalations[0].level === 3, 'level 3 (street office)');
    await env.sleep(5 * DAY);
    s = await until((x) => x.escalations[0].level === 4, 'level 4 (programme manager)');
    await env.sleep(30 * DAY);
    expect((await state()).escalations).toHaveLength(1);
    expect((await state()).escalations[0].level).toBe(4);
    expect(events().filter((k) => k === 'ESCALATION_CLIMBED')).toHaveLength(3);
    await stop();
  });

  it('stops climbing once the level acknowledges, and resolves when the deadline is extended', async () => {
    await start(10);
    await env.sleep(10 * DAY + HOUR);
    await until((x) => x.escalations.length === 1, 'a DELAY escalation');

    const wrongLevel = await rejection(handle.executeUpdate(acknowledgeEscalationUpdate, { args: [{ actor: actor('PROGRAMME_MANAGER'), escalationKey: 'DELAY:FORMATION:1', plan: 'x' }] }));
    expect(wrongLevel.type).toBe('FORBIDDEN');
    const noPlan = await rejection(handle.executeUpdate(acknowledgeEscalationUpdate, { args: [{ actor: actor('SUPERVISOR'), escalationKey: 'DELAY:FORMATION:1', plan: ' ' }] }));
    expect(noPlan).toEqual({ type: 'BAD_USER_INPUT', message: 'plan must not be empty' });

    await handle.executeUpdate(acknowledgeEscalationUpdate, { args: [{ actor: actor('SUPERVISOR'), escalationKey: 'DELAY:FORMATION:1', plan: '补招成员，两周内完成' }] });
    await env.sleep(20 * DAY);
    expect((await state()).escalations).toEqual([expect.objectContaining({ level: 1, status: 'ACKNOWLEDGED' })]);

    const current = Date.parse((await state()).stageDeadline);
    const tooFar = await rejection(
      handle.executeUpdate(extendDeadlineUpdate, { args: [{ actor: actor('PROGRAMME_MANAGER'), newDeadline: new Date(current + 31 * DAY).toISOString(), reason: '换届' }] }),
    );
    expect(tooFar.type).toBe('EXTENSION_BEYOND_POLICY');
    const byWorker = await rejection(
      handle.executeUpdate(extendDeadlineUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), newDeadline: new Date(current + 25 * DAY).toISOString(), reason: '换届' }] }),
    );
    expect(byWorker.type).toBe('FORBIDDEN');

    const extended = await handle.executeUpdate(extendDeadlineUpdate, {
      args: [{ actor: actor('PROGRAMME_MANAGER'), newDeadline: new Date(current + 25 * DAY).toISOString(), reason: '社工离职，新社工接手' }],
    });
    expect(extended.escalations).toEqual([]);
    expect(events().slice(-2)).toEqual(['DEADLINE_EXTENDED', 'ESCALATION_RESOLVED']);

    // The new deadline is armed: missing it raises a second DELAY.
    await env.sleep(6 * DAY);
    const s = await until((x) => x.escalations.length === 1, 'a second DELAY');
    expect(s.escalations[0].key).toBe('DELAY:FORMATION:2');
    await stop();
  });

  it('approves a met gate only, by a supervisor, and moves to growth with the policy duration', async () => {
    await start(30);
    const notMet = await rejection(handle.executeUpdate(approveGateUpdate, { args: [{ actor: actor('SUPERVISOR'), note: null }] }));
    expect(notMet.type).toBe('GATE_NOT_MET');
    expect(notMet.message).toMatch(/NEEDS_SURVEY_RESPONSES \(0 of 30\)/);

    await meetGate();
    const byWorker = await rejection(handle.executeUpdate(approveGateUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), note: null }] }));
    expect(byWorker.type).toBe('FORBIDDEN');
    const otherInstitution = await rejection(
      handle.executeUpdate(approveGateUpdate, { args: [{ actor: { ...actor('SUPERVISOR'), scopes: [{ kind: 'INSTITUTION', id: randomUUID() }] }, note: null }] }),
    );
    expect(otherInstitution).toEqual({ type: 'FORBIDDEN', message: 'This cultivation is outside your scope.' });

    const approvedAt = await env.currentTimeMs();
    const s = await handle.executeUpdate(approveGateUpdate, { args: [{ actor: actor('SUPERVISOR'), note: '组建期完成' }] });
    expect(s.stage).toBe('GROWTH');
    expect(Math.abs(Date.parse(s.stageDeadline) - (approvedAt + 180 * DAY))).toBeLessThan(HOUR);
    expect(events()).toEqual(['STAGE_ENTERED', 'GATE_EVALUATED', 'GATE_EVALUATED', 'GATE_APPROVED', 'STAGE_ENTERED', 'GATE_EVALUATED']);
    await stop();
  });

  /** Approves formation, growth and maturity: the cultivation enters withdrawal and its child starts. */
  async function reachWithdrawal(): Promise<WorkflowHandle<typeof withdrawalWorkflow>> {
    gateMet.set(input.organizationId, true);
    await handle.signal(evidenceChangedSignal);
    for (const next of ['GROWTH', 'MATURITY', 'WITHDRAWAL']) {
      await until((s) => s.gate.met, 'the gate met');
      const s = await handle.executeUpdate(approveGateUpdate, { args: [{ actor: actor('SUPERVISOR'), note: null }] });
      expect(s.stage).toBe(next);
    }
    const child = env.client.workflow.getHandle<typeof withdrawalWorkflow>(withdrawalWorkflowId(input.cultivationId));
    for (let i = 0; i < 100; i++) {
      if ((await child.describe().catch(() => null))?.status.name === 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return child;
  }

  /** Steps back to observing, hands everything over and records the final evaluation. */
  async function handOverAndEvaluate(child: WorkflowHandle<typeof withdrawalWorkflow>): Promise<void> {
    const worker = actor('SOCIAL_WORKER');
    await child.executeUpdate(advancePhaseUpdate, { args: [{ actor: worker }] });
    await child.executeUpdate(advancePhaseUpdate, { args: [{ actor: worker }] });
    const early = await rejection(child.executeUpdate(recordFinalEvaluationUpdate, { args: [{ actor: actor('SUPERVISOR'), community: { score: 80, note: 'x' }, organization: { score: 80, note: 'x' }, institution: { score: 80, note: 'x' } }] }));
    expect(early.type).toBe('WRONG_STATUS');
    for (const item of HANDOVER_ITEMS) await child.executeUpdate(confirmHandoverUpdate, { args: [{ actor: worker, item, takenOverBy: '张阿姨' }] });
    const evaluation = { score: 85, note: '居民参与度高' };
    await child.executeUpdate(recordFinalEvaluationUpdate, { args: [{ actor: actor('SUPERVISOR'), community: evaluation, organization: evaluation, institution: evaluation }] });
    await until((s) => s.withdrawal?.finalEvaluated === true, 'the final evaluation reported');
  }

  it('runs all four stages: withdrawal completes when the +1, +3 and +6 month follow-ups pass, and the organization is independent', async () => {
    await start(30);
    const child = await reachWithdrawal();
    const approveWithdrawal = await rejection(handle.executeUpdate(approveGateUpdate, { args: [{ actor: actor('SUPERVISOR'), note: null }] }));
    expect(approveWithdrawal.type).toBe('WRONG_STATUS');
    await handOverAndEvaluate(child);

    const tooEarly = await rejection(child.executeUpdate(recordFollowUpUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), index: 0, passed: true, note: 'ok' }] }));
    expect(tooEarly.type).toBe('WRONG_STATUS');
    for (const [index, days] of [[0, 32], [1, 62], [2, 93]] as const) {
      await env.sleep(days * DAY);
      await child.executeUpdate(recordFollowUpUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), index, passed: true, note: '活动照常开展' }] });
    }
    const final = await handle.result();
    expect(final).toMatchObject({ stage: 'COMPLETED', status: 'ACTIVE', escalations: [] });
    expect(events().at(-1)).toBe('COMPLETED');
    expect(independent).toContain(input.organizationId);
    expect((await child.result()).outcome).toBe('INDEPENDENT');
  });

  it('escalates a missed follow-up, resolves it when recorded late, and re-engages support after a failed one', async () => {
    await start(30);
    const child = await reachWithdrawal();
    await handOverAndEvaluate(child);
    // The +1 month follow-up's window (14 days) passes unrecorded: due 28-31 days on, missed 42-45
    // days on, climbing 3, 6, 11 days after. The skip lands half a day from any of those timers (see
    // the note at the top: a skip landing on a timer that the next update cancels strands the run).
    await env.sleep(45.5 * DAY);
    let s = await until((x) => x.escalations.some((e) => e.key === 'DELAY:WITHDRAWAL:FOLLOW_UP-0:1'), 'a missed follow-up escalation');
    expect((await child.query(withdrawalStateQuery)).followUps[0].result).toBe('MISSED');

    await child.executeUpdate(recordFollowUpUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), index: 0, passed: false, note: '骨干流失，活动停止' }] });
    s = await until((x) => x.escalations.some((e) => e.type === 'PERFORMANCE'), 'a PERFORMANCE escalation');
    expect(s.escalations.map((e) => e.key)).toEqual(['PERFORMANCE:WITHDRAWAL:FOLLOW_UP-0:1']);
    expect(s.withdrawal).toEqual({ finalEvaluated: false });
    const reengaged = await child.query(withdrawalStateQuery);
    expect(reengaged).toMatchObject({ phase: 'ASSISTING', finalEvaluation: null, followUps: [], reengagements: 1 });

    await handle.executeUpdate(terminateUpdate, { args: [{ actor: actor('PROGRAMME_MANAGER'), reason: '组织解散' }] });
    await handle.result();
    await expect(child.result()).rejects.toThrow();
  });

  it('stops the stage clock while paused, and escalates a pause longer than policy as INTERRUPTION', async () => {
    await start(30);
    const deadline = Date.parse((await state()).stageDeadline);
    await handle.executeUpdate(pauseUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), reason: '场地被收回' }] });
    const twice = await rejection(handle.executeUpdate(pauseUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), reason: 'again' }] }));
    expect(twice.type).toBe('WRONG_STATUS');

    // Past the formation deadline while paused: no DELAY; past the pause limit: INTERRUPTION.
    await env.sleep(31 * DAY);
    const s = await until((x) => x.escalations.length === 1, 'an INTERRUPTION escalation');
    expect(s.escalations[0]).toMatchObject({ type: 'INTERRUPTION', level: 1 });

    const resumed = await handle.executeUpdate(resumeUpdate, { args: [{ actor: actor('SOCIAL_WORKER') }] });
    expect(resumed.status).toBe('ACTIVE');
    expect(resumed.escalations).toEqual([]);
    // The deadline moved by the paused time (31 days and the few moments of the test).
    expect(Date.parse(resumed.stageDeadline) - deadline).toBeGreaterThanOrEqual(31 * DAY);
    await stop();
  });

  it('escalates a deviation whose correction plan is late, and resolves it when the plan comes', async () => {
    await start(300);
    const flaggedAt = await env.currentTimeMs();
    await handle.executeUpdate(flagDeviationUpdate, {
      args: [{ actor: actor('PROGRAMME_MANAGER'), note: '活动偏离助餐需求，变成了棋牌娱乐', correctionDueAt: new Date(flaggedAt + 7 * DAY).toISOString() }],
    });
    await env.sleep(7 * DAY + HOUR);
    await until((x) => x.escalations.some((e) => e.type === 'DEVIATION'), 'a DEVIATION escalation');
    const s = await handle.executeUpdate(submitCorrectionPlanUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), plan: '恢复每周三次助餐服务' }] });
    expect(s.escalations).toEqual([]);
    expect(s.deviation).toBeNull();
    await stop();
  });

  it('terminates with a reason, resolving every open escalation, and refuses further changes', async () => {
    await start(1);
    await env.sleep(2 * DAY);
    await until((x) => x.escalations.length === 1, 'a DELAY escalation');
    const byWorker = await rejection(handle.executeUpdate(terminateUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), reason: '组织解散' }] }));
    expect(byWorker.type).toBe('FORBIDDEN');
    await handle.executeUpdate(terminateUpdate, { args: [{ actor: actor('PROGRAMME_MANAGER'), reason: '组织解散' }] });
    const final = await handle.result();
    expect(final).toMatchObject({ status: 'TERMINATED', escalations: [] });
    expect(events().slice(-2)).toEqual(['ESCALATION_RESOLVED', 'TERMINATED']);
  });

  it('picks up a carried-over state exactly where it was (continue-as-new)', async () => {
    await start(30);
    await env.sleep(30 * DAY + HOUR);
    const before = await until((x) => x.escalations.length === 1, 'a DELAY escalation');
    await handle.terminate();

    const carriedId = randomUUID();
    const carried = await env.client.workflow.start<typeof cultivationWorkflow>(CULTIVATION_WORKFLOW_TYPE, {
      workflowId: cultivationWorkflowId(carriedId),
      taskQueue,
      args: [{ ...input, cultivationId: carriedId, carried: before }],
    });
    // No new STAGE_ENTERED: the carried run only continues the ladder.
    await env.sleep(3 * DAY + HOUR);
    handle = carried;
    const s = await until((x) => x.escalations[0]?.level === 2, 'the carried escalation to climb');
    expect(s.sequence).toBe(before.sequence + 1);
    expect(recorded.get(carriedId)?.map((e) => e.kind)).toEqual(['ESCALATION_CLIMBED']);
    await carried.terminate();
  });

  it('sets a stage deadline in working days from the calendar when the policy counts them', async () => {
    await start(30);
    policy = { ...DEFAULT_PROCESS_POLICY, stages: { ...DEFAULT_PROCESS_POLICY.stages, GROWTH: { ...DEFAULT_PROCESS_POLICY.stages.GROWTH, workingDays: 10 } } };
    await meetGate();
    const s = await handle.executeUpdate(approveGateUpdate, { args: [{ actor: actor('SUPERVISOR'), note: null }] });
    expect(s.stage).toBe('GROWTH');
    expect(s.stageDeadline).toBe(addWorkingDays(new Date(s.stageStartedAt), 10, new Map()).toISOString());
    await stop();
  });

  it('escalates a cultivation with no recorded activity for too long as INTERRUPTION, and resolves it when one is recorded', async () => {
    policy = { ...basePolicy, maxInactivitySeconds: 10 * 24 * 60 * 60 };
    await start(300);
    await env.sleep(11 * DAY);
    const s = await until((x) => x.escalations.length === 1, 'an inactivity escalation');
    expect(s.escalations[0]).toMatchObject({ key: 'INTERRUPTION:FORMATION:INACTIVE:1', type: 'INTERRUPTION', level: 1 });
    lastActivityAt = new Date(await env.currentTimeMs()).toISOString();
    await handle.signal(evidenceChangedSignal);
    await until((x) => x.escalations.length === 0, 'the inactivity resolved');
    expect(events().slice(-1)).toEqual(['ESCALATION_RESOLVED']);
    await stop();
  });

  /** The policy with one stage's planned duration replaced, as a new version. */
  const withStage = (stage: 'GROWTH', duration: { durationSeconds?: number; workingDays?: number }, version: number): ProcessPolicy => ({
    ...basePolicy,
    version,
    stages: { ...basePolicy.stages, [stage]: { ...basePolicy.stages[stage], ...duration } },
  });
  const calendarChanged: DeadlinesChanged = { cause: 'CALENDAR', districtId: null, policyVersion: null };

  /** Approves formation into growth, under the current stubbed policy. */
  async function enterGrowth(): Promise<CultivationProcessState> {
    await meetGate();
    const s = await handle.executeUpdate(approveGateUpdate, { args: [{ actor: actor('SUPERVISOR'), note: null }] });
    expect(s.stage).toBe('GROWTH');
    return s;
  }

  it('recomputes a working-day deadline when the calendar changes, and raises DELAY at the new deadline, not the old one', async () => {
    await start(30);
    policy = withStage('GROWTH', { workingDays: 10 }, 2);
    const entered = await enterGrowth();
    const before = Date.parse(entered.stageDeadline);
    // The first three working days after the start become holidays (a Golden Week of sorts).
    let day = chinaDate(new Date(entered.stageStartedAt));
    for (let marked = 0; marked < 3; ) {
      day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
      if (isWorkingDay(day, calendar)) {
        calendar.set(day, false);
        marked += 1;
      }
    }
    const expected = addWorkingDays(new Date(entered.stageStartedAt), 10, calendar).toISOString();
    await handle.signal(deadlinesChangedSignal, calendarChanged);
    const moved = await until((x) => x.stageDeadline === expected, 'the deadline recomputed on the new calendar');
    expect(Date.parse(moved.stageDeadline) - before).toBeGreaterThanOrEqual(3 * DAY);
    const recomputed = await recordedOf('DEADLINE_RECOMPUTED');
    expect(recomputed).toEqual([
      expect.objectContaining({ stage: 'GROWTH', from: new Date(before).toISOString(), to: expected, cause: 'CALENDAR', policyVersion: 2, reason: expect.stringContaining('working-day calendar changed') }),
    ]);

    // Past the old deadline: nothing; past the new one: DELAY.
    await env.sleep(before - (await env.currentTimeMs()) + HOUR);
    expect((await state()).escalations).toEqual([]);
    await env.sleep(Date.parse(expected) - (await env.currentTimeMs()) + HOUR);
    const late = await until((x) => x.escalations.length === 1, 'a DELAY at the new deadline');
    expect(late.escalations[0]).toMatchObject({ key: 'DELAY:GROWTH:1', type: 'DELAY' });
    await stop();
  });

  it('resolves an open DELAY when a new policy version moves the deadline later, keeping paused time', async () => {
    await start(30);
    policy = withStage('GROWTH', { durationSeconds: 10 * DAY / 1000 }, 2);
    await enterGrowth();
    await handle.executeUpdate(pauseUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), reason: '场地维修' }] });
    await env.sleep(2 * DAY);
    await handle.executeUpdate(resumeUpdate, { args: [{ actor: actor('SOCIAL_WORKER') }] });
    await env.sleep(10 * DAY + HOUR);
    const delayed = await until((x) => x.escalations.length === 1, 'a DELAY escalation');
    const before = Date.parse(delayed.stageDeadline);

    policy = withStage('GROWTH', { durationSeconds: 20 * DAY / 1000 }, 3);
    await handle.signal(deadlinesChangedSignal, { cause: 'POLICY', districtId: input.districtId, policyVersion: 3 });
    const s = await until((x) => x.escalations.length === 0, 'the DELAY resolved');
    // The new duration from the stage start, plus the two paused days as before.
    expect(Date.parse(s.stageDeadline) - before).toBe(10 * DAY);
    expect(s.stagePlan).toMatchObject({ durationSeconds: 20 * DAY / 1000, workingDays: null, policyVersion: 3 });
    await recordedOf('ESCALATION_RESOLVED');
    expect(events().slice(-2)).toEqual(['DEADLINE_RECOMPUTED', 'ESCALATION_RESOLVED']);
    expect(recorded.get(input.cultivationId)!.at(-2)).toMatchObject({ cause: 'POLICY', policyVersion: 3, reason: expect.stringContaining('policy version 3 plans 1728000 seconds') });
    expect(recorded.get(input.cultivationId)!.at(-1)).toMatchObject({ key: 'DELAY:GROWTH:1', resolution: 'deadline recomputed' });

    // The new deadline is armed.
    await env.sleep(before + 10 * DAY - (await env.currentTimeMs()) + HOUR);
    const again = await until((x) => x.escalations.length === 1, 'a DELAY at the recomputed deadline');
    expect(again.escalations[0].key).toBe('DELAY:GROWTH:2');
    await stop();
  });

  it('records nothing when a change leaves the deadline where it was, and never moves a deadline given by hand', async () => {
    await start(30);
    const formation = (await state()).stageDeadline;
    calendar.set('2099-01-01', true);
    await handle.signal(deadlinesChangedSignal, calendarChanged);
    policy = withStage('GROWTH', { workingDays: 10 }, 5);
    await handle.signal(deadlinesChangedSignal, { cause: 'POLICY', districtId: null, policyVersion: 5 });
    await env.sleep(HOUR);
    expect((await state()).stageDeadline).toBe(formation);

    const entered = await enterGrowth();
    const sequence = entered.sequence;
    await handle.signal(deadlinesChangedSignal, calendarChanged);
    // Same working days in a new version: nothing moves, the plan notes the version.
    policy = { ...withStage('GROWTH', { workingDays: 10 }, 6) };
    await handle.signal(deadlinesChangedSignal, { cause: 'POLICY', districtId: input.districtId, policyVersion: 6 });
    const s = await until((x) => x.stagePlan?.policyVersion === 6, 'the changes applied');
    expect(s.stageDeadline).toBe(entered.stageDeadline);
    expect(s.sequence).toBe(sequence);
    expect(events()).not.toContain('DEADLINE_RECOMPUTED');
    await stop();
  });

  it('flags a deviation by itself when the activities drift from the direction, once per drift episode', async () => {
    await start(300);
    drifting.add(input.organizationId);
    await handle.signal(evidenceChangedSignal);
    const flaggedEvents = () => events().filter((k) => k === 'DEVIATION_FLAGGED').length;
    const flagged = await until((x) => x.deviation !== null && flaggedEvents() === 1, 'an automatic deviation');
    expect(flagged.directionDrift).toBe(true);
    expect(flagged.deviation!.note).toMatch(/^Direction drift detected automatically: 0 of the last 5 activities match LIFE_SERVICE/);
    const event = recorded.get(input.cultivationId)!.find((e) => e.kind === 'DEVIATION_FLAGGED');
    expect(event).toMatchObject({ by: null, note: flagged.deviation!.note });
    // A correction plan comes; the same episode is not flagged again.
    await handle.executeUpdate(submitCorrectionPlanUpdate, { args: [{ actor: actor('SOCIAL_WORKER'), plan: '恢复助餐服务' }] });
    gateMet.set(input.organizationId, true);
    await handle.signal(evidenceChangedSignal);
    await until((x) => x.gate.met, 'the next evaluation');
    expect((await state()).deviation).toBeNull();
    // Back in direction ends the episode; drifting again is a new one.
    drifting.delete(input.organizationId);
    await handle.signal(evidenceChangedSignal);
    await until((x) => x.directionDrift === false, 'the episode ended');
    drifting.add(input.organizationId);
    await handle.signal(evidenceChangedSignal);
    await until((x) => x.deviation !== null && flaggedEvents() === 2, 'a second automatic deviation');
    // Without a plan in time it escalates like a manager's flag.
    await env.sleep(14 * DAY + HOUR);
    await until((x) => x.escalations.some((e) => e.type === 'DEVIATION'), 'a DEVIATION escalation');
    await stop();
  });

  it('tells every open cultivation of a change page by page, however many there are', async () => {
    openCultivations = Array.from({ length: 1002 }, (_, i) => String(i).padStart(5, '0'));
    pagesAsked.length = 0;
    const fanOut = await env.client.workflow.execute<typeof deadlineRecomputeWorkflow>(DEADLINE_RECOMPUTE_WORKFLOW_TYPE, {
      workflowId: `deadline-recompute-${randomUUID()}`,
      taskQueue,
      args: [{ change: calendarChanged }],
    });
    expect(fanOut).toEqual({ signalled: 1002 });
    expect(pagesAsked).toEqual([null, '00499', '00999']);
  });

  describe('assessment performance', () => {
    const assess = (kind: StageAssessment['kind'], passed: boolean): StageAssessment => {
      const assessment: StageAssessment = { assessmentId: randomUUID(), kind, score: passed ? 78 : 45, passScore: 60, passed, assessedOn: '2026-05-01' };
      assessments.set(`${input.organizationId}:${kind}`, assessment);
      return assessment;
    };
    const reads = () => assessmentReads.get(input.organizationId) ?? 0;
    /** Signals evidence and waits until the workflow has read the assessment again. */
    async function signalEvidence(): Promise<void> {
      const before = reads();
      await handle.signal(evidenceChangedSignal);
      await until(() => reads() > before, 'the assessment read again');
    }
    const performance = (s: CultivationProcessState) => s.escalations.filter((e) => e.type === 'PERFORMANCE');
    const raisedPerformance = () => recorded.get(input.cultivationId)!.filter((e) => e.kind === 'ESCALATION_RAISED' && e.type === 'PERFORMANCE');

    it('raises PERFORMANCE once for a failed capacity assessment in growth, climbs while unacknowledged, and resolves when a later one passes', async () => {
      await start(30);
      await enterGrowth();
      const failed = assess('CAPACITY', false);
      await signalEvidence();
      let s = await until((x) => performance(x).length === 1, 'a PERFORMANCE escalation');
      expect(performance(s)[0]).toMatchObject({ key: `PERFORMANCE:GROWTH:ASSESSMENT-${failed.assessmentId}:1`, stage: 'GROWTH', level: 1, status: 'OPEN' });
      // The same failed assessment, signalled again (as the relay may after a restart), raises nothing more.
      await signalEvidence();
      await signalEvidence();
      expect(performance(await state())).toHaveLength(1);
      expect(raisedPerformance()).toHaveLength(1);

      await env.sleep(3 * DAY + HOUR);
      s = await until((x) => performance(x)[0]?.level === 2, 'level 2 (institution director)');
      await env.sleep(3 * DAY + HOUR);
      s = await until((x) => performance(x)[0]?.level === 3, 'level 3 (street office)');
      const climbedKey = performance(s)[0].key;
      expect(await recordedOf('ESCALATION_CLIMBED', 2, (e) => e.key === climbedKey)).toHaveLength(2);

      const passed = assess('CAPACITY', true);
      await signalEvidence();
      s = await until((x) => performance(x).length === 0, 'the PERFORMANCE escalation resolved');
      // The recording activity may lag the state query.
      expect((await recordedOf('ESCALATION_RESOLVED')).at(-1)).toEqual({
        kind: 'ESCALATION_RESOLVED',
        key: `PERFORMANCE:GROWTH:ASSESSMENT-${failed.assessmentId}:1`,
        resolution: `a later capacity assessment passed: 78 against a pass score of 60 on ${passed.assessedOn}`,
      });
      expect(raisedPerformance()).toHaveLength(1);
      await stop();
    });

    it('raises one escalation per failed assessment, none in formation, and resolves them when the stage is left', async () => {
      await start(30);
      // Formation is judged by no assessment: a failed one there raises nothing.
      assess('CAPACITY', false);
      await handle.signal(evidenceChangedSignal);
      await meetGate();
      expect(performance(await state())).toEqual([]);
      expect(reads()).toBe(0);

      await handle.executeUpdate(approveGateUpdate, { args: [{ actor: actor('SUPERVISOR'), note: null }] });
      // Entering growth reads it (the stub does not filter by day) and raises for it; a second failed one raises again.
      await until((x) => performance(x).length === 1, 'a PERFORMANCE escalation on entering growth');
      assess('CAPACITY', false);
      await signalEvidence();
      let s = await until((x) => performance(x).length === 2, 'a second PERFORMANCE escalation');
      expect(s.escalations.map((e) => e.key.replace(/ASSESSMENT-.*:/, 'ASSESSMENT-x:'))).toEqual(['PERFORMANCE:GROWTH:ASSESSMENT-x:1', 'PERFORMANCE:GROWTH:ASSESSMENT-x:1']);

      // Approving growth leaves the stage: both resolve, and maturity (judged by a maturity assessment) raises none.
      await until((x) => x.gate.met, 'the gate met');
      s = await handle.executeUpdate(approveGateUpdate, { args: [{ actor: actor('SUPERVISOR'), note: null }] });
      expect(s.stage).toBe('MATURITY');
      expect(performance(s)).toEqual([]);
      expect(await recordedOf('ESCALATION_RESOLVED', 2, (e) => e.resolution === 'stage left: gate approved')).toHaveLength(2);

      // In maturity a failed maturity assessment raises; terminating resolves it.
      const failed = assess('MATURITY', false);
      await signalEvidence();
      s = await until((x) => performance(x).length === 1, 'a PERFORMANCE escalation in maturity');
      expect(s.escalations[0].key).toBe(`PERFORMANCE:MATURITY:ASSESSMENT-${failed.assessmentId}:1`);
      s = await handle.executeUpdate(terminateUpdate, { args: [{ actor: actor('PROGRAMME_MANAGER'), reason: 'test finished' }] });
      expect(s.escalations).toEqual([]);
      await handle.result();
    });
  });
});
