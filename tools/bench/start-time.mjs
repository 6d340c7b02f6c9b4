#!/usr/bin/env node
// Benchmark: how long `npm start` takes until everything answers, from empty data (cold: initdb,
// a new Temporal database, migrations, seed) and again on the same data (warm). Dependencies are
// taken as installed; docs/benchmarks.md records the fresh-machine install separately.
//   node tools/bench/start-time.mjs [--runs 3]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3) || 3;
const URLS = ['http://127.0.0.1:4200/', 'http://127.0.0.1:4000/health', 'http://127.0.0.1:8233/'];

async function allAnswer() {
  for (const url of URLS) {
    const res = await fetch(url).catch(() => null);
    if (!res?.ok) return false;
  }
  return true;
}

function startOnce(dataDir) {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn('npm', ['start'], { env: { ...process.env, PEIYU_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', async (chunk) => {
      output += chunk;
      if (!output.includes('Peiyu is running')) return;
      output = '';
      const ready = performance.now();
      if (!(await allAnswer())) reject(new Error('banner printed but not every URL answered'));
      process.kill(-child.pid, 'SIGINT');
      child.on('exit', () => resolve((ready - began) / 1000));
    });
    child.on('exit', (code) => code && reject(new Error(`npm start exited with ${code}`)));
  });
}

const results = { cold: [], warm: [] };
for (let i = 0; i < runs; i++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'peiyu-bench-'));
  try {
    results.cold.push(await startOnce(dataDir));
    results.warm.push(await startOnce(dataDir));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const kind of ['cold', 'warm']) {
  console.log(`${kind}: median ${median(results[kind]).toFixed(1)} s (runs: ${results[kind].map((x) => x.toFixed(1)).join(', ')} s)`);
}
