// Version 3 of the data: practice entries and answer times in the log, card flags beside
// progress, one card's reset; all through storage, other tabs, export and import.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentEngine } from '../../src/scheduler/engine.ts';
import type { Grade } from '../../src/scheduler/progress.ts';
import { createProgressStore } from '../../src/store/localProgressStore.ts';
import type { ProgressStore } from '../../src/store/progressStore.ts';
import { buildExport, mergeImport, parseImport } from '../../src/store/transfer.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { MIN, T0 } from './fixtures.ts';

const open = (storage: MemoryStorage, now = () => T0) =>
  createProgressStore({ storage, now, engine: currentEngine });

describe('practice and answer times', () => {
  it('records a practice without moving the card, and a review with its capped answer time', () => {
    const store = open(new MemoryStorage());
    store.getState().rate('rnn/a', 'good', T0, { answerMs: 4_321.4 });
    const progress = store.getState().progress['rnn/a'];
    const revs = store.getState().revs;
    store.getState().rate('rnn/a', 'again', T0 + MIN, { practice: true, answerMs: 95_000 });
    expect(store.getState().progress['rnn/a']).toBe(progress);
    expect(store.getState().revs).toBe(revs);
    const log = store.persistedState().log;
    expect(log.map((e) => [e.kind, e.grade, e.answerMs])).toEqual([
      ['review', 'good', 4_321],
      ['practice', 'again', 60_000],
    ]);
    expect(log[1]).toMatchObject({
      state: progress!.state,
      stability: Math.round(progress!.stability * 100) / 100,
      scheduledDays: progress!.scheduledDays,
      elapsedDays: 0,
    });
    // Undo takes the practice back, and nothing else.
    expect(store.getState().undo()).toBe('rnn/a');
    expect(store.persistedState().log).toHaveLength(1);
    expect(store.getState().progress['rnn/a']).toEqual(progress);
  });

  it('practises a card that has no progress without giving it any', () => {
    const store = open(new MemoryStorage());
    store.getState().rate('rnn/new', 'easy', T0, { practice: true });
    expect(store.getState().progress).toEqual({});
    expect(store.persistedState().log[0]).toMatchObject({
      kind: 'practice',
      state: 'new',
      stability: null,
      difficulty: null,
      answerMs: null,
    });
  });
});

describe('card flags', () => {
  it('stars and suspends cards with or without progress, and reloads them', () => {
    const storage = new MemoryStorage();
    const store = open(storage);
    store.getState().setStarred('rnn/a', true);
    store.getState().setSuspended('rnn/b', true);
    store.getState().setSuspended('rnn/a', true);
    store.getState().setStarred('rnn/a', false);
    const flags = {
      // Each flag keeps its own revision where they differ (starred last changed at T0 + 2).
      'rnn/a': { starred: false, suspended: true, rev: T0 + 2, suspendedRev: T0 + 1 },
      // Never starred: its star's revision is 0, so no tab's star is taken for older.
      'rnn/b': { starred: false, suspended: true, rev: T0, starredRev: 0 },
    };
    expect(store.getState().flags).toEqual(flags);
    expect(store.getState().progress).toEqual({});
    expect(open(storage).getState().flags).toEqual(flags);
    // A change to the same value writes nothing.
    storage.writes = [];
    store.getState().setSuspended('rnn/b', true);
    expect(storage.writes).toEqual([]);
  });

  it('merges flags per card and per flag across two tabs, the later change of each winning', () => {
    const storage = new MemoryStorage();
    let now = T0;
    const a = open(storage, () => now);
    const b = open(storage, () => now);
    a.getState().setStarred('rnn/a', true);
    a.getState().setStarred('rnn/c', true);
    now += 1000;
    b.getState().setSuspended('rnn/b', true);
    now += 1000;
    // b has not seen a's star on rnn/a: its later suspension of that card keeps a's star.
    b.getState().setSuspended('rnn/a', true);
    a.syncFromStorage();
    b.syncFromStorage();
    for (const tab of [a, b, open(storage)]) {
      expect(tab.getState().flags).toEqual({
        'rnn/a': { starred: true, suspended: true, rev: T0 + 2000, starredRev: T0 },
        'rnn/b': { starred: false, suspended: true, rev: T0 + 1000, starredRev: 0 },
        'rnn/c': { starred: true, suspended: false, rev: T0, suspendedRev: 0 },
      });
    }
  });

  it('go through export and import', () => {
    const store = open(new MemoryStorage());
    store.getState().setStarred('rnn/a', true);
    const file = parseImport(JSON.stringify(buildExport(store.persistedState(), T0)));
    if (!file.ok) throw new Error(file.error);
    const other = open(new MemoryStorage());
    const merged = mergeImport(other.persistedState(), file.data, new Set(['rnn/a']));
    other.getState().applyMerged(merged.state, merged.changedIds);
    expect(other.getState().flags).toEqual(store.getState().flags);
  });
});

describe('resetting one card', () => {
  it('forgets its progress, keeps its reviews, and is undone by undo', () => {
    const storage = new MemoryStorage();
    const store = open(storage);
    store.getState().rate('rnn/a', 'good', T0);
    store.getState().rate('rnn/b', 'good', T0 + 1);
    const before = store.getState().progress['rnn/a'];
    store.getState().resetCard('rnn/a');
    expect(store.getState().progress['rnn/a']).toBeUndefined();
    expect(open(storage).getState().progress['rnn/a']).toBeUndefined();
    expect(store.persistedState().log).toHaveLength(2);
    expect(store.getState().undo()).toBe('rnn/a');
    expect(store.getState().progress['rnn/a']).toEqual(before);
    expect(open(storage).getState().progress['rnn/a']).toEqual(before);
    expect(store.persistedState().log).toHaveLength(2);
  });
});

describe('whatever the store writes, it reads back equal', () => {
  const IDS = ['rnn/a', 'rnn/b', 'lstm/c'];
  const GRADES: Grade[] = ['again', 'hard', 'good', 'easy'];
  const action = fc.oneof(
    fc.record({
      kind: fc.constant('rate' as const),
      id: fc.constantFrom(...IDS),
      grade: fc.constantFrom(...GRADES),
      practice: fc.boolean(),
      answerMs: fc.option(fc.integer({ min: -10, max: 200_000 }), { nil: null }),
      dt: fc.integer({ min: -DAY_MS, max: 30 * DAY_MS }),
    }),
    fc.record({
      kind: fc.constantFrom('star' as const, 'suspend' as const),
      id: fc.constantFrom(...IDS),
      on: fc.boolean(),
    }),
    fc.record({ kind: fc.constantFrom('reset' as const), id: fc.constantFrom(...IDS) }),
    fc.constant({ kind: 'undo' as const }),
  );

  it('for any sequence of grades, practices, flags, resets and undos', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const storage = new MemoryStorage();
        let now = T0;
        const store: ProgressStore = open(storage, () => now);
        for (const a of actions) {
          const s = store.getState();
          if (a.kind === 'rate') {
            now += a.dt;
            s.rate(a.id, a.grade, now, { practice: a.practice, answerMs: a.answerMs });
          } else if (a.kind === 'star') s.setStarred(a.id, a.on);
          else if (a.kind === 'suspend') s.setSuspended(a.id, a.on);
          else if (a.kind === 'reset') s.resetCard(a.id);
          else s.undo();
          now += 1;
        }
        // (`removed` is a set of keys: its order is not kept.)
        const canonical = (p: ReturnType<ProgressStore['persistedState']>) => ({
          ...p,
          removed: [...p.removed].sort(),
        });
        expect(canonical(open(storage, () => now).persistedState())).toEqual(
          canonical(store.persistedState()),
        );
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

const DAY_MS = 24 * 60 * MIN;
