import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { findCommunityDemand } from '@peiyu/assessments-data-access';
import { countDistrictHierarchy, findCommunityPlacementsOfDistricts } from '@peiyu/communities-data-access';
import { findOrganizationEvidence, findOrganizationSummaries } from '@peiyu/organizations-data-access';
import { requireDatabaseUrl, uniqueSuffix } from '@peiyu/platform-testing';
import { generateDataset, type Dataset } from './generate.js';
import type { Scale } from './scales.js';
import { writeDataset, type WriteReport } from './writer.js';

/**
 * A small generated data set written into the migrated test database (beside other tests' data, so
 * with `append`), then read back through the domains' own readers, as the services read it.
 */
const SCALE: Scale = { districts: 2, streetsPerDistrict: 2, communities: 8, institutions: 2, organizations: 80, cultivations: 60 };

describe('writeDataset', () => {
  let client: pg.Client;
  let db: DataSource;
  let dataset: Dataset;
  let report: WriteReport;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: requireDatabaseUrl() });
    await client.connect();
    db = new DataSource({ type: 'postgres', driver: pg, url: requireDatabaseUrl() });
    await db.initialize();
    // A seed of this run's own: district codes and names carry it, so runs never clash.
    dataset = generateDataset({ scale: SCALE, seed: Number.parseInt(uniqueSuffix(), 16) % 1_000_000_000 });
    report = await writeDataset(client, dataset, { append: true, analyze: false });
  });

  afterAll(async () => {
    await db?.destroy();
    await client?.end();
  });

  it('writes every table of the scale', async () => {
    expect(report.rows.district).toBe(2);
    expect(report.rows.organization).toBe(80);
    expect(report.rows.cultivation).toBe(60);
    for (const count of Object.values(report.rows)) expect(count).toBeGreaterThan(0);
    const districtIds = dataset.districts.map((d) => d.id);
    const { rows } = await client.query<{ cultivations: number; organizations: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM "cultivation"."cultivation" WHERE "district_id" = ANY($1::uuid[])) AS "cultivations",
              (SELECT count(*)::int FROM "organizations"."organization" o JOIN "communities"."community" c ON c."id" = o."community_id"
                WHERE c."district_id" = ANY($1::uuid[])) AS "organizations",
              (SELECT count(*)::int FROM "cultivation"."outbox" WHERE "payload"->>'districtId' = ANY($1::text[])) AS "events"`,
      [districtIds],
    );
    expect(rows[0]).toEqual({ cultivations: 60, organizations: 80, events: 60 });
  });

  it('refuses a database that holds data unless appending, writing nothing', async () => {
    const before = await client.query<{ n: number }>(`SELECT count(*)::int AS "n" FROM "communities"."district"`);
    const other = generateDataset({ scale: SCALE, seed: (dataset.seed + 1) % 1_000_000_000 });
    await expect(writeDataset(client, other)).rejects.toThrow(/already holds data .*--append/);
    const after = await client.query<{ n: number }>(`SELECT count(*)::int AS "n" FROM "communities"."district"`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('is seen by the communities readers: hierarchy counts and placements', async () => {
    const counts = await countDistrictHierarchy(db, dataset.districts.map((d) => d.id));
    expect(counts.map((c) => [c.streetCount, c.communityCount])).toEqual([
      [2, 4],
      [2, 4],
    ]);
    const placements = await findCommunityPlacementsOfDistricts(db, [dataset.districts[0].id]);
    expect(placements).toHaveLength(4);
  });

  it('is seen by the organizations readers: summaries and the evidence a gate is judged on', async () => {
    const { rows } = await client.query<{ id: string; stage: string }>(
      `SELECT c."organization_id" AS "id", c."stage" FROM "cultivation"."cultivation" c
       WHERE c."district_id" = ANY($1::uuid[]) AND c."stage" IN ('WITHDRAWAL', 'COMPLETED') AND c."status" <> 'TERMINATED' LIMIT 1`,
      [dataset.districts.map((d) => d.id)],
    );
    expect(rows).toHaveLength(1);
    const [summary] = await findOrganizationSummaries(db, [rows[0].id]);
    expect(['FILED', 'INDEPENDENT']).toContain(summary.status);
    // An organization that came through maturity has members, leaders, activities, a charter and a filing.
    const evidence = await findOrganizationEvidence(db, rows[0].id, new Date(dataset.reference));
    expect(evidence.activeMembers).toBeGreaterThan(0);
    expect(evidence.activeLeaders).toBeGreaterThan(0);
    expect(Object.values(evidence.activitiesByKind).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(evidence.charterAdoptedOn).not.toBeNull();
    expect(evidence.filing).not.toBeNull();
  });

  it('is seen by the assessments reader: surveys, responses and their demand analysis', async () => {
    const { rows } = await client.query<{ community_id: string; responses: number }>(
      `SELECT s."community_id", count(*)::int AS "responses" FROM "assessments"."needs_survey" s
       JOIN "assessments"."survey_response" r ON r."survey_id" = s."id"
       JOIN "communities"."community" c ON c."id" = s."community_id"
       WHERE c."district_id" = ANY($1::uuid[]) GROUP BY 1 ORDER BY 1 LIMIT 1`,
      [dataset.districts.map((d) => d.id)],
    );
    const demand = await findCommunityDemand(db, rows[0].community_id);
    expect(demand.responseCount).toBe(rows[0].responses);
    expect(demand.recommendedCategory).not.toBeNull();
  });

  it('is seen by the cultivation read model as cultivation-service keeps it', async () => {
    const { rows } = await client.query<{ stage: string; status: string; history: number; timeline: number; level: number; open: number }>(
      `SELECT c."stage", c."status", c."escalation_level" AS "level",
              (SELECT count(*)::int FROM "cultivation"."stage_history" h WHERE h."cultivation_id" = c."id") AS "history",
              (SELECT count(*)::int FROM "cultivation"."timeline_event" t WHERE t."cultivation_id" = c."id") AS "timeline",
              (SELECT COALESCE(max(e."level"), 0)::int FROM "cultivation"."escalation" e WHERE e."cultivation_id" = c."id" AND e."status" <> 'RESOLVED') AS "open"
       FROM "cultivation"."cultivation" c WHERE c."district_id" = ANY($1::uuid[])`,
      [dataset.districts.map((d) => d.id)],
    );
    expect(rows).toHaveLength(60);
    for (const row of rows) {
      expect(row.history).toBeGreaterThan(0);
      expect(row.timeline).toBeGreaterThan(0);
      expect(row.level).toBe(row.open);
    }
    expect(new Set(rows.map((r) => r.stage)).size).toBeGreaterThan(2);
  });
});
