import type { ApiErrorCode } from '@peiyu/contracts';

/**
 * The one error shape the services throw for expected failures. Each domain throws it with its own
 * message; the GraphQL edge (formatError) turns the code into `extensions.code` and, for input
 * errors, names the field. Anything else that escapes a resolver is reported as an internal error
 * without details.
 */
/** UNAVAILABLE: a dependency (Temporal, say) is down; the request changed nothing and may be retried. */
export type ErrorCode = ApiErrorCode;

export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For BAD_USER_INPUT: the input field at fault, as a path such as `communityId`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainException';
  }

  static badInput(field: string, message: string): DomainException {
    return new DomainException('BAD_USER_INPUT', message, field);
  }

  static notFound(entity: string, id: string): DomainException {
    return new DomainException('NOT_FOUND', `${entity} ${id} was not found.`);
  }
}
