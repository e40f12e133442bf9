import { describe, expect, it } from 'vitest';
import { reviewHeatmap, streaks, timeSpentPerDay } from '../../src/study/activity.ts';
import type { StudyLogEntry } from '../../src/study/types.ts';
import { DAY, HOUR, NOW, entry } from './helpers.ts';

// Today is study day Fri 27 Nov 2026 (rollover 04:00, Asia/Shanghai). A 7-day window starts on
// Sat 21 Nov: index 0 = 21st … index 6 = 27th.
const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY;
const t = (d: number): number => NOW - d * DAY;
const LOG: StudyLogEntry[] = [
  ...[20, 19, 18, 17, 16].map((d) => entry('old', 'good', t(d))), // a five-day run
  entry('a', 'good', t(10)),
  entry('a', 'good', t(9)),
  entry('a', 'good', t(3), { answerMs: 5000 }), // Tue 24th
  entry('b', 'again', t(3) + HOUR, { answerMs: 70_000 }), // capped to 60 s
  entry('b', 'good', t(3) + 2 * HOUR, { kind: 'practice', answerMs: null }),
  // 03:30 local on Thu 26th is still the study day of Wed 25th.
  entry('c', 'hard', Date.UTC(2026, 10, 25, 19, 30), { answerMs: Number.NaN }),
  entry('c', 'good', t(1), { answerMs: 3000 }), // Thu 26th
  entry('d', 'good', NOW + 2 * DAY, { answerMs: 1000 }), // a clock ahead: left out
];

describe('reviewHeatmap', () => {
  it('counts reviews and practice per study day, with streaks', () => {
    expect(reviewHeatmap(LOG, { now: NOW, rolloverHour: 4, days: 7 })).toEqual({
      firstDay: day(2026, 11, 21),
      reviews: [0, 0, 0, 2, 1, 1, 0],
      practice: [0, 0, 0, 1, 0, 0, 0],
      // Today has no grade yet, so the run 24th–26th is current: 3. Longest: 7th–11th, 5.
      currentStreak: 3,
      longestStreak: 5,
    });
  });

  it('defaults to 365 days ending today', () => {
    const h = reviewHeatmap(LOG, { now: NOW, rolloverHour: 4 });
    expect(h.reviews).toHaveLength(365);
    expect(h.firstDay).toBe(day(2025, 11, 28));
    expect(h.reviews.reduce((a, b) => a + b, 0)).toBe(11);
  });

  it('handles no reviews and one review', () => {
    const empty = reviewHeatmap([], { now: NOW, rolloverHour: 4, days: 3 });
    expect(empty).toEqual({
      firstDay: day(2026, 11, 25),
      reviews: [0, 0, 0],
      practice: [0, 0, 0],
      currentStreak: 0,
      longestStreak: 0,
    });
    const one = reviewHeatmap([entry('a', 'good', NOW)], { now: NOW, rolloverHour: 4, days: 3 });
    expect(one).toMatchObject({ reviews: [0, 0, 1], currentStreak: 1, longestStreak: 1 });
  });
});

describe('streaks', () => {
  it('a gap of one day breaks the current streak', () => {
    expect(streaks([1, 2, 3, 5, 6], 8)).toEqual({ current: 0, longest: 3 });
    expect(streaks([1, 2, 3, 5, 6], 7)).toEqual({ current: 2, longest: 3 });
    expect(streaks([6, 5, 5, 7], 7)).toEqual({ current: 3, longest: 3 });
  });
});

describe('timeSpentPerDay', () => {
  it('sums known answer times per day and counts the unknown apart', () => {
    expect(timeSpentPerDay(LOG, { now: NOW, rolloverHour: 4, days: 7 })).toEqual({
      firstDay: day(2026, 11, 21),
      // 24th: 5 s + 60 s (capped); the practice grade has none. 25th: NaN is unknown. 26th: 3 s.
      knownMs: [0, 0, 0, 65_000, 0, 3000, 0],
      timed: [0, 0, 0, 2, 0, 1, 0],
      untimed: [0, 0, 0, 1, 1, 0, 0],
    });
    expect(timeSpentPerDay([], { now: NOW, rolloverHour: 4 }).knownMs).toHaveLength(30);
  });
});
