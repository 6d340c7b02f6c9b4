// Proves that one request through the gateway gives one connected trace: the gateway's HTTP
// server span, its call to the subgraph, the subgraph's server span and the SQL the subgraph ran.
// Runs the gateway and communities-service in this process with an in-memory exporter, so it
// needs only a migrated DATABASE_URL. Prints a JSON summary; exits 1 when the trace is broken.
//   DATABASE_URL=... node tools/dev/run-ts.mjs tools/ops/trace-check.ts
// Imported before tracing starts, as in the apps' main.ts: pg and http are already loaded then.
import { NestFactory } from '@nestjs/core';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { instrumentService } from '@peiyu/platform-nest';
import { SUBGRAPH_NAMES } from '@peiyu/platform-schema';
import { resolveJwtSecret } from '@peiyu/platform-auth';
import { startTracing } from '@peiyu/platform-observability';
import { tokenFor } from '@peiyu/platform-testing';
import { CommunitiesServiceModule } from '../../apps/communities-service/src/app.module.js';
import { startGateway } from '../../apps/gateway/src/gateway.js';

const exporter = new InMemorySpanExporter();
const tracing = startTracing('peiyu-trace-check', { exporter });

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is not set');

const service = await NestFactory.create(CommunitiesServiceModule.forDatabase(databaseUrl), { logger: ['error'] });
instrumentService(service);
await service.listen(0, '127.0.0.1');
const servicePort = (service.getHttpServer().address() as { port: number }).port;
// Only communities is reached by the operation below; the others point at a closed port.
const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, name === 'communities' ? `http://127.0.0.1:${servicePort}/graphql` : 'http://127.0.0.1:9/graphql']));
const gateway = await startGateway({ port: 0, host: '127.0.0.1', jwtSecret: resolveJwtSecret(), subgraphUrls: subgraphUrls as never });
const gatewayPort = (gateway.server.address() as { port: number }).port;

exporter.reset();
const res = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('ADMIN')}` },
  body: JSON.stringify({ query: 'query TraceCheck { districts { id name } }' }),
});
const answered = ((await res.json()) as { errors?: unknown[] }).errors === undefined;
await new Promise((r) => setTimeout(r, 200));
const spans = exporter.getFinishedSpans();

const portOf = (span: ReadableSpan) => Number(span.attributes['net.host.port'] ?? span.attributes['server.port'] ?? span.attributes['net.peer.port'] ?? NaN);
const gatewayServer = spans.find((s) => s.kind === 1 && portOf(s) === gatewayPort);
const traceId = gatewayServer?.spanContext().traceId;
const inTrace = spans.filter((s) => s.spanContext().traceId === traceId);
const subgraphClient = inTrace.find((s) => s.kind === 2 && portOf(s) === servicePort);
const subgraphServer = inTrace.find((s) => s.kind === 1 && portOf(s) === servicePort);
const sql = inTrace.filter((s) => s.attributes['db.system'] === 'postgresql');
const byId = new Map(inTrace.map((s) => [s.spanContext().spanId, s]));
/** Whether `span` descends from `ancestor` through parent links inside the trace. */
const descends = (span: ReadableSpan | undefined, ancestor: ReadableSpan | undefined): boolean => {
  let current = span;
  while (current && ancestor) {
    if (current.parentSpanId === ancestor.spanContext().spanId) return true;
    current = current.parentSpanId ? byId.get(current.parentSpanId) : undefined;
  }
  return false;
};
const summary = {
  spans: spans.length,
  answered,
  inTrace: inTrace.length,
  gatewayServer: Boolean(gatewayServer),
  subgraphClientUnderGateway: descends(subgraphClient, gatewayServer),
  subgraphServerUnderClient: descends(subgraphServer, subgraphClient),
  sqlSpans: sql.length,
  sqlUnderSubgraphServer: sql.length > 0 && sql.every((s) => descends(s, subgraphServer)),
  sqlStatements: [...new Set(sql.map((s) => s.name))].slice(0, 5),
};
console.log(JSON.stringify(summary));
await gateway.stop();
gateway.server.close();
await service.close();
await tracing?.shutdown();
const ok = summary.answered && summary.gatewayServer && summary.subgraphClientUnderGateway && summary.subgraphServerUnderClient && summary.sqlUnderSubgraphServer;
process.exit(ok ? 0 : 1);
