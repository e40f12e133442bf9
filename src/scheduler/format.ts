// Compact English intervals for the answer buttons, like Anki's: "<1m", "10m", "3h", "3d",
// "2.1mo", "1.3y". (Locale-aware formatting is a later change.)

import { DAY_MS, HOUR_MS, MINUTE_MS } from './studyDay.ts';

const MONTH_DAYS = 30;
const YEAR_DAYS = 365;

/** One decimal, without a trailing ".0": 2.14 → "2.1", 1.96 → "2". */
function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * Format a duration in ms. Each unit is used while the value, rounded to that unit, stays
 * below the next one:
 *
 * | duration                       | output              |
 * | ------------------------------ | ------------------- |
 * | below 1 minute (or not finite) | `<1m`               |
 * | rounds to 1–59 minutes         | `1m` … `59m`        |
 * | rounds to 1–23 hours           | `1h` … `23h`        |
 * | rounds to 1–29 days            | `1d` … `29d`        |
 * | below 365 days                 | `1mo` … `12.2mo`    |
 * | 365 days and more              | `1y`, `1.3y`, …     |
 *
 * Months are 30 days, years 365 days; months and years have one decimal, dropped when 0.
 */
export function formatInterval(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE_MS) return '<1m';
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(ms / HOUR_MS);
  if (hours < 24) return `${hours}h`;
  const days = ms / DAY_MS;
  if (Math.round(days) < MONTH_DAYS) return `${Math.round(days)}d`;
  if (days < YEAR_DAYS) return `${oneDecimal(days / MONTH_DAYS)}mo`;
  return `${oneDecimal(days / YEAR_DAYS)}y`;
}
