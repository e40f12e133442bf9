// Finished mock interviews travel with an export: read back one by one, merged by id.
import { describe, expect, it } from 'vitest';
import { initialPersistedState } from '../../src/store/persisted.ts';
import {
  MOCK_HISTORY_LIMIT,
  appMockStore,
  mergeMockHistory,
} from '../../src/store/mockSessions.ts';
import { buildExport, parseImport } from '../../src/store/transfer.ts';
import { newMockSession, type MockSession } from '../../src/study/mockInterview.ts';
import { T0 } from './fixtures.ts';

const finished = (id: string, finishedAt: number): MockSession => ({
  ...newMockSession(
    {
      id,
      interviewId: null,
      scope: { decks: ['rnn'], tags: [] },
      questionSeconds: 60,
      predicted: 0.5,
    },
    ['rnn/a', 'rnn/b'],
    finishedAt - 600_000,
  ),
  finishedAt,
});

const exported = (mocks: unknown) =>
  JSON.stringify({ ...buildExport(initialPersistedState(), T0), mocks });

describe('export and import: finished mock interviews', () => {
  it('are in the file and read back as they were', () => {
    const mocks = [finished('mock-b', T0 - 1000), finished('mock-a', T0 - 90_000)];
    const file = JSON.stringify(buildExport(initialPersistedState(), T0, mocks));
    const result = parseImport(file, file.length, T0);
    expect(result.ok && result.data.mocks).toEqual(mocks);
  });

  it('are none in an export made before them', () => {
    const older: Partial<ReturnType<typeof buildExport>> = buildExport(initialPersistedState(), T0);
    delete older.mocks;
    const result = parseImport(JSON.stringify(older));
    expect(result.ok && result.data.mocks).toEqual([]);
  });

  it('leave out one that cannot be read or is not finished, not the file', () => {
    const good = finished('mock-ok', T0 - 1000);
    const result = parseImport(
      exported([
        good,
        { ...good, id: 'mock-bad', questionSeconds: -1 },
        { ...good, id: 'mock-running', finishedAt: null },
        'mock',
        null,
      ]),
    );
    expect(result.ok && result.data.mocks).toEqual([good]);
  });

  it('take no card text with them: unknown fields are dropped', () => {
    const good = finished('mock-ok', T0 - 1000);
    const withText = {
      ...good,
      title: 'What is BPTT?',
      questions: good.questions.map((q) => ({ ...q, question: 'Q?', answerHtml: '<b>A</b>' })),
    };
    const result = parseImport(exported([withText]));
    expect(result.ok && result.data.mocks).toEqual([good]);
  });

  it('refuse a file with far more than a history holds, or not a list', () => {
    const many = Array.from({ length: 10 * MOCK_HISTORY_LIMIT + 1 }, () => null);
    expect(parseImport(exported(many))).toMatchObject({ ok: false });
    expect(parseImport(exported({ history: [] }))).toMatchObject({ ok: false });
  });
});

describe('mergeMockHistory', () => {
  it('keeps each session once, ours where both have it, newest first', () => {
    const ours = [finished('m3', T0 - 1000), finished('m1', T0 - 3000)];
    const theirs = [{ ...finished('m3', T0 - 1000), predicted: 0.9 }, finished('m2', T0 - 2000)];
    expect(mergeMockHistory(ours, theirs)).toEqual([ours[0], theirs[1], ours[1]]);
  });

  it('keeps the newest within the limit', () => {
    const theirs = Array.from({ length: MOCK_HISTORY_LIMIT + 5 }, (_, i) =>
      finished(`m${i}`, T0 - i * 1000),
    );
    const merged = mergeMockHistory([], theirs);
    expect(merged).toHaveLength(MOCK_HISTORY_LIMIT);
    expect(merged.at(-1)?.id).toBe(`m${MOCK_HISTORY_LIMIT - 1}`);
  });
});

describe('appMockStore', () => {
  it('is one store for the app: the mock screen and an import share it', () => {
    expect(appMockStore()).toBe(appMockStore());
  });
});
