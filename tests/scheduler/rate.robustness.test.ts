// rateCard when the clock jumps backwards, and its purity and speed.
import { describe, expect, it } from 'vitest';
import { GRADES, newProgress, type CardProgress } from '../../src/scheduler/progress.ts';
import { previewIntervals, rateCard } from '../../src/scheduler/rate.ts';
import type { SchedulerSettings } from '../../src/scheduler/settings.ts';
import { DAY, HOUR, MIN, SETTINGS, T0 } from './fixtures.ts';

describe('clock jumping backwards', () => {
  const review: CardProgress = {
    due: T0,
    stability: 15,
    difficulty: 6,
    scheduledDays: 15,
    learningSteps: 0,
    reps: 4,
    lapses: 0,
    state: 'review',
    lastReview: T0 - 15 * DAY,
  };

  it('computes at the last review time: no negative values, no throw', () => {
    const before = review.lastReview! - 5 * DAY;
    for (const grade of GRADES) {
      const { progress, log } = rateCard('c', review, grade, before, SETTINGS);
      for (const v of Object.values(progress))
        expect(Number.isFinite(v) || typeof v === 'string').toBe(true);
      expect(progress.scheduledDays).toBeGreaterThanOrEqual(0);
      expect(log.elapsedDays).toBe(0);
      expect(log.scheduledDays).toBeGreaterThanOrEqual(0);
      expect(log.reviewedAt).toBe(review.lastReview);
      expect(progress.lastReview).toBe(review.lastReview);
      expect(progress.due).toBeGreaterThan(review.lastReview!);
      // Same as reviewing at the last review time itself.
      expect(rateCard('c', review, grade, review.lastReview!, SETTINGS).progress).toEqual(progress);
    }
    const prev = previewIntervals('c', review, before, SETTINGS);
    for (const g of GRADES) expect(prev[g].intervalMs).toBeGreaterThan(0);
  });

  it('handles a learning card graded before its last review', () => {
    const step = rateCard('c', newProgress(T0), 'good', T0, SETTINGS).progress;
    const { progress, log } = rateCard('c', step, 'good', T0 - HOUR, SETTINGS);
    expect(log.elapsedDays).toBe(0);
    expect(progress.due).toBeGreaterThan(T0);
  });

  it('rejects a non-finite now', () => {
    expect(() => rateCard('c', review, 'good', Number.NaN, SETTINGS)).toThrow(RangeError);
  });
});

describe('purity and speed', () => {
  it('does not modify its inputs', () => {
    const p = newProgress(T0);
    const settings = { ...SETTINGS, learningSteps: [...SETTINGS.learningSteps] };
    const frozenP = structuredClone(p);
    const frozenS = structuredClone(settings);
    rateCard('x', p, 'good', T0, settings);
    previewIntervals('x', p, T0, settings);
    expect(p).toEqual(frozenP);
    expect(settings).toEqual(frozenS);
  });

  it('follows settings changes, even in place', () => {
    const settings: SchedulerSettings = { ...SETTINGS, learningSteps: ['1m', '10m'] };
    const p = newProgress(T0);
    expect(rateCard('x', p, 'good', T0, settings).progress.due).toBe(T0 + 10 * MIN);
    settings.learningSteps = ['2m', '30m'];
    expect(rateCard('x', p, 'good', T0, settings).progress.due).toBe(T0 + 30 * MIN);
    settings.learningSteps.splice(1, 1, '15m');
    expect(rateCard('x', p, 'good', T0, settings).progress.due).toBe(T0 + 15 * MIN);
  });

  it('grades well under a millisecond', () => {
    const review2: CardProgress = {
      ...newProgress(T0),
      state: 'review',
      stability: 10,
      difficulty: 5,
      reps: 3,
      scheduledDays: 10,
      lastReview: T0 - 10 * DAY,
    };
    for (let i = 0; i < 200; i++) rateCard(`w${i}`, review2, 'good', T0, SETTINGS);
    const n = 2000;
    const start = performance.now();
    for (let i = 0; i < n; i++) rateCard(`c${i}`, review2, GRADES[i % 4]!, T0, SETTINGS);
    const perCall = (performance.now() - start) / n;
    console.info(`rateCard: ${(perCall * 1000).toFixed(1)} µs per call`);
    expect(perCall).toBeLessThan(0.25);
  });
});
