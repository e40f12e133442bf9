import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deckCounts } from '../../src/scheduler/deckCounts.ts';
import type { CardProgress, CardState } from '../../src/scheduler/progress.ts';
import { buildQueue } from '../../src/scheduler/queue.ts';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '../../src/scheduler/settings.ts';
// NOW: 23:00 on 27 Nov (Asia/Shanghai), in the study day from 04:00 on the 27th to the 28th.
import { DAY, HOUR, MIN, NOW, entry, range } from './fixtures.ts';

function card(state: CardState, due: number): CardProgress {
  return {
    due,
    stability: 5,
    difficulty: 5,
    scheduledDays: state === 'review' ? 5 : 0,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    state,
    lastReview: due - 5 * DAY,
  };
}

describe('deckCounts', () => {
  it('counts each deck and all of them within the daily limits they share', () => {
    const settings: SchedulerSettings = {
      ...DEFAULT_SETTINGS,
      newCardsPerDay: 10,
      maxReviewsPerDay: 2,
    };
    const a = range(7, 'a');
    const b = range(12, 'b');
    const progress: Record<string, CardProgress> = {
      a0: card('review', NOW - DAY), // due: both in today's review list, one within the limit
      a1: card('review', NOW - HOUR),
      a2: card('learning', NOW - MIN), // due now
      a3: card('relearning', NOW + 30 * MIN), // later today: counted
      a6: card('learning', NOW + 6 * HOUR), // after the 04:00 rollover: not today's
      b0: card('review', NOW + 2 * HOUR), // due before the rollover
      b1: card('review', NOW + 3 * DAY),
    };
    const log = [
      entry('o7', 'new', NOW - DAY), // yesterday: uses none of today's limits
      entry('o8', 'review', NOW - DAY),
      // Today: 7 cards first studied (two of this deck, five of cards no longer in any deck)
      // and one review, so 3 new cards and 1 review are left for the day, whichever deck.
      ...['a2', 'a3', 'o1', 'o2', 'o3', 'o4', 'o5'].map((id, i) =>
        entry(id, 'new', NOW - HOUR + i),
      ),
      entry('o2', 'new', NOW - 30 * MIN), // the same card again: counts once
      entry('o6', 'review', NOW - 10 * MIN),
    ];
    expect(
      deckCounts({ ids: [...a, ...b], decks: [a, b], progress, log, now: NOW, settings }),
    ).toEqual({
      all: { cards: 19, new: 3, learning: 2, review: 1 },
      decks: [
        { cards: 7, new: 2, learning: 2, review: 1 },
        { cards: 12, new: 3, learning: 0, review: 1 },
      ],
    });
  });

  it('gives every one of fifty decks the same figures as one deck alone would have', () => {
    // Deck i has 20 cards, i of them in review and due today: 1,225 due in all, 200 allowed.
    const decks = Array.from({ length: 50 }, (_, d) => range(20, `d${d}/`));
    const progress: Record<string, CardProgress> = {};
    decks.forEach((ids, d) => {
      for (const id of ids.slice(0, Math.min(d, 20))) progress[id] = card('review', NOW - HOUR);
    });
    const counts = deckCounts({
      ids: decks.flat(),
      decks,
      progress,
      log: [],
      now: NOW,
      settings: DEFAULT_SETTINGS,
    });
    expect(counts.all).toEqual({ cards: 1000, new: 10, learning: 0, review: 200 });
    expect(counts.decks).toHaveLength(50);
    counts.decks.forEach((row, d) => {
      const due = Math.min(d, 20);
      expect(row).toEqual({ cards: 20, new: Math.min(10, 20 - due), learning: 0, review: due });
    });
  });

  it('is empty without decks or cards', () => {
    expect(
      deckCounts({
        ids: [],
        decks: [[]],
        progress: {},
        log: [],
        now: NOW,
        settings: DEFAULT_SETTINGS,
      }),
    ).toEqual({
      all: { cards: 0, new: 0, learning: 0, review: 0 },
      decks: [{ cards: 0, new: 0, learning: 0, review: 0 }],
    });
  });

  it('agrees with the queue the review screen builds for that deck from the whole log', () => {
    const states: CardState[] = ['new', 'learning', 'review', 'relearning'];
    const ids = range(12, 'c');
    const arbitraryProgress = fc.array(
      fc.record({
        state: fc.constantFrom(...states),
        offset: fc.integer({ min: -3 * DAY, max: 3 * DAY }),
      }),
      { minLength: 12, maxLength: 12 },
    );
    const arbitraryLog = fc.array(
      fc.record({
        card: fc.integer({ min: 0, max: 15 }),
        state: fc.constantFrom(...states),
        ago: fc.integer({ min: 0, max: 3 * DAY }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(
        arbitraryProgress,
        arbitraryLog,
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (cards, reviews, split, newCardsPerDay, maxReviewsPerDay) => {
          const progress: Record<string, CardProgress> = {};
          cards.forEach((c, i) => {
            if (c.state !== 'new') progress[ids[i]!] = card(c.state, NOW + c.offset);
          });
          const log = reviews
            .map((r) => entry(`c${r.card}`, r.state, NOW - r.ago))
            .sort((x, y) => x.reviewedAt - y.reviewedAt);
          const settings = { ...DEFAULT_SETTINGS, newCardsPerDay, maxReviewsPerDay };
          const decks = [ids.slice(0, split), ids.slice(split)];
          const counts = deckCounts({ ids, decks, progress, log, now: NOW, settings });
          const queueCounts = (deckIds: readonly string[]) => ({
            cards: deckIds.length,
            ...buildQueue({ ids: deckIds, progress, log, now: NOW, settings }).counts,
          });
          expect(counts.all).toEqual(queueCounts(ids));
          expect(counts.decks).toEqual(decks.map(queueCounts));
        },
      ),
    );
  });
});
