import { describe, expect, it } from 'vitest';
import { calibration } from '../../src/study/calibration.ts';
import type { StudyLogEntry } from '../../src/study/types.ts';
import { DAY, NOW, entry } from './helpers.ts';

const t = (d: number): number => NOW - d * DAY;

// R(t, S) = (1 + 0.98034649·t/S)^−0.1542, rounded to 8 places.
const LOG: StudyLogEntry[] = [
  // P: its first entry in the log is not from state new and has nothing before it: noPriorReview.
  entry('P', 'good', t(20), { state: 'learning', stability: 10 }),
  // P after 10 days on S 10: R = 0.9 (bin [0.90, 0.95)), recalled.
  entry('P', 'good', t(10), { elapsedDays: 10, stability: 20 }),
  // P after 10 days on S 20: R = 1.49017325^−0.1542 = 0.94034429 (same bin), forgotten.
  entry('P', 'again', t(0), { elapsedDays: 10 }),
  // Q: a new card's first grade (not scored), then R(1, 1) = 0.9, recalled.
  entry('Q', 'good', t(30), { state: 'new', stability: 1 }),
  entry('Q', 'good', t(29), { elapsedDays: 1, stability: 3 }),
  // Q again the same study day: sameDay.
  entry('Q', 'good', t(29) + 1000, { elapsedDays: 0, stability: null }),
  // Q after a review whose stability compaction dropped: noStability.
  entry('Q', 'good', t(20), { elapsedDays: 9 }),
  // R: R(10, 1) = 0.69282664 (bin [0.65, 0.70)), forgotten.
  entry('R', 'good', t(15), { state: 'new', stability: 1 }),
  entry('R', 'again', t(5), { elapsedDays: 10 }),
  // S: a practice grade in between is not the previous review; R(30, 2) = 0.65398849, recalled.
  entry('S', 'good', t(40), { state: 'new', stability: 2 }),
  entry('S', 'again', t(20), { kind: 'practice', stability: 50 }),
  entry('S', 'hard', t(10), { elapsedDays: 30 }),
];

describe('calibration', () => {
  const c = calibration(LOG);

  it('bins predicted recall against outcomes', () => {
    expect(c.count).toBe(5);
    expect(c.skipped).toEqual({ noPriorReview: 1, noStability: 1, sameDay: 1 });
    expect(c.bins).toHaveLength(20);
    const filled = c.bins.filter((b) => b.count > 0);
    expect(filled).toHaveLength(2);
    // Bin 13: (0.69282664 + 0.65398849) / 2 = 0.673407565; outcomes 0, 1.
    expect(filled[0]).toMatchObject({ from: 0.65, to: 0.7, count: 2, meanRecalled: 0.5 });
    expect(filled[0]!.meanPredicted).toBeCloseTo(0.673407565, 12);
    // Bin 18: (0.9 + 0.94034429 + 0.9) / 3 = 0.91344809667; outcomes 1, 0, 1.
    expect(filled[1]).toMatchObject({ from: 0.9, to: 0.95, count: 3 });
    expect(filled[1]!.meanPredicted).toBeCloseTo(0.9134480966667, 12);
    expect(filled[1]!.meanRecalled).toBeCloseTo(2 / 3, 12);
    expect(c.bins[0]).toEqual({
      from: 0,
      to: 0.05,
      count: 0,
      meanPredicted: null,
      meanRecalled: null,
    });
  });

  it('RMSE over bins weighted by count', () => {
    // sqrt((3·(0.91344809667 − 0.66666666667)² + 2·(0.673407565 − 0.5)²) / 5) = 0.22038311631
    expect(c.rmse).toBeCloseTo(0.2203831163, 9);
  });

  it('takes the number of bins; a perfect predictor scores 0', () => {
    expect(calibration(LOG, 10).bins.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 0, 2, 0, 0, 3]);
    // R(10, 10) = 0.9 exactly: nine recalled of ten gives 0.
    const perfect: StudyLogEntry[] = [];
    for (let i = 0; i < 10; i++) {
      perfect.push(entry(`c${i}`, 'good', t(20), { state: 'new', stability: 10 }));
      perfect.push(entry(`c${i}`, i === 0 ? 'again' : 'good', t(10), { elapsedDays: 10 }));
    }
    expect(calibration(perfect).rmse).toBeCloseTo(0, 12);
  });

  it('no reviews: no RMSE', () => {
    expect(calibration([])).toMatchObject({ rmse: null, count: 0 });
    expect(calibration([entry('a', 'good', NOW, { state: 'new' })]).rmse).toBeNull();
  });
});
