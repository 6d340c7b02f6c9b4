import { describe, expect, it } from '@jest/globals';
import { createServer, type AddressInfo } from 'node:net';
import pg from 'pg';
import { checkReadiness, postgresReadinessCheck } from './health.js';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('checkReadiness', () => {
  it('is unavailable, naming PostgreSQL, when PostgreSQL cannot be reached', async () => {
    const pool = new pg.Pool({ connectionString: `postgres://postgres:postgres@127.0.0.1:${await closedPort()}/postgres`, connectionTimeoutMillis: 1000 });
    try {
      const report = await checkReadiness({ postgres: () => pool.query('SELECT 1'), temporal: async () => undefined });
      expect(report.status).toBe('unavailable');
      expect(report.checks.temporal).toEqual({ status: 'ok' });
      expect(report.checks.postgres).toEqual({ status: 'failed', error: expect.stringMatching(/ECONNREFUSED|connect/) });
    } finally {
      await pool.end();
    }
  });

  it('checks PostgreSQL on a connection of its own, failing fast when the server is unreachable', async () => {
    const started = Date.now();
    const report = await checkReadiness({ postgres: postgresReadinessCheck(`postgres://postgres:postgres@127.0.0.1:${await closedPort()}/postgres`) });
    expect(report).toEqual({ status: 'unavailable', checks: { postgres: { status: 'failed', error: expect.stringMatching(/ECONNREFUSED|connect/) } } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('bounds a check that hangs, and is ok when every check answers', async () => {
    const hung = await checkReadiness({ temporal: () => new Promise(() => undefined) }, 50);
    expect(hung).toEqual({ status: 'unavailable', checks: { temporal: { status: 'failed', error: 'temporal did not answer within 50 ms' } } });
    expect(await checkReadiness({ postgres: async () => 1 })).toEqual({ status: 'ok', checks: { postgres: { status: 'ok' } } });
  });
});
