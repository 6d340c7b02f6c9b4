import { describe, expect, it } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { JsonLogger } from './logger.js';
import { ServiceMetrics, graphqlMetricsPlugin, operationLabel, routeLabel } from './metrics.js';

const typeDefs = 'type Query { hello: String, broken: String }';
const resolvers = {
  Query: {
    hello: () => 'world',
    broken: () => {
      throw new Error('nope');
    },
  },
};

describe('ServiceMetrics', () => {
  it('counts and times GraphQL operations by name, type and outcome', async () => {
    const metrics = new ServiceMetrics('communities-service', { defaultMetrics: false });
    const lines: string[] = [];
    const server = new ApolloServer({ typeDefs, resolvers, plugins: [graphqlMetricsPlugin(metrics, new JsonLogger('gateway', (l) => lines.push(l)))] });
    await server.start();
    await server.executeOperation({ query: 'query Hello { hello }' });
    await server.executeOperation({ query: 'query Hello { hello }' });
    await server.executeOperation({ query: 'query Broken { broken }' });
    await server.stop();

    const text = await metrics.text();
    expect(text).toContain('# TYPE peiyu_graphql_operations_total counter');
    expect(text).toContain('peiyu_graphql_operations_total{operation="Hello",type="query",outcome="ok",service="communities-service"} 2');
    expect(text).toContain('peiyu_graphql_operations_total{operation="Broken",type="query",outcome="error",service="communities-service"} 1');
    expect(text).toMatch(/peiyu_graphql_operation_duration_seconds_count\{service="communities-service",operation="Hello",type="query",outcome="ok"\} 2/);
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ msg: 'graphql operation', operation: 'Hello', outcome: 'ok', durationMs: expect.any(Number) }),
      expect.objectContaining({ operation: 'Hello' }),
      expect.objectContaining({ operation: 'Broken', outcome: 'error', errorCodes: ['INTERNAL_SERVER_ERROR'] }),
    ]);
  });

  it('reads a cached gauge at most once per period and keeps the last values when a read fails', async () => {
    const metrics = new ServiceMetrics('cultivation-service', { defaultMetrics: false });
    let reads = 0;
    metrics.cachedGauge({
      name: 'peiyu_open_escalations',
      help: 'test',
      labelNames: ['level'] as const,
      ttlMs: 60_000,
      read: async () => {
        reads += 1;
        return [{ labels: { level: '1' }, value: 3 }];
      },
    });
    expect(await metrics.text()).toContain('peiyu_open_escalations{level="1",service="cultivation-service"} 3');
    await metrics.text();
    expect(reads).toBe(1);

    const expiring = new ServiceMetrics('cultivation-service', { defaultMetrics: false });
    let calls = 0;
    expiring.cachedGauge({
      name: 'peiyu_open_escalations',
      help: 'test',
      labelNames: ['level'] as const,
      ttlMs: 0,
      read: async () => {
        calls += 1;
        if (calls > 1) throw new Error('database down');
        return [{ labels: { level: '2' }, value: 5 }];
      },
    });
    await expiring.text();
    const after = await expiring.text();
    expect(after).toContain('peiyu_open_escalations{level="2",service="cultivation-service"} 5');
    expect(after).toContain('peiyu_open_escalations_read_failures_total{service="cultivation-service"} 1');
  });

  it('keeps labels bounded: unknown routes and odd operation names fold into one value', () => {
    expect(routeLabel('/graphql?x=1')).toBe('/graphql');
    expect(routeLabel('/wp-admin')).toBe('other');
    expect(operationLabel('ListCultivations')).toBe('ListCultivations');
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel('x'.repeat(200))).toBe('invalid');
  });
});
