import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { dataOf, graphql, requireDatabaseUrl, startTestApp, tokenFor, uniqueSuffix, type TestApp } from '@peiyu/platform-testing';
import { CommunitiesServiceModule } from './app.module.js';

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}

const COMMUNITIES_PAGE = `query ($filter: CommunityFilter, $sort: CommunitySort, $first: Int, $after: String, $last: Int, $before: String) {
  communitiesConnection(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id name population version } }
  }
}`;
const DISTRICTS_PAGE = `query ($filter: DistrictFilter, $sort: DistrictSort, $first: Int, $after: String) {
  districtsConnection(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { id name code streetCount communityCount programmeManagers { displayName username } } }
  }
}`;

describe('communities-service connections, edits, programme managers and counts', () => {
  let service: TestApp;
  let db: pg.Client;
  let token: string;
  let districtId: string;
  let streetId: string;
  const suffix = uniqueSuffix();

  beforeAll(async () => {
    service = await startTestApp(CommunitiesServiceModule.forDatabase(requireDatabaseUrl()));
    db = new pg.Client({ connectionString: requireDatabaseUrl() });
    await db.connect();
    token = await tokenFor('PROGRAMME_MANAGER');
    districtId = randomUUID();
    streetId = randomUUID();
    const otherStreet = randomUUID();
    await db.query(`INSERT INTO communities.district (id, name, code, version) VALUES ($1, $2, $3, 1)`, [districtId, `连接区${suffix}`, `CN-${suffix}`]);
    await db.query(`INSERT INTO communities.street (id, district_id, name, version) VALUES ($1, $2, '一街', 1), ($3, $2, '二街', 1)`, [streetId, districtId, otherStreet]);
    // 25 communities on the first street (population 100, 200, ...), 2 on the second.
    await db.query(
      `INSERT INTO communities.community (id, street_id, district_id, name, population, version)
       SELECT gen_random_uuid(), $1, $2, '社区' || lpad(n::text, 2, '0'), n * 100, 1 FROM generate_series(1, 25) AS n`,
      [streetId, districtId],
    );
    await db.query(`INSERT INTO communities.community (id, street_id, district_id, name, version) VALUES (gen_random_uuid(), $1, $2, '甲', 1), (gen_random_uuid(), $1, $2, '乙', 1)`, [otherStreet, districtId]);
  });
  afterAll(async () => {
    await db.end();
    await service.close();
  });

  async function communities(variables: Record<string, unknown>): Promise<Page<{ id: string; name: string; population: number | null; version: number }>> {
    return dataOf(await graphql<{ communitiesConnection: Page<{ id: string; name: string; population: number | null; version: number }> }>(service.url, COMMUNITIES_PAGE, variables, token))
      .communitiesConnection;
  }

  it('pages forwards and backwards through the communities of a street with totalCount', async () => {
    const filter = { streetId };
    const first = await communities({ filter, first: 10 });
    const second = await communities({ filter, first: 10, after: first.pageInfo.endCursor });
    const third = await communities({ filter, first: 10, after: second.pageInfo.endCursor });
    expect([first.totalCount, second.totalCount, third.totalCount]).toEqual([25, 25, 25]);
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage, third.pageInfo.hasNextPage]).toEqual([true, true, false]);
    expect([first.pageInfo.hasPreviousPage, second.pageInfo.hasPreviousPage]).toEqual([false, true]);
    const names = [...first.edges, ...second.edges, ...third.edges].map((e) => e.node.name);
    expect(names).toEqual(Array.from({ length: 25 }, (_, i) => `社区${String(i + 1).padStart(2, '0')}`));

    const back = await communities({ filter, last: 10, before: third.pageInfo.startCursor });
    expect(back.edges.map((e) => e.node.name)).toEqual(names.slice(10, 20));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('filters communities by district and population and sorts by population', async () => {
    const big = await communities({ filter: { districtId, minPopulation: 2300 }, sort: { field: 'POPULATION', direction: 'DESC' }, first: 2 });
    expect(big.totalCount).toBe(3);
    expect(big.edges.map((e) => e.node.population)).toEqual([2500, 2400]);
    const rest = await communities({ filter: { districtId, minPopulation: 2300 }, sort: { field: 'POPULATION', direction: 'DESC' }, first: 2, after: big.pageInfo.endCursor });
    expect(rest.edges.map((e) => e.node.population)).toEqual([2300]);
    const all = await communities({ filter: { districtId }, first: 100 });
    expect(all.totalCount).toBe(27);
    const named = await communities({ filter: { districtId, nameContains: '甲' } });
    expect(named.edges.map((e) => e.node.name)).toEqual(['甲']);
  });

  it('pages districts with their hierarchy counts and programme managers (display name and username only)', async () => {
    const username = `pm-${suffix}`;
    await db.query(
      `INSERT INTO identity.user_account (id, username, display_name, password_hash, role, scopes, version)
       VALUES ($1, $2, '区主管', 'x', 'PROGRAMME_MANAGER', $3::jsonb, 1), ($4, $5, '社工', 'x', 'SOCIAL_WORKER', $3::jsonb, 1)`,
      [randomUUID(), username, JSON.stringify([{ kind: 'DISTRICT', id: districtId }]), randomUUID(), `sw-${suffix}`],
    );
    const { districtsConnection } = dataOf(await graphql<{ districtsConnection: Page<unknown> }>(service.url, DISTRICTS_PAGE, { filter: { search: `CN-${suffix}` }, first: 5 }, token));
    expect(districtsConnection).toEqual({
      totalCount: 1,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: expect.any(String) },
      edges: [{ node: { id: districtId, name: `连接区${suffix}`, code: `CN-${suffix}`, streetCount: 2, communityCount: 27, programmeManagers: [{ displayName: '区主管', username }] } }],
    });
    const sorted = dataOf(await graphql<{ districtsConnection: Page<{ code: string }> }>(service.url, DISTRICTS_PAGE, { sort: { field: 'CODE', direction: 'DESC' }, first: 100 }, token)).districtsConnection;
    const codes = sorted.edges.map((e) => e.node.code);
    expect(codes).toEqual([...codes].sort().reverse());
    const tooMany = await graphql(service.url, DISTRICTS_PAGE, { first: 500 }, token);
    expect(tooMany.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('updates districts, streets and communities at their version; a stale version is a CONFLICT that changes nothing', async () => {
    const updateDistrict = `mutation ($input: UpdateDistrictInput!) { updateDistrict(input: $input) { name version } }`;
    const renamed = `改名区${suffix}`;
    expect(dataOf(await graphql(service.url, updateDistrict, { input: { id: districtId, version: 1, name: renamed } }, token))).toEqual({ updateDistrict: { name: renamed, version: 2 } });
    const staleDistrict = await graphql(service.url, updateDistrict, { input: { id: districtId, version: 1, name: '过期' } }, token);
    expect(staleDistrict.errors?.[0].extensions).toEqual({ code: 'CONFLICT' });
    expect((await db.query(`SELECT name, version FROM communities.district WHERE id = $1`, [districtId])).rows).toEqual([{ name: renamed, version: 2 }]);

    const updateStreet = `mutation ($input: UpdateStreetInput!) { updateStreet(input: $input) { name version } }`;
    const taken = await graphql(service.url, updateStreet, { input: { id: streetId, version: 1, name: '二街' } }, token);
    expect(taken.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(dataOf(await graphql(service.url, updateStreet, { input: { id: streetId, version: 1, name: '三街' } }, token))).toEqual({ updateStreet: { name: '三街', version: 2 } });
    const staleStreet = await graphql(service.url, updateStreet, { input: { id: streetId, version: 1, name: '四街' } }, token);
    expect(staleStreet.errors?.[0].extensions).toEqual({ code: 'CONFLICT' });

    const [community] = (await communities({ filter: { streetId, nameContains: '社区01' } })).edges.map((e) => e.node);
    const updateCommunity = `mutation ($input: UpdateCommunityInput!) { updateCommunity(input: $input) { name population households address version } }`;
    expect(
      dataOf(await graphql(service.url, updateCommunity, { input: { id: community.id, version: community.version, population: 3000, households: 1000, address: '和平路1号' } }, token)),
    ).toEqual({ updateCommunity: { name: '社区01', population: 3000, households: 1000, address: '和平路1号', version: community.version + 1 } });
    const stale = await graphql(service.url, updateCommunity, { input: { id: community.id, version: community.version, population: 1 } }, token);
    expect(stale.errors?.[0].extensions).toEqual({ code: 'CONFLICT' });
    expect((await db.query(`SELECT population, households, address FROM communities.community WHERE id = $1`, [community.id])).rows).toEqual([
      { population: 3000, households: 1000, address: '和平路1号' },
    ]);
    const negative = await graphql(service.url, updateCommunity, { input: { id: community.id, version: community.version + 1, population: -5 } }, token);
    expect(negative.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'population' });
    const tooManyHouseholds = await graphql(service.url, updateCommunity, { input: { id: community.id, version: community.version + 1, households: 5000 } }, token);
    expect(tooManyHouseholds.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'households' });
    const unknown = await graphql(service.url, updateDistrict, { input: { id: randomUUID(), version: 1, name: '无' } }, token);
    expect(unknown.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });
    const forbidden = await graphql(service.url, updateDistrict, { input: { id: districtId, version: 2, name: '越权' } }, await tokenFor('SOCIAL_WORKER'));
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
