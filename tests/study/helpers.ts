// Hand-built progress and log entries for the study tests.
import type { CardProgress, CardState, Grade } from '../../src/scheduler/progress.ts';
import type { StudyLogEntry } from '../../src/study/types.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** 09:00 Asia/Shanghai (the tests' zone), Friday 27 Nov 2026: study day 2026-11-27. */
export const NOW = Date.UTC(2026, 10, 27, 1, 0);

export function progress(fields: Partial<CardProgress>): CardProgress {
  return {
    due: NOW,
    stability: 10,
    difficulty: 5,
    scheduledDays: 10,
    learningSteps: 0,
    reps: 5,
    lapses: 0,
    state: 'review',
    lastReview: NOW - DAY,
    ...fields,
  };
}

export function entry(
  cardId: string,
  grade: Grade,
  reviewedAt: number,
  fields: Partial<StudyLogEntry> = {},
): StudyLogEntry {
  return {
    cardId,
    grade,
    reviewedAt,
    state: 'review' as CardState,
    stability: 10,
    difficulty: 5,
    scheduledDays: 10,
    elapsedDays: 10,
    ...fields,
  };
}
