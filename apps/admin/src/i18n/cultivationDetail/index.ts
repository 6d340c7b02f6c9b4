import type { Locale } from '../locales';
import { detailEn, type DetailMessages } from './en';
import { detailZhCN } from './zh-CN';

/** The detail page's messages in every locale; the page adds them with `addMessages` as it loads. */
export const DETAIL_MESSAGES: Record<Locale, DetailMessages> = { 'zh-CN': detailZhCN, en: detailEn };
