// Dates of study days and lengths of time spent, for the Stats screen. Apart from format.ts so
// that they load with that screen: a module shared with the first screen would carry them into
// the first download.
import { oneDecimal } from './format.ts';
import { languageTag, type Locale } from './locale.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A study day (its index: days from 1970-01-01 to its local calendar date, as the scheduler's
 * studyDayIndex counts) as a date: en "Nov 27", zh "11月27日" by default.
 */
export function formatStudyDay(
  day: number,
  locale: Locale,
  options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' },
): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dayFormats.get(key);
  if (!format) {
    // The index names a calendar date: read at UTC midnight, it is that date in any zone.
    format = new Intl.DateTimeFormat(languageTag(locale), { ...options, timeZone: 'UTC' });
    dayFormats.set(key, format);
  }
  return format.format(day * DAY_MS);
}

const durationFormats = new Map<string, Intl.NumberFormat>();

/** A value in seconds, minutes or hours, in the locale's short form (formatters kept). */
function formatUnit(locale: Locale, value: number, unit: 'second' | 'minute' | 'hour'): string {
  const key = `${locale}|${unit}`;
  let format = durationFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(languageTag(locale), {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    });
    durationFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * Time spent, for figures: whole seconds below a minute, minutes with one decimal below an
 * hour, hours with one decimal beyond: en "45 sec", "12.5 min", "1.2 hr"; zh "45秒", "12.5分钟".
 */
export function formatDuration(ms: number, locale: Locale): string {
  const safe = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (safe < MINUTE_MS) return formatUnit(locale, Math.round(safe / 1000), 'second');
  if (safe < HOUR_MS) return formatUnit(locale, oneDecimal(safe / MINUTE_MS), 'minute');
  return formatUnit(locale, oneDecimal(safe / HOUR_MS), 'hour');
}
