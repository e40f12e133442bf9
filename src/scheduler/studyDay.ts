// The study day: like Anki, a day of study starts at a local hour (04:00 by default), so that
// a late-night session still counts as part of the day it began in.
//
// This is the one place the scheduler depends on its environment: "local" means the time zone
// of the process (the browser's, or TZ under Node), read through `Date`'s local-time methods.
// Calendar arithmetic is done on UTC dates so that it is exact whatever the zone's DST rules.
//
// DST: a rollover hour that does not exist on a given date (skipped by a spring-forward) is
// resolved by `Date` to the corresponding instant after the transition; a repeated one (fall
// back) to its first occurrence. Study days around a transition are therefore 23 or 25 hours long,
// and day indices stay consecutive.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

interface CalendarDate {
  year: number;
  /** 0-based, as in `Date`. */
  month: number;
  day: number;
}

/** Rollover hour as a whole hour in 0–23. */
function normaliseHour(rolloverHour: number): number {
  if (!Number.isFinite(rolloverHour)) return 0;
  return Math.min(23, Math.max(0, Math.trunc(rolloverHour)));
}

/** The calendar date `days` after `date` (negative for before). */
function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
}

/** The instant of the local rollover on a local calendar date. */
function rolloverOn(date: CalendarDate, hour: number): number {
  return new Date(date.year, date.month, date.day, hour, 0, 0, 0).getTime();
}

/** The local calendar date whose study day contains `now`. */
function studyDate(now: number, hour: number): CalendarDate {
  const local = new Date(now);
  const today = { year: local.getFullYear(), month: local.getMonth(), day: local.getDate() };
  return rolloverOn(today, hour) <= now ? today : addDays(today, -1);
}

/** Epoch ms of the most recent local rollover at or before `now`. */
export function studyDayStart(now: number, rolloverHour: number): number {
  const hour = normaliseHour(rolloverHour);
  return rolloverOn(studyDate(now, hour), hour);
}

/** Epoch ms of the first local rollover strictly after `now`: when the next study day starts. */
export function nextRollover(now: number, rolloverHour: number): number {
  const hour = normaliseHour(rolloverHour);
  return rolloverOn(addDays(studyDate(now, hour), 1), hour);
}

/**
 * An integer naming the study day that contains `now`: the number of days from 1970-01-01 to
 * the local calendar date on which that study day began. Consecutive study days have
 * consecutive indices, across DST changes too, so differences count study days.
 */
export function studyDayIndex(now: number, rolloverHour: number): number {
  const date = studyDate(now, normaliseHour(rolloverHour));
  return Math.round(Date.UTC(date.year, date.month, date.day) / DAY_MS);
}

/** Study days from `from` to `to`, never negative (a clock that went back counts 0). */
export function studyDaysBetween(from: number, to: number, rolloverHour: number): number {
  return Math.max(0, studyDayIndex(to, rolloverHour) - studyDayIndex(from, rolloverHour));
}
