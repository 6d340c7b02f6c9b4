// One request through the gateway gives one connected trace down to SQL, and into the workflow and
// its activities. The checks run in child processes (tools/ops/trace-check.ts): OpenTelemetry
// instruments pg and http through Node's own module loader, which Jest's module registry bypasses,
// and one process can host only one code-first subgraph.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';

function traceCheck(...args: string[]): { status: number | null; summary: Record<string, unknown> | string } {
  if (!process.env.DATABASE_URL || !process.env.TEMPORAL_ADDRESS) throw new Error('DATABASE_URL or TEMPORAL_ADDRESS is not set: run through `npm test`.');
  const result = spawnSync(process.execPath, ['tools/dev/run-ts.mjs', 'tools/ops/trace-check.ts', ...args], {
    env: { ...process.env, NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 240_000,
  });
  const summaryLine = result.stdout.split('\n').find((line) => line.startsWith('{"'));
  return { status: result.status, summary: summaryLine ? (JSON.parse(summaryLine) as Record<string, unknown>) : `${result.stdout.slice(-1500)}\n${result.stderr.slice(-1500)}` };
}

describe('operations: tracing', () => {
  it('connects the gateway span, the subgraph call, the subgraph span and its SQL in one trace', () => {
    expect(traceCheck()).toEqual({
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
  }, 120_000);

  it('continues the trace of startCultivation and extendDeadline into the workflow, its activities and their SQL', () => {
    expect(traceCheck('--workflow')).toEqual({
      status: 0,
      summary: {
        start: {
          traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
          answered: true,
          subgraphUnderGateway: true,
          sqlUnderSubgraph: true,
          startWorkflowUnderSubgraph: true,
          activities: expect.arrayContaining(['RunActivity:recordProcessEvent']),
          activityUnderStartActivity: true,
          activitySqlInTrace: true,
        },
        update: {
          traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
          answered: true,
          subgraphUnderGateway: true,
          startUpdateUnderSubgraph: true,
          handleUpdateUnderStartUpdate: true,
          startActivityUnderHandleUpdate: true,
          runActivityUnderStartActivity: true,
          activitySqlUnderRunActivity: true,
          names: ['StartWorkflowUpdate:extendDeadline', 'HandleUpdate:extendDeadline', 'StartActivity:recordProcessEvent', 'RunActivity:recordProcessEvent', expect.stringMatching(/^pg\.query/)],
        },
      },
    });
  }, 240_000);
});
