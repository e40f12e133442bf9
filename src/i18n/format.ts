// Intervals, times and hours in the interface language's forms.
//
// English has a compact Anki-like form on the grade buttons ("10m", "3d", "2.1mo":
// formatInterval); Chinese uses the same units and rounding ("10分钟", "3天", "2.1个月").
// Sentences use the long forms ("10 minutes", "3 days"). These are written here, not asked of
// Intl.NumberFormat, whose first use in a page costs 100–150 ms at 4× CPU (loading its data),
// a long task right after the review screen's first paint; a test holds them to Intl's words.
//
// i18n depends on no other part of the app: the lengths of the units are written here (the
// scheduler has the same ones for its own arithmetic, in src/scheduler/studyDay.ts).
import { languageTag, type Locale } from './locale.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export type IntervalUnit = 'minute' | 'hour' | 'day' | 'month' | 'year';

export interface IntervalParts {
  /** Below one minute (or not finite): `value` is then 1 and `unit` minute. */
  lessThanOne: boolean;
  value: number;
  unit: IntervalUnit;
}

export const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * The unit and rounded value to show for `ms`. Each unit is used while the value, rounded to
 * that unit, stays below the next one: whole minutes, hours and days below a month of 30 days;
 * months of 30 days below 365 days, then years of 365 days, with one decimal.
 */
export function intervalParts(ms: number): IntervalParts {
  if (!Number.isFinite(ms) || ms < MINUTE_MS)
    return { lessThanOne: true, value: 1, unit: 'minute' };
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return { lessThanOne: false, value: minutes, unit: 'minute' };
  const hours = Math.round(ms / HOUR_MS);
  if (hours < 24) return { lessThanOne: false, value: hours, unit: 'hour' };
  const days = ms / DAY_MS;
  if (Math.round(days) < 30) return { lessThanOne: false, value: Math.round(days), unit: 'day' };
  if (days < 365) return { lessThanOne: false, value: oneDecimal(days / 30), unit: 'month' };
  return { lessThanOne: false, value: oneDecimal(days / 365), unit: 'year' };
}

const ABBREVIATION = { minute: 'm', hour: 'h', day: 'd', month: 'mo', year: 'y' } as const;
const ZH_UNIT = { minute: '分钟', hour: '小时', day: '天', month: '个月', year: '年' } as const;

/** A value as Intl writes it in both languages: at most one decimal, thousands grouped. */
function numberText(value: number): string {
  const [whole = '', decimals] = String(oneDecimal(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return decimals === undefined ? grouped : `${grouped}.${decimals}`;
}

/** An interval's value in its unit, in words: en "1 minute", "2.1 months"; zh "1分钟", "2.1个月". */
function unitText(value: number, unit: IntervalUnit, locale: Locale): string {
  const n = numberText(value);
  if (locale === 'zh') return `${n}${ZH_UNIT[unit]}`;
  return `${n} ${unit}${n === '1' ? '' : 's'}`;
}

/**
 * The compact English form, like Anki's: "<1m" below a minute (or not finite), "1m"…"59m",
 * "1h"…"23h", "1d"…"29d", "1mo"…"12.2mo", "1y", "1.3y" (one decimal, dropped when 0).
 */
export function formatInterval(ms: number): string {
  const { lessThanOne, value, unit } = intervalParts(ms);
  return lessThanOne ? '<1m' : `${value}${ABBREVIATION[unit]}`;
}

/** For the grade buttons: en "<1m", "10m", "3d", "2.1mo"; zh "<1分钟", "10分钟", "3天", "2.1个月". */
export function formatIntervalShort(ms: number, locale: Locale): string {
  if (locale === 'en') return formatInterval(ms);
  const { lessThanOne, value, unit } = intervalParts(ms);
  const text = unitText(value, unit, locale);
  return lessThanOne ? `<${text}` : text;
}

/** For sentences: en "less than a minute", "10 minutes", "3 days"; zh "不到1分钟", "10分钟", "3天". */
export function formatIntervalLong(ms: number, locale: Locale): string {
  const { lessThanOne, value, unit } = intervalParts(ms);
  if (lessThanOne) return locale === 'zh' ? '不到1分钟' : 'less than a minute';
  return unitText(value, unit, locale);
}

/**
 * When something happens, for a sentence that already says how long until then: the time
 * today, the weekday and time within the week, the date and time beyond.
 */
export function formatDueTime(at: number, now: number, locale: Locale): string {
  const ahead = at - now;
  const options: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
  if (ahead > 6 * DAY_MS) Object.assign(options, { month: 'short', day: 'numeric' });
  else if (ahead > 20 * HOUR_MS) options.weekday = 'short';
  return new Intl.DateTimeFormat(languageTag(locale), options).format(at);
}

/** A whole local hour of the day as a time: en "4:00 AM", zh "04:00". */
export function formatHour(hour: number, locale: Locale): string {
  const options: Intl.DateTimeFormatOptions =
    locale === 'zh'
      ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
      : { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' };
  return new Intl.DateTimeFormat(languageTag(locale), options).format(new Date(2000, 0, 1, hour));
}
