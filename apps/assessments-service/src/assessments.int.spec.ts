import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { dataOf, graphql, insertPlaces, requireDatabaseUrl, servedSchema, startTestApp, tokenFor, type TestApp } from '@peiyu/platform-testing';
import { readSubgraphSchema } from '@peiyu/platform-schema';
import { AssessmentsServiceModule } from './app.module.js';

describe('assessments-service', () => {
  let service: TestApp;
  let db: pg.Client;
  let workerToken: string;

  beforeAll(async () => {
    service = await startTestApp(AssessmentsServiceModule.forDatabase(requireDatabaseUrl()));
    db = new pg.Client({ connectionString: requireDatabaseUrl() });
    await db.connect();
    workerToken = await tokenFor('SOCIAL_WORKER');
  });
  afterAll(async () => {
    await db.end();
    await service.close();
  });

  it('serves the schema committed in libs/platform/schema (run `npm run schema:update` after changing a type)', async () => {
    expect(await servedSchema(service.url)).toBe(readSubgraphSchema('assessments'));
  });

  const createSurvey = `mutation ($input: CreateNeedsSurveyInput!) { createNeedsSurvey(input: $input) { id communityId title createdAt } }`;
  const recordResponse = `mutation ($input: RecordSurveyResponseInput!) {
    recordSurveyResponse(input: $input) { id surveyId respondentLabel demandCategories createdAt }
  }`;
  const analysisOf = `query ($id: ID!) { needsSurvey(id: $id) {
    demandAnalysis { responseCount recommendedCategory categories { category responseCount share } }
  } }`;

  type Survey = { id: string; communityId: string; title: string; createdAt: string };
  type Analysis = {
    responseCount: number;
    recommendedCategory: string | null;
    categories: { category: string; responseCount: number; share: number }[];
  };

  const newCommunity = async (): Promise<string> => (await insertPlaces(db, '调查')).communityId;

  async function newSurvey(communityId?: string, title = '居民需求调查', token = workerToken): Promise<Survey> {
    const input = { communityId: communityId ?? (await newCommunity()), title };
    return dataOf(await graphql<{ createNeedsSurvey: Survey }>(service.url, createSurvey, { input }, token)).createNeedsSurvey;
  }

  async function respond(surveyId: string, demandCategories: string[], respondentLabel?: string) {
    return dataOf(
      await graphql<{ recordSurveyResponse: { id: string; respondentLabel: string | null; demandCategories: string[] } }>(
        service.url,
        recordResponse,
        { input: { surveyId, demandCategories, ...(respondentLabel !== undefined ? { respondentLabel } : {}) } },
        workerToken,
      ),
    ).recordSurveyResponse;
  }

  async function analysis(surveyId: string): Promise<Analysis> {
    return dataOf(await graphql<{ needsSurvey: { demandAnalysis: Analysis } }>(service.url, analysisOf, { id: surveyId }, workerToken)).needsSurvey.demandAnalysis;
  }

  async function writtenFor(surveyId: string): Promise<{ responses: number; events: number }> {
    const { rows } = await db.query<{ responses: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM "assessments"."survey_response" WHERE "survey_id" = $1) AS "responses",
              (SELECT count(*)::int FROM "assessments"."outbox" WHERE "payload"->>'surveyId' = $1::text) AS "events"`,
      [surveyId],
    );
    return rows[0];
  }

  it('records a needs survey of a community and reads it back, also through the Community entity', async () => {
    const communityId = await newCommunity();
    const first = await newSurvey(communityId, '  2025年幸福社区居民需求调查 ');
    expect(first).toMatchObject({ communityId, title: '2025年幸福社区居民需求调查' });
    const second = await newSurvey(communityId, '老年人助餐需求调查', await tokenFor('SUPERVISOR'));
    await newSurvey(); // another community's survey, which must not show up below

    const analystToken = await tokenFor('ANALYST');
    const { needsSurvey } = dataOf(
      await graphql<{ needsSurvey: Survey & { community: { id: string }; responses: unknown[] } }>(
        service.url,
        `query ($id: ID!) { needsSurvey(id: $id) { id communityId title createdAt community { id } responses { id } } }`,
        { id: first.id },
        analystToken,
      ),
    );
    expect(needsSurvey).toEqual({ ...first, community: { id: communityId }, responses: [] });

    const { needsSurveys } = dataOf(
      await graphql<{ needsSurveys: { id: string }[] }>(service.url, `query ($c: ID) { needsSurveys(communityId: $c) { id } }`, { c: communityId }, analystToken),
    );
    expect(needsSurveys.map((s) => s.id).sort()).toEqual([first.id, second.id].sort());

    // The gateway asks this subgraph for Community.needsSurveys through an entity reference.
    const { _entities } = dataOf(
      await graphql<{ _entities: { needsSurveys: { id: string; title: string }[] }[] }>(
        service.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { needsSurveys { id title } } } }`,
        { r: [{ __typename: 'Community', id: communityId }, { __typename: 'Community', id: randomUUID() }] },
        analystToken,
      ),
    );
    expect(_entities[0].needsSurveys.map((s) => s.title).sort()).toEqual(['2025年幸福社区居民需求调查', '老年人助餐需求调查'].sort());
    expect(_entities[1].needsSurveys).toEqual([]);
  });

  it('works out the demand analysis from the responses, and writes an outbox event per response', async () => {
    const survey = await newSurvey();
    expect(await analysis(survey.id)).toEqual({
      responseCount: 0,
      recommendedCategory: null,
      categories: [
        { category: 'LIFE_SERVICE', responseCount: 0, share: 0 },
        { category: 'PUBLIC_WELFARE', responseCount: 0, share: 0 },
        { category: 'CULTURE_SPORTS', responseCount: 0, share: 0 },
        { category: 'MEDIATION', responseCount: 0, share: 0 },
      ],
    });

    const first = await respond(survey.id, ['CULTURE_SPORTS', 'LIFE_SERVICE'], ' 3号楼 王阿姨 ');
    expect(first).toMatchObject({ respondentLabel: '3号楼 王阿姨', demandCategories: ['CULTURE_SPORTS', 'LIFE_SERVICE'] });
    await respond(survey.id, ['CULTURE_SPORTS']);
    await respond(survey.id, ['LIFE_SERVICE', 'MEDIATION']);
    await respond(survey.id, ['CULTURE_SPORTS', 'PUBLIC_WELFARE', 'MEDIATION']);
    expect((await respond(survey.id, ['CULTURE_SPORTS'], '   ')).respondentLabel).toBeNull();

    // 5 responses. CULTURE_SPORTS: 1st, 2nd, 4th, 5th = 4 (0.8); LIFE_SERVICE: 1st, 3rd = 2 (0.4);
    // MEDIATION: 3rd, 4th = 2 (0.4), after LIFE_SERVICE in a tie; PUBLIC_WELFARE: 4th = 1 (0.2).
    expect(await analysis(survey.id)).toEqual({
      responseCount: 5,
      recommendedCategory: 'CULTURE_SPORTS',
      categories: [
        { category: 'CULTURE_SPORTS', responseCount: 4, share: 0.8 },
        { category: 'LIFE_SERVICE', responseCount: 2, share: 0.4 },
        { category: 'MEDIATION', responseCount: 2, share: 0.4 },
        { category: 'PUBLIC_WELFARE', responseCount: 1, share: 0.2 },
      ],
    });

    const { rows } = await db.query<{ type: string; version: number; payload: Record<string, unknown>; idempotency_key: string }>(
      `SELECT "type", "version", "payload", "idempotency_key" FROM "assessments"."outbox" WHERE "payload"->>'responseId' = $1`,
      [first.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: 'assessment.survey-response-recorded',
      version: 1,
      idempotency_key: `survey-response-recorded:${first.id}`,
      payload: { surveyId: survey.id, responseId: first.id, communityId: survey.communityId, demandCategories: ['CULTURE_SPORTS', 'LIFE_SERVICE'] },
    });
    expect(Number.isNaN(Date.parse(rows[0].payload.recordedAt as string))).toBe(false);
    expect(JSON.stringify(rows[0].payload)).not.toContain('王阿姨');
    expect(await writtenFor(survey.id)).toEqual({ responses: 5, events: 5 });
  });

  it('names the field of invalid input, writing nothing', async () => {
    const survey = await newSurvey();
    const attempt = (input: Record<string, unknown>) => graphql(service.url, recordResponse, { input: { surveyId: survey.id, ...input } }, workerToken);

    expect((await attempt({ demandCategories: [] })).errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'demandCategories' });
    expect((await attempt({ demandCategories: ['MEDIATION', 'MEDIATION'] })).errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'demandCategories' });
    expect((await attempt({ demandCategories: ['MEDIATION'], respondentLabel: 'x'.repeat(101) })).errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'respondentLabel',
    });
    // A value outside the enum is refused by GraphQL itself, before any resolver runs.
    const notACategory = await attempt({ demandCategories: ['KARAOKE'] });
    expect(notACategory.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(notACategory.errors?.[0].message).toContain('demandCategories');

    const unknownSurvey = await graphql(service.url, recordResponse, { input: { surveyId: randomUUID(), demandCategories: ['MEDIATION'] } }, workerToken);
    expect(unknownSurvey.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'surveyId' });
    const badSurveyId = await graphql(service.url, recordResponse, { input: { surveyId: 'survey-1', demandCategories: ['MEDIATION'] } }, workerToken);
    expect(badSurveyId.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'surveyId' });
    expect(await writtenFor(survey.id)).toEqual({ responses: 0, events: 0 });

    const communityId = await newCommunity();
    const blankTitle = await graphql(service.url, createSurvey, { input: { communityId, title: '   ' } }, workerToken);
    expect(blankTitle.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
    const badCommunity = await graphql(service.url, createSurvey, { input: { communityId: 'C-1', title: '调查' } }, workerToken);
    expect(badCommunity.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'communityId' });
    const badFilter = await graphql(service.url, `{ needsSurveys(communityId: "C-1") { id } }`, {}, workerToken);
    expect(badFilter.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'communityId' });
    const { rows } = await db.query(`SELECT 1 FROM "assessments"."needs_survey" WHERE "community_id" = $1`, [communityId]);
    expect(rows).toHaveLength(0);
  });

  it('answers NOT_FOUND for an unknown survey id, without internals', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const result = await graphql(service.url, `query ($id: ID!) { needsSurvey(id: $id) { id } }`, { id }, workerToken);
      expect(result.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });
      expect(JSON.stringify(result)).not.toMatch(/stack|QueryFailedError|at /);
    }
  });

  it('refuses a request without a token as UNAUTHENTICATED', async () => {
    expect((await graphql(service.url, '{ needsSurveys { id } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const communityId = randomUUID();
    const write = await graphql(service.url, createSurvey, { input: { communityId, title: '匿名调查' } });
    expect(write.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await db.query(`SELECT 1 FROM "assessments"."needs_survey" WHERE "community_id" = $1`, [communityId])).rows).toHaveLength(0);
  });

  it('lets only social workers, supervisors and programme managers (and admins) write, writing nothing otherwise', async () => {
    const survey = await newSurvey();
    const analystToken = await tokenFor('ANALYST');
    const communityId = await newCommunity();
    const create = await graphql(service.url, createSurvey, { input: { communityId, title: '越权调查' } }, analystToken);
    expect(create.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const record = await graphql(service.url, recordResponse, { input: { surveyId: survey.id, demandCategories: ['MEDIATION'] } }, await tokenFor('STREET_OFFICER'));
    expect(record.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await db.query(`SELECT 1 FROM "assessments"."needs_survey" WHERE "community_id" = $1`, [communityId])).rows).toHaveLength(0);
    expect(await writtenFor(survey.id)).toEqual({ responses: 0, events: 0 });

    for (const role of ['PROGRAMME_MANAGER', 'ADMIN'] as const) {
      const allowed = await graphql(service.url, recordResponse, { input: { surveyId: survey.id, demandCategories: ['MEDIATION'] } }, await tokenFor(role));
      expect(allowed.errors).toBeUndefined();
    }
    expect(await writtenFor(survey.id)).toEqual({ responses: 2, events: 2 });
  });
});
