import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { dataOf, graphql, type GraphQLResult, type TestApp } from '@peiyu/platform-testing';
import { startAnalyticsFixture, type AnalyticsFixture } from './analytics-fixture.js';

/**
 * The indicator tables, from small event sets written by hand into the cultivation outbox, each in
 * districts of its own. Every expected value below is worked out from the events by hand; times are
 * UTC, and periods and cohorts follow the calendar of Asia/Shanghai (UTC+8).
 */

const FUNNEL_FIELDS = 'group period periodStart periodEnd stage entered passed terminated';
const TIME_FIELDS = 'group period periodStart periodEnd stage completed medianDays p90Days withDeadline onTime onTimeRate';
const ESCALATION_FIELDS = 'group period periodStart periodEnd type highestLevel raised acknowledged resolved openNow medianDaysToAcknowledge medianDaysToResolve';

type Row = Record<string, unknown>;
interface Table {
  groupBy: string | null;
  bucket: string | null;
  from: string;
  to: string;
  timeZone: string;
  rows: Row[];
  csv?: string;
}

const YEAR_2024 = { from: '2024-01-01', to: '2024-12-31' };
const WHOLE_2024 = { period: '2024-01-01/2024-12-31', periodStart: '2024-01-01', periodEnd: '2024-12-31' };
const QUARTERS_2024 = [
  { period: '2024-Q1', periodStart: '2024-01-01', periodEnd: '2024-03-31' },
  { period: '2024-Q2', periodStart: '2024-04-01', periodEnd: '2024-06-30' },
  { period: '2024-Q3', periodStart: '2024-07-01', periodEnd: '2024-09-30' },
  { period: '2024-Q4', periodStart: '2024-10-01', periodEnd: '2024-12-31' },
];
const STAGES = ['FORMATION', 'GROWTH', 'MATURITY', 'WITHDRAWAL', 'COMPLETED'] as const;
type StageName = (typeof STAGES)[number];

/** A funnel row per stage, zeros unless given as [entered, passed, terminated]. */
function funnelRows(group: string | null, period: object, counts: Partial<Record<StageName, [number, number, number]>>): Row[] {
  return STAGES.map((stage) => {
    const [entered, passed, terminated] = counts[stage] ?? [0, 0, 0];
    return { group, ...period, stage, entered, passed: stage === 'COMPLETED' ? null : passed, terminated };
  });
}

/** A time-in-stage row per stage FORMATION..WITHDRAWAL, empty unless given. */
function timeRows(group: string | null, period: object, values: Partial<Record<StageName, Partial<Row>>>): Row[] {
  return STAGES.filter((s) => s !== 'COMPLETED').map((stage) => ({
    group,
    ...period,
    stage,
    completed: 0,
    medianDays: null,
    p90Days: null,
    withDeadline: 0,
    onTime: 0,
    onTimeRate: null,
    ...values[stage],
  }));
}

/** Rows in the order the service lists groups: by plain string order, rows of one group kept in their order. */
const byGroup = (x: Row, y: Row) => (String(x.group) < String(y.group) ? -1 : String(x.group) > String(y.group) ? 1 : 0);

function escalationRow(group: string | null, period: object, values: Partial<Row>): Row {
  return {
    group,
    ...period,
    type: null,
    highestLevel: null,
    raised: 0,
    acknowledged: 0,
    resolved: 0,
    openNow: 0,
    medianDaysToAcknowledge: null,
    medianDaysToResolve: null,
    ...values,
  };
}

describe('analytics-service indicator tables', () => {
  let service: TestApp;
  let db: pg.Client;
  let token: string;

  let fixture: AnalyticsFixture;

  beforeAll(async () => {
    fixture = await startAnalyticsFixture();
    ({ service, db } = fixture);
    token = fixture.analystToken;
  });
  afterAll(() => fixture.close());

  /** Writes one event; `occurredAt` stands for when the producing transaction ran (the start of a cultivation has no other instant). */
  async function emit(type: string, payload: Record<string, unknown>, occurredAt?: string): Promise<void> {
    await db.query(
      `INSERT INTO "cultivation"."outbox" ("type", "version", "payload", "idempotency_key", "occurred_at") VALUES ($1, 1, $2, $3, COALESCE($4::timestamptz, now()))`,
      [type, JSON.stringify(payload), `test:${randomUUID()}`, occurredAt ?? null],
    );
  }

  interface Placement {
    districtId: string;
    institutionId: string;
    communityId: string;
    category: string;
  }

  async function start(cultivationId: string, place: Placement, at: string, stageDeadline: string): Promise<void> {
    await emit('cultivation.started', { cultivationId, organizationId: randomUUID(), ...place, stage: 'FORMATION', stageDeadline }, at);
  }
  const stageChanged = (cultivationId: string, from: StageName, to: StageName, at: string) => emit('cultivation.stage-changed', { cultivationId, from, to, at });
  const statusChanged = (cultivationId: string, status: string, at: string) => emit('cultivation.status-changed', { cultivationId, status, at });
  const raised = (cultivationId: string, escalationId: string, type: string, level: number, raisedAt: string) =>
    emit('cultivation.escalation-raised', { cultivationId, escalationId, type, level, stage: 'FORMATION', raisedAt });
  const acknowledged = (cultivationId: string, escalationId: string, level: number, at: string) =>
    emit('cultivation.escalation-acknowledged', { cultivationId, escalationId, level, at });
  const resolved = (cultivationId: string, escalationId: string, resolution: string, at: string) =>
    emit('cultivation.escalation-resolved', { cultivationId, escalationId, resolution, at });

  /** Waits (at most 10 s) until the projection has passed every event written so far. */
  async function projected(): Promise<void> {
    const [{ max }] = (await db.query(`SELECT max("id")::text AS "max" FROM "cultivation"."outbox"`)).rows as { max: string }[];
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await db.query(`SELECT "last_id"::text AS "last" FROM "analytics"."projection_position" WHERE "source" = 'cultivation'`);
      if (rows[0] && BigInt(rows[0].last as string) >= BigInt(max)) return;
      if (Date.now() > deadline) throw new Error(`The projection did not reach outbox id ${max} within 10 s`);
      await sleep(100);
    }
  }

  const QUERIES = {
    funnel: ['stageFunnelIndicator', 'IndicatorInput', FUNNEL_FIELDS],
    time: ['timeInStageIndicator', 'IndicatorInput', TIME_FIELDS],
    escalations: ['escalationIndicator', 'EscalationIndicatorInput', ESCALATION_FIELDS],
  } as const;

  function ask(kind: keyof typeof QUERIES, input: object, { csv = false, anonymous = false } = {}): Promise<GraphQLResult<Record<string, Table>>> {
    const [field, inputType, fields] = QUERIES[kind];
    return graphql<Record<string, Table>>(
      service.url,
      `query ($input: ${inputType}!) { t: ${field}(input: $input) { groupBy bucket from to timeZone rows { ${fields} } ${csv ? 'csv' : ''} } }`,
      { input },
      anonymous ? undefined : token,
    );
  }

  async function table(kind: keyof typeof QUERIES, input: object, options: { csv?: boolean } = {}): Promise<Table> {
    return dataOf(await ask(kind, input, options)).t;
  }

  describe('on a hand-made district', () => {
    // District D: five cultivations in 2024; E, the same institution I1's, is in another district.
    const D = randomUUID();
    const D2 = randomUUID();
    const [I1, I2] = [randomUUID(), randomUUID()];
    const [K1, K2, K3, K4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const [A, B, C, D4, F, E] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const [eA, eC, eD] = [randomUUID(), randomUUID(), randomUUID()];

    beforeAll(async () => {
      // A: I1, K1, culture. Formation Jan 10 -> Mar 15 (65 d) with a 10-day pause: 55 d active; deadline Mar 10 moved by the
      // pause to Mar 20, so on time. Growth Mar 15 -> May 14: 60 d. Escalation eA: DELAY raised Mar 11, climbed to 2,
      // acknowledged Mar 14 (3 d), resolved Mar 15 (4 d).
      await start(A, { districtId: D, institutionId: I1, communityId: K1, category: 'CULTURE_SPORTS' }, '2024-01-10T04:00:00Z', '2024-03-10T04:00:00Z');
      await statusChanged(A, 'PAUSED', '2024-02-01T04:00:00Z');
      await statusChanged(A, 'ACTIVE', '2024-02-11T04:00:00Z');
      await raised(A, eA, 'DELAY', 1, '2024-03-11T04:00:00Z');
      await raised(A, eA, 'DELAY', 2, '2024-03-13T04:00:00Z');
      await acknowledged(A, eA, 2, '2024-03-14T04:00:00Z');
      await resolved(A, eA, 'GATE_APPROVED', '2024-03-15T04:00:00Z');
      await stageChanged(A, 'FORMATION', 'GROWTH', '2024-03-15T04:00:00Z');
      await stageChanged(A, 'GROWTH', 'MATURITY', '2024-05-14T04:00:00Z');

      // B: I1, K2, life service. Formation Jan 20 04:00 -> Mar 31 16:00 UTC = 71.5 d, past its Mar 1 deadline. It left
      // formation at midnight 1 April in Shanghai: in Q2.
      await start(B, { districtId: D, institutionId: I1, communityId: K2, category: 'LIFE_SERVICE' }, '2024-01-20T04:00:00Z', '2024-03-01T04:00:00Z');
      await stageChanged(B, 'FORMATION', 'GROWTH', '2024-03-31T16:00:00Z');

      // C: I2, K1, culture. Paused Mar 1, escalated for the interruption Mar 5 (climbed to 2), terminated Mar 11 while
      // paused, which resolved the escalation (6 d).
      await start(C, { districtId: D, institutionId: I2, communityId: K1, category: 'CULTURE_SPORTS' }, '2024-02-05T04:00:00Z', '2024-04-05T04:00:00Z');
      await statusChanged(C, 'PAUSED', '2024-03-01T04:00:00Z');
      await raised(C, eC, 'INTERRUPTION', 1, '2024-03-05T04:00:00Z');
      await raised(C, eC, 'INTERRUPTION', 2, '2024-03-07T04:00:00Z');
      await resolved(C, eC, 'TERMINATED', '2024-03-11T04:00:00Z');
      await statusChanged(C, 'TERMINATED', '2024-03-11T04:00:00Z');

      // D4: I2, K3, mediation, still forming. Escalation eD: DELAY raised May 10, acknowledged at level 1 May 12 (2 d), open.
      await start(D4, { districtId: D, institutionId: I2, communityId: K3, category: 'MEDIATION' }, '2024-04-10T04:00:00Z', '2024-05-10T04:00:00Z');
      await raised(D4, eD, 'DELAY', 1, '2024-05-10T04:00:00Z');
      await acknowledged(D4, eD, 1, '2024-05-12T04:00:00Z');

      // F: I1, K2, life service. Started Jan 31 16:00 UTC, 1 February in Shanghai: cohort 2024-02. Formation 30 d, on time.
      await start(F, { districtId: D, institutionId: I1, communityId: K2, category: 'LIFE_SERVICE' }, '2024-01-31T16:00:00Z', '2024-06-01T04:00:00Z');
      await stageChanged(F, 'FORMATION', 'GROWTH', '2024-03-01T16:00:00Z');

      // E: I1 in district D2. Formation Jan 15 -> Feb 15 (31 d), late.
      await start(E, { districtId: D2, institutionId: I1, communityId: K4, category: 'CULTURE_SPORTS' }, '2024-01-15T04:00:00Z', '2024-02-01T04:00:00Z');
      await stageChanged(E, 'FORMATION', 'GROWTH', '2024-02-15T04:00:00Z');

      await projected();
    }, 30_000);

    it('funnel by quarter: entries placed by the Shanghai calendar, passes and terminations as of now', async () => {
      const result = await table('funnel', { filter: { districtIds: [D] }, period: { ...YEAR_2024, bucket: 'QUARTER' } });
      expect(result).toEqual({
        groupBy: null,
        bucket: 'QUARTER',
        ...YEAR_2024,
        timeZone: 'Asia/Shanghai',
        rows: [
          // Q1: A, B, C, F formed (A, B, F passed; B in Q2, counted as passed now; C terminated); A and F entered growth, A passed.
          ...funnelRows(null, QUARTERS_2024[0], { FORMATION: [4, 3, 1], GROWTH: [2, 1, 0] }),
          // Q2: D4 started; B entered growth on 1 April (Shanghai); A entered maturity.
          ...funnelRows(null, QUARTERS_2024[1], { FORMATION: [1, 0, 0], GROWTH: [1, 0, 0], MATURITY: [1, 0, 0] }),
          ...funnelRows(null, QUARTERS_2024[2], {}),
          ...funnelRows(null, QUARTERS_2024[3], {}),
        ],
      });
    });

    it('funnel grouped by institution, by district (with an institution filter), and by cohort', async () => {
      const byInstitution = await table('funnel', { groupBy: 'INSTITUTION', filter: { districtIds: [D] }, period: YEAR_2024 });
      expect(byInstitution.rows).toEqual(
        [
          // I1: A, B, F formed and passed; all three entered growth, A passed it; A entered maturity.
          ...funnelRows(I1, WHOLE_2024, { FORMATION: [3, 3, 0], GROWTH: [3, 1, 0], MATURITY: [1, 0, 0] }),
          // I2: C (terminated) and D4 (still forming).
          ...funnelRows(I2, WHOLE_2024, { FORMATION: [2, 0, 1] }),
        ].sort(byGroup),
      );

      // I1 in every district: E in D2 adds one formation passed and one growth entry.
      const byDistrict = await table('funnel', { groupBy: 'DISTRICT', filter: { institutionIds: [I1] }, period: YEAR_2024 });
      expect(byDistrict.rows).toEqual(
        [
          ...funnelRows(D, WHOLE_2024, { FORMATION: [3, 3, 0], GROWTH: [3, 1, 0], MATURITY: [1, 0, 0] }),
          ...funnelRows(D2, WHOLE_2024, { FORMATION: [1, 1, 0], GROWTH: [1, 0, 0] }),
        ].sort(byGroup),
      );

      // Cohorts by start month in Shanghai: A, B in January; C and F (31 Jan 16:00 UTC) in February; D4 in April.
      const byCohort = await table('funnel', { groupBy: 'COHORT', filter: { districtIds: [D] }, period: { ...YEAR_2024, bucket: 'YEAR' } });
      const year = { period: '2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' };
      expect(byCohort.rows).toEqual([
        ...funnelRows('2024-01', year, { FORMATION: [2, 2, 0], GROWTH: [2, 1, 0], MATURITY: [1, 0, 0] }),
        ...funnelRows('2024-02', year, { FORMATION: [2, 1, 1], GROWTH: [1, 0, 0] }),
        ...funnelRows('2024-04', year, { FORMATION: [1, 0, 0] }),
      ]);

      // Filters combine with AND: culture-sports organizations of D are A and C.
      const culture = await table('funnel', { filter: { districtIds: [D], categories: ['CULTURE_SPORTS'] }, period: YEAR_2024 });
      expect(culture.rows).toEqual(funnelRows(null, WHOLE_2024, { FORMATION: [2, 1, 1], GROWTH: [1, 1, 0], MATURITY: [1, 0, 0] }));
      const community = await table('funnel', { filter: { communityIds: [K2] }, period: YEAR_2024 });
      expect(community.rows).toEqual(funnelRows(null, WHOLE_2024, { FORMATION: [2, 2, 0], GROWTH: [2, 0, 0] }));
    });

    it('time in stage: median and 90th percentile of completed stays without paused time, and the on-time gate rate', async () => {
      // Formation completed by A (55 d active of 65, on time thanks to its pause), B (71.5 d, late) and F (30 d, on time):
      // median 55; 90th percentile at 0.9 x 2 = 1.8 between 55 and 71.5: 55 + 0.8 x 16.5 = 68.2; on time 2 of 3.
      // Growth completed by A alone (60 d), whose deadline no event carries. C, terminated, and D4, still forming, do not count.
      const whole = await table('time', { filter: { districtIds: [D] }, period: YEAR_2024 });
      expect(whole.rows).toEqual(
        timeRows(null, WHOLE_2024, {
          FORMATION: { completed: 3, medianDays: 55, p90Days: 68.2, withDeadline: 3, onTime: 2, onTimeRate: 0.6667 },
          GROWTH: { completed: 1, medianDays: 60, p90Days: 60 },
        }),
      );

      // By the quarter the stay ended in: A (Mar 15) and F (Mar 2) in Q1: median 42.5, p90 30 + 0.9 x 25 = 52.5;
      // B left on 1 April in Shanghai: Q2, with A's growth.
      const quarterly = await table('time', { filter: { districtIds: [D] }, period: { from: '2024-01-01', to: '2024-06-30', bucket: 'QUARTER' } });
      expect(quarterly.rows).toEqual([
        ...timeRows(null, QUARTERS_2024[0], { FORMATION: { completed: 2, medianDays: 42.5, p90Days: 52.5, withDeadline: 2, onTime: 2, onTimeRate: 1 } }),
        ...timeRows(null, QUARTERS_2024[1], {
          FORMATION: { completed: 1, medianDays: 71.5, p90Days: 71.5, withDeadline: 1, onTime: 0, onTimeRate: 0 },
          GROWTH: { completed: 1, medianDays: 60, p90Days: 60 },
        }),
      ]);
    });

    it('escalations by cause, by highest level, and by category, with times to acknowledge and resolve', async () => {
      const input = { filter: { districtIds: [D] }, period: YEAR_2024 };
      // DELAY: eA (acknowledged after 3 d, resolved after 4 d) and eD (acknowledged after 2 d, open). INTERRUPTION: eC
      // (never acknowledged, resolved after 6 d).
      const byType = await table('escalations', { ...input, splitBy: ['TYPE'] }, { csv: true });
      expect(byType.rows).toEqual([
        escalationRow(null, WHOLE_2024, { type: 'DELAY', raised: 2, acknowledged: 2, resolved: 1, openNow: 1, medianDaysToAcknowledge: 2.5, medianDaysToResolve: 4 }),
        escalationRow(null, WHOLE_2024, { type: 'INTERRUPTION', raised: 1, resolved: 1, medianDaysToResolve: 6 }),
        escalationRow(null, WHOLE_2024, { type: 'DEVIATION' }),
        escalationRow(null, WHOLE_2024, { type: 'PERFORMANCE' }),
      ]);
      expect(byType.csv).toBe(
        'group,period,periodStart,periodEnd,type,highestLevel,raised,acknowledged,resolved,openNow,medianDaysToAcknowledge,medianDaysToResolve\r\n' +
          ',2024-01-01/2024-12-31,2024-01-01,2024-12-31,DELAY,,2,2,1,1,2.5,4\r\n' +
          ',2024-01-01/2024-12-31,2024-01-01,2024-12-31,INTERRUPTION,,1,0,1,0,,6\r\n' +
          ',2024-01-01/2024-12-31,2024-01-01,2024-12-31,DEVIATION,,0,0,0,0,,\r\n' +
          ',2024-01-01/2024-12-31,2024-01-01,2024-12-31,PERFORMANCE,,0,0,0,0,,\r\n',
      );

      // Highest level: eD stayed at 1; eA and eC climbed to 2 (eA acknowledged after 3 d; resolved after 4 and 6 d: median 5).
      const byLevel = await table('escalations', { ...input, splitBy: ['HIGHEST_LEVEL'] });
      expect(byLevel.rows).toEqual([
        escalationRow(null, WHOLE_2024, { highestLevel: 1, raised: 1, acknowledged: 1, openNow: 1, medianDaysToAcknowledge: 2 }),
        escalationRow(null, WHOLE_2024, { highestLevel: 2, raised: 2, acknowledged: 1, resolved: 2, medianDaysToAcknowledge: 3, medianDaysToResolve: 5 }),
      ]);

      // By category: culture (A's eA, C's eC) and mediation (D4's eD); life service has none and is left out.
      const byCategory = await table('escalations', { ...input, groupBy: 'CATEGORY' });
      expect(byCategory.rows).toEqual([
        escalationRow('CULTURE_SPORTS', WHOLE_2024, { raised: 2, acknowledged: 1, resolved: 2, medianDaysToAcknowledge: 3, medianDaysToResolve: 5 }),
        escalationRow('MEDIATION', WHOLE_2024, { raised: 1, acknowledged: 1, openNow: 1, medianDaysToAcknowledge: 2 }),
      ]);
    });

    it('exports any table as RFC 4180 CSV in the order of its rows', async () => {
      const result = await table('funnel', { groupBy: 'COHORT', filter: { districtIds: [D], categories: ['MEDIATION'] }, period: { from: '2024-04-01', to: '2024-05-31', bucket: 'MONTH' } }, { csv: true });
      const lines = [
        'group,period,periodStart,periodEnd,stage,entered,passed,terminated',
        '2024-04,2024-04,2024-04-01,2024-04-30,FORMATION,1,0,0',
        '2024-04,2024-04,2024-04-01,2024-04-30,GROWTH,0,0,0',
        '2024-04,2024-04,2024-04-01,2024-04-30,MATURITY,0,0,0',
        '2024-04,2024-04,2024-04-01,2024-04-30,WITHDRAWAL,0,0,0',
        '2024-04,2024-04,2024-04-01,2024-04-30,COMPLETED,0,,0',
        '2024-04,2024-05,2024-05-01,2024-05-31,FORMATION,0,0,0',
        '2024-04,2024-05,2024-05-01,2024-05-31,GROWTH,0,0,0',
        '2024-04,2024-05,2024-05-01,2024-05-31,MATURITY,0,0,0',
        '2024-04,2024-05,2024-05-01,2024-05-31,WITHDRAWAL,0,0,0',
        '2024-04,2024-05,2024-05-01,2024-05-31,COMPLETED,0,,0',
      ];
      expect(result.csv).toBe(lines.map((line) => `${line}\r\n`).join(''));

      const time = await table('time', { groupBy: 'INSTITUTION', filter: { districtIds: [D], institutionIds: [I2] }, period: YEAR_2024 }, { csv: true });
      expect(time.rows).toEqual([]); // I2's stays never completed: no group
      expect(time.csv).toBe('group,period,periodStart,periodEnd,stage,completed,medianDays,p90Days,medianPlannedDays,withDeadline,onTime,onTimeRate,onTimeAsPlanned\r\n');
    });

    it('keeps the current-stage funnel and the open escalation count in step: terminated and resolved ones are out', async () => {
      const result = dataOf(
        await graphql<{ stageFunnel: { stage: string; count: number }[]; openEscalationCount: number }>(
          service.url,
          `query ($d: ID) { stageFunnel(districtId: $d) { stage count } openEscalationCount(districtId: $d) }`,
          { d: D },
          token,
        ),
      );
      // D4 forming; B and F growing; A mature; C terminated. Only eD is open.
      expect(result).toEqual({
        stageFunnel: [
          { stage: 'FORMATION', count: 1 },
          { stage: 'GROWTH', count: 2 },
          { stage: 'MATURITY', count: 1 },
          { stage: 'WITHDRAWAL', count: 0 },
          { stage: 'COMPLETED', count: 0 },
        ],
        openEscalationCount: 1,
      });
    });
  });

  it('shows an event in the indicators within 5 s', async () => {
    const district = randomUUID();
    const cultivationId = randomUUID();
    const input = { filter: { districtIds: [district] }, period: { relative: 'LAST_12_MONTHS' } };
    const place = { districtId: district, institutionId: randomUUID(), communityId: randomUUID(), category: 'PUBLIC_WELFARE' };

    async function within5s(check: (rows: Row[]) => boolean): Promise<number> {
      const began = Date.now();
      let rows = (await table('funnel', input)).rows;
      while (!check(rows) && Date.now() - began < 5000) {
        await sleep(100);
        rows = (await table('funnel', input)).rows;
      }
      expect(check(rows)).toBe(true);
      return Date.now() - began;
    }

    const stage = (rows: Row[], name: StageName) => rows.find((row) => row.stage === name) as Row;
    await emit('cultivation.started', { cultivationId, organizationId: randomUUID(), ...place, stage: 'FORMATION', stageDeadline: new Date(Date.now() + 86_400_000).toISOString() });
    expect(await within5s((rows) => stage(rows, 'FORMATION').entered === 1)).toBeLessThan(5000);
    await emit('cultivation.stage-changed', { cultivationId, from: 'FORMATION', to: 'GROWTH', at: new Date().toISOString() });
    expect(await within5s((rows) => stage(rows, 'FORMATION').passed === 1 && stage(rows, 'GROWTH').entered === 1)).toBeLessThan(5000);
  }, 20_000);

  it('refuses up front a table that could be too large, naming groupBy', async () => {
    // Twenty communities, each with a cultivation started in June 2020, over ten years by month:
    // 20 x 120 periods x 5 stages = 12 000 rows, over 10 000.
    const district = randomUUID();
    for (let i = 0; i < 20; i++) {
      await start(randomUUID(), { districtId: district, institutionId: randomUUID(), communityId: randomUUID(), category: 'MEDIATION' }, '2020-06-15T04:00:00Z', '2020-09-15T04:00:00Z');
    }
    await projected();
    const tenYears = { from: '2015-01-01', to: '2024-12-31' };
    const refused = await ask('funnel', { groupBy: 'COMMUNITY', filter: { districtIds: [district] }, period: { ...tenYears, bucket: 'MONTH' } });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('12000 rows (20 communities × 120 periods × 5 stages), over the limit of 10000'),
      extensions: { code: 'BAD_USER_INPUT', field: 'groupBy' },
    });
    // By year the same cut is small: 20 communities x 10 years x 5 stages; each community formed once, in 2020.
    const yearly = await table('funnel', { groupBy: 'COMMUNITY', filter: { districtIds: [district] }, period: { ...tenYears, bucket: 'YEAR' } });
    expect(yearly.rows).toHaveLength(1000);
    expect(yearly.rows.filter((row) => row.entered === 1).map((row) => [row.period, row.stage])).toEqual(Array(20).fill(['2020', 'FORMATION']));
    // Only the cultivations running in the range count towards the bound: none had started by 2019.
    const before = await table('funnel', { groupBy: 'COMMUNITY', filter: { districtIds: [district] }, period: { from: '2015-01-01', to: '2019-12-31', bucket: 'MONTH' } });
    expect(before.rows).toEqual([]);

    const tooLong = await ask('funnel', { filter: { districtIds: [district] }, period: { from: '2014-12-31', to: '2024-12-31', bucket: 'YEAR' } });
    expect(tooLong.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'period.from' });
  }, 30_000);

  it('names the input field at fault', async () => {
    const field = async (kind: keyof typeof QUERIES, input: object) => (await ask(kind, input)).errors?.[0].extensions;
    expect(await field('funnel', { filter: { districtIds: ['D-1'] } })).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.districtIds' });
    expect(await field('time', { filter: { institutionIds: [randomUUID(), 'x'] } })).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.institutionIds' });
    expect(await field('escalations', { filter: { communityIds: Array.from({ length: 101 }, () => randomUUID()) } })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.communityIds',
    });
    expect(await field('funnel', { period: { from: '2024-02-30', to: '2024-03-31' } })).toEqual({ code: 'BAD_USER_INPUT', field: 'period.from' });
    expect(await field('funnel', { period: { from: '2024-03-01', to: '2024-02-01' } })).toEqual({ code: 'BAD_USER_INPUT', field: 'period.to' });
    expect(await field('funnel', { period: { from: '2024-03-01' } })).toEqual({ code: 'BAD_USER_INPUT', field: 'period.to' });
    expect(await field('time', { period: { relative: 'THIS_YEAR', from: '2024-01-01', to: '2024-02-01' } })).toEqual({ code: 'BAD_USER_INPUT', field: 'period.relative' });
    // Values outside an enum are refused by GraphQL itself, still naming the field.
    expect(await field('funnel', { groupBy: 'WARD' })).toEqual({ code: 'BAD_USER_INPUT', field: 'groupBy' });
    expect(await field('escalations', { splitBy: ['STAGE'] })).toEqual({ code: 'BAD_USER_INPUT', field: 'splitBy' });
    expect(await field('funnel', { period: { bucket: 'WEEK' } })).toEqual({ code: 'BAD_USER_INPUT', field: 'period.bucket' });
  });

  it('answers an ungrouped table of zeros for a filter that matches nothing, over the default last 12 months', async () => {
    const result = await table('escalations', { filter: { districtIds: [randomUUID()] } });
    expect(result.rows).toEqual([escalationRow(null, { period: `${result.from}/${result.to}`, periodStart: result.from, periodEnd: result.to }, {})]);
    expect(result.from).toMatch(/^\d{4}-\d{2}-01$/);
  });

  it('refuses every indicator without a token as UNAUTHENTICATED', async () => {
    for (const kind of Object.keys(QUERIES) as (keyof typeof QUERIES)[]) {
      const result = await ask(kind, {}, { anonymous: true });
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
