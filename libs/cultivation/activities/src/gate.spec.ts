import { describe, expect, it } from '@jest/globals';
import { judgeGate, longestMonthRun, type GateEvidence } from './gate.js';

const evidence = (overrides: Partial<GateEvidence['organization']> = {}, survey: GateEvidence['survey'] = { responseCount: 40, recommendedCategory: 'LIFE_SERVICE' }): GateEvidence => ({
  category: 'LIFE_SERVICE',
  survey,
  organization: {
    activeMembers: 9,
    activeLeaders: 1,
    interestActivities: 3,
    leaderTrainingHours: 0,
    activityMonths: [],
    charterAdoptedOn: null,
    filing: null,
    ...overrides,
  },
});

describe('judgeGate', () => {
  it('meets counting criteria at the threshold and not one below', () => {
    const criteria = [
      { kind: 'ACTIVE_MEMBERS' as const, threshold: 9 },
      { kind: 'INTEREST_ACTIVITIES' as const, threshold: 4 },
    ];
    expect(judgeGate(criteria, evidence()).map((c) => [c.kind, c.actual, c.met])).toEqual([
      ['ACTIVE_MEMBERS', 9, true],
      ['INTEREST_ACTIVITIES', 3, false],
    ]);
  });

  it('requires the analysed demand to match the organization category', () => {
    const criteria = [{ kind: 'DEMAND_MATCHES_CATEGORY' as const, threshold: 1 }];
    expect(judgeGate(criteria, evidence())[0].met).toBe(true);
    const mismatch = judgeGate(criteria, evidence({}, { responseCount: 40, recommendedCategory: 'MEDIATION' }))[0];
    expect(mismatch).toMatchObject({ met: false, actual: 0, evidence: 'demand analysis recommends MEDIATION; the organization is LIFE_SERVICE' });
    expect(judgeGate(criteria, evidence({}, { responseCount: 0, recommendedCategory: null }))[0].met).toBe(false);
  });

  it('judges charter and filing as yes or no', () => {
    const criteria = [
      { kind: 'CHARTER_ADOPTED' as const, threshold: 1 },
      { kind: 'FILING_RECORDED' as const, threshold: 1 },
    ];
    expect(judgeGate(criteria, evidence()).map((c) => c.met)).toEqual([false, false]);
    const done = evidence({ charterAdoptedOn: '2026-03-01', filing: { number: 'BA-001', filedOn: '2026-09-01' } });
    expect(judgeGate(criteria, done).map((c) => c.met)).toEqual([true, true]);
  });

  it('counts regular activity as the longest run of consecutive months', () => {
    expect(longestMonthRun([])).toBe(0);
    expect(longestMonthRun(['2026-01', '2026-02', '2026-04', '2026-05', '2026-06'])).toBe(3);
    expect(longestMonthRun(['2025-11', '2025-12', '2026-01'])).toBe(3);
    const criteria = [{ kind: 'REGULAR_ACTIVITY_MONTHS' as const, threshold: 3 }];
    expect(judgeGate(criteria, evidence({ activityMonths: ['2026-01', '2026-03', '2026-04'] }))[0]).toMatchObject({ actual: 2, met: false });
  });
});
