// The arithmetic of assessments and rubrics, as the assessments service does it, so that the
// scoring form previews exactly the total the server will record.

export interface WeightedCriterion {
  key: string;
  weight: number;
  maxScore: number;
}

/**
 * The total of an assessment: Σ weight × score / maxScore over Σ weight, × 100, rounded to 2
 * decimals (the server's formula and rounding). A criterion without a score counts 0.
 */
export function assessmentTotal(criteria: readonly WeightedCriterion[], scores: Readonly<Record<string, number | undefined>>): number {
  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (!(weights > 0)) return 0;
  const weighted = criteria.reduce((sum, c) => sum + (c.weight * (scores[c.key] ?? 0)) / c.maxScore, 0);
  return Math.round((10000 * weighted) / weights) / 100;
}

/** Each criterion's share of the total, 0..1 (weight / Σ weights). */
export function weightShare(criteria: readonly WeightedCriterion[], criterion: WeightedCriterion): number {
  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  return weights > 0 ? criterion.weight / weights : 0;
}
