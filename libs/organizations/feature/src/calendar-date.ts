import { ValidateBy, type ValidationOptions } from 'class-validator';
import { chinaCalendarDate } from '@peiyu/organizations-data-access';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a value is a real calendar day written 'YYYY-MM-DD' (2025-02-30 is not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** A calendar day, 'YYYY-MM-DD'. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a date written YYYY-MM-DD`,
      },
    },
    options,
  );
}

/**
 * A calendar day that has come: today or before, today being the day in China now. A value that is
 * not a calendar day passes here; IsCalendarDate refuses it.
 */
export function NotInFuture(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notInFuture',
      validator: {
        validate: (value: unknown) => !isCalendarDate(value) || value <= chinaCalendarDate(),
        defaultMessage: (args) => `${args?.property ?? 'value'} must not be in the future`,
      },
    },
    options,
  );
}
