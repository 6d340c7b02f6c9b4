import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainException } from './domain-exception.js';

/**
 * Expected failures are part of the API, not server faults: hand them to formatGraphQLError as
 * they are, instead of letting Nest log each one as an unhandled error.
 */
@Catch(DomainException)
export class DomainExceptionFilter implements GqlExceptionFilter {
  catch(exception: DomainException): DomainException {
    return exception;
  }
}
