// Import merging: the longer history per card, the union of logs, settings, and through the store.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/scheduler/settings.ts';
import { initialPersistedState, logKey } from '../../src/store/persisted.ts';
import {
  buildExport,
  mergeImport,
  parseImport,
  type ImportedData,
} from '../../src/store/transfer.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { DAY, MIN, T0, openStore } from './fixtures.ts';
import { HERE, prog, rev } from './transferFixtures.ts';

describe('import: merging', () => {
  const incoming: ImportedData = {
    flags: {},
    interviews: {},
    mocks: [],
    settings: { ...DEFAULT_SETTINGS, newCardsPerDay: 30 },
    progress: {
      'rnn/a': prog(2), // shorter history than here: ours kept
      'rnn/b': prog(2, { difficulty: 9 }), // as long: ours kept
      'rnn/c': prog(4), // longer: theirs
      'rnn/d': prog(1), // only there: added
      'rnn/gone': prog(2), // only there and not in the content: added, counted unknown
    },
    log: [
      rev('rnn/a', T0 - 3 * DAY, { state: 'new', stability: null, difficulty: null }), // have it
      rev('rnn/c', T0 - 4 * DAY),
      rev('rnn/c', T0 - DAY + 5 * MIN), // undone here: stays removed
      rev('rnn/d', T0 - 60 * DAY), // before the reset here: stays gone
      rev('rnn/d', T0 - 2 * DAY),
      rev('rnn/gone', T0 - 2 * DAY + 2 * MIN),
      rev('rnn/gone', T0 - 2 * DAY + 2 * MIN), // the same review twice in the file
    ],
  };
  const known = new Set(['rnn/a', 'rnn/b', 'rnn/c', 'rnn/d']);

  it('keeps the longer history per card, ties to ours, and counts exactly', () => {
    const { state, preview, changedIds } = mergeImport(HERE, incoming, known);
    expect(state.progress).toEqual({
      'rnn/a': prog(3),
      'rnn/b': prog(2),
      'rnn/c': prog(4),
      'rnn/d': prog(1),
      'rnn/gone': prog(2),
      'rnn/orphan': prog(5),
    });
    expect(state.progress['rnn/a']).toBe(HERE.progress['rnn/a']);
    expect(changedIds.sort()).toEqual(['rnn/c', 'rnn/d', 'rnn/gone']);
    expect(preview).toEqual({
      cardsAdded: 2,
      cardsReplaced: 1,
      cardsKept: 2,
      reviewsAdded: 3,
      unknownCards: 1,
      settingsChanged: true,
    });
  });

  it('unions the logs without duplicates, keeps undone reviews out, and sorts', () => {
    const { state } = mergeImport(HERE, incoming, known);
    expect(state.log.map(logKey)).toEqual([
      `${T0 - 4 * DAY}|rnn/c`,
      `${T0 - 3 * DAY}|rnn/a`,
      `${T0 - 2 * DAY}|rnn/a`,
      `${T0 - 2 * DAY}|rnn/d`,
      `${T0 - 2 * DAY + MIN}|rnn/b`,
      `${T0 - 2 * DAY + 2 * MIN}|rnn/gone`,
      `${T0 - DAY}|rnn/a`,
    ]);
    // Our own entries are kept as objects (undo relies on identity).
    expect(state.log[1]).toBe(HERE.log[0]);
    expect(state.removed).toEqual(HERE.removed);
    expect(state.resetAt).toBe(HERE.resetAt);
  });

  it('takes the file’s settings, and says when they differ', () => {
    expect(mergeImport(HERE, incoming, known).state.settings).toEqual(incoming.settings);
    const same = mergeImport(HERE, { ...incoming, settings: { ...HERE.settings } }, known);
    expect(same.preview.settingsChanged).toBe(false);
  });

  it('never takes card text, and leaves what it does not merge as it was', () => {
    const { state } = mergeImport(HERE, incoming, known);
    expect(state.seen).toBe(HERE.seen);
    expect(state.revs).toBe(HERE.revs);
    expect(state.settingsRev).toBe(HERE.settingsRev);
  });

  it('changes nothing when importing its own export', () => {
    const parsed = parseImport(JSON.stringify(buildExport(HERE, T0)));
    if (!parsed.ok) throw new Error(parsed.error);
    const { state, preview, changedIds } = mergeImport(HERE, parsed.data, known);
    expect(preview).toEqual({
      cardsAdded: 0,
      cardsReplaced: 0,
      cardsKept: 4,
      reviewsAdded: 0,
      unknownCards: 1,
      settingsChanged: false,
    });
    expect(changedIds).toEqual([]);
    expect(state.progress).toEqual(HERE.progress);
    expect(state.log).toEqual(HERE.log);
  });

  it('through the store: imported progress and reviews are saved and survive a reload', () => {
    const storage = new MemoryStorage();
    const first = openStore(storage);
    first.state().rate('rnn/a', 'good', T0 - 2 * DAY);
    first.state().rate('rnn/a', 'good', T0 - DAY);
    const before = structuredClone(first.state().progress);
    const file = buildExport(
      {
        ...initialPersistedState(),
        progress: { 'rnn/a': prog(1), 'rnn/z': prog(6) },
        revs: { 'rnn/a': 1, 'rnn/z': 1 },
        log: [rev('rnn/z', T0 - 7 * DAY), rev('rnn/a', T0 - 2 * DAY)],
      },
      T0,
    );
    const parsed = parseImport(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    const merged = mergeImport(first.state(), parsed.data, new Set(['rnn/a', 'rnn/z']));
    expect(merged.preview).toMatchObject({ cardsAdded: 1, cardsKept: 1, reviewsAdded: 1 });
    first.state().applyMerged(merged.state, merged.changedIds);

    const reloaded = openStore(storage).state();
    expect(reloaded.progress['rnn/a']).toEqual(before['rnn/a']);
    expect(reloaded.progress['rnn/z']).toEqual(prog(6));
    expect(reloaded.log.map((e) => [e.cardId, e.reviewedAt])).toEqual([
      ['rnn/z', T0 - 7 * DAY],
      ['rnn/a', T0 - 2 * DAY],
      ['rnn/a', T0 - DAY],
    ]);
    // The imported card counts as changed now, so it wins over a stale tab's copy.
    expect(reloaded.revs['rnn/z']).toBe(T0);
  });
});
