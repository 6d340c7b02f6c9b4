import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import { REQUEST_ID_HEADER } from '@peiyu/contracts';
import {
  JsonLogger, NestJsonLogger, ServiceMetrics, httpMetricsMiddleware, metricsHandler, postgresReadinessCheck, readinessHandler, runWithLogContext, type ReadinessCheck,
} from '@peiyu/platform-observability';

export interface ServiceBootOptions {
  /** The `service` label of its metrics (the app's name). */
  name?: string;
  /** Dependencies `/ready` checks besides PostgreSQL (Temporal for cultivation-service). */
  readiness?: Record<string, ReadinessCheck>;
}

/**
 * The operational routes of a service, ahead of its GraphQL endpoint: `/metrics` (Prometheus),
 * `/ready` (PostgreSQL and `readiness`, 503 naming what failed), and for every request its
 * `x-request-id` in the log context and its count and latency in the metrics.
 */
export function instrumentService(app: INestApplication, options: ServiceBootOptions = {}): ServiceMetrics {
  const metrics = app.get(ServiceMetrics);
  if (options.name) metrics.registry.setDefaultLabels({ service: options.name });
  const dataSource = app.get(DataSource);
  const http = app.getHttpAdapter();
  const countRequest = httpMetricsMiddleware(metrics);
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const header = req.headers[REQUEST_ID_HEADER];
    const requestId = Array.isArray(header) ? header[0] : header;
    runWithLogContext(requestId ? { requestId } : {}, () => countRequest(req, res, next));
  });
  http.get('/metrics', metricsHandler(metrics));
  const { url } = dataSource.options as { url?: string };
  http.get('/ready', readinessHandler({ postgres: url ? postgresReadinessCheck(url) : () => dataSource.query('SELECT 1'), ...options.readiness }));
  return metrics;
}

/** Starts a service on its port with JSON logs, metrics, readiness and graceful shutdown on SIGINT/SIGTERM. */
export async function bootstrapService(
  name: string,
  rootModule: Type | DynamicModule,
  port: number,
  host = '127.0.0.1',
  options: ServiceBootOptions = {},
): Promise<INestApplication> {
  const logger = new JsonLogger(name);
  const app = await NestFactory.create(rootModule, { logger: new NestJsonLogger(logger) });
  app.enableShutdownHooks();
  instrumentService(app, { name, ...options }).collectProcessMetrics();
  await app.listen(port, host);
  logger.info(`listening on http://${host}:${port}/graphql`, { port });
  return app;
}

