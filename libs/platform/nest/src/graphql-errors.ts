import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainException } from './domain-exception.js';

const logger = new Logger('GraphQL');

/** Codes that graphql-js and Apollo themselves produce for malformed requests; passed through as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** The GraphQL edge: domain exceptions become coded errors; nothing else leaks a message or a stack. */
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
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
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
