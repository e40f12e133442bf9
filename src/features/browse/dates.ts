// Date formats of Browse, one Intl formatter per locale and style (making one is the slow part).
import { languageTag, type Locale } from '../../i18n/locale.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(languageTag(locale), options);
    formatters.set(key, f);
  }
  return f;
}

/** en "Nov 27, 2026", zh "2026年11月27日". */
export function shortDate(at: number, locale: Locale): string {
  return formatter(locale, { dateStyle: 'medium' }).format(at);
}

/** en "Nov 27, 2026, 9:00 AM", zh "2026年11月27日 09:00". */
export function dateTime(at: number, locale: Locale): string {
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
