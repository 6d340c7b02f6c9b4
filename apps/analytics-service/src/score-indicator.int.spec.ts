import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Scope } from '@peiyu/contracts';
import { dataOf, graphql, tokenFor, type GraphQLResult, type TestApp } from '@peiyu/platform-testing';
import { startAnalyticsFixture, type AnalyticsFixture } from './analytics-fixture.js';

/**
 * The assessment score table, on a hand-made set of assessments of five organizations in two
 * districts of their own. Every expected value is worked out from the events below by hand; the
 * period of an assessment is its day assessed (a local date), and the cultivation it counts under is
 * the one of its organization started last by the end of that day in Asia/Shanghai (UTC+8).
 *
 *   OA  cultivation A   D1 S1 I1 MEDIATION       started 2024-01-10
 *   OB  cultivation B   D1 S1 I2 LIFE_SERVICE    started 2024-02-01
 *   OC  cultivation C   D2 S2 I1 CULTURE_SPORTS  started 2024-01-20
 *   OE  cultivation E1  D1 S1 I1 MEDIATION       started 2024-01-05, terminated 2024-03-01
 *       cultivation E2  D2 S2 I2 MEDIATION       started 2024-04-30T17:00Z, that is May 1 01:00 in Shanghai
 *   ON  no cultivation
 *
 *   id  org  kind      score  pass  assessed on   passed  band
 *   a1  OA   CAPACITY  55.5   60    2024-02-10    no      40-60
 *   a2  OA   CAPACITY  72.25  60    2024-03-15    yes     60-80   (its event is written twice)
 *   a3  OA   MATURITY  80     75    2024-06-30    yes     80-100  (80 is in the upper band)
 *   b1  OB   CAPACITY  40     60    2024-03-31    no      40-60   (40 is in the upper band)
 *   b2  OB   MATURITY  100    75    2024-07-01    yes     80-100  (100 is in the last band)
 *   c1  OC   CAPACITY  19.99  60    2024-02-29    no      0-20
 *   c2  OC   CAPACITY  60     60    2024-02-01    yes     60-80   (score = pass score passes)
 *   e1  OE   CAPACITY  30     50    2024-04-30    no      20-40   under E1 (D1, I1): E2 started only on May 1 local time
 *   e2  OE   CAPACITY  85     50    2024-05-01    yes     80-100  under E2 (D2, I2)
 *   n1  ON   CAPACITY  90     60    2024-03-01    yes     -       counted nowhere: no cultivation
 *   z1  OA   CAPACITY  10     60    2023-12-31    no      -       before 2024
 */

type Row = Record<string, unknown>;
interface Table {
  rows: Row[];
  csv: string;
}

const FIELDS = 'group period periodStart periodEnd kind assessed meanScore medianScore passed passRate band0To20 band20To40 band40To60 band60To80 band80To100';
const YEAR_2024 = { from: '2024-01-01', to: '2024-12-31' };
const WHOLE_2024 = { period: '2024-01-01/2024-12-31', periodStart: '2024-01-01', periodEnd: '2024-12-31' };
const QUARTERS_2024 = [
  { period: '2024-Q1', periodStart: '2024-01-01', periodEnd: '2024-03-31' },
  { period: '2024-Q2', periodStart: '2024-04-01', periodEnd: '2024-06-30' },
  { period: '2024-Q3', periodStart: '2024-07-01', periodEnd: '2024-09-30' },
  { period: '2024-Q4', periodStart: '2024-10-01', periodEnd: '2024-12-31' },
];

/** A row's values; bands as [0-20, 20-40, 40-60, 60-80, 80-100]. */
function values(assessed: number, meanScore: number | null, medianScore: number | null, passed: number, passRate: number | null, bands = [0, 0, 0, 0, 0]): Row {
  const [band0To20, band20To40, band40To60, band60To80, band80To100] = bands;
  return { assessed, meanScore, medianScore, passed, passRate, band0To20, band20To40, band40To60, band60To80, band80To100 };
}
const NONE = values(0, null, null, 0, null);

describe('analytics-service: assessment score indicator', () => {
  let service: TestApp;
  let db: pg.Client;
  let fixture: AnalyticsFixture;

  const [D1, D2] = [randomUUID(), randomUUID()];
  const [S1, S2] = [randomUUID(), randomUUID()];
  const [I1, I2] = [randomUUID(), randomUUID()];
  const [OA, OB, OC, OE, ON] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const BOTH = { districtIds: [D1, D2] };
  const districtAnalyst = (id: string) => tokenFor('ANALYST', [{ kind: 'DISTRICT', id } satisfies Scope]);

  async function emit(schema: 'cultivation' | 'assessments', type: string, payload: Record<string, unknown>, occurredAt?: string): Promise<void> {
    await db.query(
      `INSERT INTO "${schema}"."outbox" ("type", "version", "payload", "idempotency_key", "occurred_at") VALUES ($1, 1, $2, $3, COALESCE($4::timestamptz, now()))`,
      [type, JSON.stringify(payload), `test:${randomUUID()}`, occurredAt ?? null],
    );
  }

  async function start(organizationId: string, place: { districtId: string; streetId: string; institutionId: string; category: string }, at: string): Promise<string> {
    const cultivationId = randomUUID();
    await emit(
      'cultivation',
      'cultivation.started',
      { cultivationId, organizationId, communityId: randomUUID(), ...place, stage: 'FORMATION', stageDeadline: '2025-01-01T00:00:00Z', at },
      at,
    );
    return cultivationId;
  }

  function assessmentEvent(organizationId: string, kind: string, score: number, passScore: number, assessedOn: string): Record<string, unknown> {
    return { assessmentId: randomUUID(), organizationId, kind, score, passScore, passed: score >= passScore, assessedOn, at: `${assessedOn}T02:00:00.000Z` };
  }
  const assess = (...args: Parameters<typeof assessmentEvent>) => emit('assessments', 'assessment.recorded', assessmentEvent(...args));

  const projected = () => fixture.projected(['cultivation', 'assessments']);

  function ask(input: object, token: string | undefined): Promise<GraphQLResult<{ t: Table }>> {
    return graphql<{ t: Table }>(service.url, `query ($input: ScoreIndicatorInput!) { t: scoreIndicator(input: $input) { rows { ${FIELDS} } csv } }`, { input }, token);
  }
  const table = async (input: object, token?: string) => dataOf(await ask(input, token ?? (await tokenFor('ANALYST')))).t;

  beforeAll(async () => {
    fixture = await startAnalyticsFixture();
    ({ service, db } = fixture);

    await start(OA, { districtId: D1, streetId: S1, institutionId: I1, category: 'MEDIATION' }, '2024-01-10T04:00:00Z');
    await start(OB, { districtId: D1, streetId: S1, institutionId: I2, category: 'LIFE_SERVICE' }, '2024-02-01T04:00:00Z');
    await start(OC, { districtId: D2, streetId: S2, institutionId: I1, category: 'CULTURE_SPORTS' }, '2024-01-20T04:00:00Z');
    const e1 = await start(OE, { districtId: D1, streetId: S1, institutionId: I1, category: 'MEDIATION' }, '2024-01-05T04:00:00Z');
    await emit('cultivation', 'cultivation.status-changed', { cultivationId: e1, status: 'TERMINATED', at: '2024-03-01T04:00:00Z' });
    await start(OE, { districtId: D2, streetId: S2, institutionId: I2, category: 'MEDIATION' }, '2024-04-30T17:00:00Z');

    await assess(OA, 'CAPACITY', 55.5, 60, '2024-02-10');
    const a2 = assessmentEvent(OA, 'CAPACITY', 72.25, 60, '2024-03-15');
    await emit('assessments', 'assessment.recorded', a2);
    await assess(OA, 'MATURITY', 80, 75, '2024-06-30');
    await assess(OB, 'CAPACITY', 40, 60, '2024-03-31');
    await assess(OB, 'MATURITY', 100, 75, '2024-07-01');
    await assess(OC, 'CAPACITY', 19.99, 60, '2024-02-29');
    await assess(OC, 'CAPACITY', 60, 60, '2024-02-01');
    await assess(OE, 'CAPACITY', 30, 50, '2024-04-30');
    await assess(OE, 'CAPACITY', 85, 50, '2024-05-01');
    await assess(ON, 'CAPACITY', 90, 60, '2024-03-01');
    await assess(OA, 'CAPACITY', 10, 60, '2023-12-31');
    // A replay of a2 (the same assessment id) counts once; an event that cannot be read is passed over, and survey responses are not assessments.
    await emit('assessments', 'assessment.recorded', a2);
    await emit('assessments', 'assessment.recorded', { ...assessmentEvent(OA, 'CAPACITY', 50, 60, '2024-03-16'), kind: 'GROWTH' });
    await emit('assessments', 'assessment.survey-response-recorded', { surveyId: randomUUID(), responseId: randomUUID(), communityId: randomUUID(), demandCategories: [], recordedAt: '2024-03-01T00:00:00Z' });
    await projected();
  }, 30_000);
  afterAll(() => fixture.close());

  it('counts every assessment of 2024 with its mean, median, pass share and score bands, and exports it as CSV', async () => {
    const result = await table({ filter: BOTH, period: YEAR_2024 });
    expect(result.rows).toEqual([
      // a1 55.5, a2 72.25, b1 40, c1 19.99, c2 60, e1 30, e2 85 (not n1, of no cultivation; not z1, of 2023; a2 once).
      // Mean 362.74 / 7 = 51.82; sorted 19.99 30 40 [55.5] 60 72.25 85; passed a2, c2 (60 ≥ 60), e2: 3 / 7 = 0.4286.
      { kind: 'CAPACITY', group: null, ...WHOLE_2024, ...values(7, 51.82, 55.5, 3, 0.4286, [1, 1, 2, 2, 1]) },
      // a3 80 and b2 100, both passed, both in the top band.
      { kind: 'MATURITY', group: null, ...WHOLE_2024, ...values(2, 90, 90, 2, 1, [0, 0, 0, 0, 2]) },
    ]);
    expect(result.csv.split('\r\n')).toEqual([
      'group,period,periodStart,periodEnd,kind,assessed,meanScore,medianScore,passed,passRate,band0To20,band20To40,band40To60,band60To80,band80To100',
      ',2024-01-01/2024-12-31,2024-01-01,2024-12-31,CAPACITY,7,51.82,55.5,3,0.4286,1,1,2,2,1',
      ',2024-01-01/2024-12-31,2024-01-01,2024-12-31,MATURITY,2,90,90,2,1,0,0,0,0,2',
      '',
    ]);
  });

  it('projects each assessment once, and counts those of an organization without a cultivation in no table', async () => {
    const facts = async (organizationId: string) =>
      (await db.query(`SELECT count(*)::int AS "n" FROM "analytics"."assessment_fact" WHERE "organization_id" = $1`, [organizationId])).rows[0] as { n: number };
    // OA: a1, a2 (written twice), a3, z1; the unreadable one is not there.
    expect(await facts(OA)).toEqual({ n: 4 });
    // n1 is projected, but counts in no row: for a CITY analyst without a filter, the ungrouped total is the sum of the districts.
    expect(await facts(ON)).toEqual({ n: 1 });
    const total = (await table({ period: YEAR_2024 })).rows.map((r) => r.assessed as number);
    const byDistrict = (await table({ groupBy: 'DISTRICT', period: YEAR_2024 })).rows;
    const sum = (kind: string) => byDistrict.filter((r) => r.kind === kind).reduce((n, r) => n + (r.assessed as number), 0);
    expect(total).toEqual([sum('CAPACITY'), sum('MATURITY')]);
  });

  it("groups each assessment by its organization's cultivation on the day assessed", async () => {
    const byDistrict = await table({ groupBy: 'DISTRICT', filter: BOTH, period: YEAR_2024, kind: 'CAPACITY' });
    expect(byDistrict.rows).toEqual(
      [
        // D1: a1 55.5, a2 72.25, b1 40, and e1 30 (OE's E1, though terminated: E2 started after the end of Apr 30 local time).
        // Mean 197.75 / 4 = 49.4375 -> 49.44; median (40 + 55.5) / 2 = 47.75; passed a2 alone.
        { group: D1, kind: 'CAPACITY', ...WHOLE_2024, ...values(4, 49.44, 47.75, 1, 0.25, [0, 1, 2, 1, 0]) },
        // D2: c1 19.99, c2 60, e2 85 (E2, started May 1 01:00 local). Mean 164.99 / 3 = 54.9967 -> 55; median 60; passed c2, e2.
        { group: D2, kind: 'CAPACITY', ...WHOLE_2024, ...values(3, 55, 60, 2, 0.6667, [1, 0, 0, 1, 1]) },
      ].sort((x, y) => (x.group < y.group ? -1 : 1)),
    );
    const count = async (groupBy: string) =>
      Object.fromEntries((await table({ groupBy, filter: BOTH, period: YEAR_2024, kind: 'CAPACITY' })).rows.map((r) => [r.group, r.assessed]));
    // I1: a1, a2 (A), c1, c2 (C), e1 (E1); I2: b1 (B), e2 (E2).
    expect(await count('INSTITUTION')).toEqual({ [I1]: 5, [I2]: 2 });
    expect(await count('STREET')).toEqual({ [S1]: 4, [S2]: 3 });
    // MEDIATION: a1, a2, e1, e2; LIFE_SERVICE: b1; CULTURE_SPORTS: c1, c2.
    expect(await count('CATEGORY')).toEqual({ MEDIATION: 4, LIFE_SERVICE: 1, CULTURE_SPORTS: 2 });
    // Cohorts by the start month of the cultivation: A, C, E1 in January; B in February; E2 in May (Shanghai).
    expect(await count('COHORT')).toEqual({ '2024-01': 5, '2024-02': 1, '2024-05': 1 });
    // A filter keeps the assessments whose cultivation it keeps: institution I2 is b1 and e2.
    expect((await table({ filter: { ...BOTH, institutionIds: [I2] }, period: YEAR_2024, kind: 'CAPACITY' })).rows).toEqual([
      { group: null, kind: 'CAPACITY', ...WHOLE_2024, ...values(2, 62.5, 62.5, 1, 0.5, [0, 0, 1, 0, 1]) },
    ]);
  });

  it("takes only each organization's latest assessment of the kind in each period with latestOnly", async () => {
    // The year: OA's a2 (Mar 15, after a1), OB's b1, OC's c1 (Feb 29, after c2), OE's e2 (May 1, after e1).
    // Mean (72.25 + 40 + 19.99 + 85) / 4 = 54.31; median (40 + 72.25) / 2 = 56.125 -> 56.13; passed a2, e2.
    expect((await table({ filter: BOTH, period: YEAR_2024, kind: 'CAPACITY', latestOnly: true })).rows).toEqual([
      { group: null, kind: 'CAPACITY', ...WHOLE_2024, ...values(4, 54.31, 56.13, 2, 0.5, [1, 0, 1, 1, 1]) },
    ]);
    // By quarter: Q1 a2, b1, c1 (mean 132.24 / 3 = 44.08, median 40, a2 passed); Q2 e2 alone (e1 is older in the same quarter).
    const quarters = await table({ filter: BOTH, period: { ...YEAR_2024, bucket: 'QUARTER' }, kind: 'CAPACITY', latestOnly: true });
    expect(quarters.rows).toEqual([
      { group: null, kind: 'CAPACITY', ...QUARTERS_2024[0], ...values(3, 44.08, 40, 1, 0.3333, [1, 0, 1, 1, 0]) },
      { group: null, kind: 'CAPACITY', ...QUARTERS_2024[1], ...values(1, 85, 85, 1, 1, [0, 0, 0, 0, 1]) },
      { group: null, kind: 'CAPACITY', ...QUARTERS_2024[2], ...NONE },
      { group: null, kind: 'CAPACITY', ...QUARTERS_2024[3], ...NONE },
    ]);
    // Every assessment, by quarter: Q1 a1, a2, b1, c1, c2; Q2 e1, e2.
    const all = await table({ filter: BOTH, period: { ...YEAR_2024, bucket: 'QUARTER' }, kind: 'CAPACITY' });
    expect(all.rows.map((r) => r.assessed)).toEqual([5, 2, 0, 0]);
    // MATURITY by month, latest only: a3 in June, b2 in July; each month of the year is a row.
    const months = await table({ filter: BOTH, period: { ...YEAR_2024, bucket: 'MONTH' }, kind: 'MATURITY', latestOnly: true });
    expect(months.rows.map((r) => [r.period, r.assessed])).toEqual(
      Array.from({ length: 12 }, (_, i) => [`2024-${String(i + 1).padStart(2, '0')}`, i === 5 || i === 6 ? 1 : 0]),
    );
  });

  it('shows a DISTRICT-scoped analyst only the assessments under their district', async () => {
    const token = await districtAnalyst(D1);
    // No filter: D1 alone, nothing of D2 nor of the organization without a cultivation. CAPACITY as in the D1 group above;
    // MATURITY a3 and b2, both of D1.
    const mine = await table({ period: YEAR_2024 }, token);
    expect(mine.rows).toEqual([
      { group: null, kind: 'CAPACITY', ...WHOLE_2024, ...values(4, 49.44, 47.75, 1, 0.25, [0, 1, 2, 1, 0]) },
      { group: null, kind: 'MATURITY', ...WHOLE_2024, ...values(2, 90, 90, 2, 1, [0, 0, 0, 0, 2]) },
    ]);
    expect(mine.csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    // Grouped by district, D2 is not even a group; a filter naming only D2 keeps nothing.
    expect((await table({ groupBy: 'DISTRICT', period: YEAR_2024 }, token)).rows.map((r) => r.group)).toEqual([D1, D1]);
    expect((await table({ filter: { districtIds: [D2] }, period: YEAR_2024 }, token)).rows).toEqual([
      { group: null, kind: 'CAPACITY', ...WHOLE_2024, ...NONE },
      { group: null, kind: 'MATURITY', ...WHOLE_2024, ...NONE },
    ]);
    // Latest only, chosen before the scope: OA's a2 and OB's b1; OE's latest (e2) is in D2, so e1 is not counted either.
    // Mean and median (72.25 + 40) / 2 = 56.125 -> 56.13.
    expect((await table({ period: YEAR_2024, kind: 'CAPACITY', latestOnly: true }, token)).rows).toEqual([
      { group: null, kind: 'CAPACITY', ...WHOLE_2024, ...values(2, 56.13, 56.13, 1, 0.5, [0, 0, 1, 1, 0]) },
    ]);
    // D2's analyst: c1, c2, e2.
    expect((await table({ period: YEAR_2024, kind: 'CAPACITY' }, await districtAnalyst(D2))).rows.map((r) => r.assessed)).toEqual([3]);
  });

  it('refuses a request without a token, and a bad input naming its field', async () => {
    const anonymous = await ask({}, undefined);
    expect(anonymous.data ?? null).toBeNull();
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const badKind = await graphql(service.url, `{ scoreIndicator(input: { kind: GROWTH }) { csv } }`, {}, await tokenFor('ANALYST'));
    expect(badKind.errors?.[0].message).toMatch(/GROWTH/);
    const badRange = await ask({ period: { from: '2024-12-31', to: '2024-01-01' } }, await tokenFor('ANALYST'));
    expect(badRange.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
