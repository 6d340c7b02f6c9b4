import { describe, expect, it } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { databaseUnavailableCode } from '@peiyu/platform-database';
import { JsonLogger } from '@peiyu/platform-observability';
import { DomainException } from './domain-exception.js';
import { OUTAGE_QUIET_MS, formatGraphQLError, requestErrorLogPlugin } from './graphql-errors.js';

/** As node-postgres reports a refused connection, and TypeORM a server that shut down mid-query. */
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5436'), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' });
const shutDown = () => Object.assign(new Error('terminating connection due to administrator command'), { name: 'QueryFailedError', driverError: { code: '57P01' } });

function server(fail: () => Error) {
  const lines: Array<Record<string, unknown>> = [];
  let clock = 1_000_000;
  const logger = new JsonLogger('organizations-service', (line) => lines.push(JSON.parse(line) as Record<string, unknown>), {}, 'debug');
  const apollo = new ApolloServer({
    typeDefs: 'type Query { organizations: [String!] districts: [String!] refused: String }',
    resolvers: {
      Query: {
        organizations: () => Promise.reject(fail()),
        districts: () => Promise.reject(fail()),
        refused: () => Promise.reject(new DomainException('FORBIDDEN', 'Outside your scope.')),
      },
    },
    formatError: formatGraphQLError,
    plugins: [requestErrorLogPlugin(logger, () => clock)],
  });
  return { apollo, lines, advance: (ms: number) => (clock += ms) };
}

describe('databaseUnavailableCode', () => {
  it('names refused, cut and recovering connections, also wrapped, and nothing else', () => {
    expect(databaseUnavailableCode(refused())).toBe('ECONNREFUSED');
    expect(databaseUnavailableCode(shutDown())).toBe('57P01');
    expect(databaseUnavailableCode(Object.assign(new Error('the database system is in recovery mode'), { code: '57P03' }))).toBe('57P03');
    expect(databaseUnavailableCode(new Error('Connection terminated unexpectedly'))).toBe('CONNECTION_TERMINATED');
    expect(databaseUnavailableCode(new Error('outer', { cause: refused() }))).toBe('ECONNREFUSED');
    expect(databaseUnavailableCode(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBeUndefined();
    expect(databaseUnavailableCode(new TypeError('x is undefined'))).toBeUndefined();
  });
});

describe('requestErrorLogPlugin', () => {
  it('logs one concise line per request failed for want of PostgreSQL, and the stack once per outage', async () => {
    const { apollo, lines, advance } = server(refused);
    await apollo.start();
    for (let i = 0; i < 3; i++) {
      const res = await apollo.executeOperation({ query: 'query Directory { organizations districts }' });
      expect(res.body.kind === 'single' && res.body.singleResult.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR', 'INTERNAL_SERVER_ERROR']);
      advance(1_000);
    }
    advance(OUTAGE_QUIET_MS + 1);
    await apollo.executeOperation({ query: 'query Directory { organizations }' });
    await apollo.stop();

    const concise = lines.filter((l) => l.level === 'warn');
    expect(concise).toHaveLength(4);
    expect(concise[0]).toEqual({ time: expect.any(String), level: 'warn', service: 'organizations-service', msg: 'request failed: PostgreSQL unavailable', operation: 'Directory', code: 'ECONNREFUSED', errors: 2, paths: ['organizations', 'districts'] });
    for (const line of concise) expect(JSON.stringify(line)).not.toMatch(/stack|ECONNREFUSED 127/);
    // The stack at error level: at the first failure, and again only after a quiet spell (a new outage).
    const stacks = lines.filter((l) => l.level === 'error');
    expect(stacks).toHaveLength(2);
    expect(stacks[0]).toMatchObject({ code: 'ECONNREFUSED', operation: 'Directory', error: { stack: expect.stringContaining('ECONNREFUSED') } });
    expect(lines.filter((l) => l.level === 'debug')).toHaveLength(2);
  });

  it('logs any other fault with its stack, and domain refusals not at all', async () => {
    const { apollo, lines } = server(() => new TypeError('cannot read properties of undefined'));
    await apollo.start();
    await apollo.executeOperation({ query: 'query Mixed { organizations refused }' });
    await apollo.stop();
    expect(lines).toEqual([expect.objectContaining({ level: 'error', msg: 'request failed', operation: 'Mixed', path: 'organizations', error: expect.objectContaining({ name: 'TypeError', stack: expect.any(String) }) })]);
  });
});
