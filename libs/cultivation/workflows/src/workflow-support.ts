import { ApplicationFailure, condition, patched, proxyActivities, proxyLocalActivities, type ActivityInterfaceFor } from '@temporalio/workflow';
import { scopesCover, type Actor, type Role, type ScopedPlacement } from '@peiyu/contracts';

/** Rejection reasons an update validator gives; cultivation-service maps each to a GraphQL error code. */
export type RejectionType = 'FORBIDDEN' | 'WRONG_STATUS' | 'GATE_NOT_MET' | 'BAD_USER_INPUT' | 'EXTENSION_BEYOND_POLICY' | 'NOT_FOUND';

/** Rejects an update; for BAD_USER_INPUT the first detail names the request field at fault. */
export function reject(type: RejectionType, message: string, field?: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true, details: field ? [field] : [] });
}

export function requireRole(actor: Actor, roles: readonly Role[], action: string): void {
  if (actor.role !== 'ADMIN' && !roles.includes(actor.role)) reject('FORBIDDEN', `The role ${actor.role} may not ${action}.`);
}

/** Refuses an actor whose scopes do not cover the cultivation (requests without scopes come from before they were sent). */
export function requireScope(actor: Actor, placement: ScopedPlacement | undefined): void {
  if (placement && actor.scopes && !scopesCover(actor.scopes, placement)) reject('FORBIDDEN', 'This cultivation is outside your scope.');
}

export function requireText(value: string | null | undefined, field: string): void {
  if (!value || !value.trim()) reject('BAD_USER_INPUT', `${field} must not be empty`, field);
}

export const iso = (ms: number): string => new Date(ms).toISOString();

export const ACTIVITY_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
} as const;

/** The patch under which a workflow runs its activities as local activities. */
const LOCAL_ACTIVITIES_PATCH = 'local-activities';

/**
 * The activities of a workflow run: local activities for runs that began under the patch (every
 * new run, and every run continued as new since), regular ones for histories recorded before it.
 * Every activity here is a short, idempotent read or write of PostgreSQL: as a local activity it
 * runs inside the workflow task that decided it, so it costs the server no activity task and the
 * workflow no second workflow task, and a projection is committed before the task completes (a
 * deadline's escalation is visible a task-queue round trip sooner, and the server does a fraction
 * of the work per lifecycle). Call once, before the workflow's first command, so the choice is
 * the same at every point of the run's history.
 */
export function workflowActivities<A extends object>(): ActivityInterfaceFor<A> {
  // Both proxies call the same functions with the same arguments; only the dispatch differs.
  return patched(LOCAL_ACTIVITIES_PATCH)
    ? (proxyLocalActivities<A>({ startToCloseTimeout: ACTIVITY_OPTIONS.startToCloseTimeout, retry: ACTIVITY_OPTIONS.retry, localRetryThreshold: '10 seconds' }) as unknown as ActivityInterfaceFor<A>)
    : proxyActivities<A>(ACTIVITY_OPTIONS);
}

/**
 * Serialises every change of a workflow: update handlers and the workflow's own loop never
 * interleave their writes, so events are recorded in the order they are decided. `changes` counts
 * finished changes, for a loop that waits for "something happened".
 */
export class ChangeLock {
  busy = false;
  changes = 0;

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    await condition(() => !this.busy);
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
      this.changes += 1;
    }
  }
}
