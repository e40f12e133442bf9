// Study activity by day: the heatmap of grades, streaks, and time spent.
// Every grade counts as study here, reviews and practice alike (reported apart): a day spent
// cramming before an interview is a day of study, so it keeps a streak alive too.
import { studyDayIndex } from '../scheduler/studyDay.ts';
import { studyDayIndexer } from './days.ts';
import { isReview, type StudyLogEntry } from './types.ts';

/** Anki's cap on one answer's time; recorded times are capped already, imported ones may not be. */
export const ANSWER_MS_CAP = 60_000;

export interface DayWindow {
  now: number;
  rolloverHour: number;
  /** Days shown, ending with today; default 365 (the heatmap's twelve months). */
  days?: number;
}

export interface ReviewHeatmap {
  /** Study day index (see studyDayIndex) of the first day; the last day is today. */
  firstDay: number;
  /** Review grades per day, index 0 = firstDay. */
  reviews: number[];
  /** Practice grades per day (drill, cram), same indexing. */
  practice: number[];
  /** Days in a row with at least one grade, ending today, or yesterday if today has none yet. */
  currentStreak: number;
  /** The longest such run in the whole log. */
  longestStreak: number;
}

interface Window {
  today: number;
  firstDay: number;
  days: number;
}

function windowOf({ now, rolloverHour, days = 365 }: DayWindow): Window {
  const today = studyDayIndex(now, rolloverHour);
  const length = Math.max(1, Math.trunc(days));
  return { today, firstDay: today - length + 1, days: length };
}

/** Current and longest runs of consecutive days among `studied` (any order, repeats allowed). */
export function streaks(
  studied: Iterable<number>,
  today: number,
): { current: number; longest: number } {
  const days = [...new Set(studied)].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < days.length; i++) {
    run = i > 0 && days[i] === days[i - 1]! + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const has = new Set(days);
  let current = 0;
  let day = has.has(today) ? today : today - 1;
  while (has.has(day)) {
    current++;
    day--;
  }
  return { current, longest };
}

/** Grades per study day for the heatmap, with streaks. Grades dated after today are left out. */
export function reviewHeatmap(log: readonly StudyLogEntry[], window: DayWindow): ReviewHeatmap {
  const { today, firstDay, days } = windowOf(window);
  const reviews = new Array<number>(days).fill(0);
  const practice = new Array<number>(days).fill(0);
  const dayOf = studyDayIndexer(window.rolloverHour);
  const studied: number[] = [];
  for (const entry of log) {
    const day = dayOf(entry.reviewedAt);
    if (day > today) continue;
    if (studied[studied.length - 1] !== day) studied.push(day);
    if (day < firstDay) continue;
    if (isReview(entry)) reviews[day - firstDay]!++;
    else practice[day - firstDay]!++;
  }
  const { current, longest } = streaks(studied, today);
  return { firstDay, reviews, practice, currentStreak: current, longestStreak: longest };
}

export interface TimeSpent {
  firstDay: number;
  /** Sum of the known answer times per day, ms (each capped at 60 s). */
  knownMs: number[];
  /** Grades with a known answer time per day. */
  timed: number[];
  /** Grades without one (recorded before answer times were, or invalid) per day. */
  untimed: number[];
}

/** Time spent answering per study day (reviews and practice), ending today; default 30 days. */
export function timeSpentPerDay(log: readonly StudyLogEntry[], window: DayWindow): TimeSpent {
  const { today, firstDay, days } = windowOf({ days: 30, ...window });
  const knownMs = new Array<number>(days).fill(0);
  const timed = new Array<number>(days).fill(0);
  const untimed = new Array<number>(days).fill(0);
  const dayOf = studyDayIndexer(window.rolloverHour);
  for (const entry of log) {
    const day = dayOf(entry.reviewedAt);
    if (day < firstDay || day > today) continue;
    const ms = entry.answerMs;
    if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) {
      knownMs[day - firstDay]! += Math.min(ms, ANSWER_MS_CAP);
      timed[day - firstDay]!++;
    } else {
      untimed[day - firstDay]!++;
    }
  }
  return { firstDay, knownMs, timed, untimed };
}
