// rateCard against ts-fsrs itself, and the 04:00 study day it counts elapsed days by.
import {
  createEmptyCard,
  FSRS,
  generatorParameters,
  Rating,
  StrategyMode,
  type AbstractScheduler,
  type Card,
  type Grade as FsrsGrade,
} from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { fromFsrsCard } from '../../src/scheduler/fsrsConvert.ts';
import { newProgress, type Grade } from '../../src/scheduler/progress.ts';
import { rateCard } from '../../src/scheduler/rate.ts';
import type { SchedulerSettings } from '../../src/scheduler/settings.ts';
import { HOUR, local, NO_FUZZ, SETTINGS, T0 } from './fixtures.ts';

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
