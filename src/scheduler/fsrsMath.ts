// The few FSRS-6 formulas that statistics and interview planning need, as plain arithmetic with
// ts-fsrs's default weights (the only weights this app uses: see fsrsParameters in fsrsEngine.ts).
// Kept apart from ts-fsrs on purpose: the screens that draw statistics load without it. Each
// result is rounded to 8 decimals as ts-fsrs rounds it, so the figures agree with it exactly
// (tests/scheduler/fsrsMath.test.ts checks them against ts-fsrs).

import type { CardProgress } from './progress.ts';
import { studyDaysBetween } from './studyDay.ts';

/** ts-fsrs 5's default FSRS-6 weights, w0…w20. */
export const FSRS6_DEFAULT_WEIGHTS: readonly number[] = Object.freeze([
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
  0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
]);

const W = FSRS6_DEFAULT_WEIGHTS;
const S_MIN = 0.001;
const S_MAX = 36500;
const DECAY = -W[20]!;
/** Chosen so that R = 0.9 when elapsed time equals stability. */
const FACTOR = roundTo(Math.exp(Math.log(0.9) / DECAY) - 1, 8);

function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Probability of recall `elapsedDays` after a review that left `stability` days, in [0, 1].
 * Corrupt input (zero, negative or non-finite stability) gives 0 rather than NaN.
 */
export function forgettingCurve(elapsedDays: number, stability: number): number {
  // ts-fsrs rounds the stability to 8 places first; ours come from it already rounded so.
  const r = roundTo(Math.pow(1 + (FACTOR * Math.max(0, elapsedDays)) / stability, DECAY), 8);
  return Number.isFinite(r) ? clamp(r, 0, 1) : 0;
}

/**
 * Retrievability of a card at `at`, counted in whole study days as retrievability.ts counts it
 * (same figures, without loading ts-fsrs). Never studied: 0.
 */
export function recallAt(
  progress: Pick<CardProgress, 'state' | 'lastReview' | 'stability'>,
  at: number,
  rolloverHour: number,
): number {
  if (progress.state === 'new' || progress.lastReview === null) return 0;
  return forgettingCurve(
    studyDaysBetween(progress.lastReview, at, rolloverHour),
    progress.stability,
  );
}

/**
 * Stability after a Good answer given the memory state before it (FSRS-6 with short-term
 * reviews, as the scheduler runs it): on the study day of the previous review (0 elapsed days)
 * the short-term formula, otherwise the recall formula with R at the time of the answer.
 */
export function stabilityAfterGood(
  difficulty: number,
  stability: number,
  elapsedDays: number,
): number {
  if (elapsedDays <= 0) {
    const growth = Math.pow(stability, -W[19]!) * Math.exp(W[17]! * W[18]!);
    return roundTo(clamp(stability * Math.max(growth, 1), S_MIN, S_MAX), 8);
  }
  const r = forgettingCurve(elapsedDays, stability);
  const gain =
    Math.exp(W[8]!) *
    (11 - difficulty) *
    Math.pow(stability, -W[9]!) *
    (Math.exp((1 - r) * W[10]!) - 1);
  return roundTo(clamp(stability * (1 + gain), S_MIN, S_MAX), 8);
}

/**
 * Stability of a new card answered Good at each of `steps` learning steps (at least one answer:
 * with no steps the first Good graduates it). Later answers are counted as same-day (short-term)
 * ones: exact for steps under a day; for a step of a day or more, a slight underestimate.
 */
export function stabilityAfterLearning(steps: number): number {
  let s = W[2]!;
  for (let i = 1; i < steps; i++) s = stabilityAfterGood(0, s, 0);
  return s;
}
