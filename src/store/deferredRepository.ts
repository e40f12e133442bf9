// A first visit has nothing stored, so it needs neither the code that reads storage nor the
// validation library that code checks every stored value with. The app starts on this stand-in,
// which holds an empty state while the real repository's code downloads; from its arrival on,
// every call goes to the real one. A returning visitor's app waits for the real one instead
// (main.tsx): its progress must be read before the first screen is drawn.
import { initialPersistedState, type PersistedState } from './persisted.ts';
import type { KeyValueStorage, ProgressRepository } from './repository.ts';

/** Whether storage holds anything under `name`: progress, a meta record, a backup. */
export function holdsAnything(storage: KeyValueStorage, name: string): boolean {
  for (let i = 0; i < storage.length; i++) {
    if (storage.key(i)?.startsWith(name)) return true;
  }
  return false;
}

/**
 * A repository for storage that held nothing under its name when the app started. Saves made
 * before `open` resolves are written on its arrival (the last one: each is the whole state); if
 * another tab has stored something meanwhile, subscribers are told, as for that tab's own saves.
 * A failed download is tried again at the next save.
 */
export function deferredRepository(open: () => Promise<ProgressRepository>): ProgressRepository {
  let real: ProgressRepository | null = null;
  let opening: Promise<void> | null = null;
  let unsaved: PersistedState | null = null;
  /** Listeners subscribed before the arrival, with what unsubscribes them from the real one. */
  const listeners = new Map<() => void, () => void>();
  const empty = JSON.stringify(initialPersistedState());

  const start = () => {
    opening ??= open().then(
      (repository) => {
        real = repository;
        const storedElsewhere = JSON.stringify(repository.load()) !== empty;
        if (unsaved) repository.save(unsaved);
        unsaved = null;
        for (const listener of listeners.keys()) {
          listeners.set(listener, repository.subscribe(listener));
        }
        if (storedElsewhere) for (const listener of listeners.keys()) listener();
      },
      () => {
        opening = null;
      },
    );
  };
  start();

  return {
    load: () => real?.load() ?? initialPersistedState(),
    save(state) {
      if (real) return real.save(state);
      unsaved = state;
      start();
    },
    subscribe(listener) {
      if (real) return real.subscribe(listener);
      listeners.set(listener, () => {});
      return () => {
        listeners.get(listener)?.();
        listeners.delete(listener);
      };
    },
    problems: () => real?.problems() ?? [],
    listBackups: () => real?.listBackups() ?? [],
    readRaw: (key) => real?.readRaw(key) ?? null,
    deleteBackup: (key) => real?.deleteBackup(key),
    discard: (key) => real?.discard(key),
    readBackup: (key) => real?.readBackup(key) ?? { ok: false, reason: 'storage is still loading' },
    storedReviews: (cardId, at) => real?.storedReviews(cardId, at) ?? [],
    takenBack: (cardId, at) => real?.takenBack(cardId, at) ?? false,
    dismissVanished: () => real?.dismissVanished(),
  };
}
