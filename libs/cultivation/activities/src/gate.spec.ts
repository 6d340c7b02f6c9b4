import { describe, expect, it } from '@jest/globals';
import { judgeGate, longestMonthRun, type GateEvidence } from './gate.js';

const evidence = (
  overrides: Partial<GateEvidence['organization']> = {},
  survey: GateEvidence['survey'] = { responseCount: 40, recommendedCategory: 'LIFE_SERVICE' },
  assessments: Pick<GateEvidence, 'assessments' | 'stageEnteredOn'> = { assessments: [], stageEnteredOn: null },
): GateEvidence => ({
  category: 'LIFE_SERVICE',
  survey,
  ...assessments,
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

  describe('assessment criteria', () => {
    const capacity = (assessedOn: string, score: number, passed: boolean) => ({ assessmentId: 'a-1', kind: 'CAPACITY' as const, score, passScore: 60, passed, assessedOn });
    const survey = { responseCount: 40, recommendedCategory: 'LIFE_SERVICE' as const };
    const criteria = [
      { kind: 'CAPACITY_ASSESSMENT_PASSED' as const, threshold: 1 },
      { kind: 'MATURITY_ASSESSMENT_PASSED' as const, threshold: 1 },
    ];

    it('meets the criterion of the kind whose latest assessment passed in the stage, naming score, pass score and day', () => {
      const [growth, maturity] = judgeGate(criteria, evidence({}, survey, { assessments: [capacity('2026-04-02', 72.5, true)], stageEnteredOn: '2026-03-01' }));
      expect(growth).toEqual({ kind: 'CAPACITY_ASSESSMENT_PASSED', threshold: 1, actual: 1, met: true, evidence: 'the latest capacity assessment scored 72.5 against a pass score of 60 on 2026-04-02: passed' });
      expect(maturity).toMatchObject({ met: false, actual: 0, evidence: 'no maturity assessment recorded' });
    });

    it('is not met by a failed latest assessment', () => {
      const [growth] = judgeGate(criteria, evidence({}, survey, { assessments: [capacity('2026-04-02', 41, false)], stageEnteredOn: '2026-03-01' }));
      expect(growth).toMatchObject({ met: false, actual: 0, evidence: 'the latest capacity assessment scored 41 against a pass score of 60 on 2026-04-02: failed' });
    });

    it('counts an assessment of the day the stage began, not one of the day before', () => {
      expect(judgeGate(criteria, evidence({}, survey, { assessments: [capacity('2026-03-01', 80, true)], stageEnteredOn: '2026-03-01' }))[0].met).toBe(true);
      const before = judgeGate(criteria, evidence({}, survey, { assessments: [capacity('2026-02-28', 80, true)], stageEnteredOn: '2026-03-01' }))[0];
      expect(before).toMatchObject({ met: false, evidence: 'the latest capacity assessment scored 80 against a pass score of 60 on 2026-02-28, before the stage began on 2026-03-01' });
    });
  });
});
