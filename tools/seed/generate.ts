// Generates realistic, deterministic data in Chinese at a chosen scale and writes it straight into
// PostgreSQL through each domain's tables (libs/platform/data-generator):
//   node tools/dev/run-ts.mjs tools/seed/generate.ts --scale demo|small|city --seed 42
//     [--database-url postgres://...] [--reference-date 2026-07-01T00:00:00+08:00] [--append]
// The database must be migrated (npm run db:migrate). It refuses one that already holds data unless
// --append. Generated cultivations are history only: their read model, stage history, escalations,
// timeline and outbox events are written, but no Temporal workflow runs them, so commands on them fail.
import pg from 'pg';
import { DEFAULT_REFERENCE_DATE, SCALES, generateDataset, isScaleName, progressBar, writeDataset } from '@peiyu/platform-data-generator';

function usage(message: string): never {
  console.error(`${message}\nusage: generate.ts --scale ${Object.keys(SCALES).join('|')} --seed <integer> [--database-url <url>] [--reference-date <ISO 8601>] [--append]`);
  process.exit(2);
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) usage(`--${name} needs a value.`);
  return value;
};
const WITH_VALUE = new Set(['--scale', '--seed', '--database-url', '--reference-date']);
for (let i = 0; i < args.length; i++) {
  if (WITH_VALUE.has(args[i])) i++;
  else if (args[i] !== '--append') usage(`Unknown argument ${args[i]}.`);
}

const scaleName = option('scale') ?? 'demo';
if (!isScaleName(scaleName)) usage(`Unknown scale ${scaleName}.`);
const seedText = option('seed') ?? '42';
if (!/^\d{1,9}$/.test(seedText)) usage('--seed must be a whole number below 1,000,000,000.');
const databaseUrl = option('database-url') ?? process.env.DATABASE_URL;
if (!databaseUrl) usage('Give --database-url or set DATABASE_URL.');
const referenceDate = option('reference-date') ?? DEFAULT_REFERENCE_DATE;
if (Number.isNaN(Date.parse(referenceDate))) usage(`--reference-date ${referenceDate} is not an ISO 8601 instant.`);

const dataset = generateDataset({ scale: SCALES[scaleName], seed: Number(seedText), referenceDate });
const client = new pg.Client({ connectionString: databaseUrl, application_name: 'peiyu-generate' });
await client.connect();
const bar = progressBar(`Generating ${scaleName} (seed ${seedText})`);
try {
  const report = await writeDataset(client, dataset, { append: args.includes('--append'), onProgress: (done, total) => bar.update(done, total) });
  bar.finish();
  const mib = (report.databaseBytes / 1024 / 1024).toFixed(0);
  console.log(`Wrote ${Object.values(report.rows).reduce((a, b) => a + b, 0).toLocaleString('en-US')} rows in ${report.seconds.toFixed(1)} s; database size now ${mib} MiB.`);
  for (const [table, count] of Object.entries(report.rows)) console.log(`  ${table.padEnd(18)} ${count.toLocaleString('en-US').padStart(12)}`);
  console.log(`Districts: ${dataset.districts.map((d) => `${d.name} (${d.code}, ${d.id})`).join('; ')}`);
} catch (error) {
  bar.finish();
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await client.end();
}
