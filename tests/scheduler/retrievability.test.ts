import { FSRS, generatorParameters } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { toFsrsCard } from '../../src/scheduler/fsrsConvert.ts';
import { newProgress, type CardProgress } from '../../src/scheduler/progress.ts';
import { rateCard } from '../../src/scheduler/rate.ts';
import { retrievability } from '../../src/scheduler/retrievability.ts';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '../../src/scheduler/settings.ts';

// Asia/Shanghai (see vitest.config.ts). T0 is 09:00 local on 27 Nov 2026.
const T0 = Date.UTC(2026, 10, 27, 1, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NO_FUZZ: SchedulerSettings = { ...DEFAULT_SETTINGS, enableFuzz: false };

/** A review card after four good answers at their due times: a 46-day interval. */
function reviewCard(): CardProgress {
  let p = newProgress(T0);
  for (let i = 0; i < 4; i++) p = rateCard('r', p, 'good', p.due, NO_FUZZ).progress;
  return p;
}

describe('retrievability', () => {
  it('is 0 for a new card', () => {
    expect(retrievability(newProgress(T0), T0 + 10 * DAY, DEFAULT_SETTINGS)).toBe(0);
  });

  it('is ~desired retention (0.9) when a review card falls due', () => {
    const p = reviewCard();
    expect(p).toMatchObject({ state: 'review', scheduledDays: 46, stability: 46.31685657 });
    const r = retrievability(p, p.due, NO_FUZZ);
    expect(r).toBe(0.90047091);
    expect(r).toBeCloseTo(0.9, 2);
  });

  it('decreases day by day from 1 at the last review', () => {
    const p = reviewCard();
    const last = p.lastReview!;
    expect(retrievability(p, last, NO_FUZZ)).toBe(1);
    expect(retrievability(p, last + 1 * DAY, NO_FUZZ)).toBe(0.99677546);
    expect(retrievability(p, last + 30 * DAY, NO_FUZZ)).toBe(0.92699262);
    expect(retrievability(p, last + 365 * DAY, NO_FUZZ)).toBe(0.71602668);
    let previous = 1;
    for (let d = 1; d <= 400; d++) {
      const r = retrievability(p, last + d * DAY, NO_FUZZ);
      expect(r).toBeLessThan(previous);
      expect(r).toBeGreaterThan(0);
      previous = r;
    }
  });

  it('agrees with ts-fsrs get_retrievability at whole days after the review', () => {
    const p = reviewCard();
    const f = new FSRS(generatorParameters({ enable_fuzz: false }));
    for (const d of [0, 1, 7, 46, 100, 1000]) {
      const at = p.lastReview! + d * DAY;
      expect(retrievability(p, at, NO_FUZZ)).toBe(f.get_retrievability(toFsrsCard(p), at, false));
    }
  });

  it('counts study days: constant within one, steps at the 04:00 rollover', () => {
    const p = reviewCard(); // last reviewed at 09:10 local
    const last = p.lastReview!;
    const rollover = last - 5 * HOUR - 10 * 60_000 + DAY; // 04:00 local the next day
    expect(retrievability(p, last + 12 * HOUR, NO_FUZZ)).toBe(1);
    expect(retrievability(p, rollover - 1, NO_FUZZ)).toBe(1);
    expect(retrievability(p, rollover, NO_FUZZ)).toBe(0.99677546);
  });

  it('treats a time before the last review as no time elapsed', () => {
    const p = reviewCard();
    expect(retrievability(p, p.lastReview! - 5 * DAY, NO_FUZZ)).toBe(1);
  });

  it('stays in [0, 1] for corrupt progress', () => {
    const p: CardProgress = { ...reviewCard(), stability: 0 };
    for (const d of [0, 1, 10]) {
      const r = retrievability(p, p.lastReview! + d * DAY, NO_FUZZ);
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(1);
    }
  });
});
