// Mount only: wire the edges (content, storage, clock, browser languages) to the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { decks } from 'virtual:deck';
import { App } from './app/App.tsx';
import { PreferencesStoreContext } from './features/settings/preferencesContext.ts';
import { createPreferencesStore } from './features/settings/preferencesStore.ts';
import { now } from './platform/clock.ts';
import { browserLanguages } from './platform/document.ts';
import { browserStorage, onOtherTabChange } from './platform/storage.ts';
import { ProgressStoreContext, StorageStatusContext } from './store/context.tsx';
import { STORAGE_KEY } from './store/persisted.ts';
import { createProgressStore } from './store/progressStore.ts';
import { createStorageStatusStore } from './store/storageStatus.ts';
import './app/app.css';

const { storage, persistent } = browserStorage();
const status = createStorageStatusStore(!persistent);
const store = createProgressStore({
  storage,
  now,
  onProblems: (problems) => status.setState({ problems }),
});
// Reviews made in another tab are merged in as soon as that tab saves them.
onOtherTabChange(STORAGE_KEY, () => void store.syncFromStorage());
const preferences = createPreferencesStore({ storage, languages: browserLanguages() });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ProgressStoreContext.Provider value={store}>
      <StorageStatusContext.Provider value={status}>
        <PreferencesStoreContext.Provider value={preferences}>
          <App decks={decks} />
        </PreferencesStoreContext.Provider>
      </StorageStatusContext.Provider>
    </ProgressStoreContext.Provider>
  </StrictMode>,
);
