// Shared fixtures for the export and import tests: progress and review builders, a studied
// state with an orphan, an undone review and a seen card, and its export as text and as a row.
import type { CardProgress, ReviewLogEntry } from '../../src/scheduler/progress.ts';
import { DEFAULT_SETTINGS } from '../../src/scheduler/settings.ts';
import { initialPersistedState, logKey, type PersistedState } from '../../src/store/persisted.ts';
import { buildExport } from '../../src/store/transfer.ts';
import { DAY, MIN, T0 } from './fixtures.ts';

export const prog = (reps: number, over: Partial<CardProgress> = {}): CardProgress => ({
  due: T0 + reps * DAY,
  stability: 2.5 * reps,
  difficulty: 5.123456,
  scheduledDays: reps,
  learningSteps: 0,
  reps,
  lapses: 0,
  state: 'review',
  lastReview: T0 - DAY,
  ...over,
});

export const rev = (cardId: string, reviewedAt: number, over: Partial<ReviewLogEntry> = {}) => ({
  cardId,
  grade: 'good' as const,
  reviewedAt,
  state: 'review' as const,
  stability: 2.5,
  difficulty: 5.12,
  scheduledDays: 2,
  elapsedDays: 1,
  kind: 'review' as const,
  answerMs: null,
  ...over,
});

export const HERE: PersistedState = {
  ...initialPersistedState(),
  progress: { 'rnn/a': prog(3), 'rnn/b': prog(2), 'rnn/c': prog(1), 'rnn/orphan': prog(5) },
  revs: { 'rnn/a': T0 - DAY, 'rnn/b': T0 - DAY, 'rnn/c': T0 - DAY, 'rnn/orphan': T0 - 9 * DAY },
  log: [
    rev('rnn/a', T0 - 3 * DAY, { state: 'new', stability: null, difficulty: null }),
    rev('rnn/a', T0 - 2 * DAY, { grade: 'again' }),
    rev('rnn/b', T0 - 2 * DAY + MIN),
    rev('rnn/a', T0 - DAY, { grade: 'easy', state: 'relearning' }),
  ],
  removed: [logKey({ cardId: 'rnn/c', reviewedAt: T0 - DAY + 5 * MIN })],
  settings: { ...DEFAULT_SETTINGS, newCardsPerDay: 20, learningSteps: ['2m', '15m'] },
  settingsRev: T0 - 5 * DAY,
  resetAt: T0 - 30 * DAY,
  seen: { 'rnn/a': { file: 'rnn.md', index: 0, text: 'SECRET QUESTION TEXT 什么是 RNN？' } },
};

export const valid = () => buildExport(HERE, T0) as unknown as Record<string, unknown>;
export const text = (over: Record<string, unknown>) => JSON.stringify({ ...valid(), ...over });
export const ROW: unknown[] = ['rnn/a', 'good', 'review', T0, 1.2, 5, 1, 1, 'review', null];
