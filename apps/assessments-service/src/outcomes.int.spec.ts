import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { dataOf, graphql, insertCultivatedOrganization, insertPlaces, requireDatabaseUrl, startTestApp, tokenFor, uniqueSuffix, type TestApp, type TestPlaces } from '@peiyu/platform-testing';
import { AssessmentsServiceModule } from './app.module.js';

const RECORD = `mutation ($input: RecordOutcomeEvaluationInput!) {
  recordOutcomeEvaluation(input: $input) {
    id organizationId cultivationId communityScore organizationScore institutionScore evaluatedOn note
    levels { level indicatorSetVersion score targetScore metTarget scores { key score } }
  }
}`;
const CHECK = `mutation ($input: RecordFollowUpCheckInput!) { recordFollowUpCheck(input: $input) { id cultivationId followUpIndex passed checkedOn findings { stillActive membersRetained } } }`;
const SET = `mutation ($input: SetOutcomeIndicatorSetInput!) { setOutcomeIndicatorSet(input: $input) { level version targetScore indicators { key weight maxScore } } }`;

const COMMUNITY = ['resident_participation', 'needs_met', 'neighbourhood_cohesion', 'community_governance'];
const ORGANIZATION = ['self_governance', 'member_stability', 'activity_regularity', 'resource_capacity', 'financial_transparency'];
const INSTITUTION = ['cultivation_support', 'capacity_transfer', 'timeliness', 'process_records'];
const each = (keys: string[], score: number) => keys.map((key) => ({ key, score }));

type Evaluation = {
  id: string;
  cultivationId: string;
  communityScore: number;
  organizationScore: number;
  institutionScore: number;
  levels: { level: string; indicatorSetVersion: number; score: number; targetScore: number; metTarget: boolean }[];
};

/**
 * Outcome evaluations at the three levels and follow-up checks, on the built-in indicator sets of the
 * COMMUNITY and ORGANIZATION levels (which no test changes); new versions go to the INSTITUTION level,
 * read first, so the tests stand in any order and on a database used before.
 */
describe('assessments-service outcome evaluations and follow-up checks', () => {
  let service: TestApp;
  let db: pg.Client;
  let places: TestPlaces;
  let otherPlaces: TestPlaces;
  let supervisorToken: string;
  let adminToken: string;

  /** A new organization under an open cultivation, in withdrawal. */
  const cultivated = (where: TestPlaces = places) => insertCultivatedOrganization(db, where, { stage: 'WITHDRAWAL', status: 'MATURE' });

  const evaluationInput = (organizationId: string, change: Record<string, unknown> = {}) => ({
    organizationId,
    evaluatedOn: '2026-05-01',
    communityScores: [
      { key: 'resident_participation', score: 5 },
      { key: 'needs_met', score: 4 },
      { key: 'neighbourhood_cohesion', score: 4 },
      { key: 'community_governance', score: 3 },
    ],
    organizationScores: each(ORGANIZATION, 2),
    institutionScores: each(INSTITUTION, 4),
    ...change,
  });
  const record = (input: Record<string, unknown>, token = supervisorToken) => graphql<{ recordOutcomeEvaluation: Evaluation }>(service.url, RECORD, { input }, token);

  beforeAll(async () => {
    service = await startTestApp(AssessmentsServiceModule.forDatabase(requireDatabaseUrl()));
    db = new pg.Client({ connectionString: requireDatabaseUrl() });
    await db.connect();
    places = await insertPlaces(db, '成效');
    otherPlaces = await insertPlaces(db, '成效外');
    supervisorToken = await tokenFor('SUPERVISOR', [{ kind: 'DISTRICT', id: places.districtId }]);
    adminToken = await tokenFor('ADMIN');
  });
  afterAll(async () => {
    await db.end();
    await service.close();
  });

  it('computes each level score against its indicator set, ties it to the open cultivation, and writes an event without the evaluator or note', async () => {
    const { organizationId, cultivationId } = await cultivated();
    const { recordOutcomeEvaluation: evaluation } = dataOf(await record(evaluationInput(organizationId, { note: '居民参与活跃' })));
    // Community: weights 3, 3, 2, 2 of 5 points: (3×5 + 3×4 + 2×4 + 2×3) / 5 / 10 = 82; organization 2 of 5 = 40; institution 4 of 5 = 80.
    expect(evaluation).toMatchObject({ cultivationId, communityScore: 82, organizationScore: 40, institutionScore: 80 });
    expect(evaluation.levels.map((l) => [l.level, l.score, l.targetScore, l.metTarget])).toEqual([
      ['COMMUNITY', 82, 60, true],
      ['ORGANIZATION', 40, 60, false],
      ['INSTITUTION', 80, expect.any(Number), expect.any(Boolean)],
    ]);
    const { rows } = await db.query(`SELECT "type", "payload" FROM "assessments"."outbox" WHERE "payload"->>'evaluationId' = $1`, [evaluation.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].type).toBe('assessment.outcome-evaluated');
    expect(rows[0].payload).toMatchObject({ evaluationId: evaluation.id, organizationId, cultivationId, evaluatedOn: '2026-05-01' });
    expect(JSON.stringify(rows[0].payload)).not.toContain('居民参与活跃');

    // Through the Organization entity, as the gateway asks for it, and in the connection.
    const entities = dataOf(
      await graphql<{ _entities: { outcomeEvaluations: { id: string }[] }[] }>(
        service.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { outcomeEvaluations { id } } } }`,
        { r: [{ __typename: 'Organization', id: organizationId }] },
        supervisorToken,
      ),
    );
    expect(entities._entities[0].outcomeEvaluations).toEqual([{ id: evaluation.id }]);
    const listed = dataOf(
      await graphql<{ outcomeEvaluations: { totalCount: number; edges: { node: { id: string } }[] } }>(
        service.url,
        `query ($id: ID!) { outcomeEvaluations(first: 10, filter: { cultivationId: $id }) { totalCount edges { node { id } } } }`,
        { id: cultivationId },
        supervisorToken,
      ),
    );
    expect(listed.outcomeEvaluations).toEqual({ totalCount: 1, edges: [{ node: { id: evaluation.id } }] });
  });

  it('names the field of a missing or out-of-range indicator score, a future day, or an organization not under cultivation, writing nothing', async () => {
    const { organizationId } = await cultivated();
    const attempt = async (change: Record<string, unknown>, id = organizationId) => (await record(evaluationInput(id, change))).errors?.[0].extensions;
    expect(await attempt({ communityScores: each(COMMUNITY.slice(1), 3) })).toEqual({ code: 'BAD_USER_INPUT', field: 'communityScores' });
    expect(await attempt({ organizationScores: [{ key: 'self_governance', score: 9 }, ...each(ORGANIZATION.slice(1), 3)] })).toEqual({ code: 'BAD_USER_INPUT', field: 'organizationScores.0.score' });
    expect(await attempt({ institutionScores: [...each(INSTITUTION, 3), { key: 'charm', score: 1 }] })).toEqual({ code: 'BAD_USER_INPUT', field: 'institutionScores.4.key' });
    expect(await attempt({ evaluatedOn: '2999-01-01' })).toEqual({ code: 'BAD_USER_INPUT', field: 'evaluatedOn' });
    expect(await attempt({}, randomUUID())).toEqual({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    const idle = randomUUID();
    await db.query(`INSERT INTO organizations.organization (id, name, community_id, category, status, version) VALUES ($1, $2, $3, 'MEDIATION', 'FORMING', 1)`, [idle, `未培育${uniqueSuffix()}`, places.communityId]);
    expect(await attempt({}, idle)).toEqual({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    const { rows } = await db.query(`SELECT 1 FROM "assessments"."outcome_evaluation" WHERE "organization_id" = ANY($1::uuid[])`, [[organizationId, idle]]);
    expect(rows).toHaveLength(0);
  });

  it('keeps evaluations and checks outside the caller’s scopes out of lists, and refuses them one by one and as a target', async () => {
    const outside = await cultivated(otherPlaces);
    const { recordOutcomeEvaluation } = dataOf(await record(evaluationInput(outside.organizationId), adminToken));
    expect((await record(evaluationInput(outside.organizationId))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const one = await graphql(service.url, `query ($id: ID!) { outcomeEvaluation(id: $id) { id } }`, { id: recordOutcomeEvaluation.id }, supervisorToken);
    expect(one.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const listed = dataOf(
      await graphql<{ outcomeEvaluations: { totalCount: number } }>(service.url, `query ($id: ID!) { outcomeEvaluations(first: 5, filter: { organizationId: $id }) { totalCount } }`, { id: outside.organizationId }, supervisorToken),
    );
    expect(listed.outcomeEvaluations.totalCount).toBe(0);
    const analyst = await tokenFor('ANALYST', [{ kind: 'DISTRICT', id: places.districtId }]);
    const { organizationId } = await cultivated();
    expect((await record(evaluationInput(organizationId), analyst)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('records a follow-up check that passes only when every finding holds, with its event', async () => {
    const { organizationId, cultivationId } = await cultivated();
    const findings = { stillActive: true, leadershipStable: true, holdingActivities: true, financesInOrder: true, membersRetained: true };
    const check = async (change: Record<string, boolean>, followUpIndex = 0) =>
      dataOf(
        await graphql<{ recordFollowUpCheck: { id: string; cultivationId: string; followUpIndex: number; passed: boolean } }>(
          service.url,
          CHECK,
          { input: { organizationId, followUpIndex, checkedOn: '2026-06-01', findings: { ...findings, ...change }, note: '回访正常' } },
          supervisorToken,
        ),
      ).recordFollowUpCheck;
    const passed = await check({});
    expect(passed).toMatchObject({ cultivationId, followUpIndex: 0, passed: true });
    expect((await check({ membersRetained: false }, 1)).passed).toBe(false);
    const { rows } = await db.query(`SELECT "payload" FROM "assessments"."outbox" WHERE "type" = 'assessment.follow-up-checked' AND "payload"->>'cultivationId' = $1 ORDER BY "payload"->>'followUpIndex'`, [cultivationId]);
    expect(rows.map((r) => [r.payload.followUpIndex, r.payload.passed])).toEqual([
      [0, true],
      [1, false],
    ]);
    const bad = await graphql(service.url, CHECK, { input: { organizationId, followUpIndex: 0, checkedOn: '2999-01-01', findings } }, supervisorToken);
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'checkedOn' });
  });

  it('stores indicator set versions (administrators), names the field of an invalid one, and scores later evaluations against the new version', async () => {
    const { outcomeIndicatorSet: before } = dataOf(await graphql<{ outcomeIndicatorSet: { version: number } }>(service.url, `{ outcomeIndicatorSet(level: INSTITUTION) { version } }`, {}, adminToken));
    const indicators = [
      { key: 'cultivation_support', label: '培育支持到位', weight: 1, maxScore: 5 },
      { key: 'capacity_transfer', label: '能力与权责移交', weight: 1, maxScore: 5 },
      { key: 'timeliness', label: '按期推进', weight: 1, maxScore: 5 },
      { key: 'process_records', label: '过程记录完整', weight: 1, maxScore: 5 },
    ];
    const refused = await graphql(service.url, SET, { input: { level: 'INSTITUTION', targetScore: 70, indicators: [indicators[0], indicators[0]] } }, adminToken);
    expect(refused.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'indicators.1.key' });
    expect((await graphql(service.url, SET, { input: { level: 'INSTITUTION', targetScore: 70, indicators } }, supervisorToken)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { setOutcomeIndicatorSet } = dataOf(await graphql<{ setOutcomeIndicatorSet: { version: number; targetScore: number } }>(service.url, SET, { input: { level: 'INSTITUTION', targetScore: 70, indicators } }, adminToken));
    expect(setOutcomeIndicatorSet).toEqual({ level: 'INSTITUTION', version: before.version + 1, targetScore: 70, indicators: indicators.map(({ key, weight, maxScore }) => ({ key, weight, maxScore })) });

    const { organizationId } = await cultivated();
    const { recordOutcomeEvaluation } = dataOf(await record(evaluationInput(organizationId, { institutionScores: [{ key: 'cultivation_support', score: 5 }, ...each(INSTITUTION.slice(1), 3)] })));
    // Equal weights now: (5 + 3 + 3 + 3) / 20 = 70, just at the new target.
    expect(recordOutcomeEvaluation.levels[2]).toMatchObject({ level: 'INSTITUTION', indicatorSetVersion: before.version + 1, score: 70, targetScore: 70, metTarget: true });
    const versions = dataOf(await graphql<{ outcomeIndicatorSetVersions: { version: number }[] }>(service.url, `{ outcomeIndicatorSetVersions(level: INSTITUTION) { version } }`, {}, adminToken));
    expect(versions.outcomeIndicatorSetVersions.at(-1)).toEqual({ version: 1 });
    expect(versions.outcomeIndicatorSetVersions[0]).toEqual({ version: before.version + 1 });
  });
});
