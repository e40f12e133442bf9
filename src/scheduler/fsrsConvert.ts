// Our progress to and from ts-fsrs's card, state and rating types.
import { Rating, State, type Card, type Grade as FsrsGrade } from 'ts-fsrs';
import type { CardProgress, CardState, Grade } from './progress.ts';

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
