// Probability of recall, as FSRS estimates it.

import type { CardProgress } from './progress.ts';
import type { SchedulerSettings } from './settings.ts';
import { fsrsFor, prepareCard } from './fsrsEngine.ts';

/**
 * Estimated probability, in [0, 1], of recalling the card at `at`.
 *
 * - A new card (or one with no last review) has 0: nothing has been learned yet. This is what
 *   ts-fsrs returns too.
 * - Elapsed time is counted in whole study days (as the scheduler counts it when grading), so R
 *   steps down once per study day rather than continuously; within the day of the last review
 *   it is 1. A review card at its due day has R ≈ desiredRetention (exact up to the rounding of
 *   the interval to whole days and its fuzz).
 * - `at` before the last review counts as 0 elapsed days.
 *
 * Only the FSRS weights and the rollover hour of `settings` matter here.
 */
export function retrievability(
  progress: CardProgress,
  at: number,
  settings: SchedulerSettings,
): number {
  if (progress.state === 'new' || progress.lastReview === null) return 0;
  const { card, at: time } = prepareCard('', progress, at, settings);
  const r = fsrsFor(settings).get_retrievability(card, new Date(time), false);
  // Corrupt progress (e.g. zero stability) must not leak NaN into the UI.
  return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
}
