// Observability of the running platform (the test stack that `npm test` starts): every process
// serves Prometheus metrics and readiness, the gateway's access log carries the request id, and
// the worker's activity lines and metrics follow a cultivation whose deadline passes.
// Env: GATEWAY_URL, <NAME>_PORT, WORKER_HEALTH_PORT and PEIYU_DATA_DIR (logs under logs/), as the stack sets them.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { tokenFor } from '@peiyu/platform-testing';
import { GATEWAY_URL, createPlacement, eventually, signIn, startCultivation } from './support.js';

const SERVICES = ['communities', 'organizations', 'assessments', 'cultivation', 'analytics'] as const;
const portOf = (name: string): string => {
  const port = process.env[`${name.toUpperCase()}_PORT`];
  if (!port) throw new Error(`${name.toUpperCase()}_PORT is not set: run through \`npm test\`.`);
  return port;
};
const serviceUrl = (name: string, path: string) => `http://127.0.0.1:${portOf(name)}${path}`;
const workerUrl = (path: string) => `http://127.0.0.1:${process.env.WORKER_HEALTH_PORT ?? '4109'}${path}`;
const gatewayUrl = (path: string) => GATEWAY_URL.replace(/\/graphql$/, path);

async function text(url: string): Promise<string> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return res.text();
}

/** The value of the first sample of `metric` whose labels include every `labels` pair, or undefined. */
function sample(exposition: string, metric: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of exposition.split('\n')) {
    const match = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/);
    if (!match || match[1] !== metric) continue;
    const pairs = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => pairs[k] === v)) return Number(match[3]);
  }
  return undefined;
}

function logLines(app: string): Array<Record<string, unknown>> {
  const dir = process.env.PEIYU_DATA_DIR;
  if (!dir) throw new Error('PEIYU_DATA_DIR is not set: run through `npm test`.');
  return readFileSync(resolve(dir, 'logs', `${app}.log`), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('operations: metrics, readiness and logs of the running platform', () => {
  it('every service and the worker are ready, checking PostgreSQL (and Temporal where used)', async () => {
    for (const name of SERVICES) {
      const res = await fetch(serviceUrl(name, '/ready'));
      const report = (await res.json()) as { status: string; checks: Record<string, { status: string }> };
      expect({ name, status: res.status, report }).toEqual({ name, status: 200, report: expect.objectContaining({ status: 'ok' }) });
      expect(report.checks.postgres).toEqual({ status: 'ok' });
      if (name === 'cultivation') expect(report.checks.temporal).toEqual({ status: 'ok' });
    }
    const worker = (await (await fetch(workerUrl('/ready'))).json()) as { checks: Record<string, unknown> };
    expect(worker.checks).toEqual({ worker: { status: 'ok' }, postgres: { status: 'ok' }, temporal: { status: 'ok' } });
    expect((await fetch(gatewayUrl('/ready'))).status).toBe(200);
  });

  it('counts a named operation at the gateway and the subgraph it reaches, by outcome, and logs it with its request id', async () => {
    const requestId = `ops-e2e-${randomUUID()}`;
    const post = async (operation: string, token?: string) =>
      fetch(GATEWAY_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: `query ${operation} { districts { id } }` }),
      });
    expect((await post('OpsProbe', await tokenFor('ADMIN'))).status).toBe(200);
    // Without a token the subgraph refuses the field: an error outcome, and no failed sign-in counted anywhere.
    await post('OpsProbeRefused');

    const gateway = await text(gatewayUrl('/metrics'));
    expect(sample(gateway, 'peiyu_graphql_operations_total', { service: 'gateway', operation: 'OpsProbe', type: 'query', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(gateway, 'peiyu_graphql_operations_total', { service: 'gateway', operation: 'OpsProbeRefused', type: 'query', outcome: 'error' })).toBeGreaterThanOrEqual(1);
    expect(sample(gateway, 'peiyu_http_requests_total', { service: 'gateway', route: '/graphql', method: 'POST' })).toBeGreaterThanOrEqual(2);
    expect(sample(gateway, 'nodejs_heap_size_used_bytes', { service: 'gateway' })).toBeGreaterThan(0);
    // The gateway names the operation it sends each subgraph after the client's.
    const communities = await text(serviceUrl('communities', '/metrics'));
    expect(sample(communities, 'peiyu_graphql_operations_total', { service: 'communities-service', operation: 'OpsProbe__communities__0', outcome: 'ok' })).toBeGreaterThanOrEqual(1);

    const lines = await eventually(
      async () => {
        const found = logLines('gateway').filter((entry) => entry.requestId === requestId);
        return found.length === 2 ? found : undefined;
      },
      5000,
      'the access log lines',
    );
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', service: 'gateway', msg: 'graphql operation', operation: 'OpsProbe', outcome: 'ok', durationMs: expect.any(Number), time: expect.any(String) }),
      expect.objectContaining({ operation: 'OpsProbeRefused', outcome: 'error', errorCodes: expect.any(Array) }),
    ]);
  });

  it('follows a cultivation: activity lines carry its id, the worker exports Temporal metrics, the open escalation is counted', async () => {
    const manager = await signIn('manager');
    const placement = await createPlacement(manager, '运维观测');
    const cultivationId = await startCultivation(manager, placement, 2_000);

    const activityLine = await eventually(
      async () => logLines('worker').find((entry) => entry.cultivationId === cultivationId && entry.msg === 'activity completed'),
      20_000,
      'an activity line of the cultivation',
    );
    expect(activityLine).toMatchObject({ service: 'worker', level: 'info', workflowId: `cultivation-${cultivationId}`, activityType: expect.any(String), durationMs: expect.any(Number) });

    const worker = await text(workerUrl('/metrics'));
    expect(sample(worker, 'temporal_activity_execution_latency_count', { task_queue: 'cultivation' })).toBeGreaterThan(0);
    expect(sample(worker, 'temporal_workflow_task_schedule_to_start_latency_count', { task_queue: 'cultivation' })).toBeGreaterThan(0);
    expect(sample(worker, 'temporal_activity_schedule_to_start_latency_count', { task_queue: 'cultivation' })).toBeGreaterThan(0);
    expect(sample(worker, 'nodejs_heap_size_used_bytes', { service: 'worker' })).toBeGreaterThan(0);

    // The formation deadline passes in 2 s: a DELAY escalation opens at level 1 (the gauge is cached 5 s).
    const open = await eventually(
      async () => {
        const value = sample(await text(serviceUrl('cultivation', '/metrics')), 'peiyu_open_escalations', { service: 'cultivation-service', level: '1', type: 'DELAY' });
        return value !== undefined && value >= 1 ? value : undefined;
      },
      30_000,
      'the open DELAY escalation in the gauge',
    );
    expect(open).toBeGreaterThanOrEqual(1);
  });
});
