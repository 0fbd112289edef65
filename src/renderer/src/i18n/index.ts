/**
 * Every visible string goes through svelte-i18n. The language follows the OS (navigator
 * languages) unless the settings pin one.
 */
import { addMessages, init, locale } from 'svelte-i18n';
import type { Language } from '../../../shared/settings';
import { en } from './en';
import { zhCN } from './zh-CN';

export { t, runtimeWord, type Translate, type TranslateOptions } from './translator';
export type { MessageKey, MessageSection } from './keys';

export const SUPPORTED_LOCALES = ['en', 'zh-CN'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** Picks the locale for the OS languages: any Chinese variant gets Simplified Chinese. */
export function localeForSystem(languages: readonly string[]): SupportedLocale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function localeFor(language: Language, systemLanguages: readonly string[]): SupportedLocale {
  return language === 'system' ? localeForSystem(systemLanguages) : language;
}

let initialised = false;

/** Registers the catalogues once and picks the first locale. */
export function setupI18n(language: Language = 'system'): void {
  const initial = localeFor(language, navigator.languages ?? [navigator.language]);
  if (!initialised) {
    addMessages('en', en);
    addMessages('zh-CN', zhCN);
    init({ fallbackLocale: 'en', initialLocale: initial });
    initialised = true;
  } else {
    void locale.set(initial);
  }
  document.documentElement.lang = initial;
}

export function applyLanguage(language: Language): void {
  const next = localeFor(language, navigator.languages ?? [navigator.language]);
  void locale.set(next);
  document.documentElement.lang = next;
}
