// Build time only (see src/build/deckPlugin.ts): the first screen a first-time visitor sees, as
// HTML, so the first question (and the first-run introduction over it) is on screen before any
// JavaScript runs. It must match what the browser renders first for such a visitor, so it uses
// the same components with empty stores. It waits for the parts that load on demand (the
// introduction: `allReady`), where renderToString would leave their fallback.
import { renderToReadableStream } from 'react-dom/server';
import { contentFromDecks } from '../content/deckContent.ts';
import type { Deck } from '../deck/types.ts';
import { PreferencesStoreContext } from '../preferences/preferencesContext.ts';
import { createPreferencesStore } from '../preferences/preferencesStore.ts';
import { memoryStorage } from '../platform/storage.ts';
import { ProgressStoreContext } from '../store/context.tsx';
import { createProgressStore } from '../store/localProgressStore.ts';
import { App } from './App.tsx';

export async function renderFirstScreen(decks: Deck[]): Promise<string> {
  const storage = memoryStorage();
  const store = createProgressStore({ storage, now: () => Date.now(), engine: () => null });
  const preferences = createPreferencesStore({ storage, languages: ['en'] });
  let failure: unknown = null;
  const stream = await renderToReadableStream(
    <ProgressStoreContext.Provider value={store}>
      <PreferencesStoreContext.Provider value={preferences}>
        <App content={contentFromDecks(decks)} />
      </PreferencesStoreContext.Provider>
    </ProgressStoreContext.Provider>,
    // A part that fails would be left to the browser, silently: fail the build instead.
    { onError: (error) => void (failure ??= error) },
  );
  await stream.allReady;
  const html = await new Response(stream).text();
  if (failure !== null) throw failure instanceof Error ? failure : new Error(String(failure));
  return html;
}
