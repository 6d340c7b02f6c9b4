import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { ApiErrorCode } from '@peiyu/contracts';
import { DomainException } from './domain-exception.js';

/** The HTTP status of each code, for plain HTTP routes (health, imports). */
const HTTP_STATUS: Partial<Record<ApiErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/**
 * Expected failures are part of the API, not server faults. On GraphQL they go to
 * formatGraphQLError as they are, instead of Nest logging each as an unhandled error; on a plain
 * HTTP route they become `{ error: { code, message, field? } }` with the code's status.
 */
@Catch(DomainException)
export class DomainExceptionFilter implements GqlExceptionFilter {
  catch(exception: DomainException, host: ArgumentsHost): DomainException | void {
    if (host.getType<string>() !== 'http') return exception;
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const status = HTTP_STATUS[exception.code] ?? 422;
    const body = { error: { code: exception.code, message: exception.message, ...(exception.field ? { field: exception.field } : {}) } };
    // A refused upload's body was never read: let it drain, so the client can finish and read the answer.
    void drainRequest(http.getRequest<Request>()).then(() => res.status(status).json(body));
  }
}

/** Reads and discards what is left of a request body, so the client may finish sending before the answer. */
export function drainRequest(req: Request): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    req.on('end', () => resolve());
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.resume();
  });
}
