import type { Locale } from '../locales';
import { policyEn, type PolicyMessages } from './en';
import { policyZhCN } from './zh-CN';

/** The process policies page's messages; it adds them with `addMessages` as it loads. */
export const POLICY_MESSAGES: Record<Locale, PolicyMessages> = { 'zh-CN': policyZhCN, en: policyEn };
