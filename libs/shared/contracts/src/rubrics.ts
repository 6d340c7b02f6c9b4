/**
 * Rubrics for capacity assessments (growth, 能力评估) and maturity assessments (maturity, 成熟度评估):
 * per organization category, weighted criteria each scored 0..maxScore, and a pass score out of 100.
 * The score is computed, never typed. Rubrics are versioned data an admin edits; version 1 of each is
 * the built-in one below.
 */
import { ORGANIZATION_CATEGORIES, type OrganizationCategory } from './domain.js';

export const RUBRIC_KINDS = ['CAPACITY', 'MATURITY'] as const;
export type RubricKind = (typeof RUBRIC_KINDS)[number];

export interface RubricCriterion {
  /** Stable identifier, lower_snake_case; scores name it. */
  key: string;
  /** What assessors read, e.g. 骨干队伍. */
  label: string;
  /** Relative weight, > 0. */
  weight: number;
  /** The highest score of the criterion (a whole number, 1..100); scores run 0..maxScore. */
  maxScore: number;
}

export interface RubricDocument {
  criteria: RubricCriterion[];
  /** Total score (0..100) at or above which the assessment passes. */
  passScore: number;
}

const CRITERION_KEY = /^[a-z][a-z0-9_]{1,39}$/;
export const MAX_RUBRIC_CRITERIA = 30;

/**
 * How a weighted, scored document and its input are named: a rubric's criteria and pass score, or an
 * outcome indicator set's indicators and target score (the same shape, validated and scored alike).
 */
export interface ScoredDocumentTerms {
  /** 'rubric', 'indicator set'. */
  document: string;
  /** 'criterion', 'indicator'. */
  item: string;
  /** The input field of the items and of the threshold. */
  itemsField: string;
  thresholdField: string;
  /** The input field of the scores. */
  scoresField: string;
}

export const RUBRIC_TERMS: ScoredDocumentTerms = { document: 'rubric', item: 'criterion', itemsField: 'criteria', thresholdField: 'passScore', scoresField: 'scores' };

/** The first thing wrong with a rubric (or a document of its shape), as the field of the input it came in and a message; null when fine. */
export function rubricProblem(document: RubricDocument, terms: ScoredDocumentTerms = RUBRIC_TERMS): { field: string; message: string } | null {
  const { itemsField: items, thresholdField: threshold } = terms;
  if (document.criteria.length === 0) return { field: items, message: `A ${terms.document} needs at least one ${terms.item}.` };
  if (document.criteria.length > MAX_RUBRIC_CRITERIA) return { field: items, message: `A ${terms.document} has at most ${MAX_RUBRIC_CRITERIA} ${items}.` };
  const seen = new Set<string>();
  for (const [i, c] of document.criteria.entries()) {
    if (!CRITERION_KEY.test(c.key)) return { field: `${items}.${i}.key`, message: 'key must be 2 to 40 lower-case letters, digits or underscores, starting with a letter.' };
    if (seen.has(c.key)) return { field: `${items}.${i}.key`, message: `The key ${c.key} is used twice.` };
    seen.add(c.key);
    if (!c.label.trim()) return { field: `${items}.${i}.label`, message: 'label must not be empty.' };
    if (!(c.weight > 0) || c.weight > 100) return { field: `${items}.${i}.weight`, message: 'weight must be above 0 and at most 100.' };
    if (!Number.isInteger(c.maxScore) || c.maxScore < 1 || c.maxScore > 100) return { field: `${items}.${i}.maxScore`, message: 'maxScore must be a whole number from 1 to 100.' };
  }
  if (!(document.passScore >= 0 && document.passScore <= 100)) return { field: threshold, message: `${threshold} must be from 0 to 100.` };
  return null;
}

export interface CriterionScore {
  key: string;
  score: number;
}

export interface ScoredAssessment {
  /** Σ weight × score / maxScore over Σ weight, × 100, rounded to 2 decimals. */
  total: number;
  passed: boolean;
}

/**
 * Scores an assessment against its rubric: every criterion scored exactly once, with a whole number
 * from 0 to its maxScore. The problem names the field of the input (`scores.2.score`).
 */
export function scoreAssessment(
  rubric: RubricDocument,
  scores: readonly CriterionScore[],
  terms: ScoredDocumentTerms = RUBRIC_TERMS,
): ScoredAssessment | { field: string; message: string } {
  const field = terms.scoresField;
  const byKey = new Map(rubric.criteria.map((c) => [c.key, c]));
  const seen = new Set<string>();
  for (const [i, s] of scores.entries()) {
    const criterion = byKey.get(s.key);
    if (!criterion) return { field: `${field}.${i}.key`, message: `The ${terms.document} has no ${terms.item} ${s.key}.` };
    if (seen.has(s.key)) return { field: `${field}.${i}.key`, message: `${s.key} is scored twice.` };
    seen.add(s.key);
    if (!Number.isInteger(s.score) || s.score < 0 || s.score > criterion.maxScore) {
      return { field: `${field}.${i}.score`, message: `The score of ${s.key} must be a whole number from 0 to ${criterion.maxScore}.` };
    }
  }
  const missing = rubric.criteria.find((c) => !seen.has(c.key));
  if (missing) return { field, message: `${missing.key} (${missing.label}) is not scored.` };
  const weights = rubric.criteria.reduce((sum, c) => sum + c.weight, 0);
  const weighted = scores.reduce((sum, s) => {
    const c = byKey.get(s.key)!;
    return sum + (c.weight * s.score) / c.maxScore;
  }, 0);
  const total = Math.round((10000 * weighted) / weights) / 100;
  return { total, passed: total >= rubric.passScore };
}

const criterion = (key: string, label: string, weight: number, maxScore = 5): RubricCriterion => ({ key, label, weight, maxScore });

/** What every category's capacity building looks at (growth), before its own criterion. */
const CAPACITY_COMMON = [
  criterion('leadership', '骨干队伍', 3),
  criterion('member_engagement', '成员参与', 2),
  criterion('activity_planning', '活动策划与执行', 3),
  criterion('internal_rules', '内部制度', 2),
  criterion('resources', '资源链接', 2),
];
/** What every category's maturity standard looks at, before its own criterion. */
const MATURITY_COMMON = [
  criterion('governance', '治理结构', 3),
  criterion('charter_compliance', '章程执行', 2),
  criterion('financial_management', '财务管理', 2),
  criterion('sustainability', '可持续运作', 3),
  criterion('resident_recognition', '居民认可度', 2),
];
const OWN_CRITERIA: Record<OrganizationCategory, Record<RubricKind, RubricCriterion>> = {
  LIFE_SERVICE: { CAPACITY: criterion('service_quality', '服务质量', 3), MATURITY: criterion('service_standard', '服务规范化', 3) },
  PUBLIC_WELFARE: { CAPACITY: criterion('volunteer_management', '志愿者管理', 3), MATURITY: criterion('welfare_impact', '公益成效', 3) },
  CULTURE_SPORTS: { CAPACITY: criterion('programme_skill', '文体技能', 3), MATURITY: criterion('regular_programme', '常态化活动', 3) },
  MEDIATION: { CAPACITY: criterion('mediation_skill', '调解能力', 3), MATURITY: criterion('case_records', '调解记录规范', 3) },
};

/** The built-in rubric (version 1) of a category and kind. */
export function defaultRubric(category: OrganizationCategory, kind: RubricKind): RubricDocument {
  const common = kind === 'CAPACITY' ? CAPACITY_COMMON : MATURITY_COMMON;
  return { criteria: [...common, OWN_CRITERIA[category][kind]], passScore: kind === 'CAPACITY' ? 60 : 70 };
}

/** Every built-in rubric, for listing. */
export const DEFAULT_RUBRICS: { category: OrganizationCategory; kind: RubricKind; document: RubricDocument }[] = ORGANIZATION_CATEGORIES.flatMap((category) =>
  RUBRIC_KINDS.map((kind) => ({ category, kind, document: defaultRubric(category, kind) })),
);
