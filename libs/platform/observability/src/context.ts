import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line made while handling one request or one activity carries. */
export interface LogContext {
  /** The `x-request-id` the gateway chose or kept, forwarded to every subgraph. */
  requestId?: string;
  /** The cultivation an activity works for (from its workflow id). */
  cultivationId?: string;
  workflowId?: string;
  activityType?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `context` added to the current one; log lines made inside carry it. */
export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, fn);
}

/** The context of the request or activity being handled, if any. */
export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}

/** `cultivation-<id>` and `withdrawal-<id>` are the workflow ids of a cultivation; anything else has none. */
export function cultivationIdOfWorkflow(workflowId: string | undefined): string | undefined {
  const match = workflowId?.match(/^(?:cultivation|withdrawal)-(.+)$/);
  return match?.[1];
}
