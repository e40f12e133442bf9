// Two tabs on one storage: finished mock interviews are never lost to the other tab's write, and
// a change in one tab reaches the other's store without echoing back and forth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../support/memoryStorage.ts';
import {
  MOCK_HISTORY_LIMIT,
  MOCK_KEY,
  createMockStore,
  followOtherTabs,
  mergeMockData,
  type MockStore,
} from '../../src/store/mockSessions.ts';
import {
  newMockSession,
  nextQuestion,
  revealAnswer,
  showQuestion,
  type MockSession,
} from '../../src/study/mockInterview.ts';

const T = Date.UTC(2026, 10, 30, 2, 0);
const session = (id: string, at = T) =>
  newMockSession(
    {
      id,
      interviewId: null,
      scope: { decks: ['rnn'], tags: [] },
      questionSeconds: 60,
      predicted: null,
    },
    ['rnn/a'],
    at,
  );
const finished = (id: string, at: number): MockSession =>
  nextQuestion(revealAnswer(showQuestion(session(id, at), at), 1, at + 1), at + 2);

/** A tab: its own store on the shared storage, told of the other tab's writes by `deliver`. */
function tab(storage: MemoryStorage) {
  const store = createMockStore(storage);
  let onChange = () => {};
  followOtherTabs(store, storage, (f) => {
    onChange = f;
    return () => {};
  });
  let changes = 0;
  store.subscribe(() => changes++);
  return { store, deliver: () => onChange(), changes: () => changes };
}

const ids = (store: MockStore) => store.getState().history.map((h) => h.id);
const storedIds = (storage: MemoryStorage) => {
  const raw = storage.getItem(MOCK_KEY);
  if (raw === null) return [];
  return (JSON.parse(raw) as { state: { history: MockSession[] } }).state.history.map((h) => h.id);
};

describe('mock interviews in two tabs', () => {
  it("a tab's write keeps the session another tab finished before it heard of it", () => {
    const storage = new MemoryStorage();
    const a = createMockStore(storage);
    const b = createMockStore(storage); // opened before a finished anything
    a.getState().setActive(finished('m1', T));
    b.getState().setActive(finished('m2', T + 60_000));
    expect(storedIds(storage)).toEqual(['m2', 'm1']);
    expect(ids(createMockStore(storage))).toEqual(['m2', 'm1']);
  });

  it("a change in one tab reaches the other's store, and settles", () => {
    const storage = new MemoryStorage();
    const a = tab(storage);
    const b = tab(storage);
    const started = showQuestion(session('m1'), T);
    a.store.getState().setActive(started);
    b.deliver();
    expect(b.store.getState().active).toEqual(started);

    a.store.getState().setActive(finished('m1', T));
    b.deliver();
    expect(b.store.getState().active).toBeNull();
    expect(ids(b.store)).toEqual(['m1']);

    b.store.getState().setSettings({ questions: 9 });
    a.deliver();
    expect(a.store.getState().settings.questions).toBe(9);

    // Both agree now: hearing of each other again changes nothing, so nothing is written again.
    const before = [a.changes(), b.changes(), storage.writes.length];
    a.deliver();
    b.deliver();
    expect([a.changes(), b.changes(), storage.writes.length]).toEqual(before);
  });

  it('mergeMockData: the newer write names the session in progress, unless it is finished', () => {
    const done = finished('m1', T);
    const ours = { active: null, history: [done], settings: { questions: 5, questionSeconds: 60 } };
    const theirs = {
      active: session('m1'),
      history: [],
      settings: { questions: 3, questionSeconds: 90 },
    };
    expect(mergeMockData(theirs, ours)).toEqual({ ...theirs, active: null, history: [done] });
    const next = session('m2');
    expect(mergeMockData({ ...theirs, active: next }, ours).active).toEqual(next);
  });

  it('property: whatever two tabs do, and whenever they hear of it, no finished session is lost', () => {
    const step = fc.oneof(
      fc.record({ tab: fc.constantFrom(0, 1), op: fc.constant('finish' as const) }),
      fc.record({ tab: fc.constantFrom(0, 1), op: fc.constant('start' as const) }),
      fc.record({
        tab: fc.constantFrom(0, 1),
        op: fc.constant('settings' as const),
        n: fc.integer({ min: 1, max: 50 }),
      }),
      fc.record({ tab: fc.constantFrom(0, 1), op: fc.constant('hear' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const storage = new MemoryStorage();
        const tabs = [tab(storage), tab(storage)];
        const done: string[] = [];
        steps.forEach((s, i) => {
          const { store, deliver } = tabs[s.tab]!;
          if (s.op === 'hear') deliver();
          else if (s.op === 'settings') store.getState().setSettings({ questions: s.n });
          else if (s.op === 'start') store.getState().setActive(session(`s${i}`, T + i));
          else {
            store.getState().setActive(finished(`f${i}`, T + i * 1000));
            done.unshift(`f${i}`);
          }
        });
        const kept = done.slice(0, MOCK_HISTORY_LIMIT);
        expect(storedIds(storage)).toEqual(kept);
        for (const t of tabs) t.deliver();
        for (const t of tabs) {
          expect(ids(t.store)).toEqual(kept);
          expect(t.store.getState().settings).toEqual(tabs[0]!.store.getState().settings);
        }
      }),
    );
  });
});
