// Mount only: wire the edges (content, storage, clock, browser languages) to the app.
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { decks, loadChunk, preloaded } from 'virtual:deck';
import { App } from './app/App.tsx';
import { isCatalogueLoaded, loadCatalogue } from './i18n/catalogues.ts';
import { createDeckContent } from './content/deckContent.ts';
import { PreferencesStoreContext } from './preferences/preferencesContext.ts';
import { createPreferencesStore } from './preferences/preferencesStore.ts';
import { now } from './platform/clock.ts';
import { currentEngine, loadEngine, onEngineLoaded } from './scheduler/engine.ts';
import { browserLanguages } from './platform/document.ts';
import { FIRST_SCREEN_KEY, rememberedCardShown } from './platform/firstScreen.ts';
import { browserStorage, onOtherTabChange } from './platform/storage.ts';
import { ProgressStoreContext, StorageStatusContext } from './store/context.tsx';
import { STORAGE_KEY } from './store/persisted.ts';
import { deferredRepository, holdsAnything } from './store/deferredRepository.ts';
import { progressStoreOn, type ProgressStore } from './store/progressStore.ts';
import type { ProgressRepository } from './store/repository.ts';
import { createStorageStatusStore } from './store/storageStatus.ts';
import './app/app.css';

// The scheduler's heavy part starts downloading now, alongside the first screen.
void loadEngine();

const { storage, persistent } = browserStorage();
const status = createStorageStatusStore(!persistent);
// Reading and writing stored progress is code of its own (with the library validating what is
// read), downloaded on demand: a first visit has nothing stored and starts without it.
const openRepository = () =>
  import('./store/localStorageRepository.ts').then(({ localStorageRepository }) =>
    localStorageRepository({
      storage,
      now,
      onProblems: (problems) => status.setState({ problems }),
      // Reviews made in another tab are merged in as soon as that tab saves them.
      watch: (onChange) => onOtherTabChange(STORAGE_KEY, onChange),
      // A remembered first screen is wrong once progress changes.
      views: [FIRST_SCREEN_KEY],
    }),
  );
// Grading waits for the scheduler, which is on its way (above).
const storeOn = (repository: ProgressRepository) =>
  progressStoreOn(repository, { now, engine: currentEngine, onEngine: onEngineLoaded });
const preferences = createPreferencesStore({ storage, languages: browserLanguages() });
const content = createDeckContent(decks, loadChunk, preloaded);

// The page may hold the first screen rendered at build time for a first visit (see
// src/app/prerender.tsx). For such a visitor React adopts that DOM as it is (hydration): the
// question on screen stays the same element, nothing is redrawn. Anyone else (index.html has
// marked the page stale and keeps it invisible, or put a remembered first screen in it: see
// src/platform/firstScreen.ts) gets a fresh render in one synchronous pass.
// A Chinese interface waits for its catalogue first. (No top-level await: any disables the
// bundler's merging of shared chunks, which then splits the first download into many small files.)
const container = document.getElementById('root')!;
const locale = preferences.getState().locale;
const catalogue = isCatalogueLoaded(locale) ? null : loadCatalogue(locale);
// The card of a remembered first screen, if the page shows one instead of the built-in card.
const shownCard = rememberedCardShown();
if (holdsAnything(storage, STORAGE_KEY)) {
  // A returning visitor: progress is read before anything is drawn (the page stays hidden, or
  // shows the first screen they left, whose card is then fetched too, not drawn as "loading").
  void Promise.all([
    openRepository(),
    catalogue,
    shownCard === null ? null : content.load([shownCard]).catch(() => undefined),
  ]).then(([repository]) => mount(storeOn(repository)));
} else {
  const store = storeOn(deferredRepository(openRepository));
  if (catalogue) void catalogue.then(() => mount(store));
  else mount(store);
}

function mount(store: ProgressStore) {
  const app = (
    <StrictMode>
      <ProgressStoreContext.Provider value={store}>
        <StorageStatusContext.Provider value={status}>
          <PreferencesStoreContext.Provider value={preferences}>
            <App content={content} />
          </PreferencesStoreContext.Provider>
        </StorageStatusContext.Provider>
      </ProgressStoreContext.Provider>
    </StrictMode>
  );
  const prerendered = container.hasAttribute('data-prerendered');
  const builtIn =
    shownCard === null && !document.documentElement.classList.contains('prerender-stale');
  if (prerendered && builtIn) {
    hydrateRoot(container, app);
  } else {
    const root = createRoot(container);
    flushSync(() => root.render(app));
  }
  // (The built-in screen's marker is removed by the app once it has taken over: App.tsx.)
  void import('./platform/serviceWorker.ts').then((sw) => sw.registerServiceWorker());
}
