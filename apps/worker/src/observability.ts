import type { Context } from '@temporalio/activity';
import { DefaultLogger, Runtime, type ActivityInboundCallsInterceptor, type ActivityExecuteInput, type LogLevel, type Next } from '@temporalio/worker';
import { cultivationIdOfWorkflow, runWithLogContext, type JsonLogger, type LogLevel as JsonLogLevel } from '@peiyu/platform-observability';

const LEVELS: Record<LogLevel, JsonLogLevel> = { TRACE: 'debug', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

/**
 * Installs Temporal's runtime for this process: the SDK's and Core's log lines as JSON lines (with
 * the cultivation id when a workflow or activity logs), and Core's Prometheus exporter on
 * `metricsBindAddress` (workflow and activity counts and latencies, schedule-to-start latency).
 * Must run before the first connection to Temporal.
 */
export function installTemporalRuntime(logger: JsonLogger, metricsBindAddress: string): void {
  Runtime.install({
    logger: new DefaultLogger('INFO', ({ level, message, meta }) => {
      const workflowId = typeof meta?.workflowId === 'string' ? meta.workflowId : undefined;
      const cultivationId = cultivationIdOfWorkflow(workflowId);
      logger.write(LEVELS[level], message, { ...meta, ...(cultivationId ? { cultivationId } : {}) });
    }),
    telemetryOptions: {
      metrics: { prometheus: { bindAddress: metricsBindAddress, countersTotalSuffix: true, useSecondsForDurations: true } },
      logging: { filter: 'WARN', forward: {} },
    },
  });
}

/**
 * Runs each activity in a log context naming its cultivation, workflow and type, and writes one
 * line when it ends: completed (info) or failed (warn, with the attempt, since Temporal retries it).
 */
export class ActivityLogContextInterceptor implements ActivityInboundCallsInterceptor {
  constructor(
    private readonly context: Context,
    private readonly logger?: JsonLogger,
  ) {}

  execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const { workflowExecution, activityType, attempt } = this.context.info;
    const workflowId = workflowExecution?.workflowId;
    const cultivationId = cultivationIdOfWorkflow(workflowId);
    return runWithLogContext({ activityType, ...(workflowId ? { workflowId } : {}), ...(cultivationId ? { cultivationId } : {}) }, async () => {
      const started = Date.now();
      try {
        const result = await next(input);
        this.logger?.info('activity completed', { attempt, durationMs: Date.now() - started });
        return result;
      } catch (error) {
        this.logger?.warn('activity failed', { attempt, durationMs: Date.now() - started, error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    });
  }
}
