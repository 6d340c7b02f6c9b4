// The bare Temporal baseline of the process benchmark: the same deadline timer, number of updates
// and activity calls as a cultivation's lifecycle, with no-op activities and no read model.
import { condition, defineQuery, defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';

export interface BaselineActivities {
  noop(): Promise<void>;
}

const { noop } = proxyActivities<BaselineActivities>({ startToCloseTimeout: '30 seconds' });

export const baselineStep = defineUpdate<number>('step');
export const baselinePhase = defineQuery<string>('phase');

export async function baselineWorkflow(deadlineMs: number, updatesToComplete: number, activitiesPerUpdate: number): Promise<number> {
  let phase = 'waiting';
  let updates = 0;
  setHandler(baselinePhase, () => phase);
  setHandler(baselineStep, async () => {
    for (let i = 0; i < activitiesPerUpdate; i++) await noop();
    updates += 1;
    return updates;
  });
  await sleep(deadlineMs);
  await noop();
  phase = 'late';
  await condition(() => updates >= updatesToComplete);
  return updates;
}
