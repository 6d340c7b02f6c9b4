import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { DeadlineRecomputeInput } from '@peiyu/contracts';
// Types only: the workflow bundle must not contain activity code (it touches the database).
import type { CultivationActivities } from '@peiyu/cultivation-activities';

/** Cultivations told per activity: one page of the read model. */
const PAGE = 500;

const { signalDeadlinesChanged } = proxyActivities<CultivationActivities>({
  // A page signals up to PAGE workflows, a few dozen at a time.
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * Tells every open cultivation a policy or calendar change concerns, page by page in id order, so
 * the mutation that stored the change returns at once even at city scale (tens of thousands of
 * cultivations): it only starts this workflow. Durable: a worker restart resumes at the last page,
 * and a retried page only repeats harmless signals. Long runs continue as new with their position.
 */
export async function deadlineRecomputeWorkflow(input: DeadlineRecomputeInput): Promise<{ signalled: number }> {
  let afterId = input.afterId ?? null;
  let signalled = input.signalled ?? 0;
  for (;;) {
    const page = await signalDeadlinesChanged({ change: input.change, afterId, limit: PAGE });
    signalled += page.signalled;
    if (page.lastId === null || page.signalled < PAGE) return { signalled };
    afterId = page.lastId;
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof deadlineRecomputeWorkflow>({ change: input.change, afterId, signalled });
  }
}
