import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { readSubgraphSchema } from '@peiyu/platform-schema';
import { dataOf, graphql, requireDatabaseUrl, servedSchema, startTestApp, tokenFor, uniqueSuffix, type TestApp } from '@peiyu/platform-testing';
import { OrganizationsServiceModule } from './app.module.js';

describe('organizations-service', () => {
  let service: TestApp;
  let db: pg.Client;
  let token: string;
  let communityId: string;

  beforeAll(async () => {
    service = await startTestApp(OrganizationsServiceModule.forDatabase(requireDatabaseUrl()));
    db = new pg.Client({ connectionString: requireDatabaseUrl() });
    await db.connect();
    token = await tokenFor('PROGRAMME_MANAGER');
    // The community belongs to communities-service; made here directly, as that service would.
    const districtId = randomUUID();
    const streetId = randomUUID();
    communityId = randomUUID();
    await db.query(`INSERT INTO communities.district (id, name, code, version) VALUES ($1, '机构测试区', $2, 1)`, [districtId, `ORG-${uniqueSuffix()}`]);
    await db.query(`INSERT INTO communities.street (id, district_id, name, version) VALUES ($1, $2, '街道', 1)`, [streetId, districtId]);
    await db.query(`INSERT INTO communities.community (id, street_id, district_id, name, version) VALUES ($1, $2, $3, '社区', 1)`, [communityId, streetId, districtId]);
  });
  afterAll(async () => {
    await db.end();
    await service.close();
  });

  it('serves the schema committed in libs/platform/schema (run `npm run schema:update` after changing a type)', async () => {
    expect(await servedSchema(service.url)).toBe(readSubgraphSchema('organizations'));
  });

  const createOrganization = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name category status communityId community { id } } }`;

  it('records a forming organization with its organization.created event in the outbox', async () => {
    const name = `广场舞队${uniqueSuffix()}`;
    const { createOrganization: created } = dataOf(
      await graphql<{ createOrganization: { id: string } }>(service.url, createOrganization, { input: { name, communityId, category: 'CULTURE_SPORTS' } }, token),
    );
    expect(created).toEqual({ id: expect.any(String), name, category: 'CULTURE_SPORTS', status: 'FORMING', communityId, community: { id: communityId } });
    const { rows } = await db.query(`SELECT type, version, payload FROM organizations.outbox WHERE idempotency_key = $1`, [`organization.created:${created.id}`]);
    expect(rows).toEqual([{ type: 'organization.created', version: 1, payload: { organizationId: created.id, communityId, category: 'CULTURE_SPORTS' } }]);

    const { organizations } = dataOf(await graphql<{ organizations: { id: string }[] }>(service.url, `query ($c: ID) { organizations(communityId: $c) { id } }`, { c: communityId }, token));
    expect(organizations.map((o) => o.id)).toContain(created.id);
  });

  it('refuses a duplicate name in the same community, a missing community and an unknown category, writing nothing', async () => {
    const name = `调解会${uniqueSuffix()}`;
    dataOf(await graphql(service.url, createOrganization, { input: { name, communityId, category: 'MEDIATION' } }, token));
    const duplicate = await graphql(service.url, createOrganization, { input: { name, communityId, category: 'MEDIATION' } }, token);
    expect(duplicate.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });

    const orphan = `孤儿${uniqueSuffix()}`;
    const missing = await graphql(service.url, createOrganization, { input: { name: orphan, communityId: randomUUID(), category: 'MEDIATION' } }, token);
    expect(missing.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'communityId' });

    const karaoke = `歌舞${uniqueSuffix()}`;
    const category = await graphql(service.url, createOrganization, { input: { name: karaoke, communityId, category: 'KARAOKE' } }, token);
    expect(category.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'category' });

    const { rows } = await db.query(`SELECT count(*)::int AS n FROM organizations.organization WHERE name = ANY($1)`, [[orphan, karaoke]]);
    expect(rows[0].n).toBe(0);
  });

  it('keeps institution names unique and answers NOT_FOUND for unknown ids', async () => {
    const name = `社工中心${uniqueSuffix()}`;
    const create = `mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { id name } }`;
    dataOf(await graphql(service.url, create, { input: { name } }, token));
    expect((await graphql(service.url, create, { input: { name } }, token)).errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await graphql(service.url, `{ institution(id: "${randomUUID()}") { id } }`, {}, token)).errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('resolves entity references only for a signed-in caller', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { organizations { id } } } }`;
    const anonymous = await graphql(service.url, query, { r: [{ __typename: 'Community', id: communityId }] });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const signedIn = dataOf(await graphql<{ _entities: { organizations: unknown[] }[] }>(service.url, query, { r: [{ __typename: 'Community', id: communityId }] }, token));
    expect(signedIn._entities[0].organizations.length).toBeGreaterThan(0);
  });
});
