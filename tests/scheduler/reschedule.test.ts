import { currentEngine } from '../../src/scheduler/engine.ts';
import { describe, expect, it } from 'vitest';
import { newProgress, type CardProgress } from '../../src/scheduler/progress.ts';
import { rescheduleForRetention } from '../../src/scheduler/reschedule.ts';
import { DEFAULT_SETTINGS } from '../../src/scheduler/settings.ts';
import { createProgressStore } from '../../src/store/localProgressStore.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

const T0 = Date.UTC(2026, 10, 27, 2, 0);
const DAY = 86_400_000;
const review = (stability: number, due: number): CardProgress => ({
  due,
  stability,
  difficulty: 5,
  scheduledDays: Math.round((due - T0) / DAY),
  learningSteps: 0,
  reps: 4,
  lapses: 0,
  state: 'review',
  lastReview: T0,
});

describe('rescheduleForRetention', () => {
  it('gives a card the interval FSRS defines for its stability at the desired retention', () => {
    // By FSRS's definition, at retention 0.90 the interval equals the stability in days.
    const moved = rescheduleForRetention({ a: review(10, T0 + 20 * DAY) }, DEFAULT_SETTINGS);
    expect(moved).toEqual({ a: { ...review(10, T0 + 10 * DAY), scheduledDays: 10 } });
  });

  it('brings dates closer for a higher retention and further for a lower one', () => {
    const cards = { a: review(30, T0 + 30 * DAY) };
    const higher = rescheduleForRetention(cards, { ...DEFAULT_SETTINGS, desiredRetention: 0.95 });
    const lower = rescheduleForRetention(cards, { ...DEFAULT_SETTINGS, desiredRetention: 0.8 });
    expect(higher['a']!.scheduledDays).toBeLessThan(30);
    expect(lower['a']!.scheduledDays).toBeGreaterThan(30);
    expect(higher['a']!.due).toBe(T0 + higher['a']!.scheduledDays * DAY);
  });

  it('leaves new and learning cards, and cards already on the right date, alone', () => {
    const learning: CardProgress = {
      ...review(1, T0 + 600_000),
      state: 'learning',
      scheduledDays: 0,
    };
    const moved = rescheduleForRetention(
      { n: newProgress(T0), l: learning, same: review(10, T0 + 10 * DAY) },
      DEFAULT_SETTINGS,
    );
    expect(moved).toEqual({});
  });
});

describe('the store: rescheduling on request', () => {
  it('moves review cards only when asked, keeping the review log', () => {
    const store = createProgressStore({
      engine: currentEngine,
      storage: new MemoryStorage(),
      now: () => T0 + DAY,
    });
    store.getState().applyMerged(
      {
        ...store.persistedState(),
        progress: { a: review(10, T0 + 10 * DAY) },
        revs: { a: T0 },
      },
      [],
    );
    store.getState().setSettings({ desiredRetention: 0.8 });
    expect(store.getState().progress['a']!.due).toBe(T0 + 10 * DAY); // a setting alone moves nothing
    expect(store.getState().rescheduleReviews()).toBe(1);
    const moved = store.getState().progress['a']!;
    expect(moved.due).toBeGreaterThan(T0 + 10 * DAY);
    expect(moved.stability).toBe(10);
    expect(store.persistedState().log).toEqual([]);
  });
});
