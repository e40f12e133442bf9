import { describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../src/platform/storage.ts';
import { deferredRepository, holdsAnything } from '../../src/store/deferredRepository.ts';
import { localStorageRepository } from '../../src/store/localStorageRepository.ts';
import { STORAGE_KEY, initialPersistedState } from '../../src/store/persisted.ts';
import { progressStoreOn } from '../../src/store/progressStore.ts';
import type { KeyValueStorage, ProgressRepository } from '../../src/store/repository.ts';
import { T0 } from './fixtures.ts';

/** An `open` whose promise the test settles. */
function gate() {
  const calls: { resolve: (r: ProgressRepository) => void; reject: (e: Error) => void }[] = [];
  const open = vi.fn(
    () =>
      new Promise<ProgressRepository>((resolve, reject) => {
        calls.push({ resolve, reject });
      }),
  );
  return { open, calls };
}

const realOn = (storage: KeyValueStorage) => localStorageRepository({ storage, now: () => T0 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('holdsAnything', () => {
  it('is true only when some key starts with the name', () => {
    const storage = memoryStorage();
    storage.setItem('rnn-flashcards/preferences', '{}');
    expect(holdsAnything(storage, STORAGE_KEY)).toBe(false);
    storage.setItem(`${STORAGE_KEY}/flags`, '{}');
    expect(holdsAnything(storage, STORAGE_KEY)).toBe(true);
  });
});

describe('deferredRepository', () => {
  it('starts empty, then writes the last state saved before the real repository arrived', async () => {
    const storage = memoryStorage();
    const { open, calls } = gate();
    const store = progressStoreOn(deferredRepository(open), { now: () => T0, engine: () => null });
    expect(store.persistedState()).toEqual(initialPersistedState());
    store.getState().setStarred('card-a', true);
    expect(storage.length).toBe(0);

    calls[0]!.resolve(realOn(storage));
    await settle();
    const stored = realOn(storage).load();
    expect(stored.flags).toEqual({
      'card-a': { starred: true, suspended: false, rev: T0, suspendedRev: 0 },
    });
    // From now on every call goes to the real repository.
    store.getState().setSuspended('card-a', true);
    expect(realOn(storage).load().flags['card-a']).toEqual({
      starred: true,
      starredRev: T0,
      suspended: true,
      rev: T0 + 1,
    });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('tells subscribers when another tab stored something before the arrival', async () => {
    const storage = memoryStorage();
    const { open, calls } = gate();
    const store = progressStoreOn(deferredRepository(open), { now: () => T0, engine: () => null });
    const other = realOn(storage);
    other.load();
    other.save({
      ...initialPersistedState(),
      flags: { 'card-b': { starred: true, suspended: false, rev: 5 } },
    });

    calls[0]!.resolve(realOn(storage));
    await settle();
    expect(store.getState().flags).toEqual({
      'card-b': { starred: true, suspended: false, rev: 5 },
    });
  });

  it('answers with nothing before the arrival, and tries a failed download again at the next save', async () => {
    const storage = memoryStorage();
    const { open, calls } = gate();
    const repository = deferredRepository(open);
    expect(repository.problems()).toEqual([]);
    expect(repository.listBackups()).toEqual([]);
    expect(repository.readRaw(STORAGE_KEY)).toBeNull();

    calls[0]!.reject(new Error('offline'));
    await settle();
    repository.save({ ...initialPersistedState(), settingsRev: T0 });
    expect(open).toHaveBeenCalledTimes(2);
    calls[1]!.resolve(realOn(storage));
    await settle();
    expect(realOn(storage).load().settingsRev).toBe(T0);
  });
});
