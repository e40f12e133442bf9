import { createEmptyCard, Rating, State, type Card } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  fromFsrsCard,
  fromFsrsState,
  toFsrsCard,
  toFsrsRating,
  toFsrsState,
} from '../../src/scheduler/fsrsConvert.ts';
import {
  firstReviewFrom,
  GRADES,
  newProgress,
  type CardProgress,
  type CardState,
  type ReviewLogEntry,
} from '../../src/scheduler/progress.ts';

const NOW = Date.UTC(2026, 10, 27, 1, 0);

describe('progress', () => {
  it('lists the grades in button order', () => {
    expect(GRADES).toEqual(['again', 'hard', 'good', 'easy']);
    expect(Object.isFrozen(GRADES)).toBe(true);
    expect(GRADES.map(toFsrsRating)).toEqual([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]);
  });

  it('creates new progress equal to an empty ts-fsrs card', () => {
    const p = newProgress(NOW);
    expect(p).toEqual({
      due: NOW,
      stability: 0,
      difficulty: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: 'new',
      lastReview: null,
    });
    expect(fromFsrsCard(createEmptyCard(new Date(NOW)))).toEqual(p);
    // JSON-safe: survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it('maps states both ways', () => {
    const states: CardState[] = ['new', 'learning', 'review', 'relearning'];
    expect(states.map(toFsrsState)).toEqual([
      State.New,
      State.Learning,
      State.Review,
      State.Relearning,
    ]);
    for (const s of states) expect(fromFsrsState(toFsrsState(s))).toBe(s);
    expect(() => fromFsrsState(7 as State)).toThrow(RangeError);
  });

  it('converts to and from a ts-fsrs card without loss', () => {
    const p: CardProgress = {
      due: NOW + 86_400_000,
      stability: 12.5,
      difficulty: 4.25,
      scheduledDays: 13,
      learningSteps: 0,
      reps: 7,
      lapses: 1,
      state: 'review',
      lastReview: NOW - 3_600_000,
    };
    const card = toFsrsCard(p);
    expect(card).toEqual({
      due: new Date(NOW + 86_400_000),
      stability: 12.5,
      difficulty: 4.25,
      elapsed_days: 0,
      scheduled_days: 13,
      learning_steps: 0,
      reps: 7,
      lapses: 1,
      state: State.Review,
      last_review: new Date(NOW - 3_600_000),
    } satisfies Card);
    expect(fromFsrsCard(card)).toEqual(p);

    const fresh = newProgress(NOW);
    expect('last_review' in toFsrsCard(fresh)).toBe(false);
    expect(fromFsrsCard(toFsrsCard(fresh))).toEqual(fresh);
  });

  it('drops extra fields of a ts-fsrs card', () => {
    const card = { ...toFsrsCard(newProgress(NOW)), card_id: 'x' };
    expect(fromFsrsCard(card)).toEqual(newProgress(NOW));
  });
});

describe('firstReviewFrom', () => {
  const at = (...times: number[]) => times.map((reviewedAt) => ({ reviewedAt }) as ReviewLogEntry);

  it('finds where the reviews at or after a time start, in a log in time order', () => {
    const log = at(10, 20, 20, 30);
    expect([0, 10, 11, 20, 21, 30, 31].map((t) => firstReviewFrom(log, t))).toEqual([
      0, 0, 1, 1, 3, 3, 4,
    ]);
    expect(firstReviewFrom([], 5)).toBe(0);
  });
});
