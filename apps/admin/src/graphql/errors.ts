import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { ErrorCode } from './operations';

export interface ApiErrorInfo {
  /** `extensions.code` of the first GraphQL error, or 'NETWORK' when the request itself failed. */
  code: ErrorCode | 'NETWORK' | 'UNKNOWN';
  message: string;
  /** Input-field messages from BAD_USER_INPUT errors, keyed by `extensions.field`. */
  fieldErrors: Record<string, string>;
}

const KNOWN_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'UNAVAILABLE',
  'WRONG_STATUS',
  'GATE_NOT_MET',
  'EXTENSION_BEYOND_POLICY',
  'INTERNAL_SERVER_ERROR',
]);

/** Reads an error from Apollo Client (hooks, mutate promises) into what the UI needs to show. */
export function describeApiError(error: unknown): ApiErrorInfo {
  if (CombinedGraphQLErrors.is(error)) {
    const fieldErrors: Record<string, string> = {};
    let code: ApiErrorInfo['code'] = 'UNKNOWN';
    for (const graphQLError of error.errors) {
      const errorCode = graphQLError.extensions?.['code'];
      const field = graphQLError.extensions?.['field'];
      if (code === 'UNKNOWN' && typeof errorCode === 'string' && KNOWN_CODES.has(errorCode)) {
        code = errorCode as ErrorCode;
      }
      if (errorCode === 'BAD_USER_INPUT' && typeof field === 'string' && !(field in fieldErrors)) {
        fieldErrors[field] = graphQLError.message;
      }
    }
    return { code, message: error.errors[0]?.message ?? error.message, fieldErrors };
  }
  if (ServerError.is(error) && error.statusCode === 401) {
    return { code: 'UNAUTHENTICATED', message: error.message, fieldErrors: {} };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: error ? 'NETWORK' : 'UNKNOWN', message, fieldErrors: {} };
}

/**
 * True when any GraphQL error says the caller is not (or no longer) signed in: in an error from
 * Apollo Client, or in a raw result's `errors` (as the link chain sees them).
 */
export function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
  }
  if (ServerError.is(error)) return error.statusCode === 401;
  const errors = (error as { errors?: unknown } | null)?.errors;
  return (
    Array.isArray(errors) &&
    errors.some((e: { extensions?: Record<string, unknown> } | null) => e?.extensions?.['code'] === 'UNAUTHENTICATED')
  );
}
