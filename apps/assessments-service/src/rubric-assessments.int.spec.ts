import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { dataOf, graphql, insertPlaces, requireDatabaseUrl, startTestApp, tokenFor, uniqueSuffix, type TestApp, type TestPlaces } from '@peiyu/platform-testing';
import { AssessmentsServiceModule } from './app.module.js';

const RECORD = `mutation ($input: RecordAssessmentInput!) {
  recordAssessment(input: $input) { id kind category rubricVersion total passScore passed assessedOn scores { key score } organization { id } }
}`;
const RUBRIC = `query ($category: OrganizationCategory!, $kind: RubricKind!) { rubric(category: $category, kind: $kind) { version passScore criteria { key weight maxScore } } }`;
const SET_RUBRIC = `mutation ($input: SetRubricInput!) { setRubric(input: $input) { version passScore criteria { key } } }`;

type Recorded = { id: string; kind: string; category: string; rubricVersion: number; total: number; passScore: number; passed: boolean; assessedOn: string };

/**
 * Capacity and maturity assessments against the built-in MEDIATION capacity rubric (which no test
 * changes); new rubric versions go to CULTURE_SPORTS maturity, and that test reads the version in
 * force first, so the tests stand in any order and on a database used before.
 */
describe('assessments-service rubric assessments', () => {
  let service: TestApp;
  let db: pg.Client;
  let places: TestPlaces;
  let workerToken: string;

  /** Every criterion of the built-in MEDIATION capacity rubric: weights 3, 2, 3, 2, 2, 3 over a maximum of 5. */
  const capacityScores = [
    { key: 'leadership', score: 4 },
    { key: 'member_engagement', score: 3 },
    { key: 'activity_planning', score: 4 },
    { key: 'internal_rules', score: 2 },
    { key: 'resources', score: 3 },
    { key: 'mediation_skill', score: 5 },
  ];

  async function newOrganization(category = 'MEDIATION', communityId = places.communityId): Promise<string> {
    const id = randomUUID();
    await db.query(`INSERT INTO organizations.organization (id, name, community_id, category, status, version) VALUES ($1, $2, $3, $4, 'GROWING', 1)`, [
      id,
      `评估组织${uniqueSuffix()}`,
      communityId,
      category,
    ]);
    return id;
  }

  const record = (input: Record<string, unknown>, token = workerToken) => graphql<{ recordAssessment: Recorded }>(service.url, RECORD, { input }, token);

  beforeAll(async () => {
    service = await startTestApp(AssessmentsServiceModule.forDatabase(requireDatabaseUrl()));
    db = new pg.Client({ connectionString: requireDatabaseUrl() });
    await db.connect();
    places = await insertPlaces(db, '评估');
    workerToken = await tokenFor('SOCIAL_WORKER');
  });
  afterAll(async () => {
    await db.end();
    await service.close();
  });

  it('serves the built-in rubric of each category and kind', async () => {
    const { rubric } = dataOf(await graphql<{ rubric: { version: number; passScore: number; criteria: { key: string }[] } }>(service.url, RUBRIC, { category: 'MEDIATION', kind: 'CAPACITY' }, workerToken));
    expect(rubric).toMatchObject({ version: 1, passScore: 60 });
    expect(rubric.criteria.map((c) => c.key)).toEqual(capacityScores.map((s) => s.key));
  });

  it('computes the total and the verdict, and writes an assessment.recorded event with no personal data', async () => {
    const organizationId = await newOrganization();
    // (3×4 + 2×3 + 3×4 + 2×2 + 2×3 + 3×5) / 5 = 11 of a weight of 15: 73.33, over the pass score of 60.
    const { recordAssessment } = dataOf(await record({ organizationId, kind: 'CAPACITY', assessedOn: '2026-03-01', scores: capacityScores, note: '骨干稳定' }));
    expect(recordAssessment).toMatchObject({ kind: 'CAPACITY', category: 'MEDIATION', rubricVersion: 1, total: 73.33, passScore: 60, passed: true, assessedOn: '2026-03-01' });

    const low = dataOf(await record({ organizationId, kind: 'CAPACITY', assessedOn: '2026-03-02', scores: capacityScores.map((s) => ({ ...s, score: 1 })) })).recordAssessment;
    // Every criterion at 1 of 5: 20.
    expect(low).toMatchObject({ total: 20, passed: false });

    const { rows } = await db.query(`SELECT "type", "payload" FROM "assessments"."outbox" WHERE "payload"->>'assessmentId' = $1`, [recordAssessment.id]);
    expect(rows).toEqual([
      {
        type: 'assessment.recorded',
        payload: { assessmentId: recordAssessment.id, organizationId, kind: 'CAPACITY', score: 73.33, passScore: 60, passed: true, assessedOn: '2026-03-01', at: expect.any(String) },
      },
    ]);

    const { assessments } = dataOf(await graphql<{ assessments: { total: number }[] }>(service.url, `query ($id: ID!) { assessments(organizationId: $id) { total } }`, { id: organizationId }, workerToken));
    expect(assessments.map((a) => a.total)).toEqual([20, 73.33]);
    // Through the Organization entity, as the gateway asks for it.
    const entities = dataOf(
      await graphql<{ _entities: { assessments: { total: number }[] }[] }>(
        service.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { assessments { total } } } }`,
        { r: [{ __typename: 'Organization', id: organizationId }] },
        workerToken,
      ),
    );
    expect(entities._entities[0].assessments.map((a) => a.total)).toEqual([20, 73.33]);
  });

  it('names the field of a missing, unknown or out-of-range score, a future day or an unknown organization, writing nothing', async () => {
    const organizationId = await newOrganization();
    const attempt = async (change: Record<string, unknown>) => (await record({ organizationId, kind: 'CAPACITY', assessedOn: '2026-03-01', scores: capacityScores, ...change })).errors?.[0].extensions;
    expect(await attempt({ scores: capacityScores.slice(1) })).toEqual({ code: 'BAD_USER_INPUT', field: 'scores' });
    expect(await attempt({ scores: [...capacityScores.slice(0, 5), { key: 'charm', score: 1 }] })).toEqual({ code: 'BAD_USER_INPUT', field: 'scores.5.key' });
    expect(await attempt({ scores: [{ key: 'leadership', score: 6 }, ...capacityScores.slice(1)] })).toEqual({ code: 'BAD_USER_INPUT', field: 'scores.0.score' });
    expect(await attempt({ assessedOn: '2999-01-01' })).toEqual({ code: 'BAD_USER_INPUT', field: 'assessedOn' });
    expect(await attempt({ organizationId: randomUUID() })).toEqual({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    const { rows } = await db.query(`SELECT 1 FROM "assessments"."assessment" WHERE "organization_id" = $1`, [organizationId]);
    expect(rows).toHaveLength(0);
  });

  it('scores later assessments against a new rubric version an admin stores; earlier ones keep theirs', async () => {
    const organizationId = await newOrganization('CULTURE_SPORTS');
    // Whatever version is in force (the built-in one on a fresh database): every criterion at 80% of its maximum.
    const current = (
      await graphql<{ rubric: { version: number; passScore: number; criteria: { key: string; maxScore: number }[] } }>(service.url, RUBRIC, { category: 'CULTURE_SPORTS', kind: 'MATURITY' }, workerToken)
    ).data!.rubric;
    const before = dataOf(
      await record({ organizationId, kind: 'MATURITY', assessedOn: '2026-04-01', scores: current.criteria.map((c) => ({ key: c.key, score: (c.maxScore * 4) / 5 })) }),
    ).recordAssessment;

    const input = { category: 'CULTURE_SPORTS', kind: 'MATURITY', passScore: 90, criteria: [{ key: 'regular_programme', label: '常态化活动', weight: 1, maxScore: 10 }] };
    expect((await graphql(service.url, SET_RUBRIC, { input }, await tokenFor('PROGRAMME_MANAGER'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await graphql(service.url, SET_RUBRIC, { input: { ...input, criteria: [input.criteria[0], input.criteria[0]] } }, await tokenFor('ADMIN'));
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'criteria.1.key' });
    const { setRubric } = dataOf(await graphql<{ setRubric: { version: number } }>(service.url, SET_RUBRIC, { input }, await tokenFor('ADMIN')));
    const after = dataOf(await record({ organizationId, kind: 'MATURITY', assessedOn: '2026-04-02', scores: [{ key: 'regular_programme', score: 8 }] })).recordAssessment;

    // 80% everywhere is 80 whatever the weights (over the built-in pass score of 70). Then 8 of 10 against the new version: 80, under its 90.
    expect(before).toMatchObject({ rubricVersion: current.version, total: 80, passed: 80 >= current.passScore });
    expect(setRubric.version).toBe(current.version + 1);
    expect(after).toMatchObject({ rubricVersion: setRubric.version, total: 80, passScore: 90, passed: false });
    const { rubricVersions } = dataOf(
      await graphql<{ rubricVersions: { version: number }[] }>(service.url, `{ rubricVersions(category: CULTURE_SPORTS, kind: MATURITY) { version } }`, {}, workerToken),
    );
    expect(rubricVersions[0].version).toBe(setRubric.version);
    expect(rubricVersions.at(-1)?.version).toBe(1);
  });

  it("refuses an organization outside the caller's scopes, and roles that do not assess", async () => {
    const organizationId = await newOrganization();
    const elsewhere = await tokenFor('PROGRAMME_MANAGER', [{ kind: 'DISTRICT', id: (await insertPlaces(db, '别处')).districtId }]);
    const here = await tokenFor('PROGRAMME_MANAGER', [{ kind: 'DISTRICT', id: places.districtId }]);
    const input = { organizationId, kind: 'CAPACITY', assessedOn: '2026-03-01', scores: capacityScores };
    expect((await record(input, elsewhere)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await graphql(service.url, `query ($id: ID!) { assessments(organizationId: $id) { id } }`, { id: organizationId }, elsewhere)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await record(input, await tokenFor('ANALYST'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await record(input, here)).errors).toBeUndefined();
  });
});
