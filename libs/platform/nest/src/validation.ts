import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainException } from './domain-exception.js';

function firstFailure(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) return { field, message: messages[0] };
    const nested = firstFailure(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** Validates every GraphQL input class; the first failure becomes BAD_USER_INPUT naming its field. */
export function inputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const failure = firstFailure(errors);
      return failure
        ? DomainException.badInput(failure.field, failure.message)
        : new DomainException('BAD_USER_INPUT', 'The input is not valid.');
    },
  });
}
