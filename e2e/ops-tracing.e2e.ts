// One request through the gateway gives one connected trace down to SQL. The check runs in a
// child process (tools/ops/trace-check.ts): OpenTelemetry instruments pg and http through Node's
// own module loader, which Jest's module registry bypasses.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';

describe('operations: tracing', () => {
  it('connects the gateway span, the subgraph call, the subgraph span and its SQL in one trace', () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run through `npm test`.');
    const result = spawnSync(process.execPath, ['tools/dev/run-ts.mjs', 'tools/ops/trace-check.ts'], {
      env: { ...process.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const summaryLine = result.stdout.split('\n').find((line) => line.startsWith('{"spans"'));
    expect({ status: result.status, summary: summaryLine ? (JSON.parse(summaryLine) as Record<string, unknown>) : result.stderr.slice(-2000) }).toEqual({
      status: 0,
      summary: expect.objectContaining({
        answered: true,
        gatewayServer: true,
        subgraphClientUnderGateway: true,
        subgraphServerUnderClient: true,
        sqlUnderSubgraphServer: true,
        sqlSpans: expect.any(Number),
      }),
    });
  });
});
