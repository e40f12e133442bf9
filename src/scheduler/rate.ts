// Grading a card: our progress in, our progress and a log entry out, via ts-fsrs.
//
// Deterministic: the same inputs always give the same outputs. Fuzz (when enabled) is seeded
// with `${cardId}:${progress.reps}`, so a card's fuzz is fixed for each review but differs
// between cards.
//
// Study days: elapsed time is counted in study days (see studyDay.ts), not in ts-fsrs's UTC
// days; see prepareCard in fsrsEngine.ts for how.
//
// Clock safety: if `now` is earlier than `progress.lastReview` (the device clock went back),
// the review is computed, and recorded, as if it happened at `lastReview`: elapsed days are 0,
// never negative, and the card's history stays in time order.

import { fromFsrsCard, fromFsrsState, toFsrsRating } from './fsrsConvert.ts';
import type { CardProgress, CardState, Grade, ReviewLogEntry } from './progress.ts';
import type { SchedulerSettings } from './settings.ts';
import { fsrsFor, prepareCard } from './fsrsEngine.ts';

export interface RateResult {
  progress: CardProgress;
  log: ReviewLogEntry;
}

export interface IntervalPreview {
  /** When the card would next be due (epoch ms). */
  due: number;
  /** `due` minus the review time (which is `now`, or `lastReview` if the clock went back). */
  intervalMs: number;
  /** The state the card would be in. */
  state: CardState;
}

/** Grade a card at `now`. Pure: `progress` is not modified. */
export function rateCard(
  cardId: string,
  progress: CardProgress,
  grade: Grade,
  now: number,
  settings: SchedulerSettings,
): RateResult {
  const { card, at, elapsedDays } = prepareCard(cardId, progress, now, settings);
  const next = fsrsFor(settings).next(card, new Date(at), toFsrsRating(grade)).card;
  const updated = fromFsrsCard(next);
  return {
    progress: updated,
    log: {
      cardId,
      kind: 'review',
      grade,
      reviewedAt: at,
      state: progress.state,
      stability: updated.stability,
      difficulty: updated.difficulty,
      scheduledDays: updated.scheduledDays,
      elapsedDays,
      answerMs: null,
    },
  };
}

/** What each grade would give if the card were graded at `now`; exactly what rateCard gives. */
export function previewIntervals(
  cardId: string,
  progress: CardProgress,
  now: number,
  settings: SchedulerSettings,
): Record<Grade, IntervalPreview> {
  const { card, at } = prepareCard(cardId, progress, now, settings);
  const preview = fsrsFor(settings).repeat(card, new Date(at));
  const item = (grade: Grade): IntervalPreview => {
    const { card: next } = preview[toFsrsRating(grade)];
    const due = next.due.getTime();
    return { due, intervalMs: due - at, state: fromFsrsState(next.state) };
  };
  return { again: item('again'), hard: item('hard'), good: item('good'), easy: item('easy') };
}
