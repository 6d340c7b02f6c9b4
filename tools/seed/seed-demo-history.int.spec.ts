import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { requireDatabaseUrl } from '@peiyu/platform-testing';
import { seedDemo } from './seed-demo.js';
import { seedDemoHistory } from './seed-demo-history.js';
import { DEMO_HISTORY_DISTRICT_IDS } from './seed-demo.js';

/** `npm start`'s demo data on the real PostgreSQL: the generated history is written once, and the district manager sees it. */
describe('the demo seed with its generated history', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: requireDatabaseUrl() });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  it('writes one generated district with cultivations, assessments and outbox events once, and gives the manager and analyst its scope', async () => {
    await seedDemo(requireDatabaseUrl());
    const first = await seedDemoHistory(requireDatabaseUrl(), new Date('2026-12-01T09:30:00+08:00'));
    const again = await seedDemoHistory(requireDatabaseUrl());
    expect(again).toEqual({ districtName: first.districtName, written: false });

    const [districtId] = DEMO_HISTORY_DISTRICT_IDS;
    const { rows } = await client.query<{ cultivations: number; assessments: number; events: number; latest: Date }>(
      `SELECT (SELECT count(*)::int FROM "cultivation"."cultivation" WHERE "district_id" = $1) AS "cultivations",
              (SELECT count(*)::int FROM "assessments"."assessment" a JOIN "organizations"."organization" o ON o."id" = a."organization_id"
                 JOIN "communities"."community" c ON c."id" = o."community_id" WHERE c."district_id" = $1) AS "assessments",
              (SELECT count(*)::int FROM "cultivation"."outbox" WHERE "payload"->>'districtId' = $1::text) AS "events",
              (SELECT max("started_at") FROM "cultivation"."cultivation" WHERE "district_id" = $1) AS "latest"`,
      [districtId],
    );
    expect(rows[0].cultivations).toBe(30);
    expect(rows[0].assessments).toBeGreaterThan(0);
    expect(rows[0].events).toBe(30);
    // History up to the first start, not to the generator's default reference date.
    if (first.written) expect(rows[0].latest.getTime()).toBeGreaterThan(Date.parse('2026-07-01T00:00:00+08:00'));

    const { rows: users } = await client.query<{ username: string; scopes: { kind: string; id: string }[] }>(
      `SELECT "username", "scopes" FROM "identity"."user_account" WHERE "username" IN ('manager', 'analyst', 'supervisor') ORDER BY 1`,
    );
    const covers = (username: string) => users.find((u) => u.username === username)!.scopes.some((s) => s.kind === 'DISTRICT' && s.id === districtId);
    expect([covers('analyst'), covers('manager'), covers('supervisor')]).toEqual([true, true, false]);
  });
});
