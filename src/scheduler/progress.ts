// Our JSON-safe record of a card's scheduling state, and its conversion to and from ts-fsrs.
// Times are epoch milliseconds everywhere: these objects go to storage as they are.

import { Rating, State, type Card, type Grade as FsrsGrade } from 'ts-fsrs';

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

export interface ReviewLogEntry {
  cardId: string;
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

const FSRS_STATE: Readonly<Record<CardState, State>> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

const FSRS_RATING: Readonly<Record<Grade, FsrsGrade>> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

export function toFsrsState(state: CardState): State {
  return FSRS_STATE[state];
}

export function fromFsrsState(state: State): CardState {
  switch (state) {
    case State.New:
      return 'new';
    case State.Learning:
      return 'learning';
    case State.Review:
      return 'review';
    case State.Relearning:
      return 'relearning';
    default:
      throw new RangeError(`Unknown ts-fsrs state: ${String(state)}`);
  }
}

export function toFsrsRating(grade: Grade): FsrsGrade {
  return FSRS_RATING[grade];
}

/**
 * Our progress as a ts-fsrs card. A faithful conversion: the study-day adjustment of
 * `last_review` that scheduling needs is done by the callers (see rate.ts).
 * `elapsed_days` is deprecated in ts-fsrs and only echoed into its logs; we do not keep it.
 */
export function toFsrsCard(progress: CardProgress): Card {
  const card: Card = {
    due: new Date(progress.due),
    stability: progress.stability,
    difficulty: progress.difficulty,
    elapsed_days: 0,
    scheduled_days: progress.scheduledDays,
    learning_steps: progress.learningSteps,
    reps: progress.reps,
    lapses: progress.lapses,
    state: toFsrsState(progress.state),
  };
  if (progress.lastReview !== null) card.last_review = new Date(progress.lastReview);
  return card;
}

/** A ts-fsrs card as our progress. Extra fields on the card are dropped. */
export function fromFsrsCard(card: Card): CardProgress {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: fromFsrsState(card.state),
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}
