// Figures over cards and the whole log for the Stats screen: due forecast, true retention per
// ISO week (young and mature apart) and cards by state. Activity by day is in activity.ts.
import { studyDayIndexer } from './days.ts';
import {
  DEFAULT_LEECH_LAPSES,
  isReview,
  type FlagsById,
  type ProgressById,
  type StudyLogEntry,
} from './types.ts';

export interface DueForecast {
  /** Study day index of day 0 (today). */
  firstDay: number;
  /** Cards due per day; day 0 includes every overdue card. */
  counts: number[];
  /** How many of day 0's cards were due before today. */
  overdue: number;
}

/**
 * Cards falling due on each of the next `days` study days (default 30), from progress due
 * dates. New and suspended cards are left out: a new card is introduced, not due.
 */
export function dueForecast(
  progress: ProgressById,
  flags: FlagsById,
  { now, rolloverHour, days = 30 }: { now: number; rolloverHour: number; days?: number },
): DueForecast {
  const dayOf = studyDayIndexer(rolloverHour);
  const today = dayOf(now);
  const counts = new Array<number>(Math.max(1, Math.trunc(days))).fill(0);
  let overdue = 0;
  for (const [cardId, p] of Object.entries(progress)) {
    if (p === undefined || p.state === 'new' || flags[cardId]?.suspended === true) continue;
    const offset = dayOf(p.due) - today;
    if (offset < 0) {
      overdue++;
      counts[0]!++;
    } else if (offset < counts.length) {
      counts[offset]!++;
    }
  }
  return { firstDay: today, counts, overdue };
}

export interface PassCount {
  reviews: number;
  /** Grades other than Again. */
  passed: number;
}

export interface RetentionWeek {
  /** ISO 8601 week, e.g. '2026-W48'. */
  week: string;
  /** Study day index of its Monday. */
  monday: number;
  young: PassCount;
  mature: PassCount;
}

/** Intervals of this many days or more are mature (Anki's line). */
export const MATURE_DAYS = 21;

/** The ISO week of a study day index: its year and number, and its Monday's index. */
export function isoWeekOf(day: number): { year: number; week: number; monday: number } {
  const weekday = (new Date(day * 86_400_000).getUTCDay() + 6) % 7; // Monday 0
  const monday = day - weekday;
  const year = new Date((monday + 3) * 86_400_000).getUTCFullYear(); // the Thursday's year
  const jan1 = Date.UTC(year, 0, 1) / 86_400_000;
  return { year, week: Math.floor((monday + 3 - jan1) / 7) + 1, monday };
}

/**
 * True retention per ISO week of study days: among review grades of cards that were in the
 * review state, the share not Again. Young and mature by the interval the card was on when
 * reviewed: the scheduledDays of its previous review in the log (practice grades do not change
 * intervals, so they are skipped); when the log holds no earlier review of the card (trimmed or
 * imported), its elapsedDays stands in. Weeks with no such grade are absent; oldest first.
 * `log` in time order.
 */
export function weeklyRetention(
  log: readonly StudyLogEntry[],
  { rolloverHour, matureDays = MATURE_DAYS }: { rolloverHour: number; matureDays?: number },
): RetentionWeek[] {
  const lastInterval = new Map<string, number>();
  const weeks = new Map<number, RetentionWeek>();
  const dayOf = studyDayIndexer(rolloverHour);
  const weekOf = new Map<number, ReturnType<typeof isoWeekOf>>();
  for (const entry of log) {
    if (!isReview(entry)) continue;
    const previous = lastInterval.get(entry.cardId);
    lastInterval.set(entry.cardId, entry.scheduledDays);
    if (entry.state !== 'review') continue;
    const day = dayOf(entry.reviewedAt);
    let iso = weekOf.get(day);
    if (iso === undefined) weekOf.set(day, (iso = isoWeekOf(day)));
    const { year, week, monday } = iso;
    let row = weeks.get(monday);
    if (row === undefined) {
      const name = `${year}-W${String(week).padStart(2, '0')}`;
      row = {
        week: name,
        monday,
        young: { reviews: 0, passed: 0 },
        mature: { reviews: 0, passed: 0 },
      };
      weeks.set(monday, row);
    }
    const count = (previous ?? entry.elapsedDays) >= matureDays ? row.mature : row.young;
    count.reviews++;
    if (entry.grade !== 'again') count.passed++;
  }
  return [...weeks.values()].sort((a, b) => a.monday - b.monday);
}

export interface StateCounts {
  total: number;
  new: number;
  learning: number;
  review: number;
  relearning: number;
  /** Overlays: these cards are counted in their state too. */
  suspended: number;
  leech: number;
  starred: number;
}

/** The given cards by state; a card without progress is new. */
export function cardsByState(
  cardIds: readonly string[],
  progress: ProgressById,
  flags: FlagsById,
  leechThreshold: number = DEFAULT_LEECH_LAPSES,
): StateCounts {
  const counts: StateCounts = {
    total: 0,
    new: 0,
    learning: 0,
    review: 0,
    relearning: 0,
    suspended: 0,
    leech: 0,
    starred: 0,
  };
  for (const id of cardIds) {
    const p = progress[id];
    counts.total++;
    counts[p?.state ?? 'new']++;
    if (p !== undefined && p.lapses >= leechThreshold) counts.leech++;
    if (flags[id]?.suspended === true) counts.suspended++;
    if (flags[id]?.starred === true) counts.starred++;
  }
  return counts;
}
