import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { dataOf, graphql, requireDatabaseUrl, startTestApp, tokenFor, uniqueSuffix, type TestApp } from '@peiyu/platform-testing';
import { AssessmentsServiceModule } from './app.module.js';

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}

const SURVEYS_PAGE = `query ($filter: NeedsSurveyFilter, $sort: NeedsSurveySort, $first: Int, $after: String, $last: Int, $before: String) {
  needsSurveysConnection(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id title createdAt } }
  }
}`;

describe('assessments-service needs survey connection', () => {
  let service: TestApp;
  let db: pg.Client;
  let token: string;
  const communityId = randomUUID();
  const suffix = uniqueSuffix();

  beforeAll(async () => {
    service = await startTestApp(AssessmentsServiceModule.forDatabase(requireDatabaseUrl()));
    db = new pg.Client({ connectionString: requireDatabaseUrl() });
    await db.connect();
    token = await tokenFor('PROGRAMME_MANAGER');
    // 12 surveys a minute apart, some at the same instant to the microsecond, to test ties and truncation.
    await db.query(
      `INSERT INTO assessments.needs_survey (id, community_id, title, created_at, version)
       SELECT gen_random_uuid(), $1, '调查' || lpad(n::text, 2, '0') || $2, timestamptz '2025-03-01 08:00:00.123456+00' + (n / 2) * interval '1 minute', 1
       FROM generate_series(1, 12) AS n`,
      [communityId, suffix],
    );
  });
  afterAll(async () => {
    await db.end();
    await service.close();
  });

  async function page(variables: Record<string, unknown>): Promise<Page<{ id: string; title: string; createdAt: string }>> {
    return dataOf(await graphql<{ needsSurveysConnection: Page<{ id: string; title: string; createdAt: string }> }>(service.url, SURVEYS_PAGE, variables, token)).needsSurveysConnection;
  }

  it('pages forwards newest first and backwards, with ties on the creation instant, and keeps the plain list', async () => {
    const filter = { communityId };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p = await page({ filter, first: 5, after });
      expect(p.totalCount).toBe(12);
      seen.push(...p.edges.map((e) => e.node.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    const { needsSurveys } = dataOf(await graphql<{ needsSurveys: { id: string; createdAt: string }[] }>(service.url, `query ($c: ID) { needsSurveys(communityId: $c) { id createdAt } }`, { c: communityId }, token));
    expect(new Set(seen)).toEqual(new Set(needsSurveys.map((s) => s.id)));
    expect(seen).toHaveLength(12);
    const backwards = await page({ filter, last: 5 });
    expect(backwards.edges.map((e) => e.node.id)).toEqual(seen.slice(7));
    const before = await page({ filter, last: 5, before: backwards.pageInfo.startCursor });
    expect(before.edges.map((e) => e.node.id)).toEqual(seen.slice(2, 7));
  });

  it('filters by title and creation time and sorts by title', async () => {
    const byTitle = await page({ filter: { communityId, titleContains: `03${suffix}` } });
    expect(byTitle.edges.map((e) => e.node.title)).toEqual([`调查03${suffix}`]);
    const window = await page({ filter: { communityId, createdFrom: '2025-03-01T08:01:00Z', createdBefore: '2025-03-01T08:03:00Z' }, sort: { field: 'TITLE' } });
    expect(window.edges.map((e) => e.node.title)).toEqual([`调查02${suffix}`, `调查03${suffix}`, `调查04${suffix}`, `调查05${suffix}`]);
    const bad = await graphql(service.url, SURVEYS_PAGE, { filter: { communityId: 'nope' } }, token);
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'communityId' });
    const zero = await graphql(service.url, SURVEYS_PAGE, { last: 0 }, token);
    expect(zero.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'last' });
  });
});
