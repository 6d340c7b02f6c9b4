// Benchmark of the CSV imports (docs/benchmarks.md): members (`--kind members`, the default) or
// needs-survey responses (`--kind responses`). Generates files of 10,000 and 100,000 rows in a temp
// directory, boots the owning service (organizations- or assessments-service) as the integration
// tests do (startTestApp, tokenFor) in a child process on a private database created for the run,
// streams each file to its import endpoint, and reports the time and the service process's peak RSS
// growth while importing (sampled from /proc every 10 ms), to show memory stays flat whatever the size.
//   DATABASE_URL=postgres://user:pass@host:port/any node tools/dev/run-ts.mjs tools/bench/csv-import.ts [--kind members|responses] [--sizes 10000,100000]
// DATABASE_URL names the server; a database `peiyu_bench_csv_<random>` is created there and dropped at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SERVE = process.argv.includes('--serve');
const kindArg = process.argv.indexOf('--kind');
const KIND_NAME = kindArg > 0 ? process.argv[kindArg + 1] : 'members';

/** What differs between the two imports: the service, the endpoint, the file, the target row and the rows written. */
interface ImportKind {
  title: string;
  loadModule: () => Promise<{ forDatabase(databaseUrl: string): unknown }>;
  endpoint: (targetId: string) => string;
  header: string;
  line: (i: number) => string;
  newTarget: (db: pg.Client) => Promise<string>;
  countSql: string;
}

const KINDS: Record<string, ImportKind> = {
  members: {
    title: 'Member CSV import (POST /imports/members, one transaction, batches of 500)',
    loadModule: async () => (await import('../../apps/organizations-service/src/app.module.js')).OrganizationsServiceModule,
    endpoint: (id) => `/imports/members?organizationId=${id}`,
    header: 'name,phone,joined_on,is_leader',
    line: (i) => {
      const day = String((i % 28) + 1).padStart(2, '0');
      return i % 10 === 0 ? `"成员 ${i}, ""骨干""",138-0000-${String(i % 10000).padStart(4, '0')},2025-03-${day},是` : `成员${i},,2025-01-${day},0`;
    },
    newTarget: async (db) => {
      const id = randomUUID();
      await db.query(`INSERT INTO organizations.organization (id, name, community_id, category, status, version) VALUES ($1, $2, $3, 'CULTURE_SPORTS', 'FORMING', 1)`, [
        id,
        `导入基准${id.slice(0, 8)}`,
        randomUUID(),
      ]);
      return id;
    },
    countSql: `SELECT count(*)::int AS n FROM organizations.member WHERE organization_id = $1`,
  },
  responses: {
    title: 'Survey-response CSV import (POST /imports/survey-responses, one transaction)',
    loadModule: async () => (await import('../../apps/assessments-service/src/app.module.js')).AssessmentsServiceModule,
    endpoint: (id) => `/imports/survey-responses?surveyId=${id}`,
    header: 'demand_categories,respondent_label',
    line: (i) => (i % 3 === 0 ? `"生活服务类、文体活动类",${i}号楼 居民` : i % 3 === 1 ? 'MEDIATION;PUBLIC_WELFARE,' : `CULTURE_SPORTS,${i}号楼`),
    newTarget: async (db) => {
      const id = randomUUID();
      // The community lies in no table here: a CITY-scoped caller covers it all the same.
      await db.query(`INSERT INTO assessments.needs_survey (id, community_id, title, version) VALUES ($1, $2, $3, 1)`, [id, randomUUID(), `导入基准${id.slice(0, 8)}`]);
      return id;
    },
    countSql: `SELECT count(*)::int AS n FROM assessments.survey_response WHERE survey_id = $1`,
  },
};
const KIND = KINDS[KIND_NAME];
if (!KIND) throw new Error(`--kind must be one of ${Object.keys(KINDS).join(', ')}, not ${KIND_NAME}`);

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL server the benchmark may create a database on.');
  return url;
}

/** Child mode: the service alone in its process, booted as the integration tests boot it. */
async function serve(): Promise<void> {
  const { startTestApp, requireDatabaseUrl } = await import('@peiyu/platform-testing');
  const module = await KIND.loadModule();
  const app = await startTestApp(module.forDatabase(requireDatabaseUrl()) as Parameters<typeof startTestApp>[0]);
  process.stdout.write(`listening ${app.url} ${process.pid}\n`);
  // Asked by the driver after each import: the heap left once the collector has run, which grows
  // only if rows are held (RSS also counts room the collector has taken and not given back).
  process.on('SIGUSR2', () => {
    (globalThis as { gc?: () => void }).gc?.();
    process.stdout.write(`heap ${process.memoryUsage().heapUsed}\n`);
  });
  process.on('SIGTERM', () => void app.close().finally(() => process.exit(0)));
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`\uFEFF${KIND.header}\r\n`);
  for (let i = 1; i <= rows; i += 1) {
    if (!out.write(`${KIND.line(i)}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function startService(databaseUrl: string): Promise<{ child: ChildProcess; url: string; pid: number }> {
  // The loader directly (not run-ts.mjs, a wrapper process), so the pid measured is the service's.
  const register = fileURLToPath(new URL('../dev/register.mjs', import.meta.url));
  const child = spawn(process.execPath, ['--expose-gc', '--import', register, fileURLToPath(import.meta.url), '--serve', '--kind', KIND_NAME], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [url, pid] = await new Promise<[string, number]>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\S+) (\d+)/.exec(output);
      if (match) resolve([match[1].replace(/\/graphql$/, ''), Number(match[2])]);
    });
    child.on('exit', (code) => reject(new Error(`the service exited with ${code} before listening`)));
  });
  return { child, url, pid };
}

/** The service's heap after a full collection, in MB (see the SIGUSR2 handler of `serve`). */
async function heapFloorMb(child: ChildProcess): Promise<number> {
  const line = new Promise<number>((resolve) => {
    const onData = (chunk: Buffer) => {
      const match = /heap (\d+)/.exec(chunk.toString());
      if (match) {
        child.stdout?.off('data', onData);
        resolve(Math.round((Number(match[1]) / 1024 / 1024) * 10) / 10);
      }
    };
    child.stdout?.on('data', onData);
  });
  child.kill('SIGUSR2');
  return line;
}

async function main(): Promise<void> {
  const sizesArg = process.argv.indexOf('--sizes');
  const sizes = sizesArg > 0 ? process.argv[sizesArg + 1].split(',').map(Number) : [10_000, 100_000];
  const server = new URL(serverUrl());
  const database = `peiyu_bench_csv_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const databaseUrl = new URL(server.toString());
  databaseUrl.pathname = `/${database}`;
  const dir = mkdtempSync(join(tmpdir(), 'peiyu-csv-bench-'));
  let child: ChildProcess | undefined;
  const results: { rows: number; megabytes: number; seconds: number; rowsPerSecond: number; baselineRssMb: number; peakRssGrowthMb: number; heapDuringGcMb: number | null; heapAfterGcMb: number }[] = [];
  try {
    const service = await startService(databaseUrl.toString());
    child = service.child;
    const { tokenFor } = await import('@peiyu/platform-testing');
    // A programme manager, city-wide: a social worker would be checked against cultivation tables this private database lacks.
    const token = await tokenFor('PROGRAMME_MANAGER');
    const db = new pg.Client({ connectionString: databaseUrl.toString() });
    await db.connect();
    try {
      // A warm-up import, so the first measured one does not pay for JIT and connection set-up.
      const warmPath = join(dir, 'warm.csv');
      await writeCsv(warmPath, 2000);
      await importFile(service.url, await KIND.newTarget(db), warmPath, token);
      const heapBeforeMb = await heapFloorMb(child);
      console.log(`Heap after the warm-up, collected: ${heapBeforeMb} MB.`);
      for (const rows of sizes) {
        const path = join(dir, `${KIND_NAME}-${rows}.csv`);
        await writeCsv(path, rows);
        const targetId = await KIND.newTarget(db);
        await new Promise((r) => setTimeout(r, 500));
        const pid = service.pid;
        const baseline = rssOf(pid);
        let peak = baseline;
        const sampler = setInterval(() => {
          peak = Math.max(peak, rssOf(pid));
        }, 10);
        // The heap after a full collection while the import runs, sampled every 400 ms: what the
        // import holds at that moment (after it, the floor only shows that nothing outlives it).
        let importing = true;
        let heapDuringMb = 0;
        const heapSampler = (async () => {
          for (;;) {
            await new Promise((r) => setTimeout(r, 400));
            if (!importing) return;
            heapDuringMb = Math.max(heapDuringMb, await heapFloorMb(service.child));
          }
        })();
        const began = performance.now();
        const answer = await importFile(service.url, targetId, path, token);
        const seconds = (performance.now() - began) / 1000;
        clearInterval(sampler);
        importing = false;
        await heapSampler;
        peak = Math.max(peak, rssOf(pid));
        if (answer.status !== 200 || answer.body.imported !== rows) throw new Error(`import of ${rows} rows answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
        const { rows: counted } = await db.query(KIND.countSql, [targetId]);
        if (counted[0].n !== rows) throw new Error(`expected ${rows} ${KIND_NAME}, found ${counted[0].n}`);
        results.push({
          rows,
          megabytes: Math.round((statSync(path).size / 1024 / 1024) * 10) / 10,
          seconds: Math.round(seconds * 100) / 100,
          rowsPerSecond: Math.round(rows / seconds),
          baselineRssMb: Math.round((baseline / 1024 / 1024) * 10) / 10,
          peakRssGrowthMb: Math.round(((peak - baseline) / 1024 / 1024) * 10) / 10,
          heapDuringGcMb: heapDuringMb || null,
          heapAfterGcMb: await heapFloorMb(child),
        });
      }
    } finally {
      await db.end();
    }
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    rmSync(dir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
  console.log(`${KIND.title}:`);
  console.table(results);
  const ten = results.find((r) => r.rows === 10_000);
  if (ten) console.log(`10,000 rows in ${ten.seconds} s: ${ten.seconds < 10 ? 'within' : 'OVER'} the 10 s target.`);
}

async function importFile(base: string, targetId: string, path: string, token: string): Promise<{ status: number; body: { imported?: number } }> {
  const res = await fetch(`${base}${KIND.endpoint(targetId)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
  return { status: res.status, body: (await res.json()) as { imported?: number } };
}

if (SERVE) await serve();
else await main();
