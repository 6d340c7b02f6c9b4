export { I18nProvider } from './I18nProvider';
export { useI18n, type I18n } from './context';
export { LOCALES, LOCALE_NAMES, addMessages, type Locale, type MessageKey } from './locales';
