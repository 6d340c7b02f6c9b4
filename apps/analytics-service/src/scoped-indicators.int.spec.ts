import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Role, Scope } from '@peiyu/contracts';
import { dataOf, graphql, tokenFor, type GraphQLResult, type TestApp } from '@peiyu/platform-testing';
import { startAnalyticsFixture, type AnalyticsFixture } from './analytics-fixture.js';

/**
 * The street cut, scopes, deadline extensions, overdue counts, filing rate and organizations still
 * active after withdrawal, on a hand-made set of six cultivations in two districts of their own. Every
 * expected value is worked out from the events below by hand; times are UTC, periods follow the
 * calendar of Asia/Shanghai (UTC+8), so a month ends at 16:00 UTC on its last day.
 *
 * District D1: streets S1 and S2, and community K6 directly under the district (no street).
 * District D2: street S3. Institution I1 works in both districts, I2 in D1, I3 in D2.
 *
 *   P  D1 S1 I1 MEDIATION  formation Jan 10 -> Mar 20, planned deadline Feb 15, extended on Mar 5 to Apr 1;
 *                          growth Mar 20 -> May 20 (deadline Jun 20); maturity from May 20 (deadline Aug 20). Filed Jun 1.
 *   Q  D1 S2 I2 LIFE       formation from Feb 1 (deadline Mar 1), never left. Escalation eQ (DELAY, Mar 2), open.
 *   R  D1 S1 I2 CULTURE    formation Jan 15 -> Feb 10 (Feb 15); growth -> Apr 1 (Apr 10); maturity -> Jun 1 (Jul 1);
 *                          withdrawal -> Aug 1 (Sep 1); completed Aug 1. Not filed; an activity recorded Sep 1.
 *                          Follow-ups: +1 passed, +3 passed, +6 missed, +12 passed.
 *   T  D2 S3 I1 MEDIATION  formation Jan 20 -> Feb 18 (Feb 20); growth -> May 1 (May 18); maturity -> Jul 1 (Aug 1);
 *                          withdrawal -> Sep 1 (Oct 1); completed Sep 1. Filed Mar 1; activities Aug 15 and Oct 1,
 *                          dissolved Nov 1. Escalation eT (PERFORMANCE, Apr 1), open.
 *                          Follow-ups: +1 passed, +3 failed; re-engaged: +1 passed, +3 missed then recorded late as
 *                          passed, +6 passed.
 *   U  D2 S3 I3 CULTURE    formation from Mar 1 (deadline Apr 1), paused Mar 20 -> Mar 30; the resume moved the
 *                          deadline to Apr 11 (a deadline-extended event). Never left.
 *   V  D1 -  I1 CULTURE    formation from Apr 1 (deadline Dec 1), never left; its community has no street. A policy
 *                          change recomputed its deadline on May 1, earlier: May 15.
 */

type Row = Record<string, unknown>;
interface Table {
  rows: Row[];
  csv: string;
}

const STAGES = ['FORMATION', 'GROWTH', 'MATURITY', 'WITHDRAWAL', 'COMPLETED'] as const;
type StageName = (typeof STAGES)[number];
const YEAR_2024 = { from: '2024-01-01', to: '2024-12-31' };
const WHOLE_2024 = { period: '2024-01-01/2024-12-31', periodStart: '2024-01-01', periodEnd: '2024-12-31' };

const QUERIES = {
  funnel: ['stageFunnelIndicator', 'IndicatorInput', 'group period stage entered passed terminated'],
  time: ['timeInStageIndicator', 'IndicatorInput', 'group period stage completed medianDays p90Days medianPlannedDays withDeadline onTime onTimeRate onTimeAsPlanned'],
  escalations: ['escalationIndicator', 'EscalationIndicatorInput', 'group period raised openNow'],
  overdue: ['overdueIndicator', 'IndicatorInput', 'group period periodStart periodEnd asOf running withDeadline overdue overdueRate'],
  filing: ['filingRateIndicator', 'IndicatorInput', 'group period periodStart periodEnd reachedMaturity filed filingRate'],
  followUps: ['followUpIndicator', 'IndicatorInput', 'group period monthsAfter passed failed missed passRate'],
  withdrawal: ['withdrawalOutcomeIndicator', 'IndicatorInput', 'group period periodStart periodEnd completed stillActive stillActiveRate'],
} as const;
type Kind = keyof typeof QUERIES;

/** Funnel rows per stage, [entered, passed, terminated], zeros unless given. */
function funnelRows(group: string | null, counts: Partial<Record<StageName, [number, number, number]>>): Row[] {
  return STAGES.map((stage) => {
    const [entered, passed, terminated] = counts[stage] ?? [0, 0, 0];
    return { group, period: WHOLE_2024.period, stage, entered, passed: stage === 'COMPLETED' ? null : passed, terminated };
  });
}

describe('analytics-service: street cut, scopes and the newer indicators', () => {
  let service: TestApp;
  let db: pg.Client;
  let fixture: AnalyticsFixture;

  const [D1, D2] = [randomUUID(), randomUUID()];
  const [S1, S2, S3] = [randomUUID(), randomUUID(), randomUUID()];
  const [I1, I2, I3] = [randomUUID(), randomUUID(), randomUUID()];
  const [P, Q, R, T, U, V] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const organization = Object.fromEntries([P, Q, R, T, U, V].map((id) => [id, randomUUID()]));
  const cityToken = () => tokenFor('ANALYST');
  const tokenOf = (role: Role, scope: Scope) => tokenFor(role, [scope]);

  async function emit(schema: 'cultivation' | 'organizations', type: string, payload: Record<string, unknown>, occurredAt?: string): Promise<void> {
    await db.query(
      `INSERT INTO "${schema}"."outbox" ("type", "version", "payload", "idempotency_key", "occurred_at") VALUES ($1, 1, $2, $3, COALESCE($4::timestamptz, now()))`,
      [type, JSON.stringify(payload), `test:${randomUUID()}`, occurredAt ?? null],
    );
  }

  async function start(id: string, place: { districtId: string; streetId: string | null; institutionId: string; category: string }, at: string, stageDeadline: string) {
    await emit(
      'cultivation',
      'cultivation.started',
      { cultivationId: id, organizationId: organization[id], communityId: randomUUID(), ...place, stage: 'FORMATION', stageDeadline, at },
      at,
    );
  }
  const stageChanged = (id: string, from: StageName, to: StageName, at: string, deadline: string | null) =>
    emit('cultivation', 'cultivation.stage-changed', { cultivationId: id, from, to, at, deadline });
  const extended = (id: string, stage: StageName, deadline: string, at: string) => emit('cultivation', 'cultivation.deadline-extended', { cultivationId: id, stage, deadline, at });
  const statusChanged = (id: string, status: string, at: string) => emit('cultivation', 'cultivation.status-changed', { cultivationId: id, status, at });
  const followUp = (id: string, index: number, monthsAfter: number, result: string, at: string) =>
    emit('cultivation', 'cultivation.follow-up-recorded', { cultivationId: id, index, monthsAfter, result, at });
  const evidence = (id: string, kind: string, at: string) => emit('organizations', 'organization.evidence-changed', { organizationId: organization[id], evidence: kind, at });

  const projected = () => fixture.projected(['cultivation', 'organizations']);

  function ask(kind: Kind, input: object, token: string | undefined): Promise<GraphQLResult<{ t: Table }>> {
    const [field, inputType, fields] = QUERIES[kind];
    return graphql<{ t: Table }>(service.url, `query ($input: ${inputType}!) { t: ${field}(input: $input) { rows { ${fields} } csv } }`, { input }, token);
  }
  const table = async (kind: Kind, input: object, token: string) => dataOf(await ask(kind, input, token)).t;
  const BOTH = { districtIds: [D1, D2] };

  beforeAll(async () => {
    fixture = await startAnalyticsFixture();
    ({ service, db } = fixture);

    await start(P, { districtId: D1, streetId: S1, institutionId: I1, category: 'MEDIATION' }, '2024-01-10T04:00:00Z', '2024-02-15T04:00:00Z');
    await extended(P, 'FORMATION', '2024-04-01T04:00:00Z', '2024-03-05T04:00:00Z');
    await stageChanged(P, 'FORMATION', 'GROWTH', '2024-03-20T04:00:00Z', '2024-06-20T04:00:00Z');
    await stageChanged(P, 'GROWTH', 'MATURITY', '2024-05-20T04:00:00Z', '2024-08-20T04:00:00Z');

    await start(Q, { districtId: D1, streetId: S2, institutionId: I2, category: 'LIFE_SERVICE' }, '2024-02-01T04:00:00Z', '2024-03-01T04:00:00Z');
    await emit('cultivation', 'cultivation.escalation-raised', { cultivationId: Q, escalationId: randomUUID(), type: 'DELAY', level: 1, stage: 'FORMATION', raisedAt: '2024-03-02T04:00:00Z' });

    await start(R, { districtId: D1, streetId: S1, institutionId: I2, category: 'CULTURE_SPORTS' }, '2024-01-15T04:00:00Z', '2024-02-15T04:00:00Z');
    await stageChanged(R, 'FORMATION', 'GROWTH', '2024-02-10T04:00:00Z', '2024-04-10T04:00:00Z');
    await stageChanged(R, 'GROWTH', 'MATURITY', '2024-04-01T04:00:00Z', '2024-07-01T04:00:00Z');
    await stageChanged(R, 'MATURITY', 'WITHDRAWAL', '2024-06-01T04:00:00Z', '2024-09-01T04:00:00Z');
    await stageChanged(R, 'WITHDRAWAL', 'COMPLETED', '2024-08-01T04:00:00Z', null);

    await start(T, { districtId: D2, streetId: S3, institutionId: I1, category: 'MEDIATION' }, '2024-01-20T04:00:00Z', '2024-02-20T04:00:00Z');
    await stageChanged(T, 'FORMATION', 'GROWTH', '2024-02-18T04:00:00Z', '2024-05-18T04:00:00Z');
    await emit('cultivation', 'cultivation.escalation-raised', { cultivationId: T, escalationId: randomUUID(), type: 'PERFORMANCE', level: 1, stage: 'GROWTH', raisedAt: '2024-04-01T04:00:00Z' });
    await stageChanged(T, 'GROWTH', 'MATURITY', '2024-05-01T04:00:00Z', '2024-08-01T04:00:00Z');
    await stageChanged(T, 'MATURITY', 'WITHDRAWAL', '2024-07-01T04:00:00Z', '2024-10-01T04:00:00Z');
    await stageChanged(T, 'WITHDRAWAL', 'COMPLETED', '2024-09-01T04:00:00Z', null);

    await start(U, { districtId: D2, streetId: S3, institutionId: I3, category: 'CULTURE_SPORTS' }, '2024-03-01T04:00:00Z', '2024-04-01T04:00:00Z');
    await statusChanged(U, 'PAUSED', '2024-03-20T04:00:00Z');
    await statusChanged(U, 'ACTIVE', '2024-03-30T04:00:00Z');
    await extended(U, 'FORMATION', '2024-04-11T04:00:00Z', '2024-03-30T04:00:00Z');

    await start(V, { districtId: D1, streetId: null, institutionId: I1, category: 'CULTURE_SPORTS' }, '2024-04-01T04:00:00Z', '2024-12-01T04:00:00Z');
    await extended(V, 'FORMATION', '2024-05-15T04:00:00Z', '2024-05-01T04:00:00Z');

    await followUp(R, 0, 1, 'PASSED', '2024-07-10T04:00:00Z');
    await followUp(R, 1, 3, 'PASSED', '2024-07-20T04:00:00Z');
    await followUp(R, 2, 6, 'MISSED', '2024-07-25T04:00:00Z');
    await followUp(R, 3, 12, 'PASSED', '2024-07-30T04:00:00Z');
    await followUp(T, 0, 1, 'PASSED', '2024-08-01T04:00:00Z');
    await followUp(T, 1, 3, 'FAILED', '2024-08-10T04:00:00Z');
    await followUp(T, 0, 1, 'PASSED', '2024-08-20T04:00:00Z');
    await followUp(T, 1, 3, 'MISSED', '2024-08-25T04:00:00Z');
    await followUp(T, 1, 3, 'PASSED', '2024-08-27T04:00:00Z');
    await followUp(T, 2, 6, 'PASSED', '2024-08-30T04:00:00Z');

    await evidence(P, 'FILING', '2024-06-01T04:00:00Z');
    await evidence(T, 'FILING', '2024-03-01T04:00:00Z');
    await evidence(R, 'ACTIVITIES', '2024-09-01T04:00:00Z');
    await evidence(T, 'ACTIVITIES', '2024-08-15T04:00:00Z');
    await evidence(T, 'ACTIVITIES', '2024-10-01T04:00:00Z');
    await evidence(R, 'MEMBERS', '2024-10-01T04:00:00Z'); // members are not activities
    await emit('organizations', 'organization.status-changed', { organizationId: organization[T], status: 'DISSOLVED', at: '2024-11-01T04:00:00Z' });
    await projected();
  }, 30_000);
  afterAll(() => fixture.close());

  describe('scopes', () => {
    it('shows a DISTRICT-scoped analyst only their district, and nothing for a filter outside it', async () => {
      const token = await tokenOf('ANALYST', { kind: 'DISTRICT', id: D1 });
      // D1 holds P, Q, R and V: four formations entered (P, R passed); P and R grew and matured; R withdrew and completed.
      const d1 = funnelRows(null, { FORMATION: [4, 2, 0], GROWTH: [2, 2, 0], MATURITY: [2, 1, 0], WITHDRAWAL: [1, 1, 0], COMPLETED: [1, 0, 0] });
      const mine = await table('funnel', { period: YEAR_2024 }, token);
      expect(mine.rows).toEqual(d1);
      // The CSV export is the same table: the header and one line per row, nothing of D2.
      expect(mine.csv.split('\r\n').filter(Boolean)).toHaveLength(1 + d1.length);
      expect((await table('funnel', { filter: { districtIds: [D2] }, period: YEAR_2024 }, token)).rows).toEqual(funnelRows(null, {}));
      expect((await table('funnel', { filter: BOTH, period: YEAR_2024 }, token)).rows).toEqual(d1);
      // Grouped by district, D2 is not even a group.
      expect((await table('funnel', { groupBy: 'DISTRICT', period: YEAR_2024 }, token)).rows.map((r) => r.group)).toEqual(Array(5).fill(D1));
      // Escalations: eQ only (eT is T's, in D2).
      expect((await table('escalations', { period: YEAR_2024 }, token)).rows).toEqual([{ group: null, period: WHOLE_2024.period, raised: 1, openNow: 1 }]);
    });

    it('shows a STREET officer only their street: not the cultivation whose community has no street', async () => {
      const token = await tokenOf('STREET_OFFICER', { kind: 'STREET', id: S1 });
      // S1 holds P and R; V (D1, no street) and Q (S2) are out.
      const s1 = funnelRows(null, { FORMATION: [2, 2, 0], GROWTH: [2, 2, 0], MATURITY: [2, 1, 0], WITHDRAWAL: [1, 1, 0], COMPLETED: [1, 0, 0] });
      expect((await table('funnel', { period: YEAR_2024 }, token)).rows).toEqual(s1);
      expect((await table('funnel', { filter: { streetIds: [S3] }, period: YEAR_2024 }, token)).rows).toEqual(funnelRows(null, {}));
      expect((await table('escalations', { period: YEAR_2024 }, token)).rows).toEqual([{ group: null, period: WHOLE_2024.period, raised: 0, openNow: 0 }]);
    });

    it('shows an INSTITUTION-scoped director only their institution, across districts', async () => {
      const token = await tokenOf('INSTITUTION_DIRECTOR', { kind: 'INSTITUTION', id: I1 });
      // I1 cultivates P (D1), T (D2) and V (D1).
      expect((await table('funnel', { period: YEAR_2024 }, token)).rows).toEqual(
        funnelRows(null, { FORMATION: [3, 2, 0], GROWTH: [2, 2, 0], MATURITY: [2, 1, 0], WITHDRAWAL: [1, 1, 0], COMPLETED: [1, 0, 0] }),
      );
      expect((await table('filing', { period: YEAR_2024 }, token)).rows).toEqual([{ group: null, ...WHOLE_2024, reachedMaturity: 2, filed: 2, filingRate: 1 }]);
    });

    it('shows a CITY analyst everything, and nothing to a user without any scope', async () => {
      expect((await table('funnel', { filter: BOTH, period: YEAR_2024 }, await cityToken())).rows).toEqual(
        funnelRows(null, { FORMATION: [6, 3, 0], GROWTH: [3, 3, 0], MATURITY: [3, 2, 0], WITHDRAWAL: [2, 2, 0], COMPLETED: [2, 0, 0] }),
      );
      expect((await table('funnel', { filter: BOTH, period: YEAR_2024 }, await tokenFor('ANALYST', []))).rows).toEqual(funnelRows(null, {}));
    });

    it('scopes the dashboard counts the same way', async () => {
      const counts = async (token: string, districtId: string | null) =>
        dataOf(
          await graphql<{ stageFunnel: { stage: string; count: number }[]; openEscalationCount: number; overdueCount: number }>(
            service.url,
            `query ($d: ID) { stageFunnel(districtId: $d) { stage count } openEscalationCount(districtId: $d) overdueCount(districtId: $d) }`,
            { d: districtId },
            token,
          ),
        );
      const stages = (c: Partial<Record<StageName, number>>) => STAGES.map((stage) => ({ stage, count: c[stage] ?? 0 }));
      // D1 now: P mature, Q and V forming, R completed; eQ open; overdue now (2024 deadlines long past): P, Q, V.
      const d1 = await tokenOf('ANALYST', { kind: 'DISTRICT', id: D1 });
      expect(await counts(d1, null)).toEqual({ stageFunnel: stages({ FORMATION: 2, MATURITY: 1, COMPLETED: 1 }), openEscalationCount: 1, overdueCount: 3 });
      expect(await counts(d1, D2)).toEqual({ stageFunnel: stages({}), openEscalationCount: 0, overdueCount: 0 });
      // I1: P mature, T completed, V forming; eT open; overdue now: P and V.
      const i1 = await tokenOf('INSTITUTION_DIRECTOR', { kind: 'INSTITUTION', id: I1 });
      expect(await counts(i1, null)).toEqual({ stageFunnel: stages({ FORMATION: 1, MATURITY: 1, COMPLETED: 1 }), openEscalationCount: 1, overdueCount: 2 });
      // S3: T completed, U forming (overdue since Apr 11).
      const s3 = await tokenOf('STREET_OFFICER', { kind: 'STREET', id: S3 });
      expect(await counts(s3, null)).toEqual({ stageFunnel: stages({ FORMATION: 1, COMPLETED: 1 }), openEscalationCount: 1, overdueCount: 1 });
    });

    it('refuses every analytics query without a token, as UNAUTHENTICATED', async () => {
      for (const kind of Object.keys(QUERIES) as Kind[]) {
        const result = await ask(kind, {}, undefined);
        expect(result.data ?? null).toBeNull();
        expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
      const dashboard = await graphql(service.url, '{ overdueCount }');
      expect(dashboard.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  it('cuts and filters by street; a cultivation without a street is the null group', async () => {
    const token = await cityToken();
    const byStreet = await table('funnel', { groupBy: 'STREET', filter: BOTH, period: YEAR_2024 }, token);
    const formation = Object.fromEntries(byStreet.rows.filter((r) => r.stage === 'FORMATION').map((r) => [String(r.group), r.entered]));
    // S1: P, R; S2: Q; S3: T, U; no street: V.
    expect(formation).toEqual({ [S1]: 2, [S2]: 1, [S3]: 2, null: 1 });
    expect((await table('funnel', { filter: { streetIds: [S2, S3] }, period: YEAR_2024 }, token)).rows).toEqual(
      funnelRows(null, { FORMATION: [3, 1, 0], GROWTH: [1, 1, 0], MATURITY: [1, 1, 0], WITHDRAWAL: [1, 1, 0], COMPLETED: [1, 0, 0] }),
    );
  });

  it('judges time in stage by the extended deadline, and keeps the planned one', async () => {
    const rows = (await table('time', { filter: BOTH, period: YEAR_2024 }, await cityToken())).rows;
    const row = (stage: StageName, values: Row) => ({ group: null, period: WHOLE_2024.period, stage, ...values });
    expect(rows).toEqual([
      // Formation: R 26 d, T 29 d, P 70 d (Jan 10 -> Mar 20). Median 29; p90 at 1.8: 29 + 0.8 x 41 = 61.8.
      // Planned (entry to final deadline): R 31, T 31, P 82 (Jan 10 -> the extended Apr 1): median 31.
      // P left after its planned Feb 15 but before the extended Apr 1: on time, not as planned.
      row('FORMATION', { completed: 3, medianDays: 29, p90Days: 61.8, medianPlannedDays: 31, withDeadline: 3, onTime: 3, onTimeRate: 1, onTimeAsPlanned: 2 }),
      // Growth: R 51 d (Feb 10 -> Apr 1), P 61 (Mar 20 -> May 20), T 73 (Feb 18 -> May 1): median 61, p90 61 + 0.8 x 12 = 70.6.
      // Planned: R 60, T 90, P 92: median 90. All on time.
      row('GROWTH', { completed: 3, medianDays: 61, p90Days: 70.6, medianPlannedDays: 90, withDeadline: 3, onTime: 3, onTimeRate: 1, onTimeAsPlanned: 3 }),
      // Maturity: R 61 (Apr 1 -> Jun 1), T 61 (May 1 -> Jul 1); planned 91 and 92: 91.5. P is still in it.
      row('MATURITY', { completed: 2, medianDays: 61, p90Days: 61, medianPlannedDays: 91.5, withDeadline: 2, onTime: 2, onTimeRate: 1, onTimeAsPlanned: 2 }),
      // Withdrawal: R 61 (Jun 1 -> Aug 1), T 62 (Jul 1 -> Sep 1): median 61.5, p90 61 + 0.9 x 1 = 61.9; planned 92 and 92.
      row('WITHDRAWAL', { completed: 2, medianDays: 61.5, p90Days: 61.9, medianPlannedDays: 92, withDeadline: 2, onTime: 2, onTimeRate: 1, onTimeAsPlanned: 2 }),
    ]);
  });

  it('counts overdue cultivations at the end of each month, with the deadline in force then', async () => {
    const month = (m: number, last: number) => {
      const mm = String(m).padStart(2, '0');
      return { period: `2024-${mm}`, periodStart: `2024-${mm}-01`, periodEnd: `2024-${mm}-${last}`, asOf: `2024-${mm}-${last}T16:00:00.000Z` };
    };
    const row = (m: number, last: number, running: number, overdue: number) => ({
      group: null,
      ...month(m, last),
      running,
      withDeadline: running,
      overdue,
      overdueRate: Math.round((overdue / running) * 10_000) / 10_000,
    });
    const input = { filter: BOTH, period: { from: '2024-01-01', to: '2024-05-31', bucket: 'MONTH' } };
    const result = await table('overdue', input, await cityToken());
    expect(result.rows).toEqual([
      // Jan 31: P, R, T forming, none past its deadline.
      row(1, 31, 3, 0),
      // Feb 29: P forming past Feb 15 (extended only on Mar 5); Q forming (Mar 1); R and T growing.
      row(2, 29, 4, 1),
      // Mar 31: P growing; Q past Mar 1; R, T growing; U forming, resumed, deadline moved to Apr 11.
      row(3, 31, 5, 1),
      // Apr 30: Q and U (past Apr 11) overdue; P, T growing, R mature, V forming.
      row(4, 30, 6, 2),
      // May 31: the same two, and V, whose deadline moved earlier to May 15; P and T mature now, R still mature (until Jun 1 04:00).
      row(5, 31, 6, 3),
    ]);
    expect(result.csv.split('\r\n')[0]).toBe('group,period,periodStart,periodEnd,asOf,running,withDeadline,overdue,overdueRate');
    expect(result.csv.split('\r\n')[2]).toBe(',2024-02,2024-02-01,2024-02-29,2024-02-29T16:00:00.000Z,4,4,1,0.25');
    // D1 alone (P, Q, R, V), for a DISTRICT-scoped analyst: Feb P; from March Q; in May V too.
    const d1 = await table('overdue', { period: input.period }, await tokenOf('ANALYST', { kind: 'DISTRICT', id: D1 }));
    expect(d1.rows.map((r) => [r.running, r.overdue])).toEqual([
      [2, 0],
      [3, 1],
      [3, 1],
      [4, 1],
      [4, 2],
    ]);
  });

  it('computes the filing rate of the cultivations that reached maturity', async () => {
    // Maturity reached by R (Apr 1), T (May 1) and P (May 20); P's and T's organizations are filed, R's is not.
    const token = await cityToken();
    expect((await table('filing', { filter: BOTH, period: YEAR_2024 }, token)).rows).toEqual([
      { group: null, ...WHOLE_2024, reachedMaturity: 3, filed: 2, filingRate: 0.6667 },
    ]);
    const byDistrict = await table('filing', { groupBy: 'DISTRICT', filter: BOTH, period: YEAR_2024 }, token);
    expect(Object.fromEntries(byDistrict.rows.map((r) => [r.group, [r.reachedMaturity, r.filed, r.filingRate]]))).toEqual({
      [D1]: [2, 1, 0.5],
      [D2]: [1, 1, 1],
    });
    expect(byDistrict.csv.split('\r\n')[0]).toBe('group,period,periodStart,periodEnd,reachedMaturity,filed,filingRate');
  });

  it('computes the follow-up pass rate at each offset, missed ones apart', async () => {
    const token = await cityToken();
    const row = (group: string | null, monthsAfter: number, passed: number, failed: number, missed: number, passRate: number | null) => ({
      group,
      period: WHOLE_2024.period,
      monthsAfter,
      passed,
      failed,
      missed,
      passRate,
    });
    const all = await table('followUps', { filter: BOTH, period: YEAR_2024 }, token);
    expect(all.rows).toEqual([
      // +1: R's and T's two, all passed.
      row(null, 1, 3, 0, 0, 1),
      // +3: R passed; T failed, then (after re-engagement) missed and recorded late as passed: 2 of 3 recorded passed.
      row(null, 3, 2, 1, 1, 0.6667),
      // +6: T passed; R missed (not in the rate).
      row(null, 6, 1, 0, 1, 1),
      // +12, an offset of R's policy beyond the default ones.
      row(null, 12, 1, 0, 0, 1),
    ]);
    expect(all.csv.split('\r\n')[2]).toBe(',2024-01-01/2024-12-31,2024-01-01,2024-12-31,3,2,1,1,0.6667');
    const byDistrict = await table('followUps', { groupBy: 'DISTRICT', filter: BOTH, period: YEAR_2024 }, token);
    expect(byDistrict.rows).toEqual(
      [
        [row(D1, 1, 1, 0, 0, 1), row(D1, 3, 1, 0, 0, 1), row(D1, 6, 0, 0, 1, null), row(D1, 12, 1, 0, 0, 1)],
        [row(D2, 1, 2, 0, 0, 1), row(D2, 3, 1, 1, 1, 0.5), row(D2, 6, 1, 0, 0, 1), row(D2, 12, 0, 0, 0, null)],
      ]
        .sort((x, y) => (String(x[0].group) < String(y[0].group) ? -1 : 1))
        .flat(),
    );
    // A STREET officer of S3 sees T's alone; the default offsets are always there.
    const s3 = await table('followUps', { period: YEAR_2024 }, await tokenOf('STREET_OFFICER', { kind: 'STREET', id: S3 }));
    expect(s3.rows).toEqual([row(null, 1, 2, 0, 0, 1), row(null, 3, 1, 1, 1, 0.5), row(null, 6, 1, 0, 0, 1)]);
  });

  it('counts the organizations still active after withdrawal', async () => {
    // Completed: R (Aug 1) and T (Sep 1), both in Q3. R's organization recorded an activity on Sep 1, after; T's on Aug 15
    // (before) and Oct 1 (after), but was dissolved on Nov 1. One of two.
    const rows = (await table('withdrawal', { filter: BOTH, period: { ...YEAR_2024, bucket: 'QUARTER' } }, await cityToken())).rows;
    const quarter = (q: number, start: string, end: string, values: Row) => ({ group: null, period: `2024-Q${q}`, periodStart: start, periodEnd: end, ...values });
    const none = { completed: 0, stillActive: 0, stillActiveRate: null };
    expect(rows).toEqual([
      quarter(1, '2024-01-01', '2024-03-31', none),
      quarter(2, '2024-04-01', '2024-06-30', none),
      quarter(3, '2024-07-01', '2024-09-30', { completed: 2, stillActive: 1, stillActiveRate: 0.5 }),
      quarter(4, '2024-10-01', '2024-12-31', none),
    ]);
  });
});
