import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ApolloServerPlugin } from '@apollo/server';
import type { JsonLogger } from './logger.js';

/** Seconds; from a fast cached read to a slow report. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One process's metrics: its own registry (so several services can run in one test process),
 * Node's default metrics, and HTTP and GraphQL request counts and latencies.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly graphqlOperations: Counter<'operation' | 'type' | 'outcome'>;
  readonly graphqlDuration: Histogram<'operation' | 'type' | 'outcome'>;

  constructor(readonly service: string, { defaultMetrics = true }: { defaultMetrics?: boolean } = {}) {
    this.registry.setDefaultLabels({ service });
    if (defaultMetrics) this.collectProcessMetrics();
    const registers = [this.registry];
    this.httpRequests = new Counter({ name: 'peiyu_http_requests_total', help: 'HTTP requests answered, by method, route and status code.', labelNames: ['method', 'route', 'status'], registers });
    this.httpDuration = new Histogram({ name: 'peiyu_http_request_duration_seconds', help: 'Time to answer an HTTP request, by method, route and status code.', labelNames: ['method', 'route', 'status'], buckets: LATENCY_BUCKETS, registers });
    this.graphqlOperations = new Counter({ name: 'peiyu_graphql_operations_total', help: 'GraphQL operations executed, by operation name, type and outcome (ok or error).', labelNames: ['operation', 'type', 'outcome'], registers });
    this.graphqlDuration = new Histogram({ name: 'peiyu_graphql_operation_duration_seconds', help: 'Time to execute a GraphQL operation, by operation name, type and outcome.', labelNames: ['operation', 'type', 'outcome'], buckets: LATENCY_BUCKETS, registers });
  }

  /** Adds Node's process metrics (memory, event loop lag, GC); once per process. */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The Prometheus text exposition of every metric. */
  async text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /**
   * A gauge read on scrape from `read`, cached for `ttlMs` so a scrape every few seconds costs at most
   * one query per period. A failed read keeps the last values and counts the failure.
   */
  cachedGauge<L extends string>(options: { name: string; help: string; labelNames: readonly L[]; ttlMs: number; read: () => Promise<Array<{ labels: Record<L, string>; value: number }>> }): Gauge<L> {
    let cached: { at: number; rows: Array<{ labels: Record<L, string>; value: number }> } | null = null;
    const gauge = new Gauge<L>({
      name: options.name,
      help: options.help,
      labelNames: options.labelNames,
      registers: [this.registry],
      async collect() {
        if (!cached || Date.now() - cached.at >= options.ttlMs) {
          try {
            cached = { at: Date.now(), rows: await options.read() };
          } catch {
            failures.inc();
            cached = { at: Date.now(), rows: cached?.rows ?? [] };
          }
        }
        this.reset();
        for (const row of cached.rows) this.set(row.labels, row.value);
      },
    });
    // Registered after the gauge, so a scrape shows the failure of the read it just made.
    const failures = new Counter({ name: `${options.name}_read_failures_total`, help: `Reads of ${options.name} that failed (the last values were kept).`, registers: [this.registry] });
    return gauge;
  }
}

/** A path as a metric label: known routes as they are, anything else folded into one value. */
export function routeLabel(path: string, known: readonly string[] = ['/graphql', '/health', '/ready', '/metrics']): string {
  const bare = path.split('?')[0] ?? path;
  return known.includes(bare) ? bare : 'other';
}

/** Counts and times every HTTP request; for Express or a plain Node server. */
export function httpMetricsMiddleware(metrics: ServiceMetrics): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // Read now: a router mounted on a path rewrites req.url before the response finishes.
    const route = routeLabel(req.url ?? '/');
    res.once('finish', () => {
      const labels = { method: req.method ?? 'GET', route, status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}

/** Clients name operations; keep a name a label may hold, and bound what an odd client can add. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) ? name : 'invalid';
}

/**
 * Counts and times each GraphQL operation by name, type and outcome (error if the response carries
 * errors); with `accessLog`, also writes one line per operation (the gateway's access log).
 */
export function graphqlMetricsPlugin<C extends object>(metrics: ServiceMetrics, accessLog?: JsonLogger): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, response }) {
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          const labels = { operation: operationLabel(operationName), type: operation?.operation ?? 'unknown', outcome: errors?.length ? 'error' : 'ok' };
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.graphqlOperations.inc(labels);
          metrics.graphqlDuration.observe(labels, seconds);
          accessLog?.info('graphql operation', {
            ...labels,
            durationMs: Math.round(seconds * 1000),
            ...(errors?.length ? { errorCodes: errors.map((e) => e.extensions?.code ?? 'UNKNOWN') } : {}),
          });
        },
      };
    },
  };
}

/** Answers `GET /metrics` with `metrics` and, appended, another exposition such as Temporal Core's. */
export function metricsHandler(metrics: ServiceMetrics, extra?: () => Promise<string>): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    const body = async () => {
      const own = await metrics.text();
      const more = extra ? await extra().catch((error: unknown) => `# the appended metrics could not be read: ${String(error).replace(/\n/g, ' ')}\n`) : '';
      return `${own}${more}`;
    };
    body().then(
      (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
    );
  };
}
