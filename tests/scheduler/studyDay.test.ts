import { afterEach, describe, expect, it } from 'vitest';
import {
  DAY_MS,
  HOUR_MS,
  nextRollover,
  studyDayIndex,
  studyDayStart,
  studyDaysBetween,
} from '../../src/scheduler/studyDay.ts';

// vitest.config.ts runs the tests in Asia/Shanghai: UTC+8, no DST. Local 04:00 is 20:00 UTC of
// the day before, so `local(…)` below converts a Shanghai wall-clock time to epoch ms.
const local = (y: number, m: number, d: number, h = 0, min = 0): number =>
  Date.UTC(y, m, d, h - 8, min);

describe('study day in Asia/Shanghai, rollover 04:00', () => {
  it('runs in the expected zone', () => {
    expect(new Date(Date.UTC(2026, 10, 27)).getTimezoneOffset()).toBe(-480);
  });

  it('starts at the most recent 04:00 at or before now', () => {
    expect(studyDayStart(local(2026, 10, 27, 9, 0), 4)).toBe(local(2026, 10, 27, 4));
    expect(studyDayStart(local(2026, 10, 27, 4, 0), 4)).toBe(local(2026, 10, 27, 4));
    expect(studyDayStart(local(2026, 10, 27, 23, 59), 4)).toBe(local(2026, 10, 27, 4));
    // 03:59 still belongs to the day before; so does 00:30.
    expect(studyDayStart(local(2026, 10, 27, 3, 59), 4)).toBe(local(2026, 10, 26, 4));
    expect(studyDayStart(local(2026, 10, 27, 0, 30), 4)).toBe(local(2026, 10, 26, 4));
    // Across a month and a year boundary.
    expect(studyDayStart(local(2027, 0, 1, 2, 0), 4)).toBe(local(2026, 11, 31, 4));
    expect(studyDayStart(Date.UTC(2026, 10, 27, 1, 0), 4)).toBe(1795723200000);
  });

  it('gives the next rollover strictly after now', () => {
    expect(nextRollover(local(2026, 10, 27, 9, 0), 4)).toBe(local(2026, 10, 28, 4));
    expect(nextRollover(local(2026, 10, 27, 4, 0), 4)).toBe(local(2026, 10, 28, 4));
    expect(nextRollover(local(2026, 10, 27, 3, 59), 4)).toBe(local(2026, 10, 27, 4));
    expect(nextRollover(local(2026, 11, 31, 22, 0), 4)).toBe(local(2027, 0, 1, 4));
  });

  it('supports other rollover hours, normalised to a whole hour in 0–23', () => {
    expect(studyDayStart(local(2026, 10, 27, 0, 0), 0)).toBe(local(2026, 10, 27, 0));
    expect(nextRollover(local(2026, 10, 27, 23, 59), 0)).toBe(local(2026, 10, 28, 0));
    expect(studyDayStart(local(2026, 10, 27, 12, 0), 4.7)).toBe(local(2026, 10, 27, 4));
    expect(studyDayStart(local(2026, 10, 27, 12, 0), 99)).toBe(local(2026, 10, 26, 23));
    expect(studyDayStart(local(2026, 10, 27, 12, 0), -3)).toBe(local(2026, 10, 27, 0));
  });

  it('numbers study days by the local date they start on', () => {
    const nov27 = Date.UTC(2026, 10, 27) / DAY_MS;
    expect(nov27).toBe(20784);
    expect(studyDayIndex(local(2026, 10, 27, 4, 0), 4)).toBe(nov27);
    expect(studyDayIndex(local(2026, 10, 28, 3, 59), 4)).toBe(nov27);
    expect(studyDayIndex(local(2026, 10, 27, 3, 59), 4)).toBe(nov27 - 1);
    expect(studyDayIndex(local(2026, 10, 28, 4, 0), 4)).toBe(nov27 + 1);
  });

  it('counts study days between two times, never negative', () => {
    expect(studyDaysBetween(local(2026, 10, 27, 3, 30), local(2026, 10, 27, 4, 30), 4)).toBe(1);
    expect(studyDaysBetween(local(2026, 10, 27, 5, 0), local(2026, 10, 27, 23, 0), 4)).toBe(0);
    expect(studyDaysBetween(local(2026, 10, 27, 23, 0), local(2026, 10, 28, 3, 0), 4)).toBe(0);
    expect(studyDaysBetween(local(2026, 10, 27, 12), local(2026, 11, 27, 12), 4)).toBe(30);
    expect(studyDaysBetween(local(2026, 10, 28, 12), local(2026, 10, 27, 12), 4)).toBe(0);
  });

  it('keeps start <= now < next rollover, with index changing exactly at rollovers', () => {
    for (let t = local(2026, 10, 1); t < local(2026, 11, 1); t += 17 * 60_000 + 13_000) {
      const start = studyDayStart(t, 4);
      const next = nextRollover(t, 4);
      expect(start).toBeLessThanOrEqual(t);
      expect(next).toBeGreaterThan(t);
      expect(next - start).toBe(DAY_MS);
      expect(studyDayIndex(start, 4)).toBe(studyDayIndex(t, 4));
      expect(studyDayIndex(next, 4)).toBe(studyDayIndex(t, 4) + 1);
      expect(studyDayIndex(start - 1, 4)).toBe(studyDayIndex(t, 4) - 1);
    }
  });
});

describe('study day across DST (America/New_York)', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = savedTz;
  });

  it('has 23- and 25-hour days and consecutive indices', () => {
    process.env.TZ = 'America/New_York';
    // 2026: clocks go forward on 8 March at 02:00 EST, back on 1 November at 02:00 EDT.
    const mar7 = Date.UTC(2026, 2, 7, 9 + 5); // 09:00 EST
    const mar8 = Date.UTC(2026, 2, 8, 9 + 4); // 09:00 EDT
    expect(studyDayStart(mar7, 4)).toBe(Date.UTC(2026, 2, 7, 4 + 5));
    expect(nextRollover(mar7, 4)).toBe(Date.UTC(2026, 2, 8, 4 + 4));
    expect(nextRollover(mar7, 4) - studyDayStart(mar7, 4)).toBe(23 * HOUR_MS);
    expect(studyDayIndex(mar8, 4) - studyDayIndex(mar7, 4)).toBe(1);

    const oct31 = Date.UTC(2026, 9, 31, 9 + 4); // 09:00 EDT
    const nov1 = Date.UTC(2026, 10, 1, 9 + 5); // 09:00 EST
    expect(nextRollover(oct31, 4) - studyDayStart(oct31, 4)).toBe(25 * HOUR_MS);
    expect(studyDayIndex(nov1, 4) - studyDayIndex(oct31, 4)).toBe(1);
    expect(studyDaysBetween(mar7, nov1, 4)).toBe(239);
  });

  it('resolves a rollover hour skipped by the clock change to the time after it', () => {
    process.env.TZ = 'America/New_York';
    // 02:00 does not exist on 8 March 2026: the study day starts at 03:00 EDT (07:00 UTC).
    const mar8Noon = Date.UTC(2026, 2, 8, 12 + 4);
    expect(studyDayStart(mar8Noon, 2)).toBe(Date.UTC(2026, 2, 8, 7));
    expect(nextRollover(Date.UTC(2026, 2, 8, 6, 59), 2)).toBe(Date.UTC(2026, 2, 8, 7));
  });
});
