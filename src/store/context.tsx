// The progress store is handed to components through context, so tests can give them a store
// backed by in-memory storage while the app gives them the localStorage one.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
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

/** Without a provider (e.g. in a component test) there are simply no storage problems. */
export const StorageStatusContext = createContext<StorageStatusStore>(createStorageStatusStore());

export function useStorageStatus<T>(selector: (status: StorageStatus) => T): T {
  return useStore(useContext(StorageStatusContext), selector);
}

export function useStorageStatusStore(): StorageStatusStore {
  return useContext(StorageStatusContext);
}
