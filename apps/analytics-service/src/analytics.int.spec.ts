import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { dataOf, graphql, requireDatabaseUrl, servedSchema, tokenFor, type TestApp } from '@peiyu/platform-testing';
import { readSubgraphSchema } from '@peiyu/platform-schema';
import { startAnalyticsFixture, type AnalyticsFixture } from './analytics-fixture.js';

type StageCount = { stage: string; count: number };

const STAGE_ORDER = ['FORMATION', 'GROWTH', 'MATURITY', 'WITHDRAWAL', 'COMPLETED'];

function funnel(counts: Partial<Record<string, number>>): StageCount[] {
  return STAGE_ORDER.map((stage) => ({ stage, count: counts[stage] ?? 0 }));
}

describe('analytics-service', () => {
  let service: TestApp;
  let db: pg.Client;
  let analystToken: string;

  let fixture: AnalyticsFixture;

  beforeAll(async () => {
    fixture = await startAnalyticsFixture();
    ({ service, db } = fixture);
    analystToken = fixture.analystToken;
  });
  afterAll(() => fixture.close());

  it('serves the schema committed in libs/platform/schema (run `npm run schema:update` after changing a type)', async () => {
    expect(await servedSchema(service.url)).toBe(readSubgraphSchema('analytics'));
  });

  async function emit(type: string, payload: Record<string, unknown>, { client = db, version = 1 } = {}): Promise<void> {
    await client.query(`INSERT INTO "cultivation"."outbox" ("type", "version", "payload", "idempotency_key") VALUES ($1, $2, $3, $4)`, [
      type,
      version,
      JSON.stringify(payload),
      `test:${randomUUID()}`,
    ]);
  }

  function started(districtId: string, cultivationId = randomUUID(), stage = 'FORMATION') {
    return {
      cultivationId,
      organizationId: randomUUID(),
      institutionId: randomUUID(),
      communityId: randomUUID(),
      districtId,
      category: 'CULTURE_SPORTS',
      stage,
      stageDeadline: new Date(Date.now() + 90 * 86_400_000).toISOString(),
    };
  }

  function escalation(cultivationId: string, escalationId: string, level: number) {
    return { cultivationId, escalationId, type: 'DELAY', level, stage: 'FORMATION', raisedAt: new Date().toISOString() };
  }

  async function indicators(districtId: string | null, token = analystToken) {
    return dataOf(
      await graphql<{ stageFunnel: StageCount[]; openEscalationCount: number }>(
        service.url,
        `query ($d: ID) { stageFunnel(districtId: $d) { stage count } openEscalationCount(districtId: $d) }`,
        { d: districtId },
        token,
      ),
    );
  }

  /** Polls the indicators until they equal `expected`, for at most 5 s. */
  async function eventually(districtId: string, expected: { stageFunnel: StageCount[]; openEscalationCount: number }) {
    const deadline = Date.now() + 5000;
    let last = await indicators(districtId);
    while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
      await sleep(100);
      last = await indicators(districtId);
    }
    expect(last).toEqual(expected);
  }

  it('counts the cultivations of a district by current stage, and its open escalations, from the cultivation outbox', async () => {
    const district = randomUUID();
    const otherDistrict = randomUUID();
    const [c1, c2, c3, c4, other] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const e1 = randomUUID();

    for (const id of [c1, c2, c3, c4]) await emit('cultivation.started', started(district, id));
    await emit('cultivation.started', started(otherDistrict, other));
    // Events the projection cannot use are logged and passed, not allowed to stop it.
    await emit('cultivation.started', { ...started(district), districtId: undefined });
    await emit('cultivation.started', started(district), { version: 2 });
    await emit('organization.created', { organizationId: randomUUID(), communityId: randomUUID(), category: 'MEDIATION' });
    await emit('cultivation.escalation-raised', escalation(c1, e1, 1));
    await emit('cultivation.escalation-raised', escalation(c1, e1, 2)); // the same escalation, climbing: counted once
    await emit('cultivation.escalation-raised', escalation(c3, randomUUID(), 1));
    await emit('cultivation.escalation-raised', escalation(other, randomUUID(), 1));
    await emit('cultivation.stage-changed', { cultivationId: c3, from: 'FORMATION', to: 'GROWTH', at: new Date().toISOString() });
    await emit('cultivation.stage-changed', { cultivationId: c4, from: 'FORMATION', to: 'GROWTH', at: new Date().toISOString() });
    await emit('cultivation.stage-changed', { cultivationId: c4, from: 'GROWTH', to: 'MATURITY', at: new Date().toISOString() });

    // c1, c2 still forming; c3 growing; c4 mature. Escalations: e1 (twice) on c1, one on c3.
    await eventually(district, { stageFunnel: funnel({ FORMATION: 2, GROWTH: 1, MATURITY: 1 }), openEscalationCount: 2 });
    await eventually(otherDistrict, { stageFunnel: funnel({ FORMATION: 1 }), openEscalationCount: 1 });

    // Every district: at least these, whatever other tests have added.
    const all = await indicators(null, await tokenFor('SOCIAL_WORKER'));
    expect(all.stageFunnel.map((s) => s.stage)).toEqual(STAGE_ORDER);
    expect(all.stageFunnel[0].count).toBeGreaterThanOrEqual(3);
    expect(all.openEscalationCount).toBeGreaterThanOrEqual(3);
  }, 15_000);

  it('never reads past an outbox id still held by an open transaction, and passes ids rolled back', async () => {
    const district = randomUUID();
    const holder = new pg.Client({ connectionString: requireDatabaseUrl() });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await emit('cultivation.started', started(district), { client: holder }); // takes an id, not yet committed
      await emit('cultivation.started', started(district)); // a higher id, committed
      await sleep(1500); // three polls
      expect((await indicators(district)).stageFunnel[0].count).toBe(0);
      await holder.query('COMMIT');
      await eventually(district, { stageFunnel: funnel({ FORMATION: 2 }), openEscalationCount: 0 });

      await holder.query('BEGIN');
      await emit('cultivation.started', started(district), { client: holder });
      await holder.query('ROLLBACK'); // leaves a hole for good
      await emit('cultivation.started', started(district));
      await eventually(district, { stageFunnel: funnel({ FORMATION: 3 }), openEscalationCount: 0 });
    } finally {
      await holder.end();
    }
  }, 20_000);

  it('answers zeros for a district without cultivations', async () => {
    expect(await indicators(randomUUID())).toEqual({ stageFunnel: funnel({}), openEscalationCount: 0 });
  });

  it('names districtId when it is not an id', async () => {
    const result = await graphql(service.url, `{ stageFunnel(districtId: "D-1") { stage count } }`, {}, analystToken);
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'districtId' });
  });

  it('refuses a request without a token as UNAUTHENTICATED', async () => {
    const result = await graphql(service.url, '{ openEscalationCount }');
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
