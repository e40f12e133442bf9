// The intervals rateCard gives: learning and relearning steps, fuzz, and previewIntervals.
import { get_fuzz_range } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  GRADES,
  newProgress,
  type CardProgress,
  type Grade,
} from '../../src/scheduler/progress.ts';
import { previewIntervals, rateCard } from '../../src/scheduler/rate.ts';
import { DAY, HOUR, MIN, NO_FUZZ, SETTINGS, T0 } from './fixtures.ts';

describe('learning steps (1m 10m, relearning 10m)', () => {
  it('schedules a new card exactly as ts-fsrs v5 does', () => {
    const p = newProgress(T0);
    const after = (grade: Grade) => rateCard('n', p, grade, T0, SETTINGS).progress;
    expect(after('again')).toEqual({
      due: T0 + 1 * MIN,
      stability: 0.212,
      difficulty: 6.4133,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 'learning',
      lastReview: T0,
    });
    expect(after('hard')).toEqual({
      due: T0 + 6 * MIN, // the mean of the first two steps, rounded
      stability: 1.2931,
      difficulty: 5.11217071,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 'learning',
      lastReview: T0,
    });
    expect(after('good')).toEqual({
      due: T0 + 10 * MIN,
      stability: 2.3065,
      difficulty: 2.11810397,
      scheduledDays: 0,
      learningSteps: 1,
      reps: 1,
      lapses: 0,
      state: 'learning',
      lastReview: T0,
    });
    // Easy skips the steps: straight to review, 8 days, fuzzed to 9 for this card id.
    expect(after('easy')).toMatchObject({
      due: T0 + 9 * DAY,
      stability: 8.2956,
      difficulty: 1,
      scheduledDays: 9,
      learningSteps: 0,
      state: 'review',
    });
    expect(rateCard('n', p, 'easy', T0, NO_FUZZ).progress.scheduledDays).toBe(8);
  });

  it('moves through the second step and graduates', () => {
    const step1 = rateCard('n', newProgress(T0), 'good', T0, SETTINGS).progress;
    const t = step1.due;
    const prev = previewIntervals('n', step1, t, SETTINGS);
    expect(prev).toEqual({
      again: { due: t + 1 * MIN, intervalMs: 1 * MIN, state: 'learning' },
      hard: { due: t + 6 * MIN, intervalMs: 6 * MIN, state: 'learning' },
      good: { due: t + 2 * DAY, intervalMs: 2 * DAY, state: 'review' },
      easy: { due: t + 4 * DAY, intervalMs: 4 * DAY, state: 'review' },
    });
    const again = rateCard('n', step1, 'again', t, SETTINGS).progress;
    expect(again).toMatchObject({ state: 'learning', learningSteps: 0, due: t + MIN });
    const good = rateCard('n', step1, 'good', t, SETTINGS).progress;
    expect(good).toMatchObject({ state: 'review', learningSteps: 0, scheduledDays: 2, reps: 2 });
  });

  it('sends a lapsed review card through the 10m relearning step', () => {
    const review: CardProgress = {
      due: T0,
      stability: 20,
      difficulty: 5,
      scheduledDays: 20,
      learningSteps: 0,
      reps: 5,
      lapses: 0,
      state: 'review',
      lastReview: T0 - 20 * DAY,
    };
    const lapse = rateCard('r', review, 'again', T0, SETTINGS);
    expect(lapse.progress).toEqual({
      due: T0 + 10 * MIN,
      stability: 1.94358119,
      difficulty: 8.34176237,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 6,
      lapses: 1,
      state: 'relearning',
      lastReview: T0,
    });
    expect(lapse.log).toEqual({
      cardId: 'r',
      kind: 'review',
      answerMs: null,
      grade: 'again',
      reviewedAt: T0,
      state: 'review',
      stability: lapse.progress.stability,
      difficulty: lapse.progress.difficulty,
      scheduledDays: 0,
      elapsedDays: 20,
    });
    const t = lapse.progress.due;
    const prev = previewIntervals('r', lapse.progress, t, SETTINGS);
    expect(prev.again.intervalMs).toBe(10 * MIN);
    expect(prev.hard.intervalMs).toBe(15 * MIN); // 1.5 × the only step
    const back = rateCard('r', lapse.progress, 'good', t, SETTINGS).progress;
    expect(back).toEqual({
      due: t + 2 * DAY,
      stability: 1.95478854,
      difficulty: 8.32864898,
      scheduledDays: 2,
      learningSteps: 0,
      reps: 7,
      lapses: 1,
      state: 'review',
      lastReview: t,
    });
  });
});

describe('fuzz', () => {
  // A mature card reviewed on its due date: a long interval, where fuzz has room to act.
  const mature: CardProgress = {
    due: T0,
    stability: 100,
    difficulty: 5,
    scheduledDays: 100,
    learningSteps: 0,
    reps: 10,
    lapses: 0,
    state: 'review',
    lastReview: T0 - 100 * DAY,
  };
  const dueFor = (id: string, p = mature, settings = SETTINGS) =>
    rateCard(id, p, 'good', T0, settings).progress.due;

  it('is deterministic per card id and review count', () => {
    expect(dueFor('alpha')).toBe(dueFor('alpha'));
    expect(rateCard('alpha', mature, 'good', T0, SETTINGS)).toEqual(
      rateCard('alpha', { ...mature }, 'good', T0, { ...SETTINGS }),
    );
  });

  it('differs between card ids and between review counts', () => {
    expect((dueFor('alpha') - T0) / DAY).toBe(241);
    expect((dueFor('beta') - T0) / DAY).toBe(242);
    expect((dueFor('alpha', { ...mature, reps: 11 }) - T0) / DAY).toBe(245);
    const days = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => dueFor(id)));
    expect(days.size).toBeGreaterThan(1);
  });

  it('is off when disabled: every id gets the same interval', () => {
    const days = new Set(['alpha', 'beta', 'c', 'd'].map((id) => dueFor(id, mature, NO_FUZZ)));
    expect(days.size).toBe(1);
  });

  it('keeps the fuzz within ts-fsrs range around the plain interval', () => {
    const plain = (dueFor('alpha', mature, NO_FUZZ) - T0) / DAY;
    expect(plain).toBe(250);
    const { min_ivl, max_ivl } = get_fuzz_range(plain, 100, 36500);
    const days = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => (dueFor(id) - T0) / DAY);
    expect(days).toEqual([258, 250, 250, 260, 253, 264, 253, 262]);
    for (const d of days) {
      expect(d).toBeGreaterThanOrEqual(min_ivl);
      expect(d).toBeLessThanOrEqual(max_ivl);
    }
  });
});

describe('previewIntervals', () => {
  const review: CardProgress = {
    due: T0,
    stability: 30,
    difficulty: 5.5,
    scheduledDays: 30,
    learningSteps: 0,
    reps: 6,
    lapses: 1,
    state: 'review',
    lastReview: T0 - 30 * DAY,
  };

  it('orders the intervals again <= hard <= good <= easy for a review card', () => {
    for (const t of [T0 - 10 * DAY, T0, T0 + 7 * HOUR, T0 + 40 * DAY]) {
      const p = previewIntervals('rv', review, t, SETTINGS);
      expect(p.again.intervalMs).toBeLessThanOrEqual(p.hard.intervalMs);
      expect(p.hard.intervalMs).toBeLessThanOrEqual(p.good.intervalMs);
      expect(p.good.intervalMs).toBeLessThanOrEqual(p.easy.intervalMs);
    }
  });

  it('equals what rateCard then gives, for every grade and state', () => {
    const learning = rateCard('rv', newProgress(T0), 'good', T0, SETTINGS).progress;
    for (const [p, t] of [
      [newProgress(T0), T0],
      [learning, learning.due],
      [review, T0],
      [review, T0 + 3 * DAY + 5 * HOUR],
    ] as const) {
      const prev = previewIntervals('rv', p, t, SETTINGS);
      for (const g of GRADES) {
        const rated = rateCard('rv', p, g, t, SETTINGS).progress;
        expect(prev[g]).toEqual({
          due: rated.due,
          intervalMs: rated.due - t,
          state: rated.state,
        });
      }
    }
  });

  it('gives exact values for the review card', () => {
    expect(previewIntervals('rv', review, T0, SETTINGS)).toEqual({
      again: { due: T0 + 10 * MIN, intervalMs: 10 * MIN, state: 'relearning' },
      hard: { due: T0 + 55 * DAY, intervalMs: 55 * DAY, state: 'review' },
      good: { due: T0 + 74 * DAY, intervalMs: 74 * DAY, state: 'review' },
      easy: { due: T0 + 117 * DAY, intervalMs: 117 * DAY, state: 'review' },
    });
  });
});
