import { describe, expect, it } from '@jest/globals';
import { addWorkingDays, chinaDate, isWorkingDay } from './calendar.js';

describe('working-day calendar', () => {
  it('dates instants in China time', () => {
    expect(chinaDate(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
    expect(chinaDate(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
  });

  it('counts Monday to Friday, unless the calendar says otherwise', () => {
    const overrides = new Map([
      ['2026-10-01', false], // a holiday on a Thursday
      ['2026-10-10', true], // a make-up working Saturday (调休)
    ]);
    expect(isWorkingDay('2026-09-28', overrides)).toBe(true); // Monday
    expect(isWorkingDay('2026-10-03', overrides)).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-01', overrides)).toBe(false);
    expect(isWorkingDay('2026-10-10', overrides)).toBe(true);
  });

  it('puts the deadline at the end (China time) of the n-th working day after the start', () => {
    // Started Tuesday 29 Sep; working days after: Wed 30, (Thu 1 Oct holiday), Fri 2, (weekend), Mon 5, ...
    const overrides = new Map([
      ['2026-10-01', false],
      ['2026-10-10', true],
    ]);
    const from = new Date('2026-09-29T02:00:00Z');
    expect(addWorkingDays(from, 1, overrides).toISOString()).toBe('2026-09-30T16:00:00.000Z'); // end of Wed 30 Sep, China time
    expect(addWorkingDays(from, 2, overrides).toISOString()).toBe('2026-10-02T16:00:00.000Z'); // Fri 2 Oct
    expect(addWorkingDays(from, 3, overrides).toISOString()).toBe('2026-10-05T16:00:00.000Z'); // Mon 5 Oct
    // The make-up Saturday counts: Mon 5 .. Fri 9 are days 3-7, Sat 10 is day 8.
    expect(addWorkingDays(from, 8, overrides).toISOString()).toBe('2026-10-10T16:00:00.000Z');
  });
});
