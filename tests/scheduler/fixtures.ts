// Shared time constants and builders for the rateCard and buildQueue tests.
import type { CardProgress, CardState, ReviewLogEntry } from '../../src/scheduler/progress.ts';
import type { QueueInput } from '../../src/scheduler/queue.ts';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '../../src/scheduler/settings.ts';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** Shanghai wall-clock time as epoch ms (tests run in Asia/Shanghai, UTC+8, see vitest.config.ts). */
export const local = (y: number, m: number, d: number, h = 0, min = 0): number =>
  Date.UTC(y, m, d, h - 8, min);

export const SETTINGS: SchedulerSettings = { ...DEFAULT_SETTINGS };
export const NO_FUZZ: SchedulerSettings = { ...DEFAULT_SETTINGS, enableFuzz: false };

// The rateCard tests: T0 is 09:00 local on 27 Nov 2026.
export const T0 = Date.UTC(2026, 10, 27, 1, 0);

// The buildQueue tests: 23:00 on 27 Nov; the study day runs from 04:00 on the 27th to 04:00 on
// the 28th.
export const NOW = local(2026, 10, 27, 23, 0);
export const TODAY_START = local(2026, 10, 27, 4);
export const TOMORROW_START = local(2026, 10, 28, 4);

export function card(state: CardState, due: number): CardProgress {
  return {
    due,
    stability: state === 'new' ? 0 : 5,
    difficulty: state === 'new' ? 0 : 5,
    scheduledDays: state === 'review' ? 5 : 0,
    learningSteps: 0,
    reps: state === 'new' ? 0 : 3,
    lapses: 0,
    state,
    lastReview: state === 'new' ? null : due - 5 * DAY,
  };
}

export function entry(cardId: string, state: CardState, reviewedAt: number): ReviewLogEntry {
  return {
    cardId,
    grade: 'good',
    reviewedAt,
    state,
    stability: 5,
    difficulty: 5,
    scheduledDays: 1,
    elapsedDays: 0,
    kind: 'review' as const,
    answerMs: null,
  };
}

export function input(partial: Partial<QueueInput>): QueueInput {
  return { ids: [], progress: {}, log: [], now: NOW, settings: SETTINGS, ...partial };
}

export const range = (n: number, prefix: string): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`);
