import { describe, expect, it } from '@jest/globals';
import { DomainException } from '@peiyu/platform-nest';
import { isLocalDate, periodsOf, resolveRange, todayIn, type PeriodRequest } from './indicator-periods.js';

function refusal(request: PeriodRequest): { field?: string; message: string } {
  try {
    resolveRange(request, '2025-05-20');
  } catch (error) {
    if (error instanceof DomainException) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

describe('indicator periods', () => {
  it('tells calendar dates', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('2024-13-01')).toBe(false);
    expect(isLocalDate('2024-1-01')).toBe(false);
    expect(isLocalDate(20240101)).toBe(false);
  });

  it("takes today from the reporting time zone's calendar", () => {
    // 16:30 UTC on 31 December is already 1 January in Shanghai (UTC+8).
    expect(todayIn('Asia/Shanghai', new Date('2024-12-31T16:30:00Z'))).toBe('2025-01-01');
    expect(todayIn('Asia/Shanghai', new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
  });

  it('resolves relative periods on a given day', () => {
    const today = '2025-05-20';
    expect(resolveRange({ relative: 'THIS_MONTH' }, today)).toEqual({ from: '2025-05-01', to: today });
    expect(resolveRange({ relative: 'THIS_QUARTER' }, today)).toEqual({ from: '2025-04-01', to: today });
    expect(resolveRange({ relative: 'THIS_YEAR' }, today)).toEqual({ from: '2025-01-01', to: today });
    expect(resolveRange({ relative: 'LAST_YEAR' }, today)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(resolveRange({ relative: 'LAST_12_MONTHS' }, today)).toEqual({ from: '2024-06-01', to: today });
    expect(resolveRange({ relative: 'LAST_12_MONTHS' }, '2025-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(resolveRange(null, today)).toEqual({ from: '2024-06-01', to: today });
    expect(resolveRange({ from: '2015-01-01', to: '2024-12-31' }, today)).toEqual({ from: '2015-01-01', to: '2024-12-31' });
  });

  it('refuses a bad range, naming the field', () => {
    expect(refusal({ relative: 'THIS_YEAR', from: '2024-01-01', to: '2024-02-01' }).field).toBe('period.relative');
    expect(refusal({ to: '2024-02-01' }).field).toBe('period.from');
    expect(refusal({ from: '2024-02-01' }).field).toBe('period.to');
    expect(refusal({ from: '2024-02-01', to: '2024-01-31' })).toEqual({ field: 'period.to', message: 'period.to (2024-01-31) is before period.from (2024-02-01).' });
    expect(refusal({ from: '2014-12-31', to: '2024-12-31' })).toEqual({ field: 'period.from', message: expect.stringContaining('121 calendar months') });
  });

  it('splits a range into calendar buckets, clipping the first and the last', () => {
    const range = { from: '2024-02-10', to: '2024-07-05' };
    expect(periodsOf(range, null)).toEqual([{ key: 'ALL', label: '2024-02-10/2024-07-05', start: '2024-02-10', end: '2024-07-05' }]);
    expect(periodsOf(range, 'QUARTER')).toEqual([
      { key: '2024-01-01', label: '2024-Q1', start: '2024-02-10', end: '2024-03-31' },
      { key: '2024-04-01', label: '2024-Q2', start: '2024-04-01', end: '2024-06-30' },
      { key: '2024-07-01', label: '2024-Q3', start: '2024-07-01', end: '2024-07-05' },
    ]);
    expect(periodsOf(range, 'MONTH').map((p) => [p.label, p.start, p.end])).toEqual([
      ['2024-02', '2024-02-10', '2024-02-29'],
      ['2024-03', '2024-03-01', '2024-03-31'],
      ['2024-04', '2024-04-01', '2024-04-30'],
      ['2024-05', '2024-05-01', '2024-05-31'],
      ['2024-06', '2024-06-01', '2024-06-30'],
      ['2024-07', '2024-07-01', '2024-07-05'],
    ]);
    expect(periodsOf({ from: '2023-11-01', to: '2025-01-31' }, 'YEAR')).toEqual([
      { key: '2023-01-01', label: '2023', start: '2023-11-01', end: '2023-12-31' },
      { key: '2024-01-01', label: '2024', start: '2024-01-01', end: '2024-12-31' },
      { key: '2025-01-01', label: '2025', start: '2025-01-01', end: '2025-01-31' },
    ]);
    expect(periodsOf({ from: '2015-01-01', to: '2024-12-31' }, 'MONTH')).toHaveLength(120);
  });
});
