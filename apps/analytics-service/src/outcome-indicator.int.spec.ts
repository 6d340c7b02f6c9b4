import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Scope } from '@peiyu/contracts';
import { dataOf, graphql, tokenFor, type TestApp } from '@peiyu/platform-testing';
import { startAnalyticsFixture, type AnalyticsFixture } from './analytics-fixture.js';

/**
 * The outcome table, on hand-made outcome evaluations of four cultivations in two districts of their
 * own. Each evaluation gives the community, organization and institution score and whether each met
 * its target; every expected value is worked out from the events below by hand.
 *
 *   cultivation  district  evaluated on  community     organization  institution
 *   A            D1        2024-03-10    80 met        50 not        70 met
 *   A            D1        2024-05-20    90 met        65 met        70 met     (re-evaluated: Q2 counts this one)
 *   A            D1        2024-05-01    60 met        40 not        60 met     (earlier in Q2: not counted in Q2)
 *   B            D1        2024-02-01    55 not        75 met        85 met     (its event is written twice)
 *   C            D2        2024-08-15    100 met       60 met        45 not
 *   N            -         2024-03-01    (a cultivation analytics does not know: counted nowhere)
 */
const FIELDS = 'group period level evaluated meanScore medianScore metTarget metTargetRate';

describe('analytics-service: outcome indicator', () => {
  let service: TestApp;
  let fixture: AnalyticsFixture;
  const [D1, D2] = [randomUUID(), randomUUID()];
  const [A, B, C] = [randomUUID(), randomUUID(), randomUUID()];

  const emit = (schema: 'cultivation' | 'assessments', type: string, payload: Record<string, unknown>) => fixture.emit(schema, type, payload);
  const start = (cultivationId: string, districtId: string) =>
    emit('cultivation', 'cultivation.started', {
      cultivationId,
      organizationId: randomUUID(),
      communityId: randomUUID(),
      districtId,
      streetId: randomUUID(),
      institutionId: randomUUID(),
      category: 'MEDIATION',
      stage: 'FORMATION',
      stageDeadline: '2025-01-01T00:00:00Z',
    });
  const evaluation = (cultivationId: string, evaluatedOn: string, [community, organization, institution]: [number, boolean][]) => ({
    evaluationId: randomUUID(),
    organizationId: randomUUID(),
    cultivationId,
    levels: [
      { level: 'COMMUNITY', score: community[0], targetScore: 60, metTarget: community[1] },
      { level: 'ORGANIZATION', score: organization[0], targetScore: 60, metTarget: organization[1] },
      { level: 'INSTITUTION', score: institution[0], targetScore: 60, metTarget: institution[1] },
    ],
    evaluatedOn,
    at: `${evaluatedOn}T02:00:00.000Z`,
  });
  const evaluate = (...args: Parameters<typeof evaluation>) => emit('assessments', 'assessment.outcome-evaluated', evaluation(...args));

  const projected = () => fixture.projected(['cultivation', 'assessments']);
  const table = async (input: object, token?: string) =>
    dataOf(
      await graphql<{ t: { rows: Record<string, unknown>[]; csv: string } }>(
        service.url,
        `query ($input: IndicatorInput!) { t: outcomeIndicator(input: $input) { rows { ${FIELDS} } csv } }`,
        { input },
        token ?? (await tokenFor('ANALYST')),
      ),
    ).t;

  beforeAll(async () => {
    fixture = await startAnalyticsFixture();
    ({ service } = fixture);
    await start(A, D1);
    await start(B, D1);
    await start(C, D2);
    await evaluate(A, '2024-03-10', [[80, true], [50, false], [70, true]]);
    await evaluate(A, '2024-05-20', [[90, true], [65, true], [70, true]]);
    await evaluate(A, '2024-05-01', [[60, true], [40, false], [60, true]]);
    const b = evaluation(B, '2024-02-01', [[55, false], [75, true], [85, true]]);
    await emit('assessments', 'assessment.outcome-evaluated', b);
    await emit('assessments', 'assessment.outcome-evaluated', b);
    await evaluate(C, '2024-08-15', [[100, true], [60, true], [45, false]]);
    await evaluate(randomUUID(), '2024-03-01', [[10, false], [10, false], [10, false]]);
    await projected();
  }, 60_000);
  afterAll(() => fixture.close());

  it('counts each cultivation by its latest evaluation in the period, per level, with mean, median and the share meeting the target', async () => {
    const { rows } = await table({ filter: { districtIds: [D1, D2] }, period: { from: '2024-01-01', to: '2024-12-31' } });
    // The year: A's latest is May 20 (90/65/70), B (55/75/85), C (100/60/45).
    expect(rows.map(({ level, evaluated, meanScore, medianScore, metTarget, metTargetRate }) => ({ level, evaluated, meanScore, medianScore, metTarget, metTargetRate }))).toEqual([
      { level: 'COMMUNITY', evaluated: 3, meanScore: 81.67, medianScore: 90, metTarget: 2, metTargetRate: 0.6667 },
      { level: 'ORGANIZATION', evaluated: 3, meanScore: 66.67, medianScore: 65, metTarget: 3, metTargetRate: 1 },
      { level: 'INSTITUTION', evaluated: 3, meanScore: 66.67, medianScore: 70, metTarget: 2, metTargetRate: 0.6667 },
    ]);
  });

  it('buckets by quarter and groups by district', async () => {
    const { rows } = await table({ filter: { districtIds: [D1, D2] }, groupBy: 'DISTRICT', period: { from: '2024-01-01', to: '2024-12-31', bucket: 'QUARTER' } });
    const community = (group: string, period: string) => rows.find((r) => r.group === group && r.period === period && r.level === 'COMMUNITY');
    // Q1 in D1: A (80, March 10) and B (55); Q2 in D1: A's latest there (90, May 20); Q3 in D2: C.
    expect(community(D1, '2024-Q1')).toMatchObject({ evaluated: 2, meanScore: 67.5, medianScore: 67.5, metTarget: 1, metTargetRate: 0.5 });
    expect(community(D1, '2024-Q2')).toMatchObject({ evaluated: 1, meanScore: 90, metTarget: 1 });
    expect(community(D1, '2024-Q3')).toMatchObject({ evaluated: 0, meanScore: null, medianScore: null, metTargetRate: null });
    expect(community(D2, '2024-Q3')).toMatchObject({ evaluated: 1, meanScore: 100 });
    expect(rows).toHaveLength(2 * 4 * 3);
  });

  it("leaves out what lies outside the caller's scopes, and exports the table as CSV", async () => {
    const inD2 = await tokenFor('ANALYST', [{ kind: 'DISTRICT', id: D2 } satisfies Scope]);
    const { rows, csv } = await table({ filter: { districtIds: [D1, D2] }, period: { from: '2024-01-01', to: '2024-12-31' } }, inD2);
    expect(rows.map((r) => [r.level, r.evaluated, r.meanScore])).toEqual([
      ['COMMUNITY', 1, 100],
      ['ORGANIZATION', 1, 60],
      ['INSTITUTION', 1, 45],
    ]);
    expect(csv.split('\n')[0]).toContain('metTargetRate');
    expect(csv).toContain('COMMUNITY');
  });
});
