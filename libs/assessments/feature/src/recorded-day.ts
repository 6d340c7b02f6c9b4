import { chinaCalendarDate } from '@peiyu/organizations-data-access';
import { DomainException } from '@peiyu/platform-nest';

/** BAD_USER_INPUT naming the field unless `day` (YYYY-MM-DD) is a real calendar day, not after today in China. */
export function requireRecordedDay(day: string, field: string): void {
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw DomainException.badInput(field, `${field} must be a real calendar day.`);
  if (day > chinaCalendarDate()) throw DomainException.badInput(field, `${field} must not be in the future.`);
}
