import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { dataOf, graphql, insertPlaces, requireDatabaseUrl, startTestApp, tokenFor, type TestApp, type TestPlaces } from '@peiyu/platform-testing';
import { AssessmentsServiceModule } from './app.module.js';

/** `POST /imports/survey-responses`: a needs survey's responses from a CSV file, all or nothing. */
describe('assessments-service survey response import', () => {
  let service: TestApp;
  let db: pg.Client;
  let base: string;
  let places: TestPlaces;
  let worker: string;

  beforeAll(async () => {
    service = await startTestApp(AssessmentsServiceModule.forDatabase(requireDatabaseUrl()));
    base = service.url.replace(/\/graphql$/, '');
    db = new pg.Client({ connectionString: requireDatabaseUrl() });
    await db.connect();
    places = await insertPlaces(db, '导入调查');
    worker = await tokenFor('SOCIAL_WORKER');
  });
  afterAll(async () => {
    await db.end();
    await service.close();
  });

  async function newSurvey(): Promise<string> {
    const create = `mutation ($input: CreateNeedsSurveyInput!) { createNeedsSurvey(input: $input) { id } }`;
    return dataOf(await graphql<{ createNeedsSurvey: { id: string } }>(service.url, create, { input: { communityId: places.communityId, title: '导入的需求调查' } }, worker)).createNeedsSurvey.id;
  }

  async function upload(surveyId: string, body: string, token = worker) {
    const res = await fetch(`${base}/imports/survey-responses?surveyId=${surveyId}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8', authorization: `Bearer ${token}` },
      body,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  const written = async (surveyId: string) =>
    (
      await db.query(
        `SELECT (SELECT count(*)::int FROM assessments.survey_response WHERE survey_id = $1) AS "responses",
                (SELECT count(*)::int FROM assessments.outbox WHERE "payload"->>'surveyId' = $1::text) AS "events"`,
        [surveyId],
      )
    ).rows[0] as { responses: number; events: number };

  it('imports every row, categories by code or Chinese name, with an event per response, and the analysis counts them', async () => {
    const surveyId = await newSurvey();
    const rows = Array.from({ length: 700 }, (_, i) => (i % 2 === 0 ? `3号楼${i},"LIFE_SERVICE;调解"` : `,文体活动、LIFE_SERVICE`));
    const result = await upload(surveyId, `respondent_label,demand_categories\n${rows.join('\n')}\n`);
    expect(result).toEqual({ status: 200, body: { imported: 700 } });
    expect(await written(surveyId)).toEqual({ responses: 700, events: 700 });
    const { needsSurvey } = dataOf(
      await graphql<{ needsSurvey: { demandAnalysis: { responseCount: number; recommendedCategory: string; categories: { category: string; responseCount: number }[] } } }>(
        service.url,
        `query ($id: ID!) { needsSurvey(id: $id) { demandAnalysis { responseCount recommendedCategory categories { category responseCount } } } }`,
        { id: surveyId },
        worker,
      ),
    );
    // Every row wants LIFE_SERVICE; half MEDIATION, half CULTURE_SPORTS.
    expect(needsSurvey.demandAnalysis.responseCount).toBe(700);
    expect(needsSurvey.demandAnalysis.recommendedCategory).toBe('LIFE_SERVICE');
    expect(needsSurvey.demandAnalysis.categories.find((c) => c.category === 'MEDIATION')?.responseCount).toBe(350);
  });

  it('refuses a file with bad rows, reporting each by line and column, and writes nothing', async () => {
    const surveyId = await newSurvey();
    const result = await upload(surveyId, `demand_categories,respondent_label\nLIFE_SERVICE,甲\n,乙\nKARAOKE,丙\n"MEDIATION,${'x'.repeat(201)}"\n`);
    expect(result.status).toBe(422);
    expect(result.body.errors).toEqual([
      { line: 3, column: 'demand_categories', message: 'demand_categories is required: at least one category' },
      { line: 4, column: 'demand_categories', message: expect.stringContaining('"KARAOKE" is not a category') },
      { line: 5, column: null, message: 'expected 2 fields, as in the header, but found 1' },
    ]);
    const header = await upload(surveyId, `demand_categories,mood\nLIFE_SERVICE,好\n`);
    expect(header.body.errors).toEqual([{ line: 1, column: 'mood', message: expect.stringContaining('unknown column "mood"') }]);
    expect(await written(surveyId)).toEqual({ responses: 0, events: 0 });
  });

  it('answers 404 for an unknown survey and 403 outside the caller’s scopes or role, writing nothing', async () => {
    expect((await upload(randomUUID(), 'demand_categories\nLIFE_SERVICE\n')).status).toBe(404);
    const surveyId = await newSurvey();
    const elsewhere = await tokenFor('SOCIAL_WORKER', [{ kind: 'INSTITUTION', id: randomUUID() }]);
    expect(await upload(surveyId, 'demand_categories\nLIFE_SERVICE\n', elsewhere)).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect((await upload(surveyId, 'demand_categories\nLIFE_SERVICE\n', await tokenFor('ANALYST'))).status).toBe(403);
    expect(await written(surveyId)).toEqual({ responses: 0, events: 0 });
  });
});
