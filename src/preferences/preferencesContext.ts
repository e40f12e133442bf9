// The preferences store is handed to components through context, like the progress store.
import { createContext, useContext, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { PreferencesState, PreferencesStore } from './preferencesStore.ts';

export const PreferencesStoreContext = createContext<PreferencesStore | null>(null);

export function usePreferencesStore(): PreferencesStore {
  const store = useContext(PreferencesStoreContext);
  if (!store) throw new Error('usePreferencesStore needs a <PreferencesStoreContext.Provider>');
  return store;
}

export function usePreferences<T>(selector: (state: PreferencesState) => T): T {
  return useStore(usePreferencesStore(), selector);
}

const noSubscription = () => () => {};

/**
 * A preference, or `fallback` where no preferences store is provided (the review screen is used
 * on its own, e.g. in its component tests, and keeps working there as it did before).
 */
export function usePreferenceOr<T>(selector: (state: PreferencesState) => T, fallback: T): T {
  const store = useContext(PreferencesStoreContext);
  const read = () => (store ? selector(store.getState()) : fallback);
  // (The build-time first screen renders on the server too: the same read serves it.)
  return useSyncExternalStore(store?.subscribe ?? noSubscription, read, read);
}
