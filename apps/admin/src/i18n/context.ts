import { createContext, useContext } from 'react';
import type { Locale, MessageKey } from './locales';

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** The message for `key` in the current locale, with `{placeholders}` filled from `params`. */
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** A date-time in the current locale (Intl.DateTimeFormat, medium date + short time). */
  formatDateTime: (value: string | number | Date) => string;
  formatNumber: (value: number) => string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
