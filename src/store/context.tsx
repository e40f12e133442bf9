// The progress store is handed to components through context, so tests can give them a store
// backed by in-memory storage while the app gives them the localStorage one.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ProgressState, ProgressStore } from './progressStore.ts';
import type { StorageStatus, StorageStatusStore } from './storageStatus.ts';

export const ProgressStoreContext = createContext<ProgressStore | null>(null);

export function useProgressStore(): ProgressStore {
  const store = useContext(ProgressStoreContext);
  if (!store) throw new Error('useProgressStore needs a <ProgressStoreContext.Provider>');
  return store;
}

export function useProgress<T>(selector: (state: ProgressState) => T): T {
  return useStore(useProgressStore(), selector);
}

export const StorageStatusContext = createContext<StorageStatusStore | null>(null);

export function useStorageStatus<T>(selector: (status: StorageStatus) => T): T {
  const store = useContext(StorageStatusContext);
  if (!store) throw new Error('useStorageStatus needs a <StorageStatusContext.Provider>');
  return useStore(store, selector);
}

export function useStorageStatusStore(): StorageStatusStore {
  const store = useContext(StorageStatusContext);
  if (!store) throw new Error('useStorageStatusStore needs a <StorageStatusContext.Provider>');
  return store;
}
