import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { DataSource, type Logger } from 'typeorm';
import { dataOf, graphql, requireDatabaseUrl, startTestApp, tokenFor, uniqueSuffix, type TestApp } from '@peiyu/platform-testing';
import { OrganizationsServiceModule } from './app.module.js';

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}

const ORGANIZATIONS_PAGE = `query ($filter: OrganizationFilter, $sort: OrganizationSort, $first: Int, $after: String, $last: Int, $before: String) {
  organizationsConnection(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id name category status version } }
  }
}`;

describe('organizations-service connections, edits and query counts', () => {
  let service: TestApp;
  let db: pg.Client;
  let token: string;
  let districtId: string;
  let communityId: string;
  /** 100 organizations of one community, each with 2 members and 2 activities, made in SQL for speed. */
  let bigCommunityId: string;

  async function makeCommunity(districtId_: string): Promise<string> {
    const streetId = randomUUID();
    const id = randomUUID();
    await db.query(`INSERT INTO communities.street (id, district_id, name, version) VALUES ($1, $2, $3, 1)`, [streetId, districtId_, `街道${uniqueSuffix()}`]);
    await db.query(`INSERT INTO communities.community (id, street_id, district_id, name, version) VALUES ($1, $2, $3, '社区', 1)`, [id, streetId, districtId_]);
    return id;
  }

  beforeAll(async () => {
    service = await startTestApp(OrganizationsServiceModule.forDatabase(requireDatabaseUrl()));
    db = new pg.Client({ connectionString: requireDatabaseUrl() });
    await db.connect();
    token = await tokenFor('PROGRAMME_MANAGER');
    districtId = randomUUID();
    await db.query(`INSERT INTO communities.district (id, name, code, version) VALUES ($1, '分页测试区', $2, 1)`, [districtId, `PG-${uniqueSuffix()}`]);
    communityId = await makeCommunity(districtId);
    bigCommunityId = await makeCommunity(districtId);
    await db.query(
      `INSERT INTO organizations.organization (id, name, community_id, category, status, version)
       SELECT gen_random_uuid(), '组织' || lpad(n::text, 3, '0'), $1, 'CULTURE_SPORTS', 'FORMING', 1 FROM generate_series(1, 100) AS n`,
      [bigCommunityId],
    );
    await db.query(
      `INSERT INTO organizations.member (id, organization_id, name, joined_on, is_leader, version)
       SELECT gen_random_uuid(), o.id, '成员' || n, '2025-01-01', n = 1, 1 FROM organizations.organization o, generate_series(1, 2) AS n WHERE o.community_id = $1`,
      [bigCommunityId],
    );
    await db.query(
      `INSERT INTO organizations.activity (id, organization_id, kind, title, held_on, hours, participants, version)
       SELECT gen_random_uuid(), o.id, 'MEETING', '会议' || n, ('2025-02-0' || n)::date, 1.5, 5, 1 FROM organizations.organization o, generate_series(1, 2) AS n WHERE o.community_id = $1`,
      [bigCommunityId],
    );
  });
  afterAll(async () => {
    await db.end();
    await service.close();
  });

  async function createOrganization(name: string, category = 'CULTURE_SPORTS', community = communityId): Promise<{ id: string; version: number }> {
    return dataOf(
      await graphql<{ createOrganization: { id: string; version: number } }>(
        service.url,
        `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id version } }`,
        { input: { name, communityId: community, category } },
        token,
      ),
    ).createOrganization;
  }

  async function page(variables: Record<string, unknown>): Promise<Page<{ id: string; name: string; category: string; version: number }>> {
    return dataOf(await graphql<{ organizationsConnection: Page<{ id: string; name: string; category: string; version: number }> }>(service.url, ORGANIZATIONS_PAGE, variables, token))
      .organizationsConnection;
  }

  it('pages forwards and backwards through organizations with totalCount, and keeps the plain list working', async () => {
    const filter = { communityId: bigCommunityId };
    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const p = await page({ filter, first: 30, after });
      expect(p.totalCount).toBe(100);
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      names.push(...p.edges.map((e) => e.node.name));
      pages += 1;
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(names).toEqual(Array.from({ length: 100 }, (_, i) => `组织${String(i + 1).padStart(3, '0')}`));

    const last = await page({ filter, last: 30 });
    expect(last.edges.map((e) => e.node.name)).toEqual(names.slice(70));
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = await page({ filter, last: 30, before: last.pageInfo.startCursor });
    expect(before.edges.map((e) => e.node.name)).toEqual(names.slice(40, 70));

    const descending = await page({ filter, sort: { field: 'NAME', direction: 'DESC' }, first: 3 });
    expect(descending.edges.map((e) => e.node.name)).toEqual(['组织100', '组织099', '组织098']);
    const next = await page({ filter, sort: { field: 'NAME', direction: 'DESC' }, first: 3, after: descending.pageInfo.endCursor });
    expect(next.edges.map((e) => e.node.name)).toEqual(['组织097', '组织096', '组织095']);

    const { organizations } = dataOf(await graphql<{ organizations: { id: string }[] }>(service.url, `query ($c: ID) { organizations(communityId: $c) { id } }`, { c: bigCommunityId }, token));
    expect(organizations).toHaveLength(100);
  });

  it('filters organizations by category, status and name, and sorts by creation', async () => {
    const suffix = uniqueSuffix();
    const a = await createOrganization(`筛选甲${suffix}`, 'MEDIATION');
    const b = await createOrganization(`筛选乙${suffix}`, 'MEDIATION');
    await createOrganization(`筛选丙${suffix}`, 'LIFE_SERVICE');
    const mediation = await page({ filter: { communityId, category: 'MEDIATION', status: 'FORMING', nameContains: suffix }, sort: { field: 'CREATED_AT', direction: 'DESC' } });
    expect(mediation.totalCount).toBe(2);
    expect(mediation.edges.map((e) => e.node.id)).toEqual([b.id, a.id]);
    const none = await page({ filter: { communityId, status: 'FILED', nameContains: suffix } });
    expect(none).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, startCursor: null, endCursor: null } });
  });

  it('refuses page sizes outside 1..100 and foreign cursors, naming the argument', async () => {
    for (const first of [0, 101]) {
      const result = await graphql(service.url, ORGANIZATIONS_PAGE, { first }, token);
      expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    }
    const sorted = await page({ first: 1, sort: { field: 'CREATED_AT' } });
    const foreign = await graphql(service.url, ORGANIZATIONS_PAGE, { first: 1, after: sorted.pageInfo.endCursor }, token);
    expect(foreign.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    const badFilter = await graphql(service.url, ORGANIZATIONS_PAGE, { filter: { communityId: 'nope' } }, token);
    expect(badFilter.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'communityId' });
    const garbage = await graphql(service.url, ORGANIZATIONS_PAGE, { first: 1, after: 'not-a-cursor' }, token);
    expect(garbage.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('pages the members and activities of an organization, and institutions', async () => {
    const [{ id }] = (await page({ filter: { communityId: bigCommunityId }, first: 1 })).edges.map((e) => e.node);
    const members = dataOf(
      await graphql<{ membersConnection: Page<{ name: string }> }>(
        service.url,
        `query ($id: ID!) { membersConnection(organizationId: $id, first: 1, sort: { field: NAME }, filter: { isLeader: false }) { totalCount pageInfo { hasNextPage } edges { node { name } } } }`,
        { id },
        token,
      ),
    ).membersConnection;
    expect(members).toEqual({ totalCount: 1, pageInfo: { hasNextPage: false }, edges: [{ node: { name: '成员2' } }] });
    const activities = dataOf(
      await graphql<{ activitiesConnection: Page<{ heldOn: string }> }>(
        service.url,
        `query ($id: ID!) { activitiesConnection(organizationId: $id, first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { heldOn } } } }`,
        { id },
        token,
      ),
    ).activitiesConnection;
    expect(activities).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { heldOn: '2025-02-02' } }] });

    const suffix = uniqueSuffix();
    for (const name of [`机构B${suffix}`, `机构A${suffix}`]) {
      dataOf(await graphql(service.url, `mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`, { input: { name } }, token));
    }
    const institutions = dataOf(
      await graphql<{ institutionsConnection: Page<{ name: string }> }>(
        service.url,
        `query ($s: String) { institutionsConnection(filter: { nameContains: $s }, first: 10) { totalCount edges { node { name } } } }`,
        { s: suffix },
        token,
      ),
    ).institutionsConnection;
    expect(institutions).toEqual({ totalCount: 2, edges: [{ node: { name: `机构A${suffix}` } }, { node: { name: `机构B${suffix}` } }] });
  });

  it('updates an organization at its version; a stale version is a CONFLICT that changes nothing', async () => {
    const created = await createOrganization(`改名前${uniqueSuffix()}`);
    expect(created.version).toBe(1);
    const update = `mutation ($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id name category version } }`;
    const renamed = `改名后${uniqueSuffix()}`;
    const { updateOrganization } = dataOf(await graphql<{ updateOrganization: { version: number } }>(service.url, update, { input: { id: created.id, version: 1, name: renamed, category: 'MEDIATION' } }, token));
    expect(updateOrganization).toEqual({ id: created.id, name: renamed, category: 'MEDIATION', version: 2 });

    const stale = await graphql(service.url, update, { input: { id: created.id, version: 1, name: '过期的改名' } }, token);
    expect(stale.errors?.[0].extensions).toEqual({ code: 'CONFLICT' });
    const { rows } = await db.query(`SELECT name, category, version FROM organizations.organization WHERE id = $1`, [created.id]);
    expect(rows).toEqual([{ name: renamed, category: 'MEDIATION', version: 2 }]);

    const blank = await graphql(service.url, update, { input: { id: created.id, version: 2, name: '   ' } }, token);
    expect(blank.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    await db.query(`UPDATE organizations.organization SET status = 'GROWING' WHERE id = $1`, [created.id]);
    const lateCategory = await graphql(service.url, update, { input: { id: created.id, version: 2, category: 'LIFE_SERVICE' } }, token);
    expect(lateCategory.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'category' });
    const missing = await graphql(service.url, update, { input: { id: randomUUID(), version: 1, name: '无' } }, token);
    expect(missing.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('updates an institution at its version; a stale version is a CONFLICT that changes nothing', async () => {
    const name = `改名机构${uniqueSuffix()}`;
    const { createInstitution } = dataOf(
      await graphql<{ createInstitution: { id: string; version: number } }>(service.url, `mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { id version } }`, { input: { name } }, token),
    );
    const update = `mutation ($input: UpdateInstitutionInput!) { updateInstitution(input: $input) { name version } }`;
    const newName = `${name}新`;
    expect(dataOf(await graphql(service.url, update, { input: { id: createInstitution.id, version: createInstitution.version, name: newName } }, token))).toEqual({
      updateInstitution: { name: newName, version: createInstitution.version + 1 },
    });
    const stale = await graphql(service.url, update, { input: { id: createInstitution.id, version: createInstitution.version, name: `${name}旧` } }, token);
    expect(stale.errors?.[0].extensions).toEqual({ code: 'CONFLICT' });
    const { rows } = await db.query(`SELECT name FROM organizations.institution WHERE id = $1`, [createInstitution.id]);
    expect(rows).toEqual([{ name: newName }]);
    const badVersion = await graphql(service.url, update, { input: { id: createInstitution.id, version: 0, name: 'x' } }, token);
    expect(badVersion.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'version' });
  });

  it('lists a page of organizations with community, district, members and activities in the same few queries for 10 as for 100', async () => {
    const dataSource = service.app.get(DataSource);
    const original = dataSource.logger;
    let count = 0;
    const counting: Logger = {
      logQuery: () => {
        count += 1;
      },
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
    const query = `query ($c: ID!, $first: Int!) {
      organizationsConnection(filter: { communityId: $c }, first: $first) {
        totalCount
        edges { node { id name community { id organizationCount } district { id organizationCount }
          members { id name } activities { id attendees { id } } charter { id } filing { id } } }
      }
    }`;
    const countFor = async (first: number): Promise<number> => {
      count = 0;
      (dataSource as unknown as { logger: Logger }).logger = counting;
      try {
        const result = dataOf(await graphql<{ organizationsConnection: { edges: { node: { members: unknown[]; activities: unknown[]; community: { organizationCount: number } } }[] } }>(service.url, query, { c: bigCommunityId, first }, token));
        const edges = result.organizationsConnection.edges;
        expect(edges).toHaveLength(first);
        expect(edges.every((e) => e.node.members.length === 2 && e.node.activities.length === 2 && e.node.community.organizationCount === 100)).toBe(true);
      } finally {
        (dataSource as unknown as { logger: Logger }).logger = original;
      }
      return count;
    };
    const ten = await countFor(10);
    const hundred = await countFor(100);
    expect(ten).toBeGreaterThan(0);
    expect(hundred).toBe(ten);
    // count + page, community counts, placements + district counts, members, activities, attendees, charters, filings.
    expect(hundred).toBeLessThanOrEqual(12);
  });
});
