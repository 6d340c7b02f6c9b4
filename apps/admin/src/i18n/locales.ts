import { en, type MessageKey as AppMessageKey, type Messages } from './en';
import { zhCN } from './zh-CN';
import type { DetailMessageKey } from './cultivationDetail/en';
import type { InsightsMessageKey } from './insights/en';
import type { DirectoryMessageKey } from './directory/en';
import type { AssessmentsMessageKey } from './assessments/en';
import type { PolicyMessageKey } from './policy/en';

export type { Messages };
/**
 * Every message key: the app's own (en.ts, loaded with the app) and those of lazily loaded pages
 * (their dictionaries load with the page and are added with `addMessages`).
 */
export type MessageKey = AppMessageKey | DetailMessageKey | InsightsMessageKey | DirectoryMessageKey | AssessmentsMessageKey | PolicyMessageKey;

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DICTIONARIES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

/** Each language named in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

export const LOCALE_STORAGE_KEY = 'peiyu.admin.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The saved choice if there is one, otherwise the browser language: any `zh*` means zh-CN, anything else English. */
export function initialLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be unavailable (privacy modes); fall through to the browser language.
  }
  const language = typeof navigator === 'undefined' ? '' : (navigator.language ?? '');
  return language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function saveLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not persisting is acceptable.
  }
}

type Bundle = Partial<Record<MessageKey, string>>;

/** Messages of lazily loaded pages, by locale; a page's module adds its own as it loads. */
const added: Record<Locale, Bundle> = { 'zh-CN': {}, en: {} };

export function addMessages(messages: Record<Locale, Bundle>): void {
  for (const locale of LOCALES) Object.assign(added[locale], messages[locale]);
}

/** The message for `key` in `locale`, else in English, else the key itself (a value the app does not know yet). */
export function lookup(locale: Locale, key: MessageKey): string {
  const own = DICTIONARIES[locale] as Bundle;
  const english = DICTIONARIES.en as Bundle;
  return own[key] ?? added[locale][key] ?? english[key] ?? added.en[key] ?? key;
}

/** Replaces `{name}` placeholders with values; unknown placeholders are left visible so they get noticed. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
  );
}
