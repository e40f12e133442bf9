// The progress store is handed to components through context, so tests can give them a store
// backed by in-memory storage while the app gives them the localStorage one.
import { createContext, useContext, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ReviewLogEntry } from '../scheduler/progress.ts';
import type { ProgressState, ProgressStore } from './progressStore.ts';
import {
  createStorageStatusStore,
  type StorageStatus,
  type StorageStatusStore,
} from './storageStatus.ts';

export const ProgressStoreContext = createContext<ProgressStore | null>(null);

export function useProgressStore(): ProgressStore {
  const store = useContext(ProgressStoreContext);
  if (!store) throw new Error('useProgressStore needs a <ProgressStoreContext.Provider>');
  return store;
}

export function useProgress<T>(selector: (state: ProgressState) => T): T {
  return useStore(useProgressStore(), selector);
}

/**
 * The whole review log, oldest first; null until it has been read. Follows every change to the
 * log (logRevision).
 */
export function useReviewLog(): readonly ReviewLogEntry[] | null {
  const store = useProgressStore();
  const revision = useProgress((s) => s.logRevision);
  const [read, setRead] = useState<{ revision: number; log: readonly ReviewLogEntry[] } | null>(
    null,
  );
  useEffect(() => {
    let current = true;
    void store.reviewLog().then((log) => {
      if (current) setRead({ revision, log });
    });
    return () => {
      current = false;
    };
  }, [store, revision]);
  // (The log read for an earlier revision is kept on screen until the new one is in.)
  return read?.log ?? null;
}

/** Without a provider (e.g. in a component test) there are simply no storage problems. */
export const StorageStatusContext = createContext<StorageStatusStore>(createStorageStatusStore());

export function useStorageStatus<T>(selector: (status: StorageStatus) => T): T {
  return useStore(useContext(StorageStatusContext), selector);
}

export function useStorageStatusStore(): StorageStatusStore {
  return useContext(StorageStatusContext);
}
