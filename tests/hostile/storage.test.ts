// Hostile storage, generated: the classes of issue 12's storage and two-tab items replayed with
// random inputs. Each property holds for the whole class, not only the example reported
// (tests/hostile/storageCases.test.ts has those).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupKeys } from '../../src/store/backups.ts';
import { MAX_DAYS, MAX_STABILITY } from '../../src/store/decoding.ts';
import { progressShardKey, shardOf } from '../../src/store/codec.ts';
import { STORAGE_KEY, initialPersistedState } from '../../src/store/persisted.ts';
import { buildExport, mergeImport, parseImport } from '../../src/store/transfer.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { DAY, MIN, T0, openStore } from '../store/fixtures.ts';

const CARDS = ['rnn/a', 'rnn/b', 'rnn/c', 'lstm/d', 'gru/e'];
const card = fc.constantFrom(...CARDS);
const grade = fc.constantFrom('again' as const, 'hard' as const, 'good' as const, 'easy' as const);

describe('what the app writes, it reads back equal (class of item 2)', () => {
  /** Progress as an import may hold it, up to every bound the import accepts. */
  const progress = fc.record({
    due: fc.integer({ min: 0, max: Date.UTC(9999, 0, 1) }),
    stability: fc.oneof(
      fc.constant(MAX_STABILITY),
      fc.double({ min: 0.001, max: MAX_STABILITY, noNaN: true }),
    ),
    difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
    scheduledDays: fc.oneof(fc.constant(MAX_DAYS), fc.nat(MAX_DAYS)),
    learningSteps: fc.nat(5),
    reps: fc.nat(1_000_000),
    lapses: fc.nat(1_000),
    state: fc.constantFrom('learning' as const, 'review' as const, 'relearning' as const),
    lastReview: fc.integer({ min: 0, max: T0 + DAY }),
  });

  it('imports extreme but valid values, grades them, and loads the same state', () => {
    fc.assert(
      fc.property(
        fc.dictionary(card, progress, { minKeys: 1 }),
        fc.array(fc.tuple(card, grade, fc.nat(3 * DAY)), { maxLength: 6 }),
        (imported, grades) => {
          const file = buildExport(initialPersistedState(), T0);
          file.progress = imported;
          const parsed = parseImport(JSON.stringify(file), undefined, T0);
          if (!parsed.ok) throw new Error(parsed.error);
          const storage = new MemoryStorage();
          const tab = openStore(storage, () => T0);
          const merged = mergeImport(tab.store.persistedState(), parsed.data, new Set(CARDS));
          tab.state().applyMerged(merged.state, merged.changedIds);
          for (const [id, g, after] of grades) tab.state().rate(id, g, T0 + after);
          const again = openStore(storage, () => T0 + 4 * DAY);
          expect(again.problems.at(-1)).toEqual([]);
          const { progress: p, log, flags, settings } = tab.state();
          expect(again.state().progress).toEqual(p);
          expect(again.state().log).toEqual(log);
          expect(again.state().flags).toEqual(flags);
          expect(again.state().settings).toEqual(settings);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses at import any review dated after the next day, with a message', () => {
    fc.assert(
      fc.property(fc.integer({ min: T0 + DAY + 1, max: Date.UTC(9999, 11, 31) }), (at) => {
        const file = buildExport(initialPersistedState(), T0);
        file.log = [['rnn/a', 'good', 'new', at, null, null, 0, 0, 'review', null]];
        const parsed = parseImport(JSON.stringify(file), undefined, T0);
        expect(parsed.ok ? '' : parsed.error).toMatch(/^The file is damaged: review 1 is dated /);
      }),
      { numRuns: 50 },
    );
  });
});

describe('a reset or a clock ahead never hides a later review (class of item 1)', () => {
  it('keeps every review made after the last reset, whatever the clock did', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('grade' as const), id: card, g: grade }),
      fc.record({ kind: fc.constant('reset' as const) }),
      fc.record({
        kind: fc.constant('clock' as const),
        by: fc.integer({ min: -400 * DAY, max: 400 * DAY }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const storage = new MemoryStorage();
        let clock = T0;
        const tab = openStore(storage, () => clock);
        let sinceReset: string[] = [];
        for (const s of steps) {
          clock += MIN;
          if (s.kind === 'clock') clock = Math.max(MIN, clock + s.by);
          else if (s.kind === 'reset') {
            tab.state().resetProgress();
            sinceReset = [];
          } else {
            tab.state().rate(s.id, s.g, clock);
            sinceReset.push(s.id);
          }
        }
        const reloaded = openStore(storage, () => clock).state();
        expect(reloaded.log.map((e) => e.cardId).sort()).toEqual([...sinceReset].sort());
        expect(Object.keys(reloaded.progress).sort()).toEqual([...new Set(sinceReset)].sort());
      }),
      { numRuns: 80 },
    );
  });
});

describe('damage costs only the damaged records, backed up once (classes of items 3 and 4)', () => {
  it('keeps every good card of a shard, whichever record is broken and how', () => {
    const broken = fc.constantFrom<unknown>(null, -1, 'x', 1e300, [], {}, 0.5);
    fc.assert(
      fc.property(fc.nat(9), broken, fc.nat(5), (field, value, reloads) => {
        const storage = new MemoryStorage();
        const first = openStore(storage);
        CARDS.forEach((id, i) => first.state().rate(id, 'good', T0 + i));
        const target = 'rnn/a';
        const key = progressShardKey(STORAGE_KEY, shardOf(target));
        const shard = JSON.parse(storage.getItem(key)!) as { c: Record<string, unknown[]> };
        shard.c[target]![field] = value;
        storage.setItem(key, JSON.stringify(shard));
        let tab = openStore(storage);
        for (let i = 0; i < reloads; i++) tab = openStore(storage, () => T0 + (i + 1) * DAY);
        // Every other card as it was; the broken one either left out or (if the change still
        // makes a valid record) read as it now stands.
        const others = { ...first.state().progress };
        const loaded = { ...tab.state().progress };
        delete others[target];
        delete loaded[target];
        expect(loaded).toEqual(others);
        expect(backupKeys(storage, STORAGE_KEY).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });
});

describe('two tabs never lose a review (classes of items 7 and 9)', () => {
  it('keeps every grade of two interleaved tabs, and undo never rolls back the other tab', () => {
    const action = fc.record({
      tab: fc.constantFrom(0, 1),
      what: fc.constantFrom('rate' as const, 'rate' as const, 'undo' as const, 'sync' as const),
      id: fc.constantFrom('rnn/a', 'rnn/b'),
      g: grade,
      dt: fc.nat(3),
    });
    fc.assert(
      fc.property(fc.array(action, { maxLength: 14 }), (actions) => {
        const storage = new MemoryStorage();
        let clock = T0;
        const tabs = [openStore(storage, () => clock), openStore(storage, () => clock)];
        for (const a of actions) {
          clock += a.dt;
          const tab = tabs[a.tab]!;
          if (a.what === 'rate') tab.state().rate(a.id, a.g, clock);
          else if (a.what === 'sync') tab.store.syncFromStorage();
          else tab.state().undo();
        }
        const kept = tabs.flatMap((t) => t.state().log);
        const fresh = openStore(storage, () => clock).state();
        const keys = new Set(fresh.log.map((e) => `${e.reviewedAt}|${e.cardId}`));
        // Every review either tab still holds is stored (none lost to the other tab's write),
        // but for one its own tab has since undone.
        const undone = new Set(fresh.removed);
        for (const e of kept) {
          const key = `${e.reviewedAt}|${e.cardId}`;
          if (!undone.has(key)) expect(keys.has(key)).toBe(true);
        }
        // Each card's progress is that of its latest stored review.
        for (const id of ['rnn/a', 'rnn/b']) {
          const last = fresh.log.filter((e) => e.cardId === id && e.kind === 'review').at(-1);
          if (last) expect(fresh.progress[id]?.lastReview).toBe(last.reviewedAt);
        }
      }),
      // It found the crossed undo below once; now each run tries new interleavings.
      { numRuns: 200 },
    );
  });

  // Tab 1 grades over a review that tab 0 has undone since tab 1 last synced, then undoes: its
  // undo would restore progress resting on the review tab 0 took back, so it is refused.
  it('keeps progress equal to the latest stored review after crossed undos', () => {
    const storage = new MemoryStorage();
    const clock = T0;
    const tabs = [openStore(storage, () => clock), openStore(storage, () => clock)];
    tabs[0]!.state().rate('rnn/a', 'again', clock);
    tabs[0]!.state().rate('rnn/a', 'again', clock);
    tabs[1]!.store.syncFromStorage();
    tabs[0]!.state().undo();
    tabs[1]!.state().rate('rnn/a', 'again', clock);
    tabs[1]!.state().undo();
    const fresh = openStore(storage, () => clock).state();
    const last = fresh.log.filter((e) => e.cardId === 'rnn/a' && e.kind === 'review').at(-1);
    expect(fresh.progress['rnn/a']?.lastReview).toBe(last?.reviewedAt);
  });
});
