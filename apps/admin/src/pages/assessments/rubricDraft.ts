// A rubric version being edited: its rows as typed, checked as the assessments service checks a
// rubric (so most mistakes are named at their field before saving), and read into setRubric's input.
import type { RubricCriterionInput } from '../../graphql/generated/graphql';
import type { FieldErrors } from './common';

export interface CriterionDraft {
  key: string;
  label: string;
  weight: string;
  maxScore: string;
}

export interface RubricDraft {
  criteria: CriterionDraft[];
  passScore: string;
}

/** The problems a draft's fields have, by their `criteria.N.key`-style name, and the draft's criteria when there are none. */
export type DraftCheck = { errors: FieldErrors; criteria: null } | { errors: null; criteria: RubricCriterionInput[]; passScore: number };

export type DraftProblem = 'required' | 'key' | 'duplicateKey' | 'weight' | 'maxScore' | 'passScore' | 'noCriteria';

const CRITERION_KEY = /^[a-z][a-z0-9_]{1,39}$/;

/** Checks a draft; `message` names each problem in the user's language. */
export function checkDraft(draft: RubricDraft, message: (problem: DraftProblem) => string): DraftCheck {
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  draft.criteria.forEach((c, i) => {
    const key = c.key.trim();
    if (!key) errors[`criteria.${i}.key`] = message('required');
    else if (!CRITERION_KEY.test(key)) errors[`criteria.${i}.key`] = message('key');
    else if (seen.has(key)) errors[`criteria.${i}.key`] = message('duplicateKey');
    seen.add(key);
    if (!c.label.trim()) errors[`criteria.${i}.label`] = message('required');
    const weight = Number(c.weight);
    if (!c.weight.trim()) errors[`criteria.${i}.weight`] = message('required');
    else if (!(weight > 0 && weight <= 100)) errors[`criteria.${i}.weight`] = message('weight');
    const maxScore = Number(c.maxScore);
    if (!c.maxScore.trim()) errors[`criteria.${i}.maxScore`] = message('required');
    else if (!Number.isInteger(maxScore) || maxScore < 1 || maxScore > 100) errors[`criteria.${i}.maxScore`] = message('maxScore');
  });
  if (draft.criteria.length === 0) errors['criteria'] = message('noCriteria');
  const passScore = Number(draft.passScore);
  if (!draft.passScore.trim()) errors['passScore'] = message('required');
  else if (!(passScore >= 0 && passScore <= 100)) errors['passScore'] = message('passScore');
  if (Object.keys(errors).length > 0) return { errors, criteria: null };
  return {
    errors: null,
    criteria: draft.criteria.map((c) => ({ key: c.key.trim(), label: c.label.trim(), weight: Number(c.weight), maxScore: Number(c.maxScore) })),
    passScore,
  };
}

/** A draft starting from a stored version. */
export function draftOf(rubric: { criteria: readonly { key: string; label: string; weight: number; maxScore: number }[]; passScore: number }): RubricDraft {
  return {
    criteria: rubric.criteria.map((c) => ({ key: c.key, label: c.label, weight: String(c.weight), maxScore: String(c.maxScore) })),
    passScore: String(rubric.passScore),
  };
}
