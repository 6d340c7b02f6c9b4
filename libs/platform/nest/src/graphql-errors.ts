import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { REQUEST_ID_HEADER } from '@peiyu/contracts';
import { databaseUnavailableCode } from '@peiyu/platform-database';
import { describeError, type JsonLogger } from '@peiyu/platform-observability';
import { DomainException } from './domain-exception.js';

/** Codes that graphql-js and Apollo themselves produce for malformed requests; passed through as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Whether `error` is part of the API (a domain refusal, a malformed request) rather than a server fault. */
function isExpected(original: unknown, formatted: { extensions?: Record<string, unknown> }): boolean {
  const code = formatted.extensions?.code;
  return original instanceof DomainException || (typeof code === 'string' && REQUEST_ERROR_CODES.has(code));
}

/**
 * The GraphQL edge: domain exceptions become coded errors; nothing else leaks a message or a stack
 * (server faults are logged by requestErrorLogPlugin).
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainException) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    const field = code === 'BAD_USER_INPUT' ? coercedField(formatted.message) : undefined;
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code, ...(field ? { field } : {}) } };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * graphql-js rejects a variable that does not fit its type (an unknown enum value, say) before any
 * resolver runs, with a message such as `Variable "$input" got invalid value "X" at "input.category"`.
 * The field is taken from that path, without the argument name, as for the resolvers' own errors.
 */
export function coercedField(message: string): string | undefined {
  const path = message.match(/ at "([^"]+)"/)?.[1];
  if (!path) return undefined;
  const [, ...rest] = path.split('.');
  return rest.length > 0 ? rest.join('.').replace(/\[\d+\]/g, '') : undefined;
}

/** After this long without a failure for want of PostgreSQL, the next one starts a new outage. */
export const OUTAGE_QUIET_MS = 30_000;

/**
 * Logs the server faults among a request's errors. A request that failed because PostgreSQL is
 * unreachable (down, restarting, recovering) gets one concise `warn` line: operation, request id,
 * the failure's code, the paths that failed. Its stack is logged once per outage (the first such
 * failure after OUTAGE_QUIET_MS without one), and for every request only at `debug`: during an
 * outage every request fails the same way, and `/ready` already says PostgreSQL is down. Any
 * other fault is a bug and logged with its stack, one line per error.
 */
export function requestErrorLogPlugin<C extends object>(logger: JsonLogger, now: () => number = Date.now): ApolloServerPlugin<C> {
  let lastUnavailableAt = -Infinity;
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName, request }) {
          const faults = errors
            .map((error: GraphQLError) => ({ error, original: unwrapResolverError(error) }))
            .filter(({ error, original }) => !isExpected(original, error));
          if (faults.length === 0) return;
          const requestId = request.http?.headers.get(REQUEST_ID_HEADER) ?? undefined;
          const context = { operation: operationName ?? null, ...(requestId ? { requestId } : {}) };
          const unavailable = faults.flatMap((f) => {
            const code = databaseUnavailableCode(f.original);
            return code ? [{ ...f, code }] : [];
          });
          if (unavailable.length > 0) {
            const first = unavailable[0]!;
            const at = now();
            if (at - lastUnavailableAt > OUTAGE_QUIET_MS) {
              logger.error('PostgreSQL is unavailable: requests that need it fail until it is back (one line per request from now on; LOG_LEVEL=debug logs each stack)', first.original, { ...context, code: first.code });
            } else {
              logger.debug('request failed: PostgreSQL unavailable (stack)', { ...context, code: first.code, ...describeError(first.original) });
            }
            lastUnavailableAt = at;
            logger.warn('request failed: PostgreSQL unavailable', {
              ...context,
              code: first.code,
              errors: unavailable.length,
              paths: [...new Set(unavailable.map((u) => u.error.path?.join('.') ?? '(request)'))].slice(0, 5),
            });
          }
          for (const { error, original } of faults) {
            if (unavailable.some((u) => u.error === error)) continue;
            logger.error('request failed', original, { ...context, path: error.path?.join('.') ?? null });
          }
        },
      };
    },
  };
}
