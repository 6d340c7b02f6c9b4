import type { DataSource } from 'typeorm';

/** Calendar days are China's (UTC+8): holidays and make-up working days (调休) are dated there. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The China calendar date ('YYYY-MM-DD') of an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether a date is a working day: its override if the calendar has one, else Monday to Friday. */
export function isWorkingDay(day: string, overrides: ReadonlyMap<string, boolean>): boolean {
  const override = overrides.get(day);
  if (override !== undefined) return override;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The deadline `workingDays` working days after `from`: counting starts the next China day, and the
 * deadline is the end (24:00, China time) of the last counted day. Holidays and make-up working
 * weekends come from `overrides`.
 */
export function addWorkingDays(from: Date, workingDays: number, overrides: ReadonlyMap<string, boolean>): Date {
  let day = chinaDate(from);
  let counted = 0;
  while (counted < workingDays) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    if (isWorkingDay(day, overrides)) counted += 1;
  }
  // 24:00 China time of `day` = 16:00 UTC of the same date.
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - CHINA_OFFSET_MS);
}

/** The calendar's overrides between two dates (inclusive), as date → working. */
export async function calendarOverrides(db: DataSource, fromDay: string, toDay: string): Promise<Map<string, boolean>> {
  const rows: { day: string; working: boolean }[] = await db.query(
    `SELECT to_char("day", 'YYYY-MM-DD') AS "day", "working" FROM "cultivation"."calendar_day" WHERE "day" BETWEEN $1 AND $2`,
    [fromDay, toDay],
  );
  return new Map(rows.map((r) => [r.day, r.working]));
}

/** The working-day deadline from the stored calendar (overrides read for a generous window). */
export async function workingDayDeadline(db: DataSource, from: Date, workingDays: number): Promise<Date> {
  const window = Math.ceil(workingDays * 1.6) + 60;
  const overrides = await calendarOverrides(db, chinaDate(from), chinaDate(new Date(from.getTime() + window * DAY_MS)));
  return addWorkingDays(from, workingDays, overrides);
}
