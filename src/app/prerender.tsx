// Build time only (see src/build/deckPlugin.ts): the first screen a first-time visitor sees, as
// HTML, so the first question is on screen before any JavaScript runs. It must match what the
// browser renders first for such a visitor, so it uses the same components with empty stores.
import { renderToString } from 'react-dom/server';
import { contentFromDecks } from '../content/deckContent.ts';
import type { Deck } from '../deck/types.ts';
import { PreferencesStoreContext } from '../features/settings/preferencesContext.ts';
import { createPreferencesStore } from '../features/settings/preferencesStore.ts';
import { memoryStorage } from '../platform/storage.ts';
import { ProgressStoreContext } from '../store/context.tsx';
import { createProgressStore } from '../store/progressStore.ts';
import { App } from './App.tsx';

export function renderFirstScreen(decks: Deck[]): string {
  const storage = memoryStorage();
  const store = createProgressStore({ storage, now: () => Date.now() });
  const preferences = createPreferencesStore({ storage, languages: ['en'] });
  return renderToString(
    <ProgressStoreContext.Provider value={store}>
      <PreferencesStoreContext.Provider value={preferences}>
        <App content={contentFromDecks(decks)} />
      </PreferencesStoreContext.Provider>
    </ProgressStoreContext.Provider>,
  );
}
