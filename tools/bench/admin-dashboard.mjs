#!/usr/bin/env node
// Benchmark of the admin app's dashboard route, against a running platform with the demo data
// (`npm start`):
//   1. the gzip size of the JavaScript needed for /dashboard in a production build: the entry chunk
//      and what it imports statically, plus the lazily loaded dashboard page and its own imports
//      (from Vite's manifest), each file counted once;
//   2. the time from navigation start until the dashboard shows its headline numbers, in headless
//      Chromium, served by `vite preview` from that build (its /graphql proxied to the gateway), with
//      a session already signed in and a cold browser cache on every run.
// Targets (issue 6): under 300 KB gzip, under 1.5 s.
//   node tools/bench/admin-dashboard.mjs [--runs 5] [--username manager]
// Env: GATEWAY_URL (default http://127.0.0.1:4000), CHROMIUM_PATH (default /usr/bin/chromium),
// BENCH_ADMIN_PORT (default 4290) for the preview server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
};
const runs = Math.max(1, Number(argument('runs', '5')) || 5);
const username = argument('username', 'manager');
const gatewayUrl = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
const port = Number(process.env.BENCH_ADMIN_PORT ?? 4290);
const adminRoot = fileURLToPath(new URL('../../apps/admin/', import.meta.url));
const TARGET_KB = 300;
const TARGET_MS = 1500;

/** The files a manifest chunk needs, itself first: its file and, recursively, its static imports. */
function chunkFiles(manifest, key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return [];
  seen.add(key);
  return [chunk.file, ...(chunk.imports ?? []).flatMap((imported) => chunkFiles(manifest, imported, seen))];
}

async function measureSize(outDir) {
  await build({ root: adminRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false } });
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
  const dashboardKey = Object.keys(manifest).find((key) => key.endsWith('src/pages/DashboardPage.tsx'));
  if (!dashboardKey) throw new Error('the build has no chunk for src/pages/DashboardPage.tsx');
  const seen = new Set();
  const files = [...new Set([...chunkFiles(manifest, 'index.html', seen), ...chunkFiles(manifest, dashboardKey, seen)])].filter((file) => file.endsWith('.js'));
  const sizes = files.map((file) => {
    const bytes = readFileSync(join(outDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files: sizes, raw: sizes.reduce((sum, f) => sum + f.raw, 0), gzip: sizes.reduce((sum, f) => sum + f.gzip, 0) };
}

async function signInPayload() {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation ($input: SignInInput!) { signIn(input: $input) { token expiresAt refreshToken refreshTokenExpiresAt user { id username displayName role } } }`,
      variables: { input: { username, password: 'peiyu-demo' } },
    }),
  });
  const answer = await response.json();
  if (!answer.data?.signIn) throw new Error(`signing in as ${username} failed: ${JSON.stringify(answer.errors ?? answer)}`);
  return answer.data.signIn;
}

async function measureTime(outDir) {
  const server = await preview({
    root: adminRoot,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, proxy: { '/graphql': { target: gatewayUrl, changeOrigin: true } } },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const times = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      // A session per run: each tab renews and rotates its own refresh token.
      const session = await signInPayload();
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
      await context.addInitScript((stored) => {
        window.localStorage.setItem('peiyu.admin.session', stored);
        // Notes when the first headline number is in the page, measured from navigation start.
        new MutationObserver((_, observer) => {
          if (document.querySelector('[data-testid="headline-active"][data-value]')) {
            window.__dashboardShownAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true, attributes: true });
      }, JSON.stringify(session));
      const page = await context.newPage();
      const problems = [];
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      await page.goto(`http://127.0.0.1:${port}/dashboard`);
      await page.waitForFunction(() => typeof window.__dashboardShownAt === 'number', undefined, { timeout: 30_000 });
      times.push(await page.evaluate(() => window.__dashboardShownAt));
      if (problems.length > 0) throw new Error(`console errors on the dashboard: ${problems.join('; ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { times, median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
}

const outDir = mkdtempSync(join(tmpdir(), 'peiyu-admin-bench-'));
try {
  const size = await measureSize(outDir);
  console.log('JavaScript for /dashboard (production build):');
  for (const file of size.files) console.log(`  ${file.file.padEnd(48)} ${(file.raw / 1024).toFixed(1).padStart(8)} KB  ${(file.gzip / 1024).toFixed(1).padStart(7)} KB gzip`);
  const kb = size.gzip / 1024;
  console.log(`  total: ${(size.raw / 1024).toFixed(1)} KB, ${kb.toFixed(1)} KB gzip (target < ${TARGET_KB} KB): ${kb < TARGET_KB ? 'met' : 'NOT met'}`);

  const time = await measureTime(outDir);
  console.log(`Time until the dashboard shows its numbers (${runs} cold runs as ${username}): ${time.times.map((t) => `${Math.round(t)} ms`).join(', ')}`);
  console.log(`  median ${Math.round(time.median)} ms, max ${Math.round(time.max)} ms (target < ${TARGET_MS} ms): ${time.median < TARGET_MS ? 'met' : 'NOT met'}`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
