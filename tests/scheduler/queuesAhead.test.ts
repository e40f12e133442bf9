import { describe, expect, it } from 'vitest';
import type { CardProgress, CardState } from '../../src/scheduler/progress.ts';
import { buildQueue } from '../../src/scheduler/queue.ts';
import { DEFAULT_SETTINGS } from '../../src/scheduler/settings.ts';
import { queueHoldsUntil, queuesAhead } from '../../src/scheduler/queuesAhead.ts';

// Asia/Shanghai (UTC+8, see vitest.config.ts): the study day ends at 04:00 local time.
const local = (y: number, m: number, d: number, h = 0, min = 0): number =>
  Date.UTC(y, m, d, h - 8, min);
const MIN = 60_000;
const NOW = local(2026, 10, 27, 23, 0);
const TOMORROW_START = local(2026, 10, 28, 4);

const card = (state: CardState, due: number): CardProgress => ({
  due,
  stability: 5,
  difficulty: 5,
  scheduledDays: 0,
  learningSteps: 0,
  reps: 3,
  lapses: 0,
  state,
  lastReview: due - 10 * MIN,
});

const queueOf = (progress: Record<string, CardProgress>) =>
  buildQueue({
    ids: ['a', 'b', 'c'],
    progress,
    log: [],
    now: NOW,
    settings: DEFAULT_SETTINGS,
  });

describe('queueHoldsUntil', () => {
  it('is the end of the study day when no learning card is waiting', () => {
    expect(queueHoldsUntil(queueOf({}))).toBe(TOMORROW_START);
    expect(queueHoldsUntil(queueOf({ a: card('learning', NOW - MIN) }))).toBe(TOMORROW_START);
  });

  it('is when the first learning card not yet due comes due, if that is sooner', () => {
    const queue = queueOf({
      a: card('learning', NOW + 25 * MIN),
      b: card('relearning', NOW + 10 * MIN),
      c: card('review', NOW + 5 * MIN),
    });
    expect(queue.next).toBe('c');
    expect(queueHoldsUntil(queue)).toBe(NOW + 10 * MIN);
  });

  it('is the end of the study day when the learning card comes due only after it', () => {
    const queue = queueOf({ a: card('learning', TOMORROW_START + 30 * MIN) });
    expect(queueHoldsUntil(queue)).toBe(TOMORROW_START);
  });
});

describe('queuesAhead', () => {
  const DAY_AFTER_START = local(2026, 10, 29, 4);
  const progress = {
    a: card('review', local(2026, 10, 28, 12)), // due tomorrow
    b: card('review', local(2026, 10, 29, 9)), // due the day after
    c: card('relearning', local(2026, 10, 28, 7)), // a learning step due tomorrow morning
  };
  const input = {
    ids: ['a', 'b', 'c', 'd'],
    progress,
    now: NOW,
    settings: { ...DEFAULT_SETTINGS, newCardsPerDay: 1 },
  };

  it('gives each next study day its first card and counts, from its start', () => {
    const days = queuesAhead(input, 3).map(({ at, until, queue }) => ({
      at,
      until,
      next: queue.next,
      counts: queue.counts,
    }));
    expect(days).toEqual([
      // The learning step is not due at 04:00: until 07:00 the review and the new card lead.
      {
        at: TOMORROW_START,
        until: local(2026, 10, 28, 7),
        next: 'a',
        counts: { new: 1, learning: 1, review: 1 },
      },
      // Nothing studied in between: the day after has both reviews, the step, a new card again.
      {
        at: DAY_AFTER_START,
        until: local(2026, 10, 30, 4),
        next: 'c',
        counts: { new: 1, learning: 1, review: 2 },
      },
      {
        at: local(2026, 10, 30, 4),
        until: local(2026, 10, 31, 4),
        next: 'c',
        counts: { new: 1, learning: 1, review: 2 },
      },
    ]);
  });

  it('leaves out suspended cards, and keeps each day’s review limit', () => {
    const [tomorrow] = queuesAhead(
      {
        ...input,
        flags: { a: { suspended: true } },
        settings: { ...input.settings, maxReviewsPerDay: 1 },
      },
      1,
    );
    expect(tomorrow!.queue.next).toBe('d');
    expect(tomorrow!.queue.counts).toEqual({ new: 1, learning: 1, review: 0 });
  });
});
