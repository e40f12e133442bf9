// The daily queue with an interview plan's slice for today (src/study/plan.ts places it).
import { describe, expect, it } from 'vitest';
import type { CardProgress, CardState, ReviewLogEntry } from '../../src/scheduler/progress.ts';
import { buildQueue } from '../../src/scheduler/queue.ts';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '../../src/scheduler/settings.ts';
import { planInterviews } from '../../src/study/plan.ts';

// Asia/Shanghai (UTC+8, see vitest.config.ts).
const local = (y: number, m: number, d: number, h = 0, min = 0): number =>
  Date.UTC(y, m, d, h - 8, min);
const DAY = 24 * 60 * 60_000;
const NOW = local(2026, 10, 27, 10, 0); // 10:00 on 27 Nov; study day from 04:00
const SETTINGS: SchedulerSettings = { ...DEFAULT_SETTINGS, newCardsPerDay: 1 };

function card(state: CardState, due: number): CardProgress {
  return {
    due,
    stability: 5,
    difficulty: 5,
    scheduledDays: 5,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    state,
    lastReview: due - 5 * DAY,
  };
}
const entry = (cardId: string, reviewedAt: number): ReviewLogEntry => ({
  cardId,
  grade: 'good',
  reviewedAt,
  state: 'review',
  stability: 5,
  difficulty: 5,
  scheduledDays: 5,
  elapsedDays: 5,
  kind: 'review',
  answerMs: null,
});

describe('buildQueue with a plan', () => {
  const ids = ['a', 'b', 'l', 's', 'n1', 'n2'];
  const progress = {
    a: card('review', NOW - DAY), // due: already offered
    b: card('review', NOW + 3 * DAY), // not due: the plan brings it
    l: card('learning', NOW + 60_000), // learning: its steps bring it
    s: card('review', NOW + 4 * DAY), // studied today: its planned review is done
  };
  const log = [entry('s', NOW - 60 * 60_000)];

  it('adds the planned review and new cards beyond the limits, once each, in plan order', () => {
    const q = buildQueue({
      ids,
      progress,
      log,
      now: NOW,
      settings: SETTINGS,
      planned: ['n2', 'b', 'a', 'l', 's', 'gone', 'b'],
    });
    expect(q.review).toEqual(['a', 'b']);
    expect(q.new).toEqual(['n1', 'n2']);
    expect(q.planned).toEqual(['n2', 'b']);
    expect(q.counts).toEqual({ new: 2, learning: 1, review: 2 });
    expect(q.next).toBe('a');
  });

  it('leaves a suspended card out even when the plan names it', () => {
    const q = buildQueue({
      ids,
      progress,
      log,
      now: NOW,
      settings: SETTINGS,
      flags: { b: { suspended: true }, n2: { suspended: true } },
      planned: ['n2', 'b', 'a'],
    });
    expect(q.review).toEqual(['a']);
    expect(q.new).toEqual(['n1']);
    expect(q.planned).toEqual([]);
  });

  it('is the plain queue without a plan', () => {
    const q = buildQueue({ ids, progress, log, now: NOW, settings: SETTINGS });
    expect(q.review).toEqual(['a']);
    expect(q.new).toEqual(['n1']);
    expect(q.planned).toEqual([]);
  });
});

describe('the plan in the queue, from planInterviews', () => {
  const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];
  // 14:00 tomorrow: a new card must be learnt today (its steps take a day to settle).
  const at = local(2026, 10, 28, 14, 0);
  const options = {
    rolloverHour: 4,
    dailyLimit: 2,
    learningSteps: DEFAULT_SETTINGS.learningSteps,
  };
  const todaysSlice = (now: number) => {
    const plan = planInterviews([{ id: 'iv', at, cardIds: ids }], {}, {}, { ...options, now });
    return plan.days.find((d) => d.day === plan.firstDay)?.cardIds ?? [];
  };
  const settings = { ...DEFAULT_SETTINGS, newCardsPerDay: 0 };

  it('brings exactly today’s planned cards while the interview is ahead', () => {
    const planned = todaysSlice(NOW);
    // Five cards, two a day: the two weakest (all alike: by id) today, the rest said unplaced.
    expect(planned).toEqual(['c1', 'c2']);
    const q = buildQueue({ ids, progress: {}, log: [], now: NOW, settings, planned });
    expect(q.new).toEqual(['c1', 'c2']);
    expect(q.next).toBe('c1');
    // Once c1 is studied today it is not brought again, whatever the plan still says.
    const later = buildQueue({
      ids,
      progress: {},
      log: [{ ...entry('c1', NOW + 60_000), state: 'new' }],
      now: NOW + 120_000,
      settings,
      planned,
    });
    expect(later.new).toEqual(['c2']);
  });

  it('brings nothing once the interview has passed: plain FSRS again', () => {
    const after = at + 60_000;
    expect(todaysSlice(after)).toEqual([]);
    const q = buildQueue({
      ids,
      progress: {},
      log: [],
      now: after,
      settings,
      planned: todaysSlice(after),
    });
    expect(q.new).toEqual([]);
    expect(q.next).toBeNull();
  });
});
