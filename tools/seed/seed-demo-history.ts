// The generated history `npm start` writes once beside the demo district: the data generator's demo
// scale (one district, its streets, communities, institutions, organizations with members,
// activities, assessments and three years of cultivations up to now), so the dashboard, the lists
// and every analytics indicator have something to show from the first start. Generated cultivations
// are history only: no Temporal workflow runs them, so process commands on them are refused.
import pg from 'pg';
import { generateDataset, progressBar, writeDataset } from '@peiyu/platform-data-generator';
import { DEMO_HISTORY, DEMO_HISTORY_DISTRICT_IDS } from './seed-demo.js';

export interface DemoHistory {
  /** The generated district's name. */
  districtName: string;
  /** False when it was there already (written by an earlier start). */
  written: boolean;
}

export async function seedDemoHistory(databaseUrl: string, now = new Date()): Promise<DemoHistory> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'peiyu-seed-history' });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT "name" FROM "communities"."district" WHERE "id" = ANY($1::uuid[])`, [DEMO_HISTORY_DISTRICT_IDS]);
    if (rows.length > 0) return { districtName: rows[0].name, written: false };
    // History up to the hour of the first start, so "the last 12 months" has data in it.
    const reference = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString();
    const dataset = generateDataset({ ...DEMO_HISTORY, referenceDate: reference });
    const bar = progressBar('Writing the generated demo history');
    await writeDataset(client, dataset, { append: true, onProgress: (done, total) => bar.update(done, total) });
    bar.finish();
    return { districtName: dataset.districts[0].name, written: true };
  } finally {
    await client.end();
  }
}
