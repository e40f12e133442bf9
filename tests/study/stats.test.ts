import { describe, expect, it } from 'vitest';
import { cardsByState, dueForecast, isoWeekOf, weeklyRetention } from '../../src/study/stats.ts';
import type { StudyLogEntry } from '../../src/study/types.ts';
import { DAY, HOUR, NOW, entry, progress } from './helpers.ts';

const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY;
const t = (d: number): number => NOW - d * DAY;

describe('dueForecast', () => {
  // NOW is 09:00 local on Fri 27 Nov; the study day ends at 04:00 on the 28th.
  const PROGRESS = {
    a: progress({ due: t(3) }), // overdue: day 0
    b: progress({ state: 'learning', due: NOW + 2 * HOUR }), // day 0
    c: progress({ due: Date.UTC(2026, 10, 27, 19) }), // 03:00 local on the 28th: still day 0
    d: progress({ due: Date.UTC(2026, 10, 27, 21) }), // 05:00 local on the 28th: day 1
    e: progress({ due: NOW + 4 * DAY }), // day 4
    f: progress({ due: NOW + 5 * DAY }), // beyond a 5-day forecast
    g: progress({ state: 'new', due: NOW, lastReview: null }), // new: not due
    h: progress({ due: NOW }), // suspended
  };
  it('counts cards per study day, overdue on day 0, no new or suspended cards', () => {
    expect(
      dueForecast(PROGRESS, { h: { suspended: true } }, { now: NOW, rolloverHour: 4, days: 5 }),
    ).toEqual({
      firstDay: day(2026, 11, 27),
      counts: [3, 1, 0, 0, 1],
      overdue: 1,
    });
    expect(dueForecast({}, {}, { now: NOW, rolloverHour: 4 }).counts).toEqual(
      new Array(30).fill(0),
    );
  });
});

describe('isoWeekOf', () => {
  it('names ISO weeks, across year ends', () => {
    expect(isoWeekOf(day(2026, 11, 27))).toEqual({
      year: 2026,
      week: 48,
      monday: day(2026, 11, 23),
    });
    expect(isoWeekOf(day(2027, 1, 1))).toEqual({ year: 2026, week: 53, monday: day(2026, 12, 28) });
    expect(isoWeekOf(day(2024, 12, 30))).toEqual({
      year: 2025,
      week: 1,
      monday: day(2024, 12, 30),
    });
  });
});

describe('weeklyRetention', () => {
  const LOG: StudyLogEntry[] = [
    // Z, Thu 5 Nov (W45): no earlier review in the log, so elapsedDays 5 stands in: young, passed.
    entry('Z', 'good', t(22), { elapsedDays: 5, scheduledDays: 21 }),
    // X graduates Sun 15 Nov with 3 days: a learning grade, not counted.
    entry('X', 'good', t(12), { state: 'learning', scheduledDays: 3 }),
    // X, Wed 18 Nov (W47), on a 3-day interval: young, Again.
    entry('X', 'again', t(9), { scheduledDays: 0 }),
    entry('X', 'good', t(9) + HOUR, { state: 'relearning', scheduledDays: 1 }),
    // Y, Thu 19 Nov (W47): no earlier review, elapsed 30: mature, passed.
    entry('Y', 'good', t(8), { elapsedDays: 30, scheduledDays: 25 }),
    // Y, Wed 25 Nov (W48), on 25 days: mature, Hard passes.
    entry('Y', 'hard', t(2)),
    entry('Y', 'again', t(1), { kind: 'practice' }), // practice: not counted
    // X, Thu 26 Nov (W48), on the 1 day its relearning gave: young, passed.
    entry('X', 'good', t(1)),
    // Z, today (W48), on 21 days: mature, Again.
    entry('Z', 'again', NOW),
  ];
  it('counts review-state grades per ISO week, young and mature apart', () => {
    expect(weeklyRetention(LOG, { rolloverHour: 4 })).toEqual([
      {
        week: '2026-W45',
        monday: day(2026, 11, 2),
        young: { reviews: 1, passed: 1 },
        mature: { reviews: 0, passed: 0 },
      },
      {
        week: '2026-W47',
        monday: day(2026, 11, 16),
        young: { reviews: 1, passed: 0 },
        mature: { reviews: 1, passed: 1 },
      },
      {
        week: '2026-W48',
        monday: day(2026, 11, 23),
        young: { reviews: 1, passed: 1 },
        mature: { reviews: 2, passed: 1 },
      },
    ]);
  });
  it('is empty for no reviews', () => {
    expect(weeklyRetention([], { rolloverHour: 4 })).toEqual([]);
  });
});

describe('cardsByState', () => {
  it('counts states, with suspended, leech and starred as overlays', () => {
    const PROGRESS = {
      a: progress({ lapses: 4 }),
      b: progress({ state: 'learning' }),
      c: progress({ lapses: 3 }),
      d: progress({ state: 'relearning', lapses: 6 }),
      g: progress({ state: 'new', lastReview: null }),
      h: progress({}),
    };
    const FLAGS = { h: { suspended: true }, z: { starred: true } };
    expect(cardsByState(['a', 'b', 'c', 'd', 'g', 'h', 'z'], PROGRESS, FLAGS)).toEqual({
      total: 7,
      new: 2,
      learning: 1,
      review: 3,
      relearning: 1,
      suspended: 1,
      leech: 2,
      starred: 1,
    });
    expect(cardsByState(['a', 'c'], PROGRESS, {}, 3).leech).toBe(2);
  });
});
