// The preferences store is handed to components through context, like the progress store.
import { createContext, useContext } from 'react';
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
