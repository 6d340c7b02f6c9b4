import { createRequire } from 'node:module';
import { Resource } from '@opentelemetry/resources';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';

const require = createRequire(import.meta.url);

/** Probes and scrapes are not traffic worth a trace. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

export interface Tracing {
  resource: Resource;
  /** Where finished spans go; the worker hands it to Temporal's workflow span exporter too. */
  spanProcessor: SpanProcessor;
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** Spans go here instead of OTLP, at once (tests use an in-memory exporter). */
  exporter?: SpanExporter;
  env?: NodeJS.ProcessEnv;
}

/**
 * Traces HTTP in and out (W3C trace context propagates across services) and every SQL statement
 * through pg, exported over OTLP/HTTP to `OTEL_EXPORTER_OTLP_ENDPOINT`. Off (returns null) unless
 * that variable or an exporter is given. Call before the app serves or connects to PostgreSQL.
 */
export function startTracing(service: string, { exporter, env = process.env }: TracingOptions = {}): Tracing | null {
  if (!exporter && !env.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  const resource = new Resource({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? service });
  const spanProcessor = exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(new OTLPTraceExporter());
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  // Sets the global tracer provider, the AsyncLocalStorage context manager and W3C propagation.
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0] ?? '') }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
  // Modules already loaded (the apps import pg and http before this runs) are patched in place on
  // their next require, so require them once here.
  for (const name of ['node:http', 'node:https', 'pg', 'pg-pool']) {
    try {
      require(name);
    } catch {
      /* not installed: nothing to patch */
    }
  }
  return {
    resource,
    spanProcessor,
    async shutdown() {
      unregister();
      await provider.shutdown();
    },
  };
}
