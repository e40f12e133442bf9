import {
  createEmptyCard,
  FSRS,
  generatorParameters,
  get_fuzz_range,
  Rating,
  StrategyMode,
  type AbstractScheduler,
  type Card,
  type Grade as FsrsGrade,
} from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { fromFsrsCard } from '../../src/scheduler/fsrsConvert.ts';
import {
  GRADES,
  newProgress,
  type CardProgress,
  type Grade,
} from '../../src/scheduler/progress.ts';
import { previewIntervals, rateCard } from '../../src/scheduler/rate.ts';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '../../src/scheduler/settings.ts';

// Tests run in Asia/Shanghai (UTC+8, see vitest.config.ts). T0 is 09:00 local on 27 Nov 2026.
const T0 = Date.UTC(2026, 10, 27, 1, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Shanghai wall-clock time as epoch ms. */
const local = (y: number, m: number, d: number, h = 0, min = 0): number =>
  Date.UTC(y, m, d, h - 8, min);

const SETTINGS: SchedulerSettings = { ...DEFAULT_SETTINGS };
const NO_FUZZ: SchedulerSettings = { ...DEFAULT_SETTINGS, enableFuzz: false };

const RATING: Record<Grade, FsrsGrade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

type RawCard = Card & { card_id: string };

/**
 * A ts-fsrs instance set up independently of src/scheduler, with the same parameters and a
 * seed of `${card_id}:${reps before the review}` (ts-fsrs has already counted the review in
 * `current.reps` when it asks for the seed).
 */
function rawFsrs(enableFuzz: boolean): FSRS {
  return new FSRS(
    generatorParameters({
      request_retention: 0.9,
      maximum_interval: 36500,
      enable_fuzz: enableFuzz,
      enable_short_term: true,
      learning_steps: ['1m', '10m'],
      relearning_steps: ['10m'],
    }),
  ).useStrategy(StrategyMode.SEED, function (this: AbstractScheduler) {
    const current = Reflect.get(this, 'current') as RawCard;
    return `${current.card_id}:${current.reps - 1}`;
  });
}

function rawCard(id: string, now: number): RawCard {
  return { ...createEmptyCard(new Date(now)), card_id: id };
}

describe('rateCard agrees with ts-fsrs', () => {
  // All reviews at 09:00–10:00 local: there the UTC date (which ts-fsrs counts days by) and
  // the study day are the same date, so plain ts-fsrs at the real times must agree exactly.
  const grades: Grade[] = ['good', 'good', 'good', 'good', 'again', 'good', 'good', 'hard', 'easy'];

  for (const enableFuzz of [true, false]) {
    it(`over a sequence of grades at due times (fuzz ${enableFuzz ? 'on' : 'off'})`, () => {
      const settings = enableFuzz ? SETTINGS : NO_FUZZ;
      const raw = rawFsrs(enableFuzz);
      let p = newProgress(T0);
      let card = rawCard('card-42', T0);
      let t = T0;
      for (const grade of grades) {
        const ours = rateCard('card-42', p, grade, t, settings);
        const theirs = raw.next(card, new Date(t), RATING[grade]);
        card = theirs.card as RawCard;
        expect(ours.progress).toEqual(fromFsrsCard(theirs.card));
        expect(ours.progress.due).toBe(theirs.card.due.getTime());
        expect(ours.progress.stability).toBe(theirs.card.stability);
        expect(ours.progress.difficulty).toBe(theirs.card.difficulty);
        expect(ours.log.elapsedDays).toBe(theirs.log.elapsed_days);
        expect(ours.log.scheduledDays).toBe(theirs.card.scheduled_days);
        p = ours.progress;
        t = p.due;
      }
    });
  }

  it('pins the exact schedule of that sequence (fuzz on vs off)', () => {
    const run = (settings: SchedulerSettings) => {
      let p = newProgress(T0);
      const out: [number, number, number][] = [];
      for (const grade of grades) {
        p = rateCard('card-42', p, grade, p.due, settings).progress;
        out.push([p.scheduledDays, p.stability, p.difficulty]);
      }
      return { out, due: p.due };
    };
    const fuzzed = run(SETTINGS);
    const plain = run(NO_FUZZ);
    // [scheduledDays, stability, difficulty] after each grade, and the final due. The values
    // are ts-fsrs 5.4.2's own (the test above compares every step with it).
    expect(fuzzed).toEqual({
      out: [
        [0, 2.3065, 2.11810397],
        [2, 2.3065, 2.11121424],
        [10, 10.97104786, 2.1043314],
        [40, 43.96600398, 2.09745544],
        [0, 2.84481392, 7.38771571],
        [3, 2.84481392, 7.37555636],
        [10, 7.69137465, 7.36340917],
        [16, 15.42913101, 8.23493651],
        [40, 43.43260652, 7.63036291],
      ],
      due: 1806196800000,
    });
    expect(plain).toEqual({
      out: [
        [0, 2.3065, 2.11810397],
        [2, 2.3065, 2.11121424],
        [11, 10.97104786, 2.1043314],
        [46, 46.31685657, 2.09745544],
        [0, 2.93384526, 7.38771571],
        [3, 2.93384526, 7.37555636],
        [8, 7.79910198, 7.36340917],
        [14, 14.44506127, 8.23493651],
        [40, 39.7019295, 7.63036291],
      ],
      due: 1806456000000,
    });
  });

  it('counts elapsed days by the local study day, like ts-fsrs on a study-day clock', () => {
    // Study-day clock for Shanghai with a 04:00 rollover: t + 8 h (to local wall time) − 4 h,
    // so its UTC date is the study day. ts-fsrs run on that clock must give the same schedule
    // shifted by 4 h.
    const SHIFT = 4 * HOUR;
    const raw = rawFsrs(true);
    const naive = rawFsrs(true);
    const times = [
      local(2026, 10, 27, 3, 30), // study day 26 Nov
      local(2026, 10, 27, 4, 30), // study day 27 Nov: 1 day later though 1 h apart
      local(2026, 10, 27, 5, 0),
      local(2026, 10, 27, 23, 0), // same study day: 0 days
      local(2026, 10, 28, 3, 59), // still 27 Nov: 0 days
      local(2026, 10, 30, 2, 0), // 29 Nov: 2 days
      local(2026, 11, 9, 22, 0), // 9 Dec: 10 days
      local(2026, 11, 28, 7, 0),
    ];
    const expectedElapsed = [0, 1, 0, 0, 0, 2, 10, 19];
    const grades2: Grade[] = ['good', 'good', 'again', 'good', 'good', 'good', 'good', 'hard'];
    let p = newProgress(times[0]!);
    let shifted = rawCard('x', times[0]! + SHIFT);
    let plain = rawCard('x', times[0]!);
    const naiveElapsed: number[] = [];
    times.forEach((t, i) => {
      const grade = grades2[i]!;
      const ours = rateCard('x', p, grade, t, SETTINGS);
      const theirs = raw.next(shifted, new Date(t + SHIFT), RATING[grade]);
      const plainNext = naive.next(plain, new Date(t), RATING[grade]);
      naiveElapsed.push(plainNext.log.elapsed_days);
      expect(ours.log.elapsedDays).toBe(expectedElapsed[i]);
      expect(theirs.log.elapsed_days).toBe(expectedElapsed[i]);
      expect(ours.progress.due).toBe(theirs.card.due.getTime() - SHIFT);
      expect(ours.progress.stability).toBe(theirs.card.stability);
      expect(ours.progress.difficulty).toBe(theirs.card.difficulty);
      expect(ours.progress.scheduledDays).toBe(theirs.card.scheduled_days);
      expect(ours.progress.state).toBe(fromFsrsCard(theirs.card).state);
      p = ours.progress;
      shifted = theirs.card as RawCard;
      plain = plainNext.card as RawCard;
    });
    // Plain ts-fsrs counts UTC dates (which change at 08:00 local) and gets the first two
    // boundaries wrong: 03:30 → 04:30 as 0 days, 05:00 → 23:00 as 1 day.
    expect(naiveElapsed.slice(0, 4)).toEqual([0, 0, 0, 1]);
  });
});

describe('the 04:00 study day in rateCard', () => {
  it('counts 03:30 → 04:30 on one calendar date as 1 elapsed day', () => {
    const first = rateCard('a', newProgress(0), 'good', local(2026, 10, 27, 3, 30), SETTINGS);
    const second = rateCard('a', first.progress, 'good', local(2026, 10, 27, 4, 30), SETTINGS);
    expect(second.log.elapsedDays).toBe(1);
    // A day has passed, so FSRS uses its long-term formula, not the same-day one.
    const sameDay = rateCard('a', first.progress, 'good', local(2026, 10, 27, 3, 40), SETTINGS);
    expect(sameDay.log.elapsedDays).toBe(0);
    expect(second.progress.stability).not.toBe(sameDay.progress.stability);
  });

  it('counts 05:00 → 23:00 on one calendar date as 0 elapsed days', () => {
    const first = rateCard('a', newProgress(0), 'good', local(2026, 10, 27, 5, 0), SETTINGS);
    const second = rateCard('a', first.progress, 'good', local(2026, 10, 27, 23, 0), SETTINGS);
    expect(second.log.elapsedDays).toBe(0);
    const sameHour = rateCard('a', first.progress, 'good', local(2026, 10, 27, 5, 10), SETTINGS);
    expect(second.progress.stability).toBe(sameHour.progress.stability);
  });
});

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
