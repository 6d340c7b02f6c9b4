// Small time formatting helpers of the detail page, in the current locale.
import { useMemo } from 'react';
import { useI18n } from '../../i18n';

/** `datetime-local` wants local wall-clock time without a zone: YYYY-MM-DDTHH:mm. */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value as an instant, or null when empty or not a valid time. */
export function fromLocalInputValue(value: string): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

function largestUnit(seconds: number): [Intl.RelativeTimeFormatUnit, number] {
  const abs = Math.abs(seconds);
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'second') return [unit, Math.round(seconds / size)];
  }
  return ['second', Math.round(seconds)];
}

export interface TimeFormat {
  /** "in 3 days", "5 minutes ago" (或 "3天后"、"5分钟前"). */
  relative: (iso: string, now: number) => string;
  /** A length of time in its largest whole unit: "3 days", "2 hours" (或 "3天"、"2小时"). */
  duration: (seconds: number) => string;
}

export function useTimeFormat(): TimeFormat {
  const { locale } = useI18n();
  return useMemo(() => {
    const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    const unitFormats = new Map<string, Intl.NumberFormat>();
    const unitFormat = (unit: string) => {
      let format = unitFormats.get(unit);
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' });
        unitFormats.set(unit, format);
      }
      return format;
    };
    return {
      relative: (iso, now) => {
        const time = Date.parse(iso);
        if (!Number.isFinite(time)) return iso;
        const [unit, value] = largestUnit((time - now) / 1000);
        return relativeFormat.format(value, unit);
      },
      duration: (seconds) => {
        const [unit, value] = largestUnit(Math.max(seconds, 0));
        return unitFormat(unit).format(Math.abs(value));
      },
    };
  }, [locale]);
}
