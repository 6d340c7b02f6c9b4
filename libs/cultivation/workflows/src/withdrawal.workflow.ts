import {
  allHandlersFinished,
  condition,
  defineQuery,
  defineUpdate,
  getExternalWorkflowHandle,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  COMMAND_ROLES,
  HANDOVER_ITEMS,
  addMonths,
  withdrawalMessages,
  type AdvancePhaseRequest,
  type ConfirmHandoverRequest,
  type LevelEvaluation,
  type ProcessEvent,
  type RecordFinalEvaluationRequest,
  type RecordFollowUpRequest,
  type WithdrawalReport,
  type WithdrawalState,
  type WithdrawalWorkflowInput,
} from '@peiyu/contracts';
// Types only: the workflow bundle must not contain activity code.
import type { CultivationActivities } from '@peiyu/cultivation-activities';
import { ChangeLock, iso, reject, requireRole, requireScope, workflowActivities } from './workflow-support.js';

export const withdrawalStateQuery = defineQuery<WithdrawalState>(withdrawalMessages.state);
export const advancePhaseUpdate = defineUpdate<WithdrawalState, [AdvancePhaseRequest]>(withdrawalMessages.advancePhase);
export const confirmHandoverUpdate = defineUpdate<WithdrawalState, [ConfirmHandoverRequest]>(withdrawalMessages.confirmHandover);
export const recordFinalEvaluationUpdate = defineUpdate<WithdrawalState, [RecordFinalEvaluationRequest]>(withdrawalMessages.recordFinalEvaluation);
export const recordFollowUpUpdate = defineUpdate<WithdrawalState, [RecordFollowUpRequest]>(withdrawalMessages.recordFollowUp);

function requireEvaluation(evaluation: LevelEvaluation | undefined, field: string): void {
  if (!evaluation || !Number.isFinite(evaluation.score) || evaluation.score < 0 || evaluation.score > 100) {
    reject('BAD_USER_INPUT', `${field}.score must be between 0 and 100`, `${field}.score`);
  }
}

/**
 * The withdrawal stage of one cultivation, run as a child of the cultivation workflow. It reports
 * to its parent by signal (by workflow id, so it reaches the parent's latest run after the parent
 * continues as new); the parent raises the escalations. A failed follow-up re-engages support: the
 * institution goes back to assisting, and a new final evaluation starts a new round of follow-ups.
 */
export async function withdrawalWorkflow(input: WithdrawalWorkflowInput): Promise<WithdrawalState> {
  // Decided before any command (see workflowActivities).
  const { recordProcessEvent } = workflowActivities<CultivationActivities>();
  const state: WithdrawalState = { phase: 'LEADING', handovers: [], finalEvaluation: null, followUps: [], reengagements: 0, outcome: 'IN_PROGRESS', sequence: 0 };
  const parent = getExternalWorkflowHandle(input.parentWorkflowId);
  const lock = new ChangeLock();
  const exclusive = <T>(work: () => Promise<T>) => lock.exclusive(work);

  async function record(event: ProcessEvent): Promise<void> {
    state.sequence += 1;
    await recordProcessEvent({
      cultivationId: input.cultivationId,
      workflowId: workflowInfo().workflowId,
      stream: 'withdrawal',
      sequence: state.sequence,
      at: iso(Date.now()),
      event,
    });
  }

  const report = (r: WithdrawalReport) => parent.signal(withdrawalMessages.report, r);
  // A copy for the activity, as the state is at the time of the event (no structuredClone in the workflow sandbox).
  const snapshot = (): WithdrawalState => JSON.parse(JSON.stringify(state)) as WithdrawalState;

  setHandler(withdrawalStateQuery, () => state);

  setHandler(
    advancePhaseUpdate,
    (request) =>
      exclusive(async () => {
        state.phase = state.phase === 'LEADING' ? 'ASSISTING' : 'OBSERVING';
        await record({ kind: 'WITHDRAWAL_PHASE_ADVANCED', by: request.actor, withdrawal: snapshot() });
        return state;
      }),
    {
      validator: (request) => {
        requireScope(request.actor, input.placement);
        requireRole(request.actor, COMMAND_ROLES.advancePhase, 'advance the withdrawal phase');
        if (state.phase === 'OBSERVING') reject('WRONG_STATUS', 'The institution is already only observing.');
      },
    },
  );

  setHandler(
    confirmHandoverUpdate,
    (request) =>
      exclusive(async () => {
        state.handovers.push({ item: request.item, takenOverBy: request.takenOverBy.trim(), confirmedBy: request.actor, confirmedAt: iso(Date.now()) });
        await record({ kind: 'HANDOVER_CONFIRMED', by: request.actor, withdrawal: snapshot() });
        return state;
      }),
    {
      validator: (request) => {
        requireScope(request.actor, input.placement);
        requireRole(request.actor, COMMAND_ROLES.confirmHandover, 'confirm a handover');
        if (!(HANDOVER_ITEMS as readonly string[]).includes(request.item)) reject('BAD_USER_INPUT', `item must be one of ${HANDOVER_ITEMS.join(', ')}`, 'item');
        if (state.handovers.some((h) => h.item === request.item)) reject('WRONG_STATUS', `${request.item} is already handed over.`);
        if (!request.takenOverBy?.trim()) reject('BAD_USER_INPUT', 'takenOverBy must not be empty', 'takenOverBy');
      },
    },
  );

  setHandler(
    recordFinalEvaluationUpdate,
    (request) =>
      exclusive(async () => {
        const recordedAt = iso(Date.now());
        state.finalEvaluation = { community: request.community, organization: request.organization, institution: request.institution, recordedBy: request.actor, recordedAt };
        const offsets = input.policy.followUpOffsetsSeconds;
        state.followUps = input.policy.followUpMonths.map((months, index) => {
          const dueAt = offsets?.[index] !== undefined ? iso(Date.parse(recordedAt) + offsets[index] * 1000) : addMonths(recordedAt, months);
          return { index, monthsAfter: months, dueAt, windowEndsAt: iso(Date.parse(dueAt) + input.policy.followUpWindowSeconds * 1000), result: 'PENDING', announcedAt: null, note: null, recordedAt: null };
        });
        await record({ kind: 'FINAL_EVALUATION_RECORDED', by: request.actor, withdrawal: snapshot() });
        await report({ kind: 'FINAL_EVALUATED' });
        return state;
      }),
    {
      validator: (request) => {
        requireScope(request.actor, input.placement);
        requireRole(request.actor, COMMAND_ROLES.recordFinalEvaluation, 'record the final evaluation');
        if (state.phase !== 'OBSERVING') reject('WRONG_STATUS', 'The final evaluation comes once the institution only observes.');
        const missing = HANDOVER_ITEMS.filter((item) => !state.handovers.some((h) => h.item === item));
        if (missing.length) reject('WRONG_STATUS', `Hand over ${missing.join(', ')} first.`);
        if (state.finalEvaluation) reject('WRONG_STATUS', 'The final evaluation is already recorded.');
        requireEvaluation(request.community, 'community');
        requireEvaluation(request.organization, 'organization');
        requireEvaluation(request.institution, 'institution');
      },
    },
  );

  setHandler(
    recordFollowUpUpdate,
    (request) =>
      exclusive(async () => {
        const followUp = state.followUps[request.index];
        followUp.result = request.passed ? 'PASSED' : 'FAILED';
        followUp.note = request.note.trim();
        followUp.recordedAt = iso(Date.now());
        await record({ kind: 'FOLLOW_UP_RECORDED', by: request.actor, index: request.index, passed: request.passed, withdrawal: snapshot() });
        await report({ kind: 'FOLLOW_UP_RECORDED', index: request.index, passed: request.passed });
        if (!request.passed) {
          // Support re-engages: back to assisting; a new final evaluation schedules new follow-ups.
          state.phase = 'ASSISTING';
          state.finalEvaluation = null;
          state.followUps = [];
          state.reengagements += 1;
          await record({ kind: 'WITHDRAWAL_REENGAGED', withdrawal: snapshot() });
        }
        return state;
      }),
    {
      validator: (request) => {
        requireScope(request.actor, input.placement);
        requireRole(request.actor, COMMAND_ROLES.recordFollowUp, 'record a follow-up');
        const followUp = state.followUps[request.index];
        if (!followUp) reject('BAD_USER_INPUT', `index must be one of the scheduled follow-ups (0 to ${state.followUps.length - 1})`, 'index');
        if (followUp.result === 'PASSED' || followUp.result === 'FAILED') reject('WRONG_STATUS', `Follow-up ${request.index} is already recorded.`);
        if (Date.now() < Date.parse(followUp.dueAt)) reject('WRONG_STATUS', `Follow-up ${request.index} is due on ${followUp.dueAt}; it cannot be recorded before.`);
        if (state.followUps.slice(0, request.index).some((f) => f.result === 'PENDING')) reject('WRONG_STATUS', 'Record the earlier follow-ups first.');
        if (!request.note?.trim()) reject('BAD_USER_INPUT', 'note must not be empty', 'note');
      },
    },
  );

  await exclusive(() => record({ kind: 'WITHDRAWAL_STARTED', withdrawal: snapshot() }));

  // A follow-up whose window passes unrecorded counts as missed (it may still be recorded late).
  const nextMiss = () => state.followUps.find((f) => f.result === 'PENDING');
  const passed = () => state.followUps.length > 0 && state.followUps.every((f) => f.result === 'PASSED');
  while (!passed()) {
    const seen = lock.changes;
    const pending = nextMiss();
    if (pending && !pending.announcedAt && Date.now() >= Date.parse(pending.dueAt)) {
      // Its window opens: the staff who record it are told.
      await exclusive(async () => {
        pending.announcedAt = iso(Date.now());
        await record({ kind: 'FOLLOW_UP_DUE', index: pending.index, withdrawal: snapshot() });
      });
      continue;
    }
    if (pending && Date.now() >= Date.parse(pending.windowEndsAt)) {
      await exclusive(async () => {
        pending.result = 'MISSED';
        await record({ kind: 'FOLLOW_UP_MISSED', index: pending.index, withdrawal: snapshot() });
        await report({ kind: 'FOLLOW_UP_MISSED', index: pending.index });
      });
      continue;
    }
    if (pending) {
      const wakeAt = pending.announcedAt ? Date.parse(pending.windowEndsAt) : Date.parse(pending.dueAt);
      await condition(() => lock.changes !== seen, Math.max(wakeAt - Date.now(), 1));
    }
    else await condition(() => lock.changes !== seen || passed());
  }
  state.outcome = 'INDEPENDENT';
  await report({ kind: 'INDEPENDENT' });
  await condition(allHandlersFinished);
  return state;
}
