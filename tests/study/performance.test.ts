// No quadratic behaviour: every study function over a large collection, in one loose bound.
import { describe, expect, it } from 'vitest';
import type { CardProgress, CardState, Grade } from '../../src/scheduler/progress.ts';
import { reviewHeatmap, timeSpentPerDay } from '../../src/study/activity.ts';
import { calibration } from '../../src/study/calibration.ts';
import { planInterviews } from '../../src/study/plan.ts';
import { readinessAt } from '../../src/study/readiness.ts';
import { cardsByState, dueForecast, weeklyRetention } from '../../src/study/stats.ts';
import type { StudyLogEntry } from '../../src/study/types.ts';
import { drillSet, rankWeak, seededRandom } from '../../src/study/weak.ts';
import { DAY, NOW, progress } from './helpers.ts';

const GRADES: Grade[] = ['again', 'hard', 'good', 'good', 'good', 'easy'];
const STATES: CardState[] = ['new', 'learning', 'review', 'review', 'review', 'relearning'];

/** `cards` cards and `entries` log entries over the past year, in time order. */
export function collection(cards: number, entries: number) {
  const random = seededRandom(42);
  const ids = Array.from({ length: cards }, (_, i) => `deck/c${i}`);
  const progressById: Record<string, CardProgress> = {};
  for (const [i, id] of ids.entries()) {
    const state = STATES[i % STATES.length]!;
    progressById[id] = progress({
      state,
      lastReview: state === 'new' ? null : NOW - Math.floor(random() * 60) * DAY,
      stability: 0.5 + random() * 80,
      difficulty: 1 + random() * 9,
      lapses: Math.floor(random() * 6),
      due: NOW + Math.floor((random() - 0.3) * 40) * DAY,
    });
  }
  const start = NOW - 365 * DAY;
  const log: StudyLogEntry[] = Array.from({ length: entries }, (_, i) => ({
    cardId: ids[Math.floor(random() * cards)]!,
    grade: GRADES[i % GRADES.length]!,
    reviewedAt: start + Math.floor((i / entries) * 365 * DAY),
    state: STATES[(i * 7) % STATES.length]!,
    stability: i % 97 === 0 ? null : 1 + random() * 50,
    difficulty: 5,
    scheduledDays: Math.floor(random() * 60),
    elapsedDays: Math.floor(random() * 30),
    kind: i % 10 === 0 ? 'practice' : 'review',
    answerMs: i % 3 === 0 ? null : 4000 + (i % 50) * 1000,
  }));
  const flags = { [ids[0]!]: { starred: true }, [ids[1]!]: { suspended: true } };
  return { ids, progress: progressById, log, flags };
}

function runAll({ ids, progress: p, log, flags }: ReturnType<typeof collection>): void {
  const window = { now: NOW, rolloverHour: 4 };
  const ranking = rankWeak(p, log, flags, window);
  drillSet(ranking, flags, seededRandom(1));
  reviewHeatmap(log, window);
  timeSpentPerDay(log, window);
  dueForecast(p, flags, window);
  weeklyRetention(log, { rolloverHour: 4 });
  cardsByState(ids, p, flags);
  calibration(log);
  readinessAt(ids, p, { at: NOW + 10 * DAY, rolloverHour: 4 });
  planInterviews(
    [
      { id: 'a', at: NOW + 10 * DAY, cardIds: ids.slice(0, 3000) },
      { id: 'b', at: NOW + 30 * DAY, cardIds: ids.slice(2000) },
    ],
    p,
    flags,
    { ...window, dailyLimit: 100, learningSteps: ['1m', '10m'] },
  );
}

describe('study functions at scale', () => {
  it('5,000 cards and 100,010 log entries: all of them in under 2 s', () => {
    const big = collection(5000, 100_010);
    runAll(collection(50, 200)); // warm up the JIT on a small one
    const started = performance.now();
    runAll(big);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
