import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CardProgress, ReviewLogEntry } from '../../src/scheduler/progress.ts';
import { DEFAULT_SETTINGS } from '../../src/scheduler/settings.ts';
import { mergeLogs, mergeProgress, mergeStates } from '../../src/store/merge.ts';
import { initialPersistedState, logKey, type PersistedState } from '../../src/store/persisted.ts';
import { T0 } from './fixtures.ts';

const prog = (reps: number, over: Partial<CardProgress> = {}): CardProgress => ({
  due: T0 + reps * 86_400_000,
  stability: reps,
  difficulty: 5,
  scheduledDays: reps,
  learningSteps: 0,
  reps,
  lapses: 0,
  state: 'review',
  lastReview: T0,
  ...over,
});

const rev = (cardId: string, reviewedAt: number, grade: ReviewLogEntry['grade'] = 'good') => ({
  cardId,
  grade,
  reviewedAt,
  state: 'review' as const,
  stability: 1,
  difficulty: 5,
  scheduledDays: 1,
  elapsedDays: 1,
  kind: 'review' as const,
  answerMs: null,
});

const state = (over: Partial<PersistedState>): PersistedState => ({
  ...initialPersistedState(),
  ...over,
});

describe('mergeProgress', () => {
  it('takes per card the side with the newer revision', () => {
    const a = { progress: { x: prog(1), y: prog(5) }, revs: { x: 10, y: 50 } };
    const b = { progress: { x: prog(2), y: prog(9), z: prog(3) }, revs: { x: 20, y: 40, z: 30 } };
    expect(mergeProgress(a, b, 0)).toEqual({
      progress: { x: prog(2), y: prog(5), z: prog(3) },
      revs: { x: 20, y: 50, z: 30 },
    });
    // Symmetric apart from ties.
    expect(mergeProgress(b, a, 0)).toEqual(mergeProgress(a, b, 0));
  });

  it('lets a newer deletion win, and an older one lose', () => {
    // x deleted in a after b's change; y deleted in a before b's change.
    const a = { progress: {}, revs: { x: 30, y: 10 } };
    const b = { progress: { x: prog(2), y: prog(4) }, revs: { x: 20, y: 20 } };
    expect(mergeProgress(a, b, 0)).toEqual({ progress: { y: prog(4) }, revs: { x: 30, y: 20 } });
    expect(mergeProgress(b, a, 0)).toEqual({ progress: { y: prog(4) }, revs: { x: 30, y: 20 } });
  });

  it('gives a tie to a, object identity included', () => {
    const mine = prog(1);
    const theirs = prog(7);
    const r = mergeProgress(
      { progress: { x: mine }, revs: { x: 5 } },
      { progress: { x: theirs }, revs: { x: 5 } },
      0,
    );
    expect(r.progress.x).toBe(mine);
    // A tie between a deletion in a and progress in b: the deletion stays.
    expect(
      mergeProgress(
        { progress: {}, revs: { x: 5 } },
        { progress: { x: theirs }, revs: { x: 5 } },
        0,
      ),
    ).toEqual({ progress: {}, revs: { x: 5 } });
  });

  it('drops everything changed before the reset, whichever side holds it', () => {
    const a = { progress: { x: prog(1), y: prog(2) }, revs: { x: 99, y: 100 } };
    const b = { progress: { z: prog(3) }, revs: { z: 101 } };
    expect(mergeProgress(a, b, 100)).toEqual({
      progress: { y: prog(2), z: prog(3) },
      revs: { y: 100, z: 101 },
    });
  });

  it('ignores progress that has no revision', () => {
    expect(
      mergeProgress({ progress: { x: prog(1) }, revs: {} }, { progress: {}, revs: {} }, 0),
    ).toEqual({
      progress: {},
      revs: {},
    });
  });
});

describe('mergeLogs', () => {
  it('unions both logs in time order, ties by card id', () => {
    const a = [rev('b', 1), rev('x', 5), rev('a', 9)];
    const b = [rev('y', 2), rev('a', 5), rev('z', 9)];
    expect(mergeLogs(a, b, new Set(), 0).map(logKey)).toEqual([
      '1|b',
      '2|y',
      '5|a',
      '5|x',
      '9|a',
      '9|z',
    ]);
  });

  it('keeps one of each review, a’s object on a duplicate', () => {
    const mine = rev('x', 5, 'good');
    const theirs = rev('x', 5, 'again');
    const out = mergeLogs([mine], [theirs, theirs, rev('x', 6)], new Set(), 0);
    expect(out).toHaveLength(2);
    expect(out[0]).toBe(mine);
    // Duplicates within one side are collapsed too.
    expect(mergeLogs([mine, mine], [], new Set(), 0)).toEqual([mine]);
  });

  it('leaves out reviews taken back, and everything before the reset', () => {
    const a = [rev('x', 1), rev('x', 5), rev('y', 7)];
    const b = [rev('z', 6), rev('x', 5), rev('w', 4)];
    const out = mergeLogs(a, b, new Set(['5|x', '7|y']), 4);
    expect(out.map(logKey)).toEqual(['4|w', '6|z']);
  });

  it('sorts logs that arrive out of order', () => {
    const out = mergeLogs([rev('x', 9), rev('x', 3)], [rev('y', 6), rev('y', 1)], new Set(), 0);
    expect(out.map((e) => e.reviewedAt)).toEqual([1, 3, 6, 9]);
  });
});

describe('mergeStates', () => {
  it('takes the settings with the newer revision, ties to a', () => {
    const a = state({ settings: { ...DEFAULT_SETTINGS, newCardsPerDay: 1 }, settingsRev: 5 });
    const b = state({ settings: { ...DEFAULT_SETTINGS, newCardsPerDay: 2 }, settingsRev: 6 });
    expect(mergeStates(a, b).settings.newCardsPerDay).toBe(2);
    expect(mergeStates(a, b).settingsRev).toBe(6);
    expect(mergeStates(b, a).settings.newCardsPerDay).toBe(2);
    const tie = state({ settings: { ...DEFAULT_SETTINGS, newCardsPerDay: 3 }, settingsRev: 5 });
    expect(mergeStates(a, tie).settings.newCardsPerDay).toBe(1);
    expect(mergeStates(tie, a).settings.newCardsPerDay).toBe(3);
  });

  it('unions seen cards (a wins a conflict) and removals; keeps the later reset', () => {
    const a = state({
      seen: {
        x: { file: 'a.md', index: 1, text: 'new' },
        y: { file: 'a.md', index: 2, text: 'y' },
      },
      removed: ['1|x'],
      resetAt: 3,
    });
    const b = state({
      seen: {
        x: { file: 'a.md', index: 0, text: 'old' },
        z: { file: 'b.md', index: 0, text: 'z' },
      },
      removed: ['1|x', '8|z'],
      resetAt: 7,
    });
    const m = mergeStates(a, b);
    expect(m.seen).toEqual({
      x: { file: 'a.md', index: 1, text: 'new' },
      y: { file: 'a.md', index: 2, text: 'y' },
      z: { file: 'b.md', index: 0, text: 'z' },
    });
    expect(m.removed).toEqual(['1|x', '8|z']);
    expect(m.resetAt).toBe(7);
    // The same seen object is passed through, not copied.
    const same = state({ seen: { x: { file: 'a.md', index: 0, text: 'x' } } });
    expect(mergeStates(same, { ...b, seen: same.seen }).seen).toBe(same.seen);
  });

  it('merges two tabs’ states without losing a review, and applies the other tab’s undo', () => {
    const a = state({
      progress: { x: prog(2), y: prog(1) },
      revs: { x: 20, y: 11 },
      log: [rev('x', 10), rev('y', 11), rev('x', 20)],
    });
    const b = state({
      progress: { x: prog(1), z: prog(1) },
      revs: { x: 10, z: 30, y: 40 },
      // b undid y's first review at 40: its progress is deleted, its review removed.
      log: [rev('x', 10), rev('z', 30)],
      removed: ['11|y'],
    });
    const m = mergeStates(a, b);
    expect(m.progress).toEqual({ x: prog(2), z: prog(1) });
    expect(m.revs).toEqual({ x: 20, y: 40, z: 30 });
    expect(m.log.map(logKey)).toEqual(['10|x', '20|x', '30|z']);
    expect(m.removed).toEqual(['11|y']);
    // Merging again changes nothing.
    expect(mergeStates(m, b)).toEqual(m);
    expect(mergeStates(m, a)).toEqual(m);
  });
});

describe('mergeLogs with one side empty (loading)', () => {
  // The general algorithm, as a reference for the shortcut taken when one side is empty.
  const reference = (
    a: readonly ReviewLogEntry[],
    b: readonly ReviewLogEntry[],
    removed: ReadonlySet<string>,
    resetAt: number,
  ) => {
    const byKey = new Map<string, ReviewLogEntry>();
    for (const e of [...a, ...b]) {
      const key = logKey(e);
      if (e.reviewedAt < resetAt || removed.has(key) || byKey.has(key)) continue;
      byKey.set(key, e);
    }
    return [...byKey.values()].sort(
      (x, y) => x.reviewedAt - y.reviewedAt || (x.cardId < y.cardId ? -1 : 1),
    );
  };

  it('gives what the general merge gives, for logs in order or not, with duplicates, removals, a reset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 20 })), {
          maxLength: 30,
        }),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 29 }), { maxLength: 4 }),
        fc.integer({ min: -1, max: 10 }),
        (pairs, sorted, removedAt, resetAt) => {
          let log: ReviewLogEntry[] = pairs.map(([id, t]) => rev(id, T0 + t));
          if (sorted) log = reference(log, [], new Set(), -Infinity);
          const removed = new Set(
            removedAt.filter((i) => i < log.length).map((i) => logKey(log[i]!)),
          );
          const reset = resetAt < 0 ? 0 : T0 + resetAt;
          const expected = reference(log, [], removed, reset);
          expect(mergeLogs(log, [], removed, reset)).toEqual(expected);
          expect(mergeLogs([], log, removed, reset)).toEqual(expected);
          // A copy: the caller's log is never handed back to be changed.
          expect(mergeLogs(log, [], removed, reset)).not.toBe(log);
        },
      ),
    );
  });

  it('merges two logs in order as the general merge does, keeping the first side’s objects', () => {
    const arbitraryLog = fc.array(
      fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 20 })),
      { maxLength: 30 },
    );
    let inOrderBoth = 0;
    fc.assert(
      fc.property(
        arbitraryLog,
        arbitraryLog,
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }),
        (pairsA, pairsB, sorted, removedAt) => {
          const order = (log: ReviewLogEntry[]) =>
            sorted ? reference(log, [], new Set(), -Infinity) : log;
          const a = order(pairsA.map(([id, t]) => rev(id, T0 + t)));
          // b shares some of a's reviews as other objects with the same key
          const b = order([
            ...pairsB.map(([id, t]) => rev(id, T0 + t)),
            ...a.slice(0, 3).map((e) => ({ ...e })),
          ]);
          const removed = new Set(removedAt.map((t) => `${T0 + t}|a`));
          const merged = mergeLogs(a, b, removed, 0);
          expect(merged).toEqual(reference(a, b, removed, 0));
          const mine = new Set(a);
          for (const e of merged) {
            if (a.some((x) => logKey(x) === logKey(e))) expect(mine.has(e)).toBe(true);
          }
          if (sorted && a.length > 0 && b.length > 0) inOrderBoth++;
        },
      ),
      { numRuns: 500 },
    );
    expect(inOrderBoth).toBeGreaterThan(50);
  });
});
