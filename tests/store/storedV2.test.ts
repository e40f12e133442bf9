// Data written by storage version 2 as released (tests/fixtures/state/v2-storage.json, made by
// the code of that release) loads unchanged, grades on, and is written back readable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentEngine } from '../../src/scheduler/engine.ts';
import type { PersistedState } from '../../src/store/persisted.ts';
import { createProgressStore } from '../../src/store/localProgressStore.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

const read = <T>(name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/state/${name}`, import.meta.url), 'utf8')) as T;
const STORED = read<{ now: number; items: Record<string, string> }>('v2-storage.json');
/**
 * What the release loaded, as version 3 has it: every entry a review with no time, no flags, no
 * interviews, and the settings added since at their defaults.
 */
const RELEASE_LOADED = read<{ state: PersistedState }>('v2-loaded.json').state;
const LOADED: PersistedState = {
  ...RELEASE_LOADED,
  log: RELEASE_LOADED.log.map((e) => ({ ...e, kind: 'review', answerMs: null })),
  flags: {},
  interviews: {},
  settings: {
    ...RELEASE_LOADED.settings,
    leechThreshold: 4,
    readinessTarget: 0.9,
    planDailyLimit: 30,
  },
};

function storageOfRelease() {
  const storage = new MemoryStorage();
  for (const [k, val] of Object.entries(STORED.items)) storage.setItem(k, val);
  storage.writes = [];
  return storage;
}

describe('stored data of storage version 2', () => {
  it('loads to exactly the state the release loaded, rewriting only the meta record as version 3', async () => {
    const storage = storageOfRelease();
    const store = createProgressStore({ storage, now: () => STORED.now, engine: currentEngine });
    // Settings added since (the leech threshold, the interview plan's) take their defaults.
    expect(store.persistedState()).toEqual(LOADED);
    expect(await store.reviewLog()).toEqual(LOADED.log);
    expect(store.repository.problems()).toEqual([]);
    // Older chunks and shards stay as written (they read as version 3); the meta record says 3.
    expect(storage.writes.map((w) => w.key)).toEqual(['rnn-flashcards/progress']);
    const meta = JSON.parse(storage.getItem('rnn-flashcards/progress')!) as { version: number };
    const before = JSON.parse(STORED.items['rnn-flashcards/progress']!) as {
      version: number;
      state: { settings: object };
    };
    expect(meta).toEqual({
      ...before,
      version: 3,
      state: { ...before.state, settings: LOADED.settings },
    });
    expect(storage.keys()).toEqual(Object.keys(STORED.items).sort());
    for (const key of storage.keys().filter((k) => k !== 'rnn-flashcards/progress')) {
      expect(storage.getItem(key)).toBe(STORED.items[key]);
    }
  });

  it('grades on from it, and a fresh load reads both the old and the new', () => {
    const storage = storageOfRelease();
    const now = STORED.now + 60_000;
    const store = createProgressStore({ storage, now: () => now, engine: currentEngine });
    store.getState().rate('rnn/0wqk8mq2x15', 'good', now);
    const again = createProgressStore({ storage, now: () => now, engine: currentEngine });
    expect(again.persistedState()).toEqual(store.persistedState());
    expect(again.persistedState().log).toHaveLength(LOADED.log.length + 1);
    expect(again.persistedState().log.slice(0, -1)).toEqual(LOADED.log);
  });
});
