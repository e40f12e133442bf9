// Internal: the ts-fsrs instances behind rate.ts and retrievability.ts, and the study-day
// adjustment both need. Not for use outside src/scheduler.

import {
  FSRS,
  StrategyMode,
  generatorParameters,
  type AbstractScheduler,
  type Card,
  type FSRSParameters,
} from 'ts-fsrs';
import { toFsrsCard } from './fsrsConvert.ts';
import type { CardProgress } from './progress.ts';
import type { SchedulerSettings } from './settings.ts';
import { DAY_MS, studyDaysBetween } from './studyDay.ts';

/** Extra field we put on the cards we hand to ts-fsrs, carrying the fuzz seed. */
const SEED_FIELD = 'fuzzSeed';

/** A ts-fsrs card carrying its fuzz seed. ts-fsrs copies unknown fields through untouched. */
export type SeededCard = Card & { [SEED_FIELD]: string };

/**
 * ts-fsrs seed strategy: the seed is whatever we stored on the card, `${cardId}:${reps}` with
 * the reps before the review. ts-fsrs calls this with its scheduler as `this`, whose (protected)
 * `current` is a copy of our card, hence the Reflect.
 */
function seedFromCard(this: AbstractScheduler): string {
  const current: unknown = Reflect.get(this, 'current');
  if (typeof current === 'object' && current !== null) {
    const seed: unknown = Reflect.get(current, SEED_FIELD);
    if (typeof seed === 'string') return seed;
  }
  // Only reachable if a card without a seed is scheduled: still deterministic.
  return 'unseeded';
}

export function fsrsParameters(settings: SchedulerSettings): FSRSParameters {
  return generatorParameters({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumIntervalDays,
    enable_fuzz: settings.enableFuzz,
    enable_short_term: true,
    // Copies, so that later edits of the settings' arrays cannot reach a cached instance.
    learning_steps: [...settings.learningSteps],
    relearning_steps: [...settings.relearningSteps],
  });
}

// Building an FSRS instance parses and clips the parameters (~15 µs, about as long as grading
// a card), so instances are cached by the settings that shape them. Keying by value rather than
// by object keeps this correct even if a settings object is mutated in place. Instances hold
// no state between calls that matters: ts-fsrs sets the fuzz seed at the start of every call.
const CACHE_LIMIT = 16;
const cache = new Map<string, FSRS>();

export function fsrsFor(settings: SchedulerSettings): FSRS {
  const key = JSON.stringify([
    settings.desiredRetention,
    settings.maximumIntervalDays,
    settings.enableFuzz,
    settings.learningSteps,
    settings.relearningSteps,
  ]);
  let instance = cache.get(key);
  if (instance === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    instance = new FSRS(fsrsParameters(settings)).useStrategy(StrategyMode.SEED, seedFromCard);
    cache.set(key, instance);
  }
  return instance;
}

export interface PreparedCard {
  card: SeededCard;
  /** The time to schedule at: `now`, or `lastReview` if the clock went back before it. */
  at: number;
  /** Study days since the last review, as ts-fsrs will see them (0 for a new card). */
  elapsedDays: number;
}

/**
 * Our progress as the card to hand ts-fsrs at `now`.
 *
 * Study days: ts-fsrs counts elapsed days as the difference of the UTC calendar dates of
 * `last_review` and the review time. That is not our day: in UTC+8 the UTC date changes at
 * 08:00 local, not at the 04:00 rollover. So we count the study days ourselves (k) and give
 * ts-fsrs a `last_review` exactly k × 24 h before the review time, whose UTC date difference is
 * exactly k in any zone. Nothing else in ts-fsrs's scheduling reads `last_review` (it only
 * echoes it into its own log, which we do not use), and every due date it computes is relative
 * to the review time, so the results need no conversion back.
 *
 * Clock safety: if `now` is before the last review (the device clock went back), we schedule
 * at the last review's time instead, so elapsed time is never negative.
 */
export function prepareCard(
  cardId: string,
  progress: CardProgress,
  now: number,
  settings: SchedulerSettings,
): PreparedCard {
  if (!Number.isFinite(now)) throw new RangeError(`now must be finite epoch ms, got ${now}`);
  const { lastReview } = progress;
  const at = lastReview !== null && now < lastReview ? lastReview : now;
  const elapsedDays =
    progress.state === 'new' || lastReview === null
      ? 0
      : studyDaysBetween(lastReview, at, settings.dayRolloverHour);
  const card: SeededCard = { ...toFsrsCard(progress), [SEED_FIELD]: `${cardId}:${progress.reps}` };
  if (lastReview !== null) card.last_review = new Date(at - elapsedDays * DAY_MS);
  return { card, at, elapsedDays };
}
