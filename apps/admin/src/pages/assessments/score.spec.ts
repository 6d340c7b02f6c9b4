import { describe, expect, it } from '@jest/globals';
import { assessmentTotal, weightShare } from './score';

// The built-in capacity rubric of life services (weights 3, 2, 3, 2, 2, 3; every maxScore 5).
const capacity = [
  { key: 'leadership', weight: 3, maxScore: 5 },
  { key: 'member_engagement', weight: 2, maxScore: 5 },
  { key: 'activity_planning', weight: 3, maxScore: 5 },
  { key: 'internal_rules', weight: 2, maxScore: 5 },
  { key: 'resources', weight: 2, maxScore: 5 },
  { key: 'service_quality', weight: 3, maxScore: 5 },
];

describe('assessmentTotal', () => {
  it('weighs each score by its criterion and scales to 100, rounded to 2 decimals', () => {
    const scores = { leadership: 4, member_engagement: 3, activity_planning: 5, internal_rules: 2, resources: 3, service_quality: 4 };
    // (3×4 + 2×3 + 3×5 + 2×2 + 2×3 + 3×4) / 5 = 11 over Σ weights 15: 73.333… → 73.33
    expect(assessmentTotal(capacity, scores)).toBe(73.33);
  });

  it('gives 100 for full marks and 0 for none, and counts an unscored criterion as 0', () => {
    expect(assessmentTotal(capacity, Object.fromEntries(capacity.map((c) => [c.key, 5])))).toBe(100);
    expect(assessmentTotal(capacity, {})).toBe(0);
    expect(assessmentTotal(capacity, { leadership: 5 })).toBe(20);
  });

  it('scales each criterion by its own maxScore and rounds half up', () => {
    const criteria = [
      { key: 'a', weight: 1, maxScore: 3 },
      { key: 'b', weight: 2.5, maxScore: 10 },
    ];
    // (1×2/3 + 2.5×7/10) / 3.5 × 100 = 69.047… → 69.05
    expect(assessmentTotal(criteria, { a: 2, b: 7 })).toBe(69.05);
    expect(assessmentTotal([{ key: 'x', weight: 1, maxScore: 8 }], { x: 1 })).toBe(12.5);
  });

  it('is 0 for a rubric without criteria', () => {
    expect(assessmentTotal([], {})).toBe(0);
  });
});

describe('weightShare', () => {
  it('is the weight over the sum of weights', () => {
    expect(weightShare(capacity, capacity[0]!)).toBeCloseTo(0.2);
    expect(weightShare([], { key: 'a', weight: 1, maxScore: 1 })).toBe(0);
  });
});
