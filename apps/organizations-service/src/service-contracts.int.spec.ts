import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { dataOf, graphql, insertPlaces, requireDatabaseUrl, startTestApp, tokenFor, uniqueSuffix, type TestApp, type TestPlaces } from '@peiyu/platform-testing';
import { OrganizationsServiceModule } from './app.module.js';

const RECORD = `mutation ($input: RecordServiceContractInput!) { recordServiceContract(input: $input) { id reference streetIds startsOn endsOn inForce version } }`;

/** Service contracts, institution staff, dissolution and the organization.updated event. */
describe('organizations-service contracts, staff and status', () => {
  let service: TestApp;
  let db: pg.Client;
  let places: TestPlaces;
  let institutionId: string;
  let manager: string;

  beforeAll(async () => {
    service = await startTestApp(OrganizationsServiceModule.forDatabase(requireDatabaseUrl()));
    db = new pg.Client({ connectionString: requireDatabaseUrl() });
    await db.connect();
    places = await insertPlaces(db, '合同');
    institutionId = randomUUID();
    await db.query(`INSERT INTO organizations.institution (id, name, version) VALUES ($1, $2, 1)`, [institutionId, `合同机构${uniqueSuffix()}`]);
    manager = await tokenFor('PROGRAMME_MANAGER', [{ kind: 'DISTRICT', id: places.districtId }]);
  });
  afterAll(async () => {
    await db.end();
    await service.close();
  });

  const base = () => ({ institutionId, districtId: places.districtId, reference: `购买服务-${uniqueSuffix()}`, startsOn: '2026-01-01', endsOn: '2099-12-31' });

  it("records a contract over the district or some of its streets, lists it by what is in force, and moves its end at the version read", async () => {
    const whole = dataOf(await graphql<{ recordServiceContract: { id: string; streetIds: string[]; inForce: boolean; version: number } }>(service.url, RECORD, { input: base() }, manager)).recordServiceContract;
    expect(whole).toMatchObject({ streetIds: [], inForce: true });
    const streets = dataOf(await graphql<{ recordServiceContract: { streetIds: string[] } }>(service.url, RECORD, { input: { ...base(), streetIds: [places.streetId] } }, manager)).recordServiceContract;
    expect(streets.streetIds).toEqual([places.streetId]);

    const list = async (inForceOn: string) =>
      dataOf(await graphql<{ serviceContracts: { id: string }[] }>(service.url, `query ($i: ID, $d: String) { serviceContracts(institutionId: $i, inForceOn: $d) { id } }`, { i: institutionId, d: inForceOn }, manager))
        .serviceContracts.map((c) => c.id);
    expect(await list('2026-06-01')).toContain(whole.id);
    expect(await list('2025-06-01')).not.toContain(whole.id);

    const end = `mutation ($input: SetServiceContractEndInput!) { setServiceContractEnd(input: $input) { endsOn inForce version } }`;
    const ended = dataOf(await graphql<{ setServiceContractEnd: { endsOn: string; inForce: boolean; version: number } }>(service.url, end, { input: { id: whole.id, version: whole.version, endsOn: '2026-01-31' } }, manager));
    expect(ended.setServiceContractEnd).toMatchObject({ endsOn: '2026-01-31', inForce: false });
    const stale = await graphql(service.url, end, { input: { id: whole.id, version: whole.version, endsOn: '2026-02-28' } }, manager);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('names the field of invalid input and refuses a district outside the caller’s scopes, writing nothing', async () => {
    const other = await insertPlaces(db, '别的合同');
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ endsOn: '2025-12-31' }, { code: 'BAD_USER_INPUT', field: 'endsOn' }],
      [{ startsOn: '2026-02-30' }, { code: 'BAD_USER_INPUT', field: 'startsOn' }],
      [{ streetIds: [other.streetId] }, { code: 'BAD_USER_INPUT', field: 'streetIds' }],
      [{ institutionId: randomUUID() }, { code: 'BAD_USER_INPUT', field: 'institutionId' }],
      [{ reference: '  ' }, { code: 'BAD_USER_INPUT', field: 'reference' }],
      [{ districtId: other.districtId }, { code: 'FORBIDDEN' }],
    ];
    for (const [change, expected] of cases) {
      const result = await graphql(service.url, RECORD, { input: { ...base(), ...change } }, manager);
      expect({ change, extensions: result.errors?.[0].extensions }).toEqual({ change, extensions: expected });
    }
    const analyst = await graphql(service.url, RECORD, { input: base() }, await tokenFor('ANALYST', [{ kind: 'DISTRICT', id: places.districtId }]));
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { rows } = await db.query(`SELECT 1 FROM organizations.service_contract WHERE district_id = $1`, [other.districtId]);
    expect(rows).toHaveLength(0);
  });

  it('lists an institution’s staff, directors first', async () => {
    const user = async (role: string, name: string) =>
      db.query(`INSERT INTO identity.user_account (id, username, display_name, password_hash, role, scopes, version) VALUES ($1, $2, $3, 'x', $4, $5, 1)`, [
        randomUUID(),
        `staff-${uniqueSuffix()}`,
        name,
        role,
        JSON.stringify([{ kind: 'INSTITUTION', id: institutionId }]),
      ]);
    await user('SOCIAL_WORKER', '王社工');
    await user('INSTITUTION_DIRECTOR', '周主任');
    const { institution } = dataOf(
      await graphql<{ institution: { staff: { displayName: string; role: string }[] } }>(service.url, `query ($id: ID!) { institution(id: $id) { staff { displayName role } } }`, { id: institutionId }, manager),
    );
    expect(institution.staff).toEqual([
      { displayName: '周主任', role: 'INSTITUTION_DIRECTOR' },
      { displayName: '王社工', role: 'SOCIAL_WORKER' },
    ]);
  });

  it('records a dissolution and an edit with their outbox events, at the version read', async () => {
    const organizationId = randomUUID();
    await db.query(`INSERT INTO organizations.organization (id, name, community_id, category, status, version) VALUES ($1, $2, $3, 'MEDIATION', 'FORMING', 1)`, [
      organizationId,
      `解散组织${uniqueSuffix()}`,
      places.communityId,
    ]);
    const rename = `mutation ($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { name version } }`;
    const renamed = dataOf(await graphql<{ updateOrganization: { name: string; version: number } }>(service.url, rename, { input: { id: organizationId, version: 1, name: '新名字调解会' } }, manager)).updateOrganization;

    const dissolve = `mutation ($input: DissolveOrganizationInput!) { dissolveOrganization(input: $input) { status } }`;
    expect((await graphql(service.url, dissolve, { input: { id: organizationId, version: 1, reason: '成员外迁' } }, manager)).errors?.[0].extensions?.code).toBe('CONFLICT');
    const worker = await tokenFor('SOCIAL_WORKER');
    expect((await graphql(service.url, dissolve, { input: { id: organizationId, version: renamed.version, reason: '成员外迁' } }, worker)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const dissolved = dataOf(await graphql<{ dissolveOrganization: { status: string } }>(service.url, dissolve, { input: { id: organizationId, version: renamed.version, reason: '成员外迁' } }, manager));
    expect(dissolved.dissolveOrganization.status).toBe('DISSOLVED');
    const again = await graphql(service.url, dissolve, { input: { id: organizationId, version: renamed.version + 1, reason: '再次' } }, manager);
    expect(again.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });

    const { rows } = await db.query(`SELECT "type", "payload" FROM organizations.outbox WHERE "payload"->>'organizationId' = $1 ORDER BY "id"`, [organizationId]);
    expect(rows).toEqual([
      { type: 'organization.updated', payload: { organizationId, name: '新名字调解会', category: 'MEDIATION', at: expect.any(String) } },
      { type: 'organization.status-changed', payload: { organizationId, status: 'DISSOLVED', at: expect.any(String) } },
    ]);
  });
});
