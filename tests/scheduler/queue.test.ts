// buildQueue: what it offers today, in what order, within the daily limits, and suspended cards.
import { describe, expect, it } from 'vitest';
import type { CardProgress, CardState, ReviewLogEntry } from '../../src/scheduler/progress.ts';
import { buildQueue } from '../../src/scheduler/queue.ts';
import {
  card,
  DAY,
  entry,
  HOUR,
  input,
  local,
  MIN,
  NOW,
  range,
  SETTINGS,
  TODAY_START,
  TOMORROW_START,
} from './fixtures.ts';

describe('buildQueue', () => {
  it('is empty for an empty deck, with nothing ever due', () => {
    expect(buildQueue(input({}))).toEqual({
      learning: [],
      review: [],
      new: [],
      planned: [],
      counts: { new: 0, learning: 0, review: 0 },
      next: null,
      nextDueAt: null,
      learningDueAfterNow: null,
      dayEnd: TOMORROW_START,
    });
  });

  it('offers new cards in deck order, up to the daily limit', () => {
    const ids = range(15, 'n');
    const q = buildQueue(input({ ids, progress: { n3: card('new', NOW - DAY) } }));
    expect(q.new).toEqual(range(10, 'n'));
    expect(q.counts.new).toBe(10);
    expect(q.next).toBe('n0');
    expect(q.nextDueAt).toBeNull();
  });

  it('subtracts the distinct cards first studied today from the new-card limit', () => {
    const ids = range(15, 'n');
    const log = [
      entry('s1', 'new', TODAY_START), // today, at the very start
      entry('s2', 'new', NOW - HOUR),
      entry('s2', 'new', NOW - HOUR), // the same card twice counts once
      entry('s3', 'new', NOW),
      entry('s1', 'learning', NOW - 30 * MIN), // not a first review
      entry('old', 'new', TODAY_START - 1), // yesterday's study day
      entry('later', 'new', TOMORROW_START), // next study day (a clock oddity)
    ];
    const q = buildQueue(input({ ids, log }));
    expect(q.new).toEqual(range(7, 'n'));
    const spent = buildQueue(input({ ids, log, settings: { ...SETTINGS, newCardsPerDay: 3 } }));
    expect(spent.new).toEqual([]);
    expect(spent.next).toBeNull();
    // New cards remain, today's limit is spent: they come back at the next rollover.
    expect(spent.nextDueAt).toBe(TOMORROW_START);
  });

  it("spends no limit on practice: crammed new or review cards leave the day's counts alone", () => {
    const ids = ['a', 'b', ...range(4, 'n')];
    const progress = { a: card('review', NOW - HOUR), b: card('review', NOW - HOUR) };
    const practice = (id: string, state: CardState) => ({
      ...entry(id, state, NOW - MIN),
      kind: 'practice' as const,
    });
    const log = [practice('n0', 'new'), practice('n1', 'new'), practice('a', 'review')];
    const settings = { ...SETTINGS, newCardsPerDay: 2, maxReviewsPerDay: 1 };
    const q = buildQueue(input({ ids, progress, log, settings }));
    expect(q.new).toEqual(['n0', 'n1']);
    expect(q.review).toEqual(['a']);
    // The same entries as reviews spend both limits.
    const reviews = log.map((e) => ({ ...e, kind: 'review' as const }));
    const spent = buildQueue(input({ ids, progress, log: reviews, settings }));
    expect(spent.new).toEqual([]);
    expect(spent.review).toEqual([]);
  });

  it('counts a review due at 15:00 tomorrow from the 04:00 rollover, not before', () => {
    const due = local(2026, 10, 28, 15, 0);
    const ids = ['r'];
    const progress = { r: card('review', due) };
    const at2300 = buildQueue(input({ ids, progress }));
    expect(at2300.review).toEqual([]);
    expect(at2300.next).toBeNull();
    expect(at2300.nextDueAt).toBe(TOMORROW_START);
    expect(buildQueue(input({ ids, progress, now: local(2026, 10, 28, 3, 59) })).review).toEqual(
      [],
    );
    const at0401 = buildQueue(input({ ids, progress, now: local(2026, 10, 28, 4, 1) }));
    expect(at0401.review).toEqual(['r']);
    expect(at0401.next).toBe('r');
    expect(at0401.nextDueAt).toBeNull();
  });

  it('orders reviews by due and limits them by the reviews of review cards done today', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const progress = {
      a: card('review', NOW + 2 * HOUR), // later today
      b: card('review', NOW - 3 * DAY), // overdue
      c: card('review', NOW - HOUR),
      d: card('review', NOW - HOUR), // same due as c: deck order
      e: card('review', TOMORROW_START), // tomorrow
      f: card('review', NOW - 2 * DAY),
    };
    const all = buildQueue(input({ ids, progress }));
    expect(all.review).toEqual(['b', 'f', 'c', 'd', 'a']);
    expect(all.counts.review).toBe(5);

    const log = [
      entry('x', 'review', NOW - HOUR),
      entry('y', 'review', TODAY_START + MIN),
      entry('z', 'review', TODAY_START - MIN), // yesterday: not counted
      entry('w', 'relearning', NOW - HOUR), // not a review-state card: not counted
      entry('v', 'learning', NOW - HOUR),
    ];
    const limited = buildQueue(
      input({ ids, progress, log, settings: { ...SETTINGS, maxReviewsPerDay: 5 } }),
    );
    expect(limited.review).toEqual(['b', 'f', 'c']);
    expect(limited.counts.review).toBe(3);

    const spent = buildQueue(
      input({ ids, progress, log, settings: { ...SETTINGS, maxReviewsPerDay: 2 } }),
    );
    expect(spent.review).toEqual([]);
    expect(spent.next).toBeNull();
    expect(spent.nextDueAt).toBe(TOMORROW_START);
  });

  it('shows learning cards only once due, earliest first, without a limit', () => {
    const ids = ['l1', 'l2', 'l3', 'rl'];
    const progress = {
      l1: card('learning', NOW + 5 * MIN),
      l2: card('learning', NOW - 2 * MIN),
      l3: card('learning', NOW + 6 * HOUR), // after the rollover
      rl: card('relearning', NOW - 8 * MIN),
    };
    const settings = { ...SETTINGS, maxReviewsPerDay: 0, newCardsPerDay: 0 };
    const q = buildQueue(input({ ids, progress, settings }));
    expect(q.learning).toEqual(['rl', 'l2']);
    expect(q.next).toBe('rl');
    // Still to do today: rl, l2 and l1 (l3 falls in the next study day).
    expect(q.counts).toEqual({ new: 0, learning: 3, review: 0 });

    const later = buildQueue(input({ ids, progress, settings, now: NOW + 5 * MIN }));
    expect(later.learning).toEqual(['rl', 'l2', 'l1']);
    expect(buildQueue(input({ ids, progress, settings, now: NOW + 5 * MIN - 1 })).learning).toEqual(
      ['rl', 'l2'],
    );
  });

  it('waits for a learning card due later today: next null, nextDueAt its due', () => {
    const ids = ['l', 'r'];
    const progress = {
      l: card('learning', NOW + 10 * MIN),
      r: card('review', local(2026, 10, 30, 12)),
    };
    const q = buildQueue(input({ ids, progress }));
    expect(q.next).toBeNull();
    expect(q.nextDueAt).toBe(NOW + 10 * MIN);
    expect(q.counts.learning).toBe(1);
  });

  it('picks learning first, then review, then new', () => {
    const ids = ['n', 'r', 'l'];
    const progress = { r: card('review', NOW - DAY), l: card('learning', NOW - MIN) };
    expect(buildQueue(input({ ids, progress })).next).toBe('l');
    const noLearning = { r: card('review', NOW - DAY), l: card('learning', NOW + MIN) };
    // A learning card due soon does not hold back the reviews.
    const q = buildQueue(input({ ids, progress: noLearning }));
    expect(q.next).toBe('r');
    expect(q.nextDueAt).toBeNull();
    expect(buildQueue(input({ ids: ['n', 'l'], progress: noLearning })).next).toBe('n');
  });

  it('gives the start of the study day of the next review when nothing else is due', () => {
    const ids = ['r1', 'r2'];
    const progress = {
      r1: card('review', local(2026, 11, 2, 15)),
      r2: card('review', local(2026, 11, 1, 2, 30)), // 02:30 belongs to the study day of 30 Nov
    };
    const q = buildQueue(input({ ids, progress }));
    expect(q.next).toBeNull();
    expect(q.nextDueAt).toBe(local(2026, 10, 30, 4));
  });

  it('picks the earliest of the candidates for nextDueAt', () => {
    const ids = ['l', 'r', 'n'];
    const progress = {
      l: card('learning', local(2026, 10, 29, 9)),
      r: card('review', local(2026, 11, 5, 9)),
    };
    const spentNew = [entry('s', 'new', NOW - HOUR)];
    const settings = { ...SETTINGS, newCardsPerDay: 1 };
    expect(buildQueue(input({ ids, progress, log: spentNew, settings })).nextDueAt).toBe(
      TOMORROW_START,
    );
    expect(buildQueue(input({ ids: ['l', 'r'], progress })).nextDueAt).toBe(local(2026, 10, 29, 9));
    expect(buildQueue(input({ ids: ['r'], progress })).nextDueAt).toBe(local(2026, 11, 5, 4));
  });

  it('is null when cards exist but limits of 0 mean they will never come', () => {
    const ids = ['n', 'r'];
    const progress = { r: card('review', NOW + 3 * DAY) };
    const settings = { ...SETTINGS, newCardsPerDay: 0, maxReviewsPerDay: 0 };
    const q = buildQueue(input({ ids, progress, settings }));
    expect(q.next).toBeNull();
    expect(q.nextDueAt).toBeNull();
  });

  it('ignores orphaned progress and duplicate ids', () => {
    const progress = {
      ghostL: card('learning', NOW - HOUR),
      ghostR: card('review', NOW - DAY),
      ghostN: card('new', NOW - DAY),
      ghostSoon: card('learning', NOW + MIN),
      r: card('review', NOW + 2 * DAY),
    };
    const q = buildQueue(input({ ids: ['r', 'r'], progress }));
    expect(q).toEqual({
      learning: [],
      review: [],
      new: [],
      planned: [],
      counts: { new: 0, learning: 0, review: 0 },
      next: null,
      nextDueAt: local(2026, 10, 29, 4),
      // (the orphan's learning step is not waited for either)
      learningDueAfterNow: null,
      dayEnd: TOMORROW_START,
    });
    expect(buildQueue(input({ ids: ['a', 'b', 'a'] })).new).toEqual(['a', 'b']);
    // The same list again (a list without duplicates is remembered as such; this one is not).
    const twice = ['a', 'b', 'a'];
    expect(buildQueue(input({ ids: twice })).new).toEqual(['a', 'b']);
    expect(buildQueue(input({ ids: twice })).new).toEqual(['a', 'b']);
    const once = ['a', 'b', 'c'];
    expect(buildQueue(input({ ids: once })).new).toEqual(['a', 'b', 'c']);
    expect(buildQueue(input({ ids: once })).new).toEqual(['a', 'b', 'c']);
  });

  it('is fast: 5,000 cards and 100,000 log entries', () => {
    const n = 5000;
    const ids = range(n, 'card-');
    const progress: Record<string, CardProgress> = {};
    const states: CardState[] = ['new', 'learning', 'review', 'review', 'relearning'];
    // Deterministic pseudo-random spread of states and dues (an LCG, no Math.random).
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    ids.forEach((id, i) => {
      if (i % 7 === 0) return; // no progress at all
      const state = states[Math.floor(rand() * states.length)]!;
      progress[id] = card(state, NOW + Math.round((rand() - 0.6) * 30 * DAY));
    });
    const log: ReviewLogEntry[] = [];
    for (let i = 0; i < 100_000; i++) {
      const state = states[i % states.length]!;
      log.push(entry(ids[i % n]!, state, NOW - Math.round(rand() * 400 * DAY)));
    }
    const args = input({ ids, progress, log });
    for (let i = 0; i < 5; i++) buildQueue(args); // warm up
    const times: number[] = [];
    let q = buildQueue(args);
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      q = buildQueue(args);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[times.length >> 1]!;
    console.info(
      `buildQueue 5k cards / 100k log: median ${median.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`,
    );
    expect(median).toBeLessThan(50);
    expect(q.next).not.toBeNull();
    expect(q.review.length).toBeLessThanOrEqual(200);
  });
});

describe('buildQueue with suspended cards', () => {
  // Two new, one learning due now, two reviews due today; one of each kind suspended.
  const ids = ['n0', 'n1', 'l0', 'r0', 'r1'];
  const progress = {
    l0: card('learning', NOW - 10 * MIN),
    r0: card('review', TODAY_START + HOUR),
    r1: card('review', TODAY_START + 2 * HOUR),
  };

  it('leaves suspended cards out of every list and count', () => {
    const queue = buildQueue(
      input({
        ids,
        progress,
        flags: { n0: { suspended: true }, l0: { suspended: true }, r0: { suspended: true } },
      }),
    );
    expect(queue.new).toEqual(['n1']);
    expect(queue.learning).toEqual([]);
    expect(queue.review).toEqual(['r1']);
    expect(queue.counts).toEqual({ new: 1, learning: 0, review: 1 });
    expect(queue.next).toBe('r1');
  });

  it('counts a card again once its suspension is lifted, and ignores starred flags', () => {
    // The store's flags as they are: other marks beside `suspended`.
    const flags = { r0: { suspended: false, starred: true, rev: 1 } };
    const queue = buildQueue(input({ ids, progress, flags }));
    expect(queue.counts).toEqual({ new: 2, learning: 1, review: 2 });
    expect(queue.next).toBe('l0');
  });

  it('waits for nothing when every card is suspended', () => {
    const all = Object.fromEntries(ids.map((id) => [id, { suspended: true }]));
    const queue = buildQueue(input({ ids, progress, flags: all }));
    expect(queue.counts).toEqual({ new: 0, learning: 0, review: 0 });
    expect(queue.next).toBeNull();
    expect(queue.nextDueAt).toBeNull();
  });
});
