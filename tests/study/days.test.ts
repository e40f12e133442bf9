import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recallAt } from '../../src/scheduler/fsrsMath.ts';
import { studyDayIndex } from '../../src/scheduler/studyDay.ts';
import { recallOnDay, studyDayIndexer } from '../../src/study/days.ts';
import { DAY, NOW, progress } from './helpers.ts';

describe('studyDayIndexer', () => {
  it('agrees with studyDayIndex for any times in any order, at any rollover hour', () => {
    const span = 800 * DAY;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.array(fc.integer({ min: -span, max: span }), { minLength: 1, maxLength: 60 }),
        (hour, offsets) => {
          const dayOf = studyDayIndexer(hour);
          for (const o of offsets) expect(dayOf(NOW + o)).toBe(studyDayIndex(NOW + o, hour));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('steps exactly at the rollover', () => {
    const dayOf = studyDayIndexer(4);
    const rollover = Date.UTC(2026, 10, 27, 20); // 04:00 local on the 28th
    expect(dayOf(rollover - 1)).toBe(Date.UTC(2026, 10, 27) / DAY);
    expect(dayOf(rollover)).toBe(Date.UTC(2026, 10, 28) / DAY);
  });
});

describe('recallOnDay', () => {
  it('is recallAt at any time of that study day', () => {
    const dayOf = studyDayIndexer(4);
    for (const p of [
      progress({ stability: 3, lastReview: NOW - 5 * DAY }),
      progress({ state: 'new' }),
    ]) {
      for (const d of [0, 1, 7]) {
        const at = NOW + d * DAY;
        expect(recallOnDay(p, dayOf(at), dayOf)).toBe(recallAt(p, at, 4));
      }
    }
    expect(recallOnDay(undefined, 0, dayOf)).toBe(0);
  });
});
