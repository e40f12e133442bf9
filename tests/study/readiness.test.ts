// The readiness a past interview had: from the reviews before it only, never from later ones.
import { describe, expect, it } from 'vitest';
import { readinessBefore } from '../../src/study/readiness.ts';
import { DAY, HOUR, NOW, entry, progress } from './helpers.ts';

// R(t, S) = (1 + 0.98034649·t/S)^−0.1542: R(3, 2) = 0.86982531, R(2, 100) = 0.99701035.
/** The interview: 10:00 local on Sat 28 Nov 2026, the study day after NOW's. */
const AT = NOW + DAY + HOUR;
const OPTIONS = { at: AT, rolloverHour: 4 };

describe('readinessBefore', () => {
  it('takes each card as its last review before the interview left it', () => {
    const p = {
      // Reviewed again after the interview: its earlier review (S 2, three study days before) counts.
      a: progress({ stability: 50, lastReview: AT + 2 * DAY }),
      // Last reviewed before the interview: its progress is the state it had then.
      b: progress({ stability: 100, lastReview: NOW - DAY }),
      // First studied after the interview: 0 then.
      c: progress({ stability: 50, lastReview: AT + HOUR }),
    };
    const log = [
      entry('a', 'good', NOW - 2 * DAY, { stability: 2 }),
      // A practice grade before it left the schedule as it was: it does not count.
      entry('a', 'good', NOW, { stability: 7, kind: 'practice' }),
      entry('a', 'good', AT + 2 * DAY, { stability: 50 }),
      entry('b', 'good', NOW - DAY, { stability: 100 }),
      entry('c', 'good', AT + HOUR, { stability: 50 }),
    ];
    expect(readinessBefore(['a', 'b', 'c', 'a'], p, log, OPTIONS)).toBeCloseTo(
      (0.86982531 + 0.99701035 + 0) / 3,
      8,
    );
  });

  it('gives no figure for no cards, or when a review before it lost its stability', () => {
    expect(readinessBefore([], {}, [], OPTIONS)).toBeNull();
    const p = { a: progress({ lastReview: AT + DAY }) };
    const log = [entry('a', 'good', NOW, { stability: null }), entry('a', 'good', AT + DAY)];
    expect(readinessBefore(['a'], p, log, OPTIONS)).toBeNull();
  });
});
