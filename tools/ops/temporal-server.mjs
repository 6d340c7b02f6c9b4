#!/usr/bin/env node
// The real Temporal server with PostgreSQL persistence, on this machine (tools/ops/temporal-postgres.mjs):
// builds the server and temporal-sql-tool from the Go module proxy (pinned, cached under
// .data/ops/go-bin), starts an embedded PostgreSQL (or uses --database-url), creates the default
// and visibility schemas with temporal-sql-tool, writes a config with several history shards,
// starts the server, creates the namespace and registers Peiyu's search attributes. Then it runs
// until SIGINT/SIGTERM.
//   node tools/ops/temporal-server.mjs [--port 7236] [--pg-port 5437] [--shards 8] [--database-url postgres://...]
//   TEMPORAL_ADDRESS=127.0.0.1:7236 node tools/ops/stack.mjs     # the platform on it
// The first build compiles the server (~10^3 packages): at nice 19 and one package at a time, it
// takes long on 2 shared cores, and is then cached.
import { bootstrap } from '../dev/bootstrap.mjs';

await bootstrap();
const { stopAll } = await import('../dev/processes.mjs');
const { prepareTemporalServer } = await import('./temporal-postgres.mjs');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
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
  const server = await prepareTemporalServer({
    port: Number(arg('port', '7236')),
    pgPort: Number(arg('pg-port', '5437')),
    shards: Number(arg('shards', '8')),
    dataDir: arg('data-dir', '.data/ops/temporal-server'),
    databaseUrl: arg('database-url', undefined),
  });
  await server.start();
  console.log(`[temporal-server] ready on ${server.address} (PostgreSQL persistence, ${server.shards} history shards, metrics on 127.0.0.1:${server.ports.metrics}/metrics); Ctrl-C stops it`);
} catch (error) {
  console.error(`[temporal-server] could not start: ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}
