// The interface languages, and how the first one is picked from the browser's.

export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/**
 * The interface language for a browser's preferred languages (`navigator.languages`, most
 * preferred first): the first one we have, where any `zh*` tag (zh, zh-CN, zh-Hans-SG, zh-TW…)
 * means Simplified Chinese and any `en*` tag English; English when none matches.
 *
 * index.html repeats this rule in its pre-paint script (tests/app/themeBoot.test.ts checks
 * that the two agree).
 */
export function detectLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return DEFAULT_LOCALE;
}

/** The BCP 47 tag for `<html lang>` and for `Intl`. */
export function languageTag(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en';
}

/** Each language in its own words, the same whatever the interface language. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  zh: '简体中文',
};
