import { DomainException } from '@peiyu/platform-nest';

/**
 * The calendar arithmetic of the indicators, on local dates (`YYYY-MM-DD`, in the reporting time
 * zone): a requested period becomes an inclusive date range, and the range becomes buckets.
 */
export const PERIOD_BUCKETS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type PeriodBucket = (typeof PERIOD_BUCKETS)[number];

export const RELATIVE_PERIODS = ['THIS_MONTH', 'THIS_QUARTER', 'THIS_YEAR', 'LAST_YEAR', 'LAST_12_MONTHS'] as const;
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number];

/** The longest range a query may cover, in calendar months (ten years). */
export const MAX_RANGE_MONTHS = 120;
/** The range used when a query names none. */
export const DEFAULT_RELATIVE_PERIOD: RelativePeriod = 'LAST_12_MONTHS';

/** Inclusive local dates. */
export interface DateRange {
  from: string;
  to: string;
}

/** One column of time in an indicator table. */
export interface Period {
  /** How the database names the bucket: its first calendar day (`ALL` when not bucketed). */
  key: string;
  /** `2025-03`, `2025-Q1`, `2025`, or `from/to` (ISO 8601 interval) when not bucketed. */
  label: string;
  /** The part of the range inside the bucket, inclusive local dates. */
  start: string;
  end: string;
}

export interface PeriodRequest {
  relative?: RelativePeriod | null;
  from?: string | null;
  to?: string | null;
}

interface YearMonth {
  year: number;
  /** 1-12 */
  month: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const monthIndex = ({ year, month }: YearMonth) => year * 12 + (month - 1);
const fromMonthIndex = (index: number): YearMonth => ({ year: Math.floor(index / 12), month: (index % 12) + 1 });
const firstDay = (ym: YearMonth) => `${ym.year}-${pad(ym.month)}-01`;
const lastDay = (ym: YearMonth) => `${ym.year}-${pad(ym.month)}-${pad(new Date(Date.UTC(ym.year, ym.month, 0)).getUTCDate())}`;
const yearMonthOf = (date: string): YearMonth => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) });

/** True for a real calendar date written `YYYY-MM-DD` (2024-02-29 yes, 2023-02-29 no). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1;
}

/** Today's date in `timeZone`, as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The inclusive date range a period request means on `today`: a relative period (the current month,
 * quarter or year up to today; the whole previous year; the current month and the 11 before it), or
 * `from`..`to` as given. Refuses, naming the field, a request that gives both or neither half of
 * `from`/`to`, a reversed range, or one spanning more than MAX_RANGE_MONTHS calendar months.
 */
export function resolveRange(request: PeriodRequest | null | undefined, today: string): DateRange {
  const { relative, from, to } = request ?? {};
  if (relative != null && (from != null || to != null)) {
    throw DomainException.badInput('period.relative', 'Give either period.relative or period.from and period.to, not both.');
  }
  if (from != null || to != null) {
    if (from == null) throw DomainException.badInput('period.from', 'period.from is needed with period.to.');
    if (to == null) throw DomainException.badInput('period.to', 'period.to is needed with period.from.');
    if (to < from) throw DomainException.badInput('period.to', `period.to (${to}) is before period.from (${from}).`);
    const months = monthIndex(yearMonthOf(to)) - monthIndex(yearMonthOf(from)) + 1;
    if (months > MAX_RANGE_MONTHS) {
      throw DomainException.badInput(
        'period.from',
        `The period from ${from} to ${to} spans ${months} calendar months; at most ${MAX_RANGE_MONTHS} (ten years) may be queried at once.`,
      );
    }
    return { from, to };
  }
  const now = yearMonthOf(today);
  switch (relative ?? DEFAULT_RELATIVE_PERIOD) {
    case 'THIS_MONTH':
      return { from: firstDay(now), to: today };
    case 'THIS_QUARTER':
      return { from: firstDay({ year: now.year, month: now.month - ((now.month - 1) % 3) }), to: today };
    case 'THIS_YEAR':
      return { from: `${now.year}-01-01`, to: today };
    case 'LAST_YEAR':
      return { from: `${now.year - 1}-01-01`, to: `${now.year - 1}-12-31` };
    case 'LAST_12_MONTHS':
      return { from: firstDay(fromMonthIndex(monthIndex(now) - 11)), to: today };
  }
}

const MONTHS_PER_BUCKET: Record<PeriodBucket, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

function bucketStart(ym: YearMonth, bucket: PeriodBucket): YearMonth {
  const size = MONTHS_PER_BUCKET[bucket];
  return fromMonthIndex(monthIndex(ym) - ((ym.month - 1) % size));
}

function bucketLabel(start: YearMonth, bucket: PeriodBucket): string {
  switch (bucket) {
    case 'MONTH':
      return `${start.year}-${pad(start.month)}`;
    case 'QUARTER':
      return `${start.year}-Q${(start.month - 1) / 3 + 1}`;
    case 'YEAR':
      return String(start.year);
  }
}

/** The buckets covering the range, in order; the first and last clipped to it. One period when not bucketed. */
export function periodsOf(range: DateRange, bucket: PeriodBucket | null | undefined): Period[] {
  if (!bucket) return [{ key: 'ALL', label: `${range.from}/${range.to}`, start: range.from, end: range.to }];
  const size = MONTHS_PER_BUCKET[bucket];
  const periods: Period[] = [];
  const last = monthIndex(yearMonthOf(range.to));
  for (let index = monthIndex(bucketStart(yearMonthOf(range.from), bucket)); index <= last; index += size) {
    const start = fromMonthIndex(index);
    const startDay = firstDay(start);
    const endDay = lastDay(fromMonthIndex(index + size - 1));
    periods.push({
      key: startDay,
      label: bucketLabel(start, bucket),
      start: startDay < range.from ? range.from : startDay,
      end: endDay > range.to ? range.to : endDay,
    });
  }
  return periods;
}
