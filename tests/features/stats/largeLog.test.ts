// A log of 100,010 grades: every figure the Stats screen reads from the log comes out in one
// pass each, quickly enough for the screen to stay responsive (a loose bound: the machine is
// shared; the point is to catch anything quadratic).
import { describe, expect, it } from 'vitest';
import { logFigures } from '../../../src/features/stats/StatsScreen.tsx';
import type { ReviewLogEntry } from '../../../src/scheduler/progress.ts';

const NOW = Date.UTC(2026, 10, 27, 2, 0);
const DAY = 86_400_000;

describe('Stats over a large log', () => {
  it('reads 100,010 grades of 2,000 cards over a year in a few seconds at most', () => {
    const cards = 2_000;
    const log: ReviewLogEntry[] = Array.from({ length: 100_010 }, (_, i) => {
      const round = Math.floor(i / cards);
      return {
        cardId: `d/c${i % cards}`,
        kind: i % 10 === 9 ? 'practice' : 'review',
        grade: i % 7 === 0 ? 'again' : 'good',
        // 51 rounds of the deck spread over 360 days, in time order.
        reviewedAt: NOW - 360 * DAY + Math.floor((i * 360 * DAY) / 100_010),
        state: round === 0 ? 'new' : 'review',
        stability: 7,
        difficulty: 5,
        scheduledDays: 7,
        elapsedDays: round === 0 ? 0 : 7,
        answerMs: i % 3 === 0 ? null : 5_000,
      };
    });
    const start = performance.now();
    const figures = logFigures(log, NOW, 4);
    const elapsed = performance.now() - start;
    expect(figures.reviews + figures.practice).toBe(100_010);
    expect(figures.practice).toBe(10_001);
    expect(figures.heatmap.reviews.reduce((a, b) => a + b, 0)).toBe(90_009);
    expect(figures.calibration.count).toBeGreaterThan(80_000);
    // About 0.15 s on an idle laptop; the bound allows for a loaded, shared test machine.
    expect(elapsed).toBeLessThan(4_000);
  });
});
