// What the study statistics read, written as structural types so that they accept the store's
// log entries without depending on the store. Plain data in, plain data out.
import type { CardProgress, ReviewLogEntry } from '../scheduler/progress.ts';

/**
 * One grade from the review log, oldest first in the log: the scheduler's entry plus what the
 * store adds for statistics. Structural, so the store's own entry type is accepted as it is.
 */
export interface StudyLogEntry extends Omit<ReviewLogEntry, 'kind' | 'answerMs'> {
  /** Absent means 'review'. A practice grade left the FSRS schedule untouched. */
  kind?: 'review' | 'practice';
  /** From card shown to grade, in ms (capped at 60 s when recorded); null/absent if unknown. */
  answerMs?: number | null;
}

/** Per-card marks kept beside progress. */
export interface CardFlags {
  starred?: boolean;
  suspended?: boolean;
}

export type ProgressById = Readonly<Record<string, CardProgress | undefined>>;
export type FlagsById = Readonly<Record<string, CardFlags | undefined>>;

/** Leech threshold when none is given: lapses an interview horizon of weeks can afford. */
export const DEFAULT_LEECH_LAPSES = 4;

export function isReview(entry: StudyLogEntry): boolean {
  return entry.kind !== 'practice';
}
