import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RUBRICS, defaultRubric, rubricProblem, scoreAssessment, type RubricDocument } from './rubrics.js';

const rubric: RubricDocument = {
  criteria: [
    { key: 'leadership', label: '骨干队伍', weight: 3, maxScore: 5 },
    { key: 'rules', label: '内部制度', weight: 1, maxScore: 10 },
  ],
  passScore: 60,
};

describe('scoreAssessment', () => {
  it('weighs each criterion by its share of its maximum: (3 × 4/5 + 1 × 5/10) / 4 = 72.5', () => {
    expect(
      scoreAssessment(rubric, [
        { key: 'leadership', score: 4 },
        { key: 'rules', score: 5 },
      ]),
    ).toEqual({ total: 72.5, passed: true });
  });

  it('passes at the pass score exactly and fails just under it', () => {
    // (3 × 3/5 + 1 × 6/10) / 4 = 60.
    expect(scoreAssessment(rubric, [{ key: 'leadership', score: 3 }, { key: 'rules', score: 6 }])).toEqual({ total: 60, passed: true });
    // (3 × 3/5 + 1 × 5/10) / 4 = 57.5.
    expect(scoreAssessment(rubric, [{ key: 'leadership', score: 3 }, { key: 'rules', score: 5 }])).toEqual({ total: 57.5, passed: false });
  });

  it('names the field of a missing, unknown, repeated or out-of-range score', () => {
    expect(scoreAssessment(rubric, [{ key: 'leadership', score: 4 }])).toMatchObject({ field: 'scores' });
    expect(scoreAssessment(rubric, [{ key: 'leadership', score: 4 }, { key: 'charm', score: 1 }])).toMatchObject({ field: 'scores.1.key' });
    expect(scoreAssessment(rubric, [{ key: 'leadership', score: 4 }, { key: 'leadership', score: 1 }])).toMatchObject({ field: 'scores.1.key' });
    expect(scoreAssessment(rubric, [{ key: 'leadership', score: 6 }, { key: 'rules', score: 1 }])).toMatchObject({ field: 'scores.0.score' });
    expect(scoreAssessment(rubric, [{ key: 'leadership', score: 2.5 }, { key: 'rules', score: 1 }])).toMatchObject({ field: 'scores.0.score' });
  });
});

describe('rubrics', () => {
  it('has a valid built-in rubric for every category and kind, each with a criterion of its own category', () => {
    expect(DEFAULT_RUBRICS).toHaveLength(8);
    for (const { document } of DEFAULT_RUBRICS) expect(rubricProblem(document)).toBeNull();
    expect(defaultRubric('MEDIATION', 'CAPACITY').criteria.map((c) => c.key)).toContain('mediation_skill');
    expect(defaultRubric('LIFE_SERVICE', 'MATURITY').passScore).toBe(70);
  });

  it('refuses a rubric with no criteria, a repeated or malformed key, a bad weight, maximum or pass score', () => {
    const base = rubric.criteria[0];
    expect(rubricProblem({ criteria: [], passScore: 50 })?.field).toBe('criteria');
    expect(rubricProblem({ criteria: [base, base], passScore: 50 })?.field).toBe('criteria.1.key');
    expect(rubricProblem({ criteria: [{ ...base, key: 'Bad Key' }], passScore: 50 })?.field).toBe('criteria.0.key');
    expect(rubricProblem({ criteria: [{ ...base, weight: 0 }], passScore: 50 })?.field).toBe('criteria.0.weight');
    expect(rubricProblem({ criteria: [{ ...base, maxScore: 1.5 }], passScore: 50 })?.field).toBe('criteria.0.maxScore');
    expect(rubricProblem({ criteria: [base], passScore: 101 })?.field).toBe('passScore');
  });
});
