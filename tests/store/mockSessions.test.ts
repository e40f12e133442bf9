import fc from 'fast-check';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MOCK_SETTINGS,
  MOCK_KEY,
  MOCK_VERSION,
  createMockStore,
  mockBackups,
  sanitizeMockData,
} from '../../src/store/mockSessions.ts';
import {
  newMockSession,
  nextQuestion,
  revealAnswer,
  showQuestion,
} from '../../src/study/mockInterview.ts';

function storage(initial: Record<string, string> = {}) {
  const s = new MemoryStorage();
  for (const [k, v] of Object.entries(initial)) s.setItem(k, v);
  return s;
}

const T = Date.UTC(2026, 10, 29, 2, 0);
const session = (id: string) =>
  newMockSession(
    {
      id,
      interviewId: 'iv1',
      scope: { decks: ['rnn'], tags: [] },
      questionSeconds: 60,
      predicted: 0.25,
    },
    ['rnn/a', 'rnn/b'],
    T,
  );

describe('mock interview store', () => {
  it('keeps the session in progress across a reload (a new store on the same storage)', () => {
    const s = storage();
    const first = createMockStore(s);
    const active = revealAnswer(showQuestion(session('m1'), T + 1000), 2, T + 5000);
    first.getState().setActive(active);
    first.getState().setSettings({ questionSeconds: 120 });
    const stored = JSON.parse(s.getItem(MOCK_KEY)!) as { version: number };
    expect(stored.version).toBe(MOCK_VERSION);
    const reloaded = createMockStore(s);
    expect(reloaded.getState().active).toEqual(active);
    expect(reloaded.getState().settings).toEqual({ questions: 5, questionSeconds: 120 });
  });

  it('a finished session moves to the history, newest first', () => {
    const store = createMockStore(storage());
    const finish = (id: string, at: number) => {
      let s = showQuestion(session(id), at);
      for (let i = 0; i < 2; i++)
        s = nextQuestion(revealAnswer(showQuestion(s, at), 1, at + 1), at + 2);
      return s;
    };
    store.getState().setActive(session('m1'));
    store.getState().setActive(finish('m1', T));
    store.getState().setActive(finish('m2', T + 10));
    expect(store.getState().active).toBeNull();
    expect(store.getState().history.map((h) => h.id)).toEqual(['m2', 'm1']);
  });

  it('migrate: an unreadable session is dropped, the rest kept; a stranger version too', () => {
    const good = { ...session('ok'), finishedAt: T + 9 };
    const data = sanitizeMockData({
      active: { ...session('bad'), current: 7 },
      history: [good, { id: 3 }, null],
      settings: { questions: 0, questionSeconds: 90 },
    });
    expect(data).toEqual({ active: null, history: [good], settings: { ...DEFAULT_MOCK_SETTINGS } });
    const s = storage({ [MOCK_KEY]: JSON.stringify({ state: { history: [good] }, version: 0 }) });
    expect(createMockStore(s).getState().history).toEqual([good]);
  });

  it('unreadable JSON in storage counts as nothing stored', () => {
    const store = createMockStore(storage({ [MOCK_KEY]: '{oops' }));
    expect(store.getState().active).toBeNull();
    expect(store.getState().settings).toEqual(DEFAULT_MOCK_SETTINGS);
  });

  it('a session dated past the last date we accept is dropped (formatting it would throw)', () => {
    const good = { ...session('ok'), finishedAt: T + 9 };
    const far = { ...session('far'), startedAt: 1e20, finishedAt: 1e20 };
    expect(sanitizeMockData({ history: [far, good] }).history).toEqual([good]);
  });

  it('keeps a copy of a value it cannot all read before writing over it, and says so', () => {
    const good = { ...session('ok'), finishedAt: T + 9 };
    const stored = JSON.stringify({ state: { history: [good] }, version: MOCK_VERSION });
    for (const damaged of [
      stored.slice(0, -5),
      JSON.stringify({
        state: { history: [good, { ...good, id: 'x', current: 'x' }] },
        version: 1,
      }),
      JSON.stringify({ state: { history: [good] }, version: MOCK_VERSION + 1 }),
    ]) {
      const s = storage({ [MOCK_KEY]: damaged });
      const store = createMockStore(s, () => T);
      const copy = `${MOCK_KEY}:backup:${new Date(T).toISOString()}`;
      expect(store.getState().unreadableCopy).toBe(copy);
      store.getState().setSettings({ questions: 3 });
      expect(s.getItem(copy)).toBe(damaged);
      expect(mockBackups(s)).toEqual([{ key: copy, chars: damaged.length }]);
    }
  });

  it('a value read whole is not copied', () => {
    const good = { ...session('ok'), finishedAt: T + 9 };
    const s = storage({
      [MOCK_KEY]: JSON.stringify({
        state: { active: null, history: [good] },
        version: MOCK_VERSION,
      }),
    });
    const store = createMockStore(s, () => T);
    store.getState().setSettings({ questions: 3 });
    expect(store.getState().unreadableCopy).toBeNull();
    expect(mockBackups(s)).toEqual([]);
  });

  it('property: whatever is stored, reading it gives valid data or the defaults', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const data = sanitizeMockData(stored);
        expect(data.history.every((h) => h.finishedAt !== null)).toBe(true);
        expect(data.active === null || data.active.finishedAt === null).toBe(true);
        expect(data.settings.questions).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
