// Shared fixtures for the codec tests: a decoding as the whole value's check sees it, the week
// of T0 and its start, and a card's progress.
import type { CardProgress } from '../../src/scheduler/progress.ts';
import { WEEK_MS, weekOf } from '../../src/store/codec.ts';
import type { Decoded } from '../../src/store/decoding.ts';
import { T0 } from './fixtures.ts';

/**
 * A decoding as the whole value's check would give it: one with a record set aside (the rest of
 * the value read) counts as refused, with that record's reason. Whole-value refusals pass as is.
 */
export function outcome<T>(r: Decoded<T>): Decoded<T> {
  return r.ok && r.damaged ? { ok: false, reason: r.damaged.reason } : r;
}

export const WEEK = weekOf(T0);
export const BASE = WEEK * WEEK_MS;

export const P: CardProgress = {
  due: T0 + 3 * 86_400_000,
  stability: 3.173,
  difficulty: 5.2821,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 4,
  lapses: 1,
  state: 'review',
  lastReview: T0,
};
