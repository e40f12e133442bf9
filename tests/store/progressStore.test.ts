import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS } from '../../src/scheduler/settings.ts';
import { rateCard } from '../../src/scheduler/rate.ts';
import { newProgress } from '../../src/scheduler/progress.ts';
import { CURRENT_VERSION, STORAGE_KEY, migrate } from '../../src/store/persisted.ts';
import { createProgressStore } from '../../src/store/progressStore.ts';
import { backupKeys } from '../../src/store/safeStorage.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

const T0 = Date.UTC(2026, 10, 27, 2, 0); // 10:00 in Asia/Shanghai (the test TZ)
const fixedNow = () => T0;

function stored(storage: MemoryStorage): unknown {
  return JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
}

describe('progress store', () => {
  it('writes exactly the progress, log and settings a grade produced, under a versioned key', () => {
    const storage = new MemoryStorage();
    const store = createProgressStore({ storage, now: fixedNow });
    store.getState().rate('rnn/a', 'good', T0);

    const expected = rateCard('rnn/a', newProgress(T0), 'good', T0, DEFAULT_SETTINGS);
    expect(stored(storage)).toEqual({
      state: {
        progress: { 'rnn/a': expected.progress },
        log: [expected.log],
        settings: { ...DEFAULT_SETTINGS },
      },
      version: CURRENT_VERSION,
    });
    // Times are plain numbers in storage: the learning step of 10 minutes is exact.
    expect(expected.progress.due).toBe(T0 + 10 * 60_000);
  });

  it('reloads the same state from storage (round trip)', () => {
    const storage = new MemoryStorage();
    const first = createProgressStore({ storage, now: fixedNow });
    first.getState().rate('rnn/a', 'good', T0);
    first.getState().rate('rnn/b', 'again', T0 + 1000);
    first.getState().rate('rnn/a', 'good', T0 + 11 * 60_000);

    const second = createProgressStore({ storage, now: fixedNow });
    expect(second.getState().progress).toEqual(first.getState().progress);
    expect(second.getState().log).toEqual(first.getState().log);
    expect(second.getState().log.map((e) => [e.cardId, e.grade])).toEqual([
      ['rnn/a', 'good'],
      ['rnn/b', 'again'],
      ['rnn/a', 'good'],
    ]);
    // Undo history is per session, never persisted.
    expect(second.getState().undoStack).toEqual([]);
  });

  it('undo restores the card and the log exactly, including a card that was new', () => {
    const store = createProgressStore({ storage: new MemoryStorage(), now: fixedNow });
    store.getState().rate('rnn/a', 'good', T0);
    const before = structuredClone({
      progress: store.getState().progress,
      log: store.getState().log,
    });

    store.getState().rate('rnn/a', 'again', T0 + 10 * 60_000);
    store.getState().rate('rnn/b', 'easy', T0 + 11 * 60_000);
    expect(store.getState().undo()).toBe('rnn/b');
    expect(store.getState().progress['rnn/b']).toBeUndefined();
    expect(store.getState().undo()).toBe('rnn/a');
    expect({ progress: store.getState().progress, log: store.getState().log }).toEqual(before);
    expect(store.getState().undo()).toBe('rnn/a');
    expect(store.getState().progress).toEqual({});
    expect(store.getState().log).toEqual([]);
    expect(store.getState().undo()).toBeNull();
  });

  it('loads a frozen version-1 state with every field intact', () => {
    const raw = readFileSync(new URL('../fixtures/state/v1.json', import.meta.url), 'utf8');
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, raw);
    const store = createProgressStore({ storage, now: fixedNow });
    const fixture = JSON.parse(raw) as {
      state: { progress: object; log: object[]; settings: object };
    };
    expect(store.getState().progress).toEqual(fixture.state.progress);
    expect(store.getState().log).toEqual(fixture.state.log);
    expect(store.getState().settings).toEqual(fixture.state.settings);
    // Including progress of a card that is no longer in the content (an orphan).
    expect(Object.keys(store.getState().progress)).toContain('rnn/removed-card');
  });

  it('keeps orphaned progress when other cards are graded', () => {
    const raw = readFileSync(new URL('../fixtures/state/v1.json', import.meta.url), 'utf8');
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, raw);
    const store = createProgressStore({ storage, now: fixedNow });
    const orphan = store.getState().progress['rnn/removed-card'];
    store.getState().rate('rnn/a', 'good', T0);
    const reloaded = createProgressStore({ storage, now: fixedNow });
    expect(reloaded.getState().progress['rnn/removed-card']).toEqual(orphan);
  });

  it('fills settings added later with their defaults when migrating', () => {
    const migrated = migrate({ progress: {}, log: [], settings: { desiredRetention: 0.85 } }, 1);
    expect(migrated.settings).toEqual({ ...DEFAULT_SETTINGS, desiredRetention: 0.85 });
  });

  it.each([
    ['truncated JSON', '{"state":{"progress":{"rnn/a":'],
    [
      'a version from the future',
      JSON.stringify({ state: { progress: {}, log: [] }, version: 99 }),
    ],
    ['JSON of the wrong shape', '[1,2,3]'],
  ])('keeps %s under a backup key that later writes never touch', (_name, raw) => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, raw);
    const reasons: string[] = [];
    const store = createProgressStore({
      storage,
      now: fixedNow,
      onBackup: (_key, reason) => reasons.push(reason),
    });
    expect(store.getState().progress).toEqual({});
    const keys = backupKeys(storage, STORAGE_KEY);
    expect(keys).toEqual([`${STORAGE_KEY}:backup:2026-11-27T02:00:00.000Z`]);
    expect(reasons).toHaveLength(1);

    store.getState().rate('rnn/a', 'good', T0);
    expect(storage.getItem(keys[0]!)).toBe(raw);
    expect((stored(storage) as { version: number }).version).toBe(CURRENT_VERSION);
  });
});
