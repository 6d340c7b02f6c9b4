import {
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  getExternalWorkflowHandle,
  patched,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  COMMAND_ROLES,
  DEFAULT_PROCESS_POLICY,
  NEXT_STAGE,
  STAGE_ASSESSMENT_KIND,
  cultivationMessages,
  searchAttributeKeys,
  type AcknowledgeEscalationRequest,
  type ApproveGateRequest,
  type CultivationProcessState,
  type CultivationWorkflowInput,
  type DeadlinesChanged,
  type EscalationState,
  type EscalationType,
  type ExtendDeadlineRequest,
  type FlagDeviationRequest,
  type PauseRequest,
  type ProcessEvent,
  type ResumeRequest,
  type Stage,
  type StageAssessment,
  type SubmitCorrectionPlanRequest,
  type TerminateRequest,
  type ScopedPlacement,
  type StagePlan,
  type WithdrawalReport,
  type WorkingStage,
  withdrawalMessages,
  withdrawalWorkflowId,
} from '@peiyu/contracts';
// Types only: the workflow bundle must not contain activity code (it touches the database).
import type { CultivationActivities } from '@peiyu/cultivation-activities';
import type { OrganizationActivities } from '@peiyu/organizations-activities';
import { withdrawalWorkflow } from './withdrawal.workflow.js';
import { ChangeLock, iso, reject, requireRole, requireScope, requireText, workflowActivities } from './workflow-support.js';

export type { RejectionType } from './workflow-support.js';

export const stateQuery = defineQuery<CultivationProcessState>(cultivationMessages.state);
export const evidenceChangedSignal = defineSignal(cultivationMessages.evidenceChanged);
export const deadlinesChangedSignal = defineSignal<[DeadlinesChanged]>(cultivationMessages.deadlinesChanged);
export const approveGateUpdate = defineUpdate<CultivationProcessState, [ApproveGateRequest]>(cultivationMessages.approveGate);
export const extendDeadlineUpdate = defineUpdate<CultivationProcessState, [ExtendDeadlineRequest]>(cultivationMessages.extendDeadline);
export const pauseUpdate = defineUpdate<CultivationProcessState, [PauseRequest]>(cultivationMessages.pause);
export const resumeUpdate = defineUpdate<CultivationProcessState, [ResumeRequest]>(cultivationMessages.resume);
export const acknowledgeEscalationUpdate = defineUpdate<CultivationProcessState, [AcknowledgeEscalationRequest]>(cultivationMessages.acknowledgeEscalation);
export const flagDeviationUpdate = defineUpdate<CultivationProcessState, [FlagDeviationRequest]>(cultivationMessages.flagDeviation);
export const submitCorrectionPlanUpdate = defineUpdate<CultivationProcessState, [SubmitCorrectionPlanRequest]>(cultivationMessages.submitCorrectionPlan);
export const terminateUpdate = defineUpdate<CultivationProcessState, [TerminateRequest]>(cultivationMessages.terminate);
export const withdrawalReportSignal = defineSignal<[WithdrawalReport]>(withdrawalMessages.report);

const now = (): number => Date.now();

/**
 * One cultivation of one organization by one institution, from formation to completion: the source
 * of truth for where it stands. Each stage waits for its gate to be approved or its deadline to pass;
 * escalations climb their ladder until acknowledged or until their cause goes away. Every decision is
 * recorded, in order, by an idempotent activity that projects it into cultivation-service's read model.
 * The loop is driven by the state alone, so a continued-as-new run picks up exactly where it was.
 */
export async function cultivationWorkflow(input: CultivationWorkflowInput): Promise<CultivationProcessState> {
  const { workflowId } = workflowInfo();
  // Decided before any command (see workflowActivities).
  const { loadPolicy, evaluateGate, recordProcessEvent, computeWorkingDeadline, lastRecordedActivity, checkDirection, latestStageAssessment, markOrganizationIndependent } =
    workflowActivities<CultivationActivities & OrganizationActivities>();
  const placement: ScopedPlacement = { districtId: input.districtId, streetId: input.streetId ?? null, communityId: input.communityId, institutionId: input.institutionId };
  // Set before any handler can run; a first run replaces the provisional policy as it enters formation.
  const state: CultivationProcessState = input.carried ?? {
    stage: 'FORMATION',
    status: 'ACTIVE',
    stageStartedAt: iso(now()),
    stageDeadline: input.formationDeadline,
    policy: DEFAULT_PROCESS_POLICY,
    gate: { criteria: [], met: false, evaluatedAt: null },
    escalations: [],
    occurrences: {},
    pausedAt: null,
    deviation: null,
    withdrawal: null,
    sequence: 0,
  };
  const lock = new ChangeLock();
  const exclusive = <T>(work: () => Promise<T>) => lock.exclusive(work);
  const reports: WithdrawalReport[] = [];
  /** Policy or calendar changes not yet applied to the stage deadline. */
  let recomputes: DeadlinesChanged[] = [];
  let evidenceDirty = false;

  async function record(event: ProcessEvent): Promise<void> {
    state.sequence += 1;
    await recordProcessEvent({ cultivationId: input.cultivationId, workflowId, sequence: state.sequence, at: iso(now()), event });
  }

  function publishSearchAttributes(): void {
    upsertSearchAttributes([
      { key: searchAttributeKeys.stage, value: state.stage },
      { key: searchAttributeKeys.status, value: state.status },
      { key: searchAttributeKeys.escalationLevel, value: Math.max(0, ...state.escalations.map((e) => e.level)) },
    ]);
  }

  /** Re-reads the gate's evidence; on an evidence change (`evidenceChanged`), also the direction of the activities. */
  async function refreshGate(evidenceChanged = false): Promise<void> {
    if (state.stage === 'COMPLETED') return;
    const criteria = state.policy.stages[state.stage].criteria[input.category];
    const results = await evaluateGate({
      organizationId: input.organizationId,
      communityId: input.communityId,
      category: input.category,
      stage: state.stage,
      criteria,
      stageStartedAt: state.stageStartedAt,
    });
    const gate = { criteria: results, met: results.every((c) => c.met), evaluatedAt: iso(now()) };
    // Added after v1: histories recorded before it replay without the extra activity.
    if (patched('watch-inactivity')) state.lastActivityAt = await lastRecordedActivity({ organizationId: input.organizationId });
    // Recorded when anything the read model shows changes; an empty gate becomes met at once.
    const changed = gate.met !== state.gate.met || JSON.stringify(gate.criteria) !== JSON.stringify(state.gate.criteria);
    state.gate = gate;
    if (changed) await record({ kind: 'GATE_EVALUATED', stage: state.stage, gate });
    const watch = state.policy.directionWatch;
    // Added after v2, for policies that watch direction; only evidence moves it, so a stage entry does not ask.
    if (evidenceChanged && watch && state.status === 'ACTIVE' && patched('watch-direction')) {
      const judgement = await checkDirection({ organizationId: input.organizationId, communityId: input.communityId, category: input.category, watch });
      if (judgement.drifted && !state.directionDrift) {
        // Once per drift episode: it ends when the activities are back in direction.
        state.directionDrift = true;
        if (!state.deviation) await flagDeviation(`Direction drift detected automatically: ${judgement.reason}`, null);
      } else if (!judgement.drifted && state.directionDrift) {
        state.directionDrift = false;
      }
    }
    const assessmentKind = STAGE_ASSESSMENT_KIND[state.stage];
    // Added after v3: histories recorded before it never read assessments.
    if (assessmentKind && state.status !== 'TERMINATED' && patched('assessment-performance')) {
      await judgePerformance(await latestStageAssessment({ organizationId: input.organizationId, kind: assessmentKind, since: state.stageStartedAt }));
    }
  }

  /** PERFORMANCE escalations from assessments are keyed by the assessment: `PERFORMANCE:<stage>:ASSESSMENT-<id>:1`. */
  const ASSESSMENT_CAUSE = 'ASSESSMENT-';
  const isAssessmentPerformance = (e: EscalationState) => e.type === 'PERFORMANCE' && counterOfKey(e.key).startsWith(`PERFORMANCE:${e.stage}:${ASSESSMENT_CAUSE}`);

  /**
   * Under-performance: the stage's latest assessment (made in the stage) failed raises a PERFORMANCE
   * escalation, once per assessment whatever the number of signals or replays (its counter is the
   * assessment's id, kept in `occurrences`); a later one that passes resolves them.
   */
  async function judgePerformance(latest: StageAssessment | null): Promise<void> {
    if (!latest) return;
    if (!latest.passed) {
      const cause = `${ASSESSMENT_CAUSE}${latest.assessmentId}`;
      if (state.occurrences[counterOf('PERFORMANCE', cause)] === undefined) await raise('PERFORMANCE', cause);
      return;
    }
    await resolveAssessmentPerformance(
      (e) => e.stage === state.stage,
      `a later ${latest.kind.toLowerCase()} assessment passed: ${latest.score} against a pass score of ${latest.passScore} on ${latest.assessedOn}`,
    );
  }

  /** Resolves the assessment PERFORMANCE escalations that match; records nothing (no command at all) when none is open. */
  async function resolveAssessmentPerformance(matches: (e: EscalationState) => boolean, resolution: string): Promise<void> {
    if (state.escalations.some((e) => isAssessmentPerformance(e) && matches(e))) await resolve((e) => isAssessmentPerformance(e) && matches(e), resolution);
  }

  /** A deviation, flagged by a programme manager or (actor null) by the direction watch; a correction plan is then due. */
  async function flagDeviation(note: string, by: FlagDeviationRequest['actor'] | null, dueAt: string | null = null): Promise<void> {
    const correctionDueAt = dueAt ?? iso(now() + state.policy.correctionPlanDueSeconds * 1000);
    state.deviation = { note, flaggedAt: iso(now()), correctionDueAt, planSubmittedAt: null };
    await record({ kind: 'DEVIATION_FLAGGED', note, correctionDueAt, by });
  }

  const durationText = (plan: StagePlan) => (plan.workingDays !== null ? `${plan.workingDays} working days` : `${plan.durationSeconds} seconds`);

  /**
   * Recomputes the current stage deadline after a policy or calendar change: the planned base is
   * computed again from the stage start (the duration of the policy now in force for a policy
   * change, the same number of working days on the changed calendar for a calendar change) and the
   * deadline moves by the difference, so paused time and extensions granted stay counted. The gate
   * criteria and the ladder stay those of the version the stage was entered with. A deadline given
   * by hand is not recomputed. A move is recorded; a DELAY whose deadline is now ahead resolves.
   */
  async function recomputeDeadline(changes: DeadlinesChanged[]): Promise<void> {
    const plan = state.stagePlan;
    if (!plan || (plan.durationSeconds === null && plan.workingDays === null) || state.stage === 'COMPLETED') return;
    let next: StagePlan = { ...plan };
    if (changes.some((c) => c.cause === 'POLICY')) {
      const policy = await loadPolicy({ districtId: input.districtId });
      const stagePolicy = policy.stages[state.stage as WorkingStage];
      next = { ...next, durationSeconds: stagePolicy.workingDays ? null : stagePolicy.durationSeconds, workingDays: stagePolicy.workingDays ?? null, policyVersion: policy.version };
    }
    const durationChanged = next.durationSeconds !== plan.durationSeconds || next.workingDays !== plan.workingDays;
    const calendarCounts = next.workingDays !== null && changes.some((c) => c.cause === 'CALENDAR');
    if (!durationChanged && !calendarCounts) {
      state.stagePlan = next;
      return;
    }
    next.base = next.workingDays !== null ? await computeWorkingDeadline({ from: plan.from, workingDays: next.workingDays }) : iso(Date.parse(plan.from) + next.durationSeconds! * 1000);
    state.stagePlan = next;
    const shift = Date.parse(next.base) - Date.parse(plan.base);
    if (shift === 0) return;
    const from = state.stageDeadline;
    state.stageDeadline = iso(Date.parse(from) + shift);
    const cause = durationChanged ? 'POLICY' : 'CALENDAR';
    const reason =
      cause === 'POLICY'
        ? `policy version ${next.policyVersion} plans ${durationText(next)} for ${state.stage} instead of ${durationText(plan)}`
        : `the working-day calendar changed: ${durationText(next)} from the stage start now end ${next.base} instead of ${plan.base}`;
    await record({ kind: 'DEADLINE_RECOMPUTED', stage: state.stage, from, to: state.stageDeadline, cause, policyVersion: next.policyVersion, reason });
    if (Date.parse(state.stageDeadline) > now()) await resolve((e) => counterOfKey(e.key) === counterOf('DELAY'), 'deadline recomputed');
  }

  async function enterStage(stage: Stage, deadline: string | null): Promise<void> {
    state.stage = stage;
    state.stageStartedAt = iso(now());
    state.gate = { criteria: [], met: false, evaluatedAt: null };
    if (stage === 'COMPLETED') {
      await record({ kind: 'COMPLETED' });
      publishSearchAttributes();
      return;
    }
    // Each stage keeps the policy version it was entered with.
    state.policy = await loadPolicy({ districtId: input.districtId });
    const stagePolicy = state.policy.stages[stage];
    // A working-day duration needs the calendar, which only an activity may read.
    state.stageDeadline =
      deadline ??
      (stagePolicy.workingDays ? await computeWorkingDeadline({ from: state.stageStartedAt, workingDays: stagePolicy.workingDays }) : iso(now() + stagePolicy.durationSeconds * 1000));
    // Kept so a later policy or calendar change can recompute the deadline (state only: no command).
    // A duration in seconds counts from the instant its deadline was computed (a moment after the stage start).
    state.stagePlan = {
      from: deadline === null && !stagePolicy.workingDays ? iso(Date.parse(state.stageDeadline) - stagePolicy.durationSeconds * 1000) : state.stageStartedAt,
      durationSeconds: deadline !== null || stagePolicy.workingDays ? null : stagePolicy.durationSeconds,
      workingDays: deadline !== null ? null : (stagePolicy.workingDays ?? null),
      base: state.stageDeadline,
      policyVersion: state.policy.version,
    };
    await record({ kind: 'STAGE_ENTERED', stage, deadline: state.stageDeadline, policyVersion: state.policy.version });
    publishSearchAttributes();
    await refreshGate();
    if (stage === 'WITHDRAWAL') {
      state.withdrawal = { finalEvaluated: false };
      // Abandoned on close, so it outlives this run when the history continues as new; it reports
      // by signal to this workflow id, and termination cancels it explicitly.
      await startChild(withdrawalWorkflow, {
        workflowId: withdrawalWorkflowId(input.cultivationId),
        args: [{ cultivationId: input.cultivationId, parentWorkflowId: workflowId, policy: state.policy.withdrawal, placement }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    }
  }

  async function raise(type: EscalationType, cause?: string): Promise<void> {
    const counter = counterOf(type, cause);
    state.occurrences[counter] = (state.occurrences[counter] ?? 0) + 1;
    const escalation: EscalationState = {
      key: `${counter}:${state.occurrences[counter]}`,
      type,
      stage: state.stage,
      level: 1,
      status: 'OPEN',
      levelDueAt: iso(now() + state.policy.ladder[0].acknowledgeWithinSeconds * 1000),
    };
    state.escalations.push(escalation);
    await record({ kind: 'ESCALATION_RAISED', key: escalation.key, type, stage: escalation.stage, level: 1, levelDueAt: escalation.levelDueAt, role: state.policy.ladder[0].role });
    publishSearchAttributes();
  }

  async function resolve(matches: (e: EscalationState) => boolean, resolution: string): Promise<void> {
    for (const escalation of state.escalations.filter(matches)) {
      state.escalations = state.escalations.filter((e) => e !== escalation);
      await record({ kind: 'ESCALATION_RESOLVED', key: escalation.key, resolution });
    }
    publishSearchAttributes();
  }

  /** Escalation keys are `<counter>:<occurrence>`; the counter is type and stage, and a cause when one stage has several (follow-ups). */
  const counterOf = (type: EscalationType, cause?: string) => (cause ? `${type}:${state.stage}:${cause}` : `${type}:${state.stage}`);
  const counterOfKey = (key: string) => key.slice(0, key.lastIndexOf(':'));
  const openOf = (type: EscalationType, cause?: string) => state.escalations.find((e) => counterOfKey(e.key) === counterOf(type, cause));
  /** The stage deadline counts while active, except after the withdrawal's final evaluation (then follow-ups pace it). */
  const stageClockRunning = () => state.status === 'ACTIVE' && !state.withdrawal?.finalEvaluated;
  const finished = () => state.status === 'TERMINATED' || state.stage === 'COMPLETED';

  /** When the organization counts as inactive: the later of its last activity and the stage start, plus the policy's allowance. */
  const inactiveAt = (): number | null => {
    if (state.lastActivityAt === undefined || !state.policy.maxInactivitySeconds || !stageClockRunning()) return null;
    const since = Math.max(state.lastActivityAt ? Date.parse(state.lastActivityAt) : 0, Date.parse(state.stageStartedAt));
    return since + state.policy.maxInactivitySeconds * 1000;
  };

  /** The next instant at which something is due, or null when only a message can change anything. */
  function nextWake(): number | null {
    if (finished()) return null;
    const due: number[] = [];
    if (stageClockRunning() && !openOf('DELAY')) due.push(Date.parse(state.stageDeadline));
    if (state.pausedAt && !openOf('INTERRUPTION')) due.push(Date.parse(state.pausedAt) + state.policy.maxPauseSeconds * 1000);
    const inactive = inactiveAt();
    if (inactive !== null && !openOf('INTERRUPTION', 'INACTIVE')) due.push(inactive);
    if (state.deviation && !state.deviation.planSubmittedAt && !openOf('DEVIATION')) due.push(Date.parse(state.deviation.correctionDueAt));
    for (const e of state.escalations) {
      if (e.status === 'OPEN' && e.level < state.policy.ladder.length) due.push(Date.parse(e.levelDueAt));
    }
    return due.length ? Math.min(...due) : null;
  }

  async function processDue(): Promise<void> {
    while (reports.length > 0) await onWithdrawalReport(reports.shift()!);
    if (finished()) return;
    if (recomputes.length > 0) {
      const changes = recomputes;
      recomputes = [];
      // Added after v2: histories recorded before it never received the signal.
      if (patched('recompute-deadlines')) await recomputeDeadline(changes);
    }
    if (evidenceDirty) {
      evidenceDirty = false;
      await refreshGate(true);
    }
    const t = now();
    if (stageClockRunning() && !openOf('DELAY') && t >= Date.parse(state.stageDeadline)) await raise('DELAY');
    if (state.pausedAt && !openOf('INTERRUPTION') && t >= Date.parse(state.pausedAt) + state.policy.maxPauseSeconds * 1000) await raise('INTERRUPTION');
    const inactive = inactiveAt();
    if (inactive !== null && !openOf('INTERRUPTION', 'INACTIVE') && t >= inactive) await raise('INTERRUPTION', 'INACTIVE');
    // A newly recorded activity ends the inactivity.
    if (inactive !== null && t < inactive && openOf('INTERRUPTION', 'INACTIVE')) await resolve((e) => e === openOf('INTERRUPTION', 'INACTIVE'), 'activity recorded');
    if (state.deviation && !state.deviation.planSubmittedAt && !openOf('DEVIATION') && t >= Date.parse(state.deviation.correctionDueAt)) await raise('DEVIATION');
    for (const e of state.escalations) {
      if (e.status === 'OPEN' && e.level < state.policy.ladder.length && t >= Date.parse(e.levelDueAt)) {
        e.level += 1;
        e.levelDueAt = iso(t + state.policy.ladder[e.level - 1].acknowledgeWithinSeconds * 1000);
        await record({ kind: 'ESCALATION_CLIMBED', key: e.key, level: e.level, levelDueAt: e.levelDueAt, role: state.policy.ladder[e.level - 1].role });
        publishSearchAttributes();
      }
    }
  }

  /** What the withdrawal child reports: escalations for missed or failed follow-ups, and the end. */
  async function onWithdrawalReport(report: WithdrawalReport): Promise<void> {
    switch (report.kind) {
      case 'FINAL_EVALUATED':
        state.withdrawal = { finalEvaluated: true };
        await resolve((e) => counterOfKey(e.key) === counterOf('DELAY'), 'final evaluation recorded');
        return;
      case 'FOLLOW_UP_MISSED':
        await raise('DELAY', `FOLLOW_UP-${report.index}`);
        return;
      case 'FOLLOW_UP_RECORDED':
        await resolve((e) => counterOfKey(e.key) === counterOf('DELAY', `FOLLOW_UP-${report.index}`), 'follow-up recorded');
        if (!report.passed) {
          // Support re-engages; the withdrawal clock starts again for the new final evaluation.
          state.withdrawal = { finalEvaluated: false };
          await raise('PERFORMANCE', `FOLLOW_UP-${report.index}`);
          const from = state.stageDeadline;
          state.stageDeadline = iso(now() + state.policy.stages.WITHDRAWAL.durationSeconds * 1000);
          state.stagePlan = { from: iso(now()), durationSeconds: state.policy.stages.WITHDRAWAL.durationSeconds, workingDays: null, base: state.stageDeadline, policyVersion: state.policy.version };
          await record({ kind: 'DEADLINE_EXTENDED', stage: 'WITHDRAWAL', from, to: state.stageDeadline, reason: 're-engaged after a failed follow-up', by: null });
        }
        return;
      case 'INDEPENDENT':
        await resolve(() => true, 'organization independent');
        await markOrganizationIndependent({ organizationId: input.organizationId, cultivationId: input.cultivationId });
        state.withdrawal = null;
        await enterStage('COMPLETED', null);
        return;
    }
  }

  setHandler(withdrawalReportSignal, (report) => {
    reports.push(report);
    lock.changes += 1;
  });
  setHandler(stateQuery, () => state);
  setHandler(evidenceChangedSignal, () => {
    evidenceDirty = true;
    lock.changes += 1;
  });
  setHandler(deadlinesChangedSignal, (change) => {
    recomputes.push(change);
    lock.changes += 1;
  });

  setHandler(
    approveGateUpdate,
    (request) =>
      exclusive(async () => {
        const approved = state.stage as WorkingStage;
        await record({ kind: 'GATE_APPROVED', stage: approved, by: request.actor, note: request.note });
        await resolve((e) => e.type === 'DELAY' && e.stage === approved, 'gate approved');
        await resolveAssessmentPerformance((e) => e.stage === approved, 'stage left: gate approved');
        await enterStage(NEXT_STAGE[approved], null);
        return state;
      }),
    {
      validator: (request) => {
        requireScope(request.actor, placement);
        requireRole(request.actor, COMMAND_ROLES.approveGate, 'approve a stage gate');
        if (finished() || state.status !== 'ACTIVE') reject('WRONG_STATUS', `The cultivation is ${state.status} in ${state.stage}; only an active stage can be approved.`);
        if (state.stage === 'WITHDRAWAL') reject('WRONG_STATUS', 'Withdrawal ends by itself once every follow-up has passed.');
        if (!state.gate.met) {
          const missing = state.gate.criteria.filter((c) => !c.met).map((c) => `${c.kind} (${c.actual} of ${c.threshold})`);
          reject('GATE_NOT_MET', `The ${state.stage} gate is not met: ${missing.join(', ') || 'not evaluated yet'}.`);
        }
      },
    },
  );

  setHandler(
    extendDeadlineUpdate,
    (request) =>
      exclusive(async () => {
        const from = state.stageDeadline;
        state.stageDeadline = request.newDeadline;
        await record({ kind: 'DEADLINE_EXTENDED', stage: state.stage, from, to: request.newDeadline, reason: request.reason.trim(), by: request.actor });
        await resolve((e) => e.type === 'DELAY' && e.stage === state.stage, 'deadline extended');
        return state;
      }),
    {
      validator: (request) => {
        requireScope(request.actor, placement);
        requireRole(request.actor, COMMAND_ROLES.extendDeadline, 'extend a deadline');
        if (finished()) reject('WRONG_STATUS', `The cultivation is ${state.status === 'TERMINATED' ? 'terminated' : 'completed'}.`);
        requireText(request.reason, 'reason');
        const to = Date.parse(request.newDeadline);
        if (Number.isNaN(to)) reject('BAD_USER_INPUT', 'newDeadline must be a date-time', 'newDeadline');
        if (to <= Date.parse(state.stageDeadline)) reject('BAD_USER_INPUT', 'newDeadline must be later than the current deadline', 'newDeadline');
        if (to <= now()) reject('BAD_USER_INPUT', 'newDeadline must be in the future', 'newDeadline');
        const limit = Date.parse(state.stageDeadline) + state.policy.stages[state.stage as WorkingStage].maxExtensionSeconds * 1000;
        if (to > limit) reject('EXTENSION_BEYOND_POLICY', `Policy allows extending the ${state.stage} deadline to ${iso(limit)} at the latest.`);
      },
    },
  );

  setHandler(
    pauseUpdate,
    (request) =>
      exclusive(async () => {
        state.status = 'PAUSED';
        state.pausedAt = iso(now());
        await record({ kind: 'PAUSED', reason: request.reason.trim(), by: request.actor });
        publishSearchAttributes();
        return state;
      }),
    {
      validator: (request) => {
        requireScope(request.actor, placement);
        requireRole(request.actor, COMMAND_ROLES.pause, 'pause a cultivation');
        if (finished() || state.status !== 'ACTIVE') reject('WRONG_STATUS', `Only an active cultivation can be paused; this one is ${state.status}.`);
        requireText(request.reason, 'reason');
      },
    },
  );

  setHandler(
    resumeUpdate,
    (request) =>
      exclusive(async () => {
        const pausedMs = now() - Date.parse(state.pausedAt!);
        state.status = 'ACTIVE';
        state.pausedAt = null;
        await record({ kind: 'RESUMED', by: request.actor, pausedSeconds: Math.round(pausedMs / 1000) });
        // Paused time does not count against the stage: its deadline moves by as much.
        const from = state.stageDeadline;
        state.stageDeadline = iso(Date.parse(from) + pausedMs);
        await record({ kind: 'DEADLINE_EXTENDED', stage: state.stage, from, to: state.stageDeadline, reason: 'paused time', by: null });
        await resolve((e) => e.type === 'INTERRUPTION', 'work resumed');
        publishSearchAttributes();
        return state;
      }),
    {
      validator: (request) => {
        requireScope(request.actor, placement);
        requireRole(request.actor, COMMAND_ROLES.resume, 'resume a cultivation');
        if (state.status !== 'PAUSED') reject('WRONG_STATUS', `Only a paused cultivation can be resumed; this one is ${state.status}.`);
      },
    },
  );

  setHandler(
    acknowledgeEscalationUpdate,
    (request) =>
      exclusive(async () => {
        const escalation = state.escalations.find((e) => e.key === request.escalationKey)!;
        escalation.status = 'ACKNOWLEDGED';
        await record({ kind: 'ESCALATION_ACKNOWLEDGED', key: escalation.key, level: escalation.level, by: request.actor, plan: request.plan.trim() });
        return state;
      }),
    {
      validator: (request) => {
        requireScope(request.actor, placement);
        const escalation = state.escalations.find((e) => e.key === request.escalationKey);
        if (!escalation) reject('NOT_FOUND', `No open escalation ${request.escalationKey} on this cultivation.`);
        if (escalation.status !== 'OPEN') reject('WRONG_STATUS', `Escalation ${escalation.key} is already acknowledged.`);
        const role = state.policy.ladder[escalation.level - 1].role;
        requireRole(request.actor, [role], `acknowledge at level ${escalation.level}, which is for ${role}`);
        requireText(request.plan, 'plan');
      },
    },
  );

  setHandler(
    flagDeviationUpdate,
    (request) =>
      exclusive(async () => {
        await flagDeviation(request.note.trim(), request.actor, request.correctionDueAt);
        return state;
      }),
    {
      validator: (request) => {
        requireScope(request.actor, placement);
        requireRole(request.actor, COMMAND_ROLES.flagDeviation, 'flag a direction deviation');
        if (finished()) reject('WRONG_STATUS', 'The cultivation has ended.');
        requireText(request.note, 'note');
        if (state.deviation && !state.deviation.planSubmittedAt) reject('WRONG_STATUS', 'A deviation is already flagged and awaits its correction plan.');
        if (request.correctionDueAt !== null) {
          const due = Date.parse(request.correctionDueAt);
          if (Number.isNaN(due) || due <= now()) reject('BAD_USER_INPUT', 'correctionDueAt must be in the future', 'correctionDueAt');
        }
      },
    },
  );

  setHandler(
    submitCorrectionPlanUpdate,
    (request) =>
      exclusive(async () => {
        state.deviation!.planSubmittedAt = iso(now());
        await record({ kind: 'CORRECTION_PLAN_SUBMITTED', plan: request.plan.trim(), by: request.actor });
        await resolve((e) => e.type === 'DEVIATION', 'correction plan submitted');
        state.deviation = null;
        return state;
      }),
    {
      validator: (request) => {
        requireScope(request.actor, placement);
        requireRole(request.actor, COMMAND_ROLES.submitCorrectionPlan, 'submit a correction plan');
        if (!state.deviation || state.deviation.planSubmittedAt) reject('WRONG_STATUS', 'No deviation awaits a correction plan.');
        requireText(request.plan, 'plan');
      },
    },
  );

  setHandler(
    terminateUpdate,
    (request) =>
      exclusive(async () => {
        await resolve(() => true, 'cultivation terminated');
        if (state.withdrawal) await getExternalWorkflowHandle(withdrawalWorkflowId(input.cultivationId)).cancel();
        state.status = 'TERMINATED';
        state.pausedAt = null;
        await record({ kind: 'TERMINATED', reason: request.reason.trim(), by: request.actor });
        publishSearchAttributes();
        return state;
      }),
    {
      validator: (request) => {
        requireScope(request.actor, placement);
        requireRole(request.actor, COMMAND_ROLES.terminate, 'terminate a cultivation');
        if (finished()) reject('WRONG_STATUS', 'The cultivation has already ended.');
        requireText(request.reason, 'reason');
      },
    },
  );

  if (!input.carried) await exclusive(() => enterStage('FORMATION', input.formationDeadline));

  for (;;) {
    // Due work first, so nothing that arrived while the stage was being entered waits for the next change.
    await exclusive(processDue);
    if (finished()) break;
    if (workflowInfo().continueAsNewSuggested) {
      // Long histories start afresh with the state carried over; the loop resumes from it.
      await condition(() => allHandlersFinished() && !lock.busy);
      await continueAsNew<typeof cultivationWorkflow>({ ...input, carried: state });
    }
    const seen = lock.changes;
    const wakeAt = nextWake();
    const woken = () => lock.changes !== seen || evidenceDirty || reports.length > 0 || recomputes.length > 0 || finished();
    if (wakeAt === null) await condition(woken);
    else await condition(woken, Math.max(wakeAt - now(), 1));
  }
  await condition(allHandlersFinished);
  return state;
}
