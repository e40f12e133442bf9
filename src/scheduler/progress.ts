// Our JSON-safe record of a card's scheduling state (conversion to ts-fsrs: fsrsConvert.ts, kept
// apart so that showing a card never loads ts-fsrs).
// Times are epoch milliseconds everywhere: these objects go to storage as they are.

export type CardState = 'new' | 'learning' | 'review' | 'relearning';
export type Grade = 'again' | 'hard' | 'good' | 'easy';

/** The grades in button order. */
export const GRADES: readonly Grade[] = Object.freeze(['again', 'hard', 'good', 'easy']);

export interface CardProgress {
  /** When the card is next due (epoch ms). */
  due: number;
  stability: number;
  difficulty: number;
  /** Interval given by the last review, in days; 0 while in (re)learning steps. */
  scheduledDays: number;
  /** Index of the current (re)learning step. */
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  /** When the card was last reviewed (epoch ms), null if never. */
  lastReview: number | null;
}

/** `review` moves the card's FSRS state; `practice` (cram, drill, mock interview) never does. */
export type ReviewKind = 'review' | 'practice';

/** Answer times are capped here: longer is a learner who walked away, not a slow answer. */
export const MAX_ANSWER_MS = 60_000;

export interface ReviewLogEntry {
  cardId: string;
  kind: ReviewKind;
  grade: Grade;
  /** When the review happened (epoch ms). */
  reviewedAt: number;
  /** State BEFORE this review. */
  state: CardState;
  /**
   * Stability and difficulty AFTER this review, for statistics. Null once storage compaction has
   * dropped them from an old entry (they can be recomputed by replaying the log).
   */
  stability: number | null;
  difficulty: number | null;
  /** Interval given by this review, in days (0 for a learning step). */
  scheduledDays: number;
  /** Study days since the previous review (0 for the first). */
  elapsedDays: number;
  /**
   * Milliseconds from the card shown to the grade, at most MAX_ANSWER_MS; null when not
   * measured (every review recorded before version 3).
   */
  answerMs: number | null;
}

/** Progress of a card that has never been studied, available from `now`. */
export function newProgress(now: number): CardProgress {
  return {
    due: now,
    stability: 0,
    difficulty: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 'new',
    lastReview: null,
  };
}

/** Where the reviews at or after `time` start in a log kept in time order (binary search). */
export function firstReviewFrom(log: readonly ReviewLogEntry[], time: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log[mid]!.reviewedAt < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
