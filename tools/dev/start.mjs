#!/usr/bin/env node
// `npm start`: installs what is missing, starts PostgreSQL, Temporal and every app, seeds the demo
// district, prints the URLs, and on Ctrl-C stops everything it started.
import { bootstrap } from './bootstrap.mjs';

const startedAt = Date.now();
await bootstrap();
const { stackLayout, startInfrastructure, startApps } = await import('./stack.mjs');
const { stopAll } = await import('./processes.mjs');
const { seedDemo } = await import('../seed/seed-demo.ts');
const { seedDemoCultivations } = await import('../seed/seed-demo-cultivations.ts');
const { seedDemoHistory } = await import('../seed/seed-demo-history.ts');

const layout = stackLayout('dev');
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Peiyu ...');
  await stopAll();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const infra = await startInfrastructure(layout);
  await startApps(layout, infra);
  await seedDemo(infra.databaseUrl);
  await seedDemoCultivations(`http://127.0.0.1:${layout.ports.gateway}`);
  const history = await seedDemoHistory(infra.databaseUrl);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`
Peiyu is running (ready in ${seconds}s):
  Admin app     http://localhost:${layout.ports.admin}
  GraphQL       http://localhost:${layout.ports.gateway}/graphql
  Temporal UI   ${process.env.TEMPORAL_ADDRESS ? '(external Temporal: see its own UI)' : `http://localhost:${layout.temporal.uiPort}`}
Demo users (password peiyu-demo): admin, manager, supervisor, director, street, worker, analyst.
Demo data: 示范区 with live cultivations, and ${history.districtName}, three years of generated history
  (manager and analyst see both; generated cultivations have no running workflow).
Ctrl-C stops everything.`);
} catch (error) {
  console.error(`\nPeiyu could not start: ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}
