// Mount only: wire the edges (content, storage, clock) to the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { decks } from 'virtual:deck';
import { App } from './app/App.tsx';
import { now } from './platform/clock.ts';
import { ProgressStoreContext } from './store/context.tsx';
import { createProgressStore } from './store/progressStore.ts';
import './app/app.css';

const store = createProgressStore({ storage: window.localStorage, now });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ProgressStoreContext.Provider value={store}>
      <App decks={decks} />
    </ProgressStoreContext.Provider>
  </StrictMode>,
);
