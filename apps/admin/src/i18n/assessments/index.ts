import type { Locale } from '../locales';
import { assessmentsEn, type AssessmentsMessages } from './en';
import { assessmentsZhCN } from './zh-CN';

/** The assessments tab's, scoring form's and rubrics page's messages; each adds them with `addMessages` as it loads. */
export const ASSESSMENTS_MESSAGES: Record<Locale, AssessmentsMessages> = { 'zh-CN': assessmentsZhCN, en: assessmentsEn };
