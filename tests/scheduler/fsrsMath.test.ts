import { describe, expect, it } from 'vitest';
import { generatorParameters } from 'ts-fsrs';
import {
  FSRS6_DEFAULT_WEIGHTS,
  forgettingCurve,
  recallAt,
  stabilityAfterGood,
  stabilityAfterLearning,
} from '../../src/scheduler/fsrsMath.ts';
import { newProgress, type CardProgress, type Grade } from '../../src/scheduler/progress.ts';
import { rateCard } from '../../src/scheduler/rate.ts';
import { retrievability } from '../../src/scheduler/retrievability.ts';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '../../src/scheduler/settings.ts';
import { DAY_MS, HOUR_MS, studyDaysBetween } from '../../src/scheduler/studyDay.ts';

// Asia/Shanghai. T0 = 09:00 local, 27 Nov 2026.
const T0 = Date.UTC(2026, 10, 27, 1, 0);
const NO_FUZZ: SchedulerSettings = { ...DEFAULT_SETTINGS, enableFuzz: false };

/** Cards in many states: a fixed pattern of grades at varied delays. */
function histories(): CardProgress[] {
  const grades: Grade[] = ['good', 'again', 'hard', 'good', 'easy', 'good', 'again', 'good'];
  const out: CardProgress[] = [];
  for (let c = 0; c < 12; c++) {
    let p = newProgress(T0);
    let t = T0;
    for (let i = 0; i < 3 + (c % 5); i++) {
      p = rateCard(`c${c}`, p, grades[(c + i) % grades.length]!, t, NO_FUZZ).progress;
      out.push(p);
      t = p.due + ((c * 7 + i * 3) % 5) * DAY_MS + (c % 3) * HOUR_MS;
    }
  }
  return out;
}

describe('FSRS-6 arithmetic without ts-fsrs', () => {
  it('uses the weights ts-fsrs uses by default', () => {
    expect(FSRS6_DEFAULT_WEIGHTS).toEqual([...generatorParameters().w]);
  });

  it('forgetting curve: 0.9 at t = S, 1 at t = 0, 0 for corrupt stability', () => {
    expect(forgettingCurve(10, 10)).toBe(0.9);
    expect(forgettingCurve(0, 3)).toBe(1);
    expect(forgettingCurve(5, 0)).toBe(0);
    expect(forgettingCurve(0, 0)).toBe(0);
    expect(forgettingCurve(5, Number.NaN)).toBe(0);
  });

  it('recallAt gives exactly what retrievability() gives', () => {
    let checked = 0;
    for (const p of histories()) {
      for (const d of [0, 0.5, 1, 3, 10, 45, 400]) {
        const at = (p.lastReview ?? T0) + d * DAY_MS;
        expect(recallAt(p, at, 4)).toBe(retrievability(p, at, NO_FUZZ));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(recallAt(newProgress(T0), T0 + DAY_MS, 4)).toBe(0);
  });

  it('stabilityAfterGood gives exactly the stability a Good review gives', () => {
    for (const p of histories()) {
      if (p.state === 'new') continue;
      for (const d of [0, 1, 4, 30]) {
        const at = p.lastReview! + d * DAY_MS;
        const after = rateCard('x', p, 'good', at, NO_FUZZ).progress.stability;
        const elapsed = studyDaysBetween(p.lastReview!, at, 4);
        expect(stabilityAfterGood(p.difficulty, p.stability, elapsed)).toBe(after);
      }
    }
  });

  it('stabilityAfterLearning: a new card answered Good through its steps', () => {
    for (const steps of [[], ['10m'], ['1m', '10m'], ['1m', '1h', '5h']] as const) {
      let p = newProgress(T0);
      const s: SchedulerSettings = { ...NO_FUZZ, learningSteps: [...steps] };
      let goods = 0;
      while (p.state !== 'review') {
        p = rateCard('n', p, 'good', p.due, s).progress;
        goods++;
      }
      expect(goods).toBe(Math.max(1, steps.length));
      expect(stabilityAfterLearning(steps.length)).toBe(p.stability);
    }
    expect(stabilityAfterLearning(2)).toBe(2.3065); // w2: the short-term Good does not lower it
  });
});
