// What the assessment screens share: their messages, who may record an assessment or store a
// rubric, and placing a failed mutation's errors at the fields (the server names them by path,
// `scores.2.score`, `criteria.0.key`).
import type { RubricKind } from '../../graphql/assessments';
import { describeApiError } from '../../graphql/errors';
import type { Role } from '../../graphql/operations';
import { addMessages } from '../../i18n';
import { ASSESSMENTS_MESSAGES } from '../../i18n/assessments';

// These screens' messages load with them, not with the app.
addMessages(ASSESSMENTS_MESSAGES);

export const RUBRIC_KINDS: readonly RubricKind[] = ['CAPACITY', 'MATURITY'];

// The roles the assessments service lets record an assessment (it also checks the caller's scopes,
// and for a social worker the assignment); this only decides what is offered.
const ASSESSORS: readonly Role[] = ['SUPERVISOR', 'SOCIAL_WORKER', 'PROGRAMME_MANAGER', 'ADMIN'];

export function mayRecordAssessment(role: Role | null | undefined): boolean {
  return !!role && ASSESSORS.includes(role);
}

/** Only administrators store rubric versions; everyone signed in may read them. */
export function mayEditRubric(role: Role | null | undefined): boolean {
  return role === 'ADMIN';
}

export type FieldErrors = Record<string, string>;

/**
 * Splits a failed mutation into errors at the fields the form shows (named as the server names
 * them, with or without an `input.` prefix) and one message for the rest.
 */
export function placeErrors(caught: unknown, shown: (field: string) => boolean, describe: (error: unknown) => string): { fieldErrors: FieldErrors; formError: string | null } {
  const info = describeApiError(caught);
  const fieldErrors: FieldErrors = {};
  const unplaced: string[] = [];
  for (const [field, message] of Object.entries(info.fieldErrors)) {
    const path = field.startsWith('input.') ? field.slice('input.'.length) : field;
    if (shown(path)) fieldErrors[path] = message;
    else unplaced.push(message);
  }
  if (unplaced.length > 0) return { fieldErrors, formError: unplaced.join(' ') };
  return { fieldErrors, formError: Object.keys(fieldErrors).length > 0 ? null : describe(caught) };
}

/** A score of 0..100 with up to 2 decimals, in the locale's digits. */
export function formatScore(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A share (0..1) as a whole percentage. */
export function formatShare(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}
