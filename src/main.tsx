// Mount only: wire the edges (content, storage, clock, browser languages) to the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { decks } from 'virtual:deck';
import { App } from './app/App.tsx';
import { PreferencesStoreContext } from './features/settings/preferencesContext.ts';
import { createPreferencesStore } from './features/settings/preferencesStore.ts';
import { now } from './platform/clock.ts';
import { browserLanguages } from './platform/document.ts';
import { ProgressStoreContext } from './store/context.tsx';
import { createProgressStore } from './store/progressStore.ts';
import './app/app.css';

const store = createProgressStore({ storage: window.localStorage, now });
const preferences = createPreferencesStore({
  storage: window.localStorage,
  languages: browserLanguages(),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ProgressStoreContext.Provider value={store}>
      <PreferencesStoreContext.Provider value={preferences}>
        <App decks={decks} />
      </PreferencesStoreContext.Provider>
    </ProgressStoreContext.Provider>
  </StrictMode>,
);
