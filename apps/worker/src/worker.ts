import { createRequire } from 'node:module';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { OpenTelemetryPlugin, OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { JsonLogger, Tracing } from '@peiyu/platform-observability';
import { DataSource } from 'typeorm';
import { CULTIVATION_TASK_QUEUE } from '@peiyu/contracts';
import { EvidenceRelay, createCultivationActivities, type Mailer } from '@peiyu/cultivation-activities';
import { cultivationOwnership } from '@peiyu/cultivation-data-access';
import { createOrganizationActivities } from '@peiyu/organizations-activities';
import { typeormOptions } from '@peiyu/platform-database';
import { ActivityLogContextInterceptor } from './observability.js';

const require = createRequire(import.meta.url);

export interface WorkerSettings {
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  /** A prebuilt workflow bundle (production); without it the workflows are bundled at start. */
  workflowBundle?: WorkflowBundleWithSourceMap;
  /** When set, workflows and activities continue the traces of the requests that started or signalled them. */
  tracing?: Tracing | null;
  /** Where each activity's end is logged, with its cultivation id. */
  logger?: JsonLogger;
  /** Where notifications are mailed besides the in-app inbox; a log line each by default. */
  mailer?: Mailer;
}

export interface RunningWorker {
  worker: Worker;
  dataSource: DataSource;
  connection: NativeConnection;
  relay: EvidenceRelay;
  /** Stops the relay and closes every connection; call after the worker has stopped. */
  close(): Promise<void>;
}

/**
 * The worker hosts the workflows and every domain's activities. It owns no data: each activity
 * writes only the schema of the domain lib it comes from, through a DataSource for that schema.
 */
export async function createWorker(settings: WorkerSettings): Promise<RunningWorker> {
  // The worker never migrates: the owning service does, at its own start.
  const dataSource = new DataSource(typeormOptions(settings.databaseUrl, cultivationOwnership));
  await dataSource.initialize();
  const connection = await NativeConnection.connect({ address: settings.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: settings.namespace,
    taskQueue: CULTIVATION_TASK_QUEUE,
    ...(settings.workflowBundle
      ? { workflowBundle: settings.workflowBundle }
      : { workflowsPath: require.resolve('@peiyu/cultivation-workflows') }),
    // Workflow tasks stay open while their local activities (PostgreSQL round trips) run, so a slot
    // is mostly waiting, not computing: more slots keep a deadline's task from queueing behind them.
    maxConcurrentWorkflowTaskExecutions: 100,
    activities: { ...createCultivationActivities(dataSource, settings.mailer), ...createOrganizationActivities(dataSource) },
    interceptors: { activity: [(context) => ({ inbound: new ActivityLogContextInterceptor(context, settings.logger) })] },
    plugins: settings.tracing ? [new OpenTelemetryPlugin({ resource: settings.tracing.resource, spanProcessor: settings.tracing.spanProcessor })] : [],
  });
  // The evidence relay signals open cultivations when their evidence changes (flow 2).
  const clientConnection = await Connection.connect({ address: settings.temporalAddress });
  const relay = new EvidenceRelay(
    dataSource,
    new Client({ connection: clientConnection, namespace: settings.namespace, interceptors: { workflow: settings.tracing ? [new OpenTelemetryWorkflowClientInterceptor()] : [] } }),
  );
  return {
    worker,
    dataSource,
    connection,
    relay,
    async close() {
      await relay.stop();
      await clientConnection.close();
      await dataSource.destroy();
      await connection.close();
    },
  };
}
