import type { Locale } from '../locales';
import { insightsEn, type InsightsMessages } from './en';
import { insightsZhCN } from './zh-CN';

/** The dashboard's, analytics explorer's and inbox's messages; each of those pages adds them with `addMessages` as it loads. */
export const INSIGHTS_MESSAGES: Record<Locale, InsightsMessages> = { 'zh-CN': insightsZhCN, en: insightsEn };
