import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { DEFAULT_PROCESS_POLICY, searchAttributeKeys } from '@peiyu/contracts';
import { issueToken, resolveJwtSecret } from '@peiyu/platform-auth';
import { readSubgraphSchema } from '@peiyu/platform-schema';
import { dataOf, graphql, requireDatabaseUrl, servedSchema, startTestApp, tokenFor, uniqueSuffix, type TestApp } from '@peiyu/platform-testing';
import { CultivationServiceModule } from './app.module.js';

/** cultivation-service on the real PostgreSQL and the real Temporal dev server (no worker: the workflow only has to exist). */
describe('cultivation-service', () => {
  let service: TestApp;
  let db: pg.Client;
  let temporal: Client;
  let connection: Connection;
  let token: string;

  const temporalAddress = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7234';

  beforeAll(async () => {
    service = await startTestApp(CultivationServiceModule.forEnvironment(requireDatabaseUrl(), { address: temporalAddress, namespace: 'default' }));
    db = new pg.Client({ connectionString: requireDatabaseUrl() });
    await db.connect();
    connection = await Connection.connect({ address: temporalAddress });
    temporal = new Client({ connection });
    token = await tokenFor('PROGRAMME_MANAGER');
  });
  afterAll(async () => {
    await connection.close();
    await db.end();
    await service.close();
  });

  /** An organization and an institution as their owning services would have written them. */
  async function organizationAndInstitution(): Promise<{ organizationId: string; institutionId: string; districtId: string }> {
    const [districtId, streetId, communityId, organizationId, institutionId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await db.query(`INSERT INTO communities.district (id, name, code, version) VALUES ($1, '培育测试区', $2, 1)`, [districtId, `CUL-${uniqueSuffix()}`]);
    await db.query(`INSERT INTO communities.street (id, district_id, name, version) VALUES ($1, $2, '街道', 1)`, [streetId, districtId]);
    await db.query(`INSERT INTO communities.community (id, street_id, district_id, name, version) VALUES ($1, $2, $3, '社区', 1)`, [communityId, streetId, districtId]);
    await db.query(`INSERT INTO organizations.institution (id, name, version) VALUES ($1, $2, 1)`, [institutionId, `机构${uniqueSuffix()}`]);
    await db.query(`INSERT INTO organizations.organization (id, name, community_id, category, status, version) VALUES ($1, '助餐队', $2, 'LIFE_SERVICE', 'FORMING', 1)`, [organizationId, communityId]);
    return { organizationId, institutionId, districtId };
  }

  const start = `mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id workflowId stage status stageDeadline districtId escalationLevel } }`;

  it('serves the schema committed in libs/platform/schema (run `npm run schema:update` after changing a type)', async () => {
    expect(await servedSchema(service.url)).toBe(readSubgraphSchema('cultivation'));
  });

  it('records the cultivation, its cultivation.started event and starts its workflow with search attributes', async () => {
    const { organizationId, institutionId, districtId } = await organizationAndInstitution();
    const deadline = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    const { startCultivation: started } = dataOf(
      await graphql<{ startCultivation: { id: string; workflowId: string } }>(service.url, start, { input: { organizationId, institutionId, formationDeadline: deadline.toISOString() } }, token),
    );
    expect(started).toEqual({
      id: expect.any(String),
      workflowId: `cultivation-${started.id}`,
      stage: 'FORMATION',
      status: 'ACTIVE',
      stageDeadline: deadline.toISOString(),
      districtId,
      escalationLevel: 0,
    });

    const outbox = await db.query(`SELECT type, payload FROM cultivation.outbox WHERE idempotency_key = $1`, [`cultivation.started:${started.id}`]);
    expect(outbox.rows).toEqual([{ type: 'cultivation.started', payload: expect.objectContaining({ cultivationId: started.id, districtId, category: 'LIFE_SERVICE', stage: 'FORMATION' }) }]);

    const description = await temporal.workflow.getHandle(started.workflowId).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.typedSearchAttributes.get(searchAttributeKeys.districtId)).toBe(districtId);
    expect(description.typedSearchAttributes.get(searchAttributeKeys.stage)).toBe('FORMATION');
    // Operators list cultivations by search attribute (visibility is eventually consistent).
    let listed: string[] = [];
    for (let i = 0; i < 50 && listed.length === 0; i++) {
      listed = [];
      for await (const w of temporal.workflow.list({ query: `PeiyuDistrictId = "${districtId}" AND PeiyuStage = "FORMATION"` })) listed.push(w.workflowId);
      if (listed.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(listed).toEqual([started.workflowId]);
    await temporal.workflow.getHandle(started.workflowId).terminate('test finished');
  });

  it('refuses a second open cultivation of the same organization, writing nothing', async () => {
    const { organizationId, institutionId } = await organizationAndInstitution();
    const input = { organizationId, institutionId, formationDeadline: new Date(Date.now() + 86400000).toISOString() };
    const first = dataOf(await graphql<{ startCultivation: { workflowId: string } }>(service.url, start, { input }, token));
    const second = await graphql(service.url, start, { input }, token);
    expect(second.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM cultivation.cultivation WHERE organization_id = $1`, [organizationId]);
    expect(rows[0].n).toBe(1);
    await temporal.workflow.getHandle(first.startCultivation.workflowId).terminate('test finished');
  });

  it('names the field of a past deadline, an unknown organization and an unknown institution', async () => {
    const { organizationId, institutionId } = await organizationAndInstitution();
    const later = new Date(Date.now() + 86400000).toISOString();
    const cases: [Record<string, string>, string][] = [
      [{ organizationId, institutionId, formationDeadline: new Date(Date.now() - 1000).toISOString() }, 'formationDeadline'],
      [{ organizationId: randomUUID(), institutionId, formationDeadline: later }, 'organizationId'],
      [{ organizationId, institutionId: randomUUID(), formationDeadline: later }, 'institutionId'],
      [{ organizationId: 'not-a-uuid', institutionId, formationDeadline: later }, 'organizationId'],
    ];
    for (const [input, field] of cases) {
      const result = await graphql(service.url, start, { input }, token);
      expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    }
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM cultivation.cultivation WHERE organization_id = $1`, [organizationId]);
    expect(rows[0].n).toBe(0);
  });

  it('lets an analyst read but not start cultivations', async () => {
    const { organizationId, institutionId } = await organizationAndInstitution();
    const analyst = await tokenFor('ANALYST');
    const result = await graphql(service.url, start, { input: { organizationId, institutionId, formationDeadline: new Date(Date.now() + 86400000).toISOString() } }, analyst);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(Array.isArray(dataOf(await graphql<{ cultivations: unknown[] }>(service.url, '{ cultivations { id } }', {}, analyst)).cultivations)).toBe(true);
  });

  it('lists only the cultivations inside the caller\'s scopes, and refuses one outside them', async () => {
    const inside = await organizationAndInstitution();
    const outside = await organizationAndInstitution();
    const later = new Date(Date.now() + 86400000).toISOString();
    const started = [];
    for (const place of [inside, outside]) {
      started.push(dataOf(await graphql<{ startCultivation: { id: string; workflowId: string } }>(service.url, start, { input: { ...place, districtId: undefined, formationDeadline: later } }, token)).startCultivation);
    }
    const scoped = await tokenFor('PROGRAMME_MANAGER', [{ kind: 'DISTRICT', id: inside.districtId }]);
    const { cultivations } = dataOf(await graphql<{ cultivations: { id: string }[] }>(service.url, '{ cultivations { id } }', {}, scoped));
    expect(cultivations.map((c) => c.id)).toEqual([started[0].id]);
    const refused = await graphql(service.url, `query ($id: ID!) { cultivation(id: $id) { id } }`, { id: started[1].id }, scoped);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Commands too: the service refuses before the workflow is asked (whose validator would refuse as well).
    const extend = await graphql(service.url, `mutation ($input: ExtendDeadlineInput!) { extendDeadline(input: $input) { id } }`, {
      input: { cultivationId: started[1].id, newDeadline: new Date(Date.now() + 2 * 86400000).toISOString(), reason: '越权' },
    }, scoped);
    expect(extend.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const startOutside = await graphql(service.url, start, { input: { organizationId: outside.organizationId, institutionId: outside.institutionId, formationDeadline: later } }, scoped);
    expect(startOutside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const s of started) await temporal.workflow.getHandle(s.workflowId).terminate('test finished');
  });

  it('keeps a working-day calendar of holidays and make-up working days, edited by admins only', async () => {
    const adminToken = await tokenFor('ADMIN');
    const set = `mutation ($input: SetCalendarDaysInput!) { setCalendarDays(input: $input) { day working override note } }`;
    const days = [
      { day: '2031-10-01', working: false, note: '国庆节' },
      { day: '2031-10-11', working: true, note: '调休' },
    ];
    expect((await graphql(service.url, set, { input: { days } }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stored = dataOf(await graphql<{ setCalendarDays: unknown[] }>(service.url, set, { input: { days } }, adminToken)).setCalendarDays;
    expect(stored).toEqual([
      { day: '2031-10-01', working: false, override: true, note: '国庆节' },
      { day: '2031-10-11', working: true, override: true, note: '调休' },
    ]);
    const { workingCalendar } = dataOf(
      await graphql<{ workingCalendar: { day: string; working: boolean }[] }>(service.url, `{ workingCalendar(from: "2031-09-30", to: "2031-10-12") { day working } }`, {}, token),
    );
    expect(workingCalendar.filter((d) => d.working).map((d) => d.day)).toEqual(['2031-09-30', '2031-10-02', '2031-10-03', '2031-10-06', '2031-10-07', '2031-10-08', '2031-10-09', '2031-10-10', '2031-10-11']);
    const bad = await graphql(service.url, set, { input: { days: [{ day: '2031-02-30', working: false }] } }, adminToken);
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'days.0.day' });
  });
  it("lists a district's policy versions newest first with who stored them and when, within the caller's scopes", async () => {
    const { districtId } = await organizationAndInstitution();
    const userId = randomUUID();
    const username = `policy-${uniqueSuffix()}`;
    await db.query(`INSERT INTO identity.user_account (id, username, display_name, password_hash, role, scopes, version) VALUES ($1, $2, '策略管理员', 'x', 'ADMIN', $3, 1)`, [
      userId,
      username,
      JSON.stringify([{ kind: 'CITY', id: null }]),
    ]);
    const admin = (await issueToken({ userId, username, role: 'ADMIN', scopes: [{ kind: 'CITY', id: null }] }, resolveJwtSecret(), 600)).token;
    const set = `mutation ($input: SetProcessPolicyInput!) { setProcessPolicy(input: $input) { version storedAt storedByUsername } }`;
    const before = Date.now();
    for (const maxPauseSeconds of [86400, 172800]) {
      dataOf(await graphql(service.url, set, { input: { districtId, document: JSON.stringify({ ...DEFAULT_PROCESS_POLICY, maxPauseSeconds }) } }, admin));
    }
    type Version = { districtId: string | null; version: number; document: string; storedAt: string | null; storedByUserId: string | null; storedByUsername: string | null };
    const query = `query ($districtId: ID!) { processPolicyVersions(districtId: $districtId) { districtId version document storedAt storedByUserId storedByUsername } }`;
    const { processPolicyVersions: versions } = dataOf(await graphql<{ processPolicyVersions: Version[] }>(service.url, query, { districtId }, token));

    const own = versions.filter((v) => v.districtId === districtId);
    expect(own.map((v) => [v.version, JSON.parse(v.document).maxPauseSeconds, v.storedByUserId, v.storedByUsername])).toEqual([
      [3, 172800, userId, username],
      [2, 86400, userId, username],
    ]);
    expect(Date.parse(own[0].storedAt!)).toBeGreaterThanOrEqual(before);
    const storedAts = versions.slice(0, -1).map((v) => Date.parse(v.storedAt!));
    expect(storedAts).toEqual([...storedAts].sort((a, b) => b - a));
    expect(versions.at(-1)).toMatchObject({ districtId: null, version: 1, storedAt: null, storedByUserId: null, storedByUsername: null });

    const { processPolicy } = dataOf(
      await graphql<{ processPolicy: Version }>(service.url, `query ($districtId: ID!) { processPolicy(districtId: $districtId) { version storedByUsername } }`, { districtId }, token),
    );
    expect(processPolicy).toEqual({ version: 3, storedByUsername: username });

    const elsewhere = await tokenFor('PROGRAMME_MANAGER', [{ kind: 'DISTRICT', id: randomUUID() }]);
    expect((await graphql(service.url, query, { districtId }, elsewhere)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
  it('filters the list by street, naming a bad street id', async () => {
    const { organizationId, institutionId, districtId } = await organizationAndInstitution();
    const [otherStreet, otherCommunity, otherOrganization] = [randomUUID(), randomUUID(), randomUUID()];
    await db.query(`INSERT INTO communities.street (id, district_id, name, version) VALUES ($1, $2, '另一街道', 1)`, [otherStreet, districtId]);
    await db.query(`INSERT INTO communities.community (id, street_id, district_id, name, version) VALUES ($1, $2, $3, '另一社区', 1)`, [otherCommunity, otherStreet, districtId]);
    await db.query(`INSERT INTO organizations.organization (id, name, community_id, category, status, version) VALUES ($1, '合唱队', $2, 'CULTURE_SPORTS', 'FORMING', 1)`, [otherOrganization, otherCommunity]);
    const formationDeadline = new Date(Date.now() + 30 * 86400000).toISOString();
    const started = [];
    for (const id of [organizationId, otherOrganization]) {
      started.push(dataOf(await graphql<{ startCultivation: { id: string; workflowId: string } }>(service.url, start, { input: { organizationId: id, institutionId, formationDeadline } }, token)).startCultivation);
    }
    const list = `query ($filter: CultivationFilter) { cultivations(filter: $filter) { id } cultivationCount(filter: $filter) }`;
    const inStreet = dataOf(await graphql<{ cultivations: { id: string }[]; cultivationCount: number }>(service.url, list, { filter: { streetId: otherStreet } }, token));
    expect(inStreet.cultivations.map((c) => c.id)).toEqual([started[1].id]);
    expect(inStreet.cultivationCount).toBe(1);
    const inDistrict = dataOf(await graphql<{ cultivations: { id: string }[] }>(service.url, list, { filter: { districtId } }, token));
    expect(inDistrict.cultivations.map((c) => c.id).sort()).toEqual(started.map((c) => c.id).sort());
    const bad = await graphql(service.url, list, { filter: { streetId: 'not-a-uuid' } }, token);
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'streetId' });
    for (const s of started) await temporal.workflow.getHandle(s.workflowId).terminate('test finished');
  });
});
