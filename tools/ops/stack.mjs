#!/usr/bin/env node
// The `ops` stack: the whole platform on its own ports (apps 4800+, PostgreSQL 5436, Temporal
// 7236) and data (.data/ops/stack), for operations checks beside `npm start` and `npm test`.
// With TEMPORAL_ADDRESS it uses that Temporal (e.g. the PostgreSQL-backed server of
// tools/ops/temporal-server.mjs) instead of a dev server. Prints the apps' environment as one JSON
// line ("env: {...}") once everything answers, then runs until SIGINT/SIGTERM.
import { resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { bootstrap } from '../dev/bootstrap.mjs';

await bootstrap();
const { stackLayout, startInfrastructure, startApps } = await import('../dev/stack.mjs');
const { stopAll } = await import('../dev/processes.mjs');
const { ensureDatabase } = await import('../dev/postgres.mjs');
const { seedDemo } = await import('../seed/seed-demo.ts');

const base = stackLayout('ops');
// Under .data/ops/stack, so the cached Temporal binaries in .data/ops survive a fresh start.
const dataDir = resolve(base.dataDir, 'stack');
const layout = {
  ...base,
  dataDir,
  logDir: resolve(dataDir, 'logs'),
  postgres: { ...base.postgres, dataDir: resolve(dataDir, 'postgres') },
  // Temporal keeps its state in a file, so the server itself can be restarted in a fault test.
  temporal: { ...base.temporal, dbFile: resolve(dataDir, 'temporal/temporal.db') },
};

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await stopAll();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  rmSync(dataDir, { recursive: true, force: true });
  const infra = await startInfrastructure(layout, { logToFiles: true });
  const databaseUrl = await ensureDatabase(infra.databaseUrl, 'peiyu_ops');
  const { env, pids } = await startApps(layout, { ...infra, databaseUrl }, { logToFiles: true });
  await seedDemo(databaseUrl);
  console.log(`env: ${JSON.stringify({ ...env, PEIYU_DATA_DIR: dataDir, ADMIN_URL: `http://127.0.0.1:${layout.ports.admin}`, PIDS: JSON.stringify(pids) })}`);
} catch (error) {
  console.error(`The ops stack could not start: ${error instanceof Error ? error.stack : error}`);
  await shutdown(1);
}
