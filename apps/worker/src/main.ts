import { createServer } from 'node:http';
import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { loadEnv } from '@peiyu/platform-nest';
import { JsonLogger, ServiceMetrics, livenessHandler, metricsHandler, postgresReadinessCheck, readinessHandler, startTracing } from '@peiyu/platform-observability';
import { installTemporalRuntime } from './observability.js';
import { smtpMailer } from '@peiyu/cultivation-activities';
import { createWorker } from './worker.js';

class WorkerEnv {
  @IsString() @IsNotEmpty() DATABASE_URL: string = 'postgres://postgres:postgres@127.0.0.1:5433/peiyu';
  @IsString() @IsNotEmpty() TEMPORAL_ADDRESS: string = '127.0.0.1:7233';
  @IsString() @IsNotEmpty() TEMPORAL_NAMESPACE: string = 'default';
  @IsString() @IsNotEmpty() WORKER_HEALTH_HOST: string = '127.0.0.1';
  @IsInt() @Min(1) @Max(65535) WORKER_HEALTH_PORT: number = 4009;
  /** Where Temporal Core serves its Prometheus metrics; `/metrics` on the health port appends them. */
  @IsString() WORKER_CORE_METRICS_ADDRESS: string = '';
  /** Mail notifications through this SMTP server (`smtp://user:pass@host:port`); unset: a log line per mail. */
  @IsString() PEIYU_SMTP_URL: string = '';
  /** The sender of notification mail. */
  @IsString() @IsNotEmpty() PEIYU_MAIL_FROM: string = '"培育 Peiyu" <noreply@peiyu.invalid>';
}

const tracing = startTracing('worker');
const logger = new JsonLogger('worker');
const env = loadEnv(WorkerEnv);
// Core's exporter sits beside the health port (1000 above it) unless told otherwise.
const coreMetricsAddress = env.WORKER_CORE_METRICS_ADDRESS || `127.0.0.1:${env.WORKER_HEALTH_PORT + 1000}`;
installTemporalRuntime(logger, coreMetricsAddress);
const mailer = env.PEIYU_SMTP_URL ? smtpMailer({ url: env.PEIYU_SMTP_URL, from: env.PEIYU_MAIL_FROM }) : undefined;
const { worker, connection, relay, close } = await createWorker({
  mailer,
  databaseUrl: env.DATABASE_URL,
  temporalAddress: env.TEMPORAL_ADDRESS,
  namespace: env.TEMPORAL_NAMESPACE,
  tracing,
  logger,
});

const metrics = new ServiceMetrics('worker');
const serveMetrics = metricsHandler(metrics, async () => (await fetch(`http://${coreMetricsAddress}/metrics`)).text());
const ready = readinessHandler({
  worker: async () => {
    if (worker.getState() !== 'RUNNING') throw new Error(`worker is ${worker.getState()}`);
  },
  postgres: postgresReadinessCheck(env.DATABASE_URL),
  temporal: () => connection.workflowService.getSystemInfo({}),
});
const live = livenessHandler();
// /health: the process answers; /ready: polling, PostgreSQL and Temporal answer; /metrics: this process and Temporal Core.
const health = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/metrics') return serveMetrics(req, res);
  if (path === '/ready') return ready(req, res);
  if (path === '/health') return live(req, res);
  res.writeHead(404).end();
});
health.listen(env.WORKER_HEALTH_PORT, env.WORKER_HEALTH_HOST);

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());
logger.info(`worker polling task queue on ${env.TEMPORAL_ADDRESS}`, { health: `http://${env.WORKER_HEALTH_HOST}:${env.WORKER_HEALTH_PORT}/health`, coreMetrics: coreMetricsAddress });
relay.start();
await worker.run();
health.close();
await close();
mailer?.close();
await tracing?.shutdown();
