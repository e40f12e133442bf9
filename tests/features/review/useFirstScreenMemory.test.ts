import { describe, expect, it } from 'vitest';
import { firstScreenUntil } from '../../../src/features/review/useFirstScreenMemory.ts';
import type { CardProgress, CardState } from '../../../src/scheduler/progress.ts';
import { buildQueue } from '../../../src/scheduler/queue.ts';
import { DEFAULT_SETTINGS } from '../../../src/scheduler/settings.ts';

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

describe('firstScreenUntil', () => {
  it('is the end of the study day when no learning card is waiting', () => {
    expect(firstScreenUntil(queueOf({}))).toBe(TOMORROW_START);
    expect(firstScreenUntil(queueOf({ a: card('learning', NOW - MIN) }))).toBe(TOMORROW_START);
  });

  it('is when the first learning card not yet due comes due, if that is sooner', () => {
    const queue = queueOf({
      a: card('learning', NOW + 25 * MIN),
      b: card('relearning', NOW + 10 * MIN),
      c: card('review', NOW + 5 * MIN),
    });
    expect(queue.next).toBe('c');
    expect(firstScreenUntil(queue)).toBe(NOW + 10 * MIN);
  });

  it('is the end of the study day when the learning card comes due only after it', () => {
    const queue = queueOf({ a: card('learning', TOMORROW_START + 30 * MIN) });
    expect(firstScreenUntil(queue)).toBe(TOMORROW_START);
  });
});
