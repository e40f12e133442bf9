// The review screen over one test deck and a fresh in-memory store, for the review tests.
import { render } from '@testing-library/react';
import type { Card } from '../../../src/deck/types.ts';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import { ReviewScreen } from '../../../src/features/review/ReviewScreen.tsx';
import { PreferencesStoreContext } from '../../../src/preferences/preferencesContext.ts';
import { createPreferencesStore } from '../../../src/preferences/preferencesStore.ts';
import { currentEngine } from '../../../src/scheduler/engine.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import { type ProgressStore } from '../../../src/store/progressStore.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';

export function renderReview(cards: Card[]): ProgressStore {
  const store = createProgressStore({
    engine: currentEngine,
    storage: new MemoryStorage(),
    now: () => Date.now(),
  });
  render(
    <ProgressStoreContext.Provider value={store}>
      <PreferencesStoreContext.Provider
        value={createPreferencesStore({ storage: new MemoryStorage(), languages: ['en'] })}
      >
        <ReviewScreen
          content={contentFromDecks([{ slug: 'test', title: 'Test deck', tags: [], cards }])}
        />
      </PreferencesStoreContext.Provider>
    </ProgressStoreContext.Provider>,
  );
  return store;
}
