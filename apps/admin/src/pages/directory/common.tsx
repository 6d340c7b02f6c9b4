// What the directory pages share: their messages, enum lists, who may change what, paging through
// a cursor connection with the cursor in the URL, and form fields bound to the server's field errors.
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { BadgeTone } from '../../components/Badge';
import type { ActivityKind, OrganizationStatus } from '../../graphql/directory';
import { describeApiError } from '../../graphql/errors';
import type { OrganizationCategory, Role } from '../../graphql/operations';
import { addMessages, useI18n } from '../../i18n';
import { DIRECTORY_MESSAGES } from '../../i18n/directory';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useUrlParams, type UrlParamChanges } from '../../hooks/useUrlParams';

// These pages' messages load with them, not with the app.
addMessages(DIRECTORY_MESSAGES);

export const CATEGORIES: readonly OrganizationCategory[] = ['LIFE_SERVICE', 'PUBLIC_WELFARE', 'CULTURE_SPORTS', 'MEDIATION'];
export const ORGANIZATION_STATUSES: readonly OrganizationStatus[] = ['FORMING', 'GROWING', 'MATURE', 'FILED', 'INDEPENDENT', 'DISSOLVED'];
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['INTEREST_ACTIVITY', 'MEETING', 'RECRUITMENT', 'SERVICE', 'TRAINING'];

export const ORGANIZATION_STATUS_TONES: Record<OrganizationStatus, BadgeTone> = {
  FORMING: 'info',
  GROWING: 'success',
  MATURE: 'success',
  FILED: 'success',
  INDEPENDENT: 'neutral',
  DISSOLVED: 'muted',
};

export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

// Who may change what, as the organizations service's resolvers decide (ADMIN always may). This
// only decides what is offered; the server enforces it.
const ORGANIZATION_EDITORS: readonly Role[] = ['PROGRAMME_MANAGER', 'SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR'];
const EVIDENCE_RECORDERS: readonly Role[] = ['PROGRAMME_MANAGER', 'SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR'];
const FILING_RECORDERS: readonly Role[] = ['STREET_OFFICER', 'PROGRAMME_MANAGER'];

export type DirectoryAction = 'editOrganization' | 'recordEvidence' | 'recordFiling';
const ACTION_ROLES: Record<DirectoryAction, readonly Role[]> = {
  editOrganization: ORGANIZATION_EDITORS,
  recordEvidence: EVIDENCE_RECORDERS,
  recordFiling: FILING_RECORDERS,
};

export function mayDo(role: Role | null | undefined, action: DirectoryAction): boolean {
  if (!role) return false;
  return role === 'ADMIN' || ACTION_ROLES[action].includes(role);
}

// ---- Paging -----------------------------------------------------------------------------------

export const PAGE_SIZE = 20;

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

/** The page of a connection the URL asks for: `after` (forwards) or `before` (backwards). */
export function usePageVariables(): { first?: number; after?: string; last?: number; before?: string } {
  const [params] = useSearchParams();
  const after = params.get('after');
  const before = params.get('before');
  if (before) return { last: PAGE_SIZE, before };
  return after ? { first: PAGE_SIZE, after } : { first: PAGE_SIZE };
}

/** Sets URL parameters (empty values removed) and goes back to the first page. */
export function useSetParams(): (changes: UrlParamChanges) => void {
  const [, editParams] = useUrlParams();
  return (changes) => editParams(changes, 'after' in changes || 'before' in changes ? [] : ['after', 'before']);
}

export function Pager({ pageInfo, totalCount }: { pageInfo: PageInfo; totalCount: number }) {
  const { t, formatNumber } = useI18n();
  const [params] = useSearchParams();
  const link = (name: 'after' | 'before', cursor: string) => {
    const next = new URLSearchParams(params);
    next.delete('after');
    next.delete('before');
    next.set(name, cursor);
    return `?${next.toString()}`;
  };
  // Paging forwards, hasPreviousPage says whether `after` was given; backwards, hasNextPage says whether `before` was.
  const hasPrevious = pageInfo.hasPreviousPage && !!pageInfo.startCursor;
  const hasNext = pageInfo.hasNextPage && !!pageInfo.endCursor;
  return (
    <div className="pager" data-testid="pager">
      <span className="muted">{t('directory.total', { count: formatNumber(totalCount) })}</span>
      <span className="pager-links">
        {hasPrevious ? (
          <Link to={link('before', pageInfo.startCursor!)} className="button button-secondary" data-testid="pager-previous">
            {t('directory.previous')}
          </Link>
        ) : null}
        {hasNext ? (
          <Link to={link('after', pageInfo.endCursor!)} className="button button-secondary" data-testid="pager-next">
            {t('directory.next')}
          </Link>
        ) : null}
      </span>
    </div>
  );
}

// ---- Forms ------------------------------------------------------------------------------------

export type FieldErrors = Record<string, string>;

/**
 * Splits a failed mutation into errors at the fields the form shows (the server names a field bare
 * or by path, "input.name") and one message for the rest.
 */
export function formErrorsOf(caught: unknown, fields: readonly string[], describe: (error: unknown) => string): { fieldErrors: FieldErrors; formError: string | null } {
  const info = describeApiError(caught);
  const fieldErrors: FieldErrors = {};
  const unplaced: string[] = [];
  for (const [field, message] of Object.entries(info.fieldErrors)) {
    const bare = field.split('.').pop() ?? field;
    if (fields.includes(bare)) fieldErrors[bare] = message;
    else unplaced.push(message);
  }
  const formError = Object.keys(fieldErrors).length > 0 && unplaced.length === 0 ? null : unplaced.length > 0 ? unplaced.join(' ') : describe(caught);
  return { fieldErrors, formError };
}

/** Required text fields left blank, as field errors. */
export function missingFields(values: Record<string, string>, message: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, value] of Object.entries(values)) if (!value.trim()) errors[field] = message;
  return errors;
}

/** A labelled control with its field error beneath; `children` gets the ids to wire up. */
export function Field({
  id,
  name,
  label,
  error,
  children,
}: {
  id: string;
  name: string;
  label: string;
  error: string | undefined;
  children: (props: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, ...(error ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {}) })}
      {error && (
        <div className="field-error" id={errorId} data-testid={`field-error-${name}`}>
          {error}
        </div>
      )}
    </div>
  );
}

export function FormError({ message, testId = 'form-error' }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid={testId}>
      {message}
    </div>
  );
}

export function FormSuccess({ message, testId = 'form-success' }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <div className="notice notice-success" role="status" data-testid={testId}>
      {message}
    </div>
  );
}

/** A failed load of one record: "not found" (also for records outside the caller's scope) or the error itself. */
export function RecordError({ error, backTo, onRetry }: { error: unknown; backTo: string; onRetry: () => void }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const code = describeApiError(error).code;
  const missing = code === 'NOT_FOUND' || code === 'FORBIDDEN';
  return (
    <div className="page">
      <div className="state state-error" role="alert" data-testid={missing ? 'record-not-found' : 'record-error'}>
        <div>
          <strong>{missing ? t('directory.notFound') : t('state.error')}</strong>
          {!missing && <div className="muted">{errorMessage(error)}</div>}
        </div>
        {!missing && (
          <button type="button" className="button button-secondary" onClick={onRetry}>
            {t('state.retry')}
          </button>
        )}
      </div>
      <Link to={backTo} className="back-link">
        ← {t('directory.back')}
      </Link>
    </div>
  );
}

/** Today as YYYY-MM-DD in local time (the default for "held on", "joined on" dates). */
export function today(): string {
  const date = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Formats a YYYY-MM-DD day in the current locale (without shifting it through a time zone). */
export function useFormatDay(): (day: string | null | undefined) => string {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return (day) => {
    if (!day) return '—';
    const date = new Date(`${day}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? day : format.format(date);
  };
}
