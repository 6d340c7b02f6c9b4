import { condition, defineQuery, defineSignal, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import {
  cultivationMessages,
  searchAttributeKeys,
  type CultivationProcessState,
  type CultivationWorkflowInput,
  type EscalationType,
  type Stage,
} from '@peiyu/contracts';
// Types only: the workflow bundle must not contain activity code (it touches the database).
import type { CultivationActivities } from '@peiyu/cultivation-activities';

export const stateQuery = defineQuery<CultivationProcessState>(cultivationMessages.state);
export const evidenceChangedSignal = defineSignal(cultivationMessages.evidenceChanged);

const { recordEscalation } = proxyActivities<CultivationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * One cultivation of one organization by one institution, from formation to completion. The
 * workflow is the source of truth for where the cultivation stands; activities project it into
 * cultivation-service's read model.
 */
export async function cultivationWorkflow(input: CultivationWorkflowInput): Promise<void> {
  const state: CultivationProcessState = {
    stage: 'FORMATION',
    status: 'ACTIVE',
    stageDeadline: input.formationDeadline,
    escalations: [],
  };
  // Set by the gate-approval update, which arrives with the full process.
  const gateApproved = false as boolean;

  setHandler(stateQuery, () => state);
  setHandler(evidenceChangedSignal, () => {
    // Gate evaluation on new evidence arrives with the full process; the signal is accepted now so
    // that evidence producers can already send it.
  });

  async function raise(type: EscalationType, level: number, stage: Stage): Promise<void> {
    await recordEscalation({
      cultivationId: input.cultivationId,
      type,
      level,
      stage,
      raisedAt: new Date(Date.now()).toISOString(),
      idempotencyKey: `${workflowInfo().workflowId}:${type}:${stage}:${level}`,
    });
    state.escalations.push({ type, level, stage });
    upsertSearchAttributes([{ key: searchAttributeKeys.escalationLevel, value: level }]);
  }

  // Wait for the gate or the deadline, whichever comes first; condition() cancels its timer.
  const remainingMs = Date.parse(state.stageDeadline) - Date.now();
  const metInTime = remainingMs > 0 && (await condition(() => gateApproved, remainingMs));
  if (!metInTime && !gateApproved) await raise('DELAY', 1, state.stage);

  await condition(() => gateApproved);
}
