import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';

/** A dependency check: resolves when the dependency answers, rejects saying why otherwise. */
export type ReadinessCheck = () => Promise<unknown>;

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  /** Each dependency by name: ok, or the reason it failed. */
  checks: Record<string, { status: 'ok' } | { status: 'failed'; error: string }>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs every check at once, each bounded by `timeoutMs`, so a hung dependency cannot hang the probe. */
export async function checkReadiness(checks: Record<string, ReadinessCheck>, timeoutMs = 2000): Promise<ReadinessReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await withTimeout(Promise.resolve().then(check), timeoutMs, name);
        return [name, { status: 'ok' as const }] as const;
      } catch (error) {
        return [name, { status: 'failed' as const, error: error instanceof Error ? error.message : String(error) }] as const;
      }
    }),
  );
  const report = Object.fromEntries(entries);
  return { status: entries.every(([, r]) => r.status === 'ok') ? 'ok' : 'unavailable', checks: report };
}

/** `GET /ready`: 200 with every check ok, else 503 naming the ones that failed. */
export function readinessHandler(checks: Record<string, ReadinessCheck>, timeoutMs?: number): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    void checkReadiness(checks, timeoutMs).then((report) => {
      res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
    });
  };
}

/** `GET /health`: liveness only; the process answers, nothing else is checked (a restart would not fix a dependency). */
export function livenessHandler(): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  };
}

/**
 * PostgreSQL readiness on a connection of its own: a busy pool (every connection held by requests
 * or activities) is load, not an outage, and must not take the pod out of service. The one idle
 * connection does not keep the process alive.
 */
export function postgresReadinessCheck(databaseUrl: string): ReadinessCheck {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: 1500, idleTimeoutMillis: 60_000, allowExitOnIdle: true, application_name: 'peiyu-readiness' });
  // A connection dropped while idle (PostgreSQL restarted) is reported by the next check, not thrown.
  pool.on('error', () => undefined);
  return () => pool.query('SELECT 1');
}
