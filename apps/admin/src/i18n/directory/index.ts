import type { Locale } from '../locales';
import { directoryEn, type DirectoryMessages } from './en';
import { directoryZhCN } from './zh-CN';

/** The directory pages' messages in every locale; each of those pages adds them with `addMessages` as it loads. */
export const DIRECTORY_MESSAGES: Record<Locale, DirectoryMessages> = { 'zh-CN': directoryZhCN, en: directoryEn };
