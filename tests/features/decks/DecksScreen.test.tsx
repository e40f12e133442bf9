// @vitest-environment jsdom
import { currentEngine } from '../../../src/scheduler/engine.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Card } from '../../../src/deck/types.ts';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import { DecksScreen } from '../../../src/features/decks/DecksScreen.tsx';
import { ReviewScreen } from '../../../src/features/review/ReviewScreen.tsx';
import { PreferencesStoreContext } from '../../../src/preferences/preferencesContext.ts';
import {
  createPreferencesStore,
  PREFERENCES_KEY,
  type PreferencesStore,
} from '../../../src/preferences/preferencesStore.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import type { ProgressStore } from '../../../src/store/progressStore.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';

const T0 = Date.UTC(2026, 10, 27, 2, 0); // 10:00 local (Asia/Shanghai)

function card(deck: string, n: number): Card {
  return {
    id: `${deck}/q${n}`,
    deck,
    questionHtml: `<p>${deck} question ${n}</p>`,
    answerHtml: `<p>${deck} answer ${n}</p>`,
    questionText: `${deck} question ${n}`,
    answerText: `${deck} answer ${n}`,
    sources: [],
    tags: [],
    source: { file: `content/${deck}.md`, line: n },
    hasMath: false,
  };
}

const deck = (slug: string, title: string, size: number) => ({
  slug,
  title,
  tags: [],
  cards: Array.from({ length: size }, (_, i) => card(slug, i + 1)),
});

const TWO_DECKS = [deck('concepts', 'Concepts', 16), deck('equations', 'Equations', 3)];

let progress: ProgressStore;
let preferences: PreferencesStore;

function setup(options: {
  decks?: ReturnType<typeof deck>[];
  storage?: MemoryStorage;
  screen?: 'decks' | 'review';
}) {
  const storage = options.storage ?? new MemoryStorage();
  progress = createProgressStore({ storage, now: () => Date.now(), engine: currentEngine });
  preferences = createPreferencesStore({ storage, languages: ['en'] });
  const content = contentFromDecks(options.decks ?? TWO_DECKS);
  const Screen = options.screen === 'review' ? ReviewScreen : DecksScreen;
  const user = userEvent.setup({ delay: null });
  render(
    <ProgressStoreContext.Provider value={progress}>
      <PreferencesStoreContext.Provider value={preferences}>
        <Screen content={content} />
      </PreferencesStoreContext.Provider>
    </ProgressStoreContext.Provider>,
  );
  return user;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  window.location.hash = '#/decks';
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Each row's text, in order: title, current mark, cards and counts. */
const rows = () =>
  within(screen.getByRole('list'))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('deck list', () => {
  it('lists all decks first, then each deck, with its cards and today’s counts', () => {
    setup({});
    expect(screen.getByRole('heading', { level: 1, name: 'Decks' })).toBeTruthy();
    expect(rows()).toEqual([
      'All decks Studying 19 cards New 10 Learning 0 Review 0',
      'Concepts 16 cards New 10 Learning 0 Review 0',
      'Equations 3 cards New 3 Learning 0 Review 0',
    ]);
    expect(
      screen.getByText(/Daily limits are shared by all decks: 10 new cards and 200 reviews a day/),
    ).toBeTruthy();
  });

  it('counts what is left of the limits all decks share', () => {
    setup({});
    // Two concept cards first studied today: 8 of the 10 new cards are left, for either deck.
    act(() => {
      progress.getState().rate('concepts/q1', 'good', T0 - 60_000);
      progress.getState().rate('concepts/q2', 'again', T0 - 30_000);
    });
    expect(rows()).toEqual([
      'All decks Studying 19 cards New 8 Learning 2 Review 0',
      'Concepts 16 cards New 8 Learning 2 Review 0',
      'Equations 3 cards New 3 Learning 0 Review 0',
    ]);
  });

  it('chooses a deck with Enter, remembers it and goes back to Review', async () => {
    const storage = new MemoryStorage();
    const user = setup({ storage });
    const equations = screen.getByRole('link', { name: /^Equations/ });
    expect(equations.getAttribute('href')).toBe('#/review');
    equations.focus();
    await user.keyboard('{Enter}');
    expect(preferences.getState().deck).toBe('equations');
    expect(window.location.hash).toBe('#/review');
    expect(JSON.parse(storage.getItem(PREFERENCES_KEY)!)).toMatchObject({
      state: { deck: 'equations' },
    });
    // The current choice is marked, for sight and for screen readers.
    expect(equations.getAttribute('aria-current')).toBe('true');
    expect(screen.getByRole('link', { name: /^All decks/ }).hasAttribute('aria-current')).toBe(
      false,
    );

    // Another visit: Review studies only that deck, and says which.
    cleanup();
    setup({ storage, screen: 'review' });
    expect(screen.getByText('equations question 1')).toBeTruthy();
    expect(screen.getByLabelText('Cards left today').textContent).toBe('New 3Learning 0Review 0');
    expect(screen.getByRole('link', { name: 'Decks Equations' }).getAttribute('href')).toBe(
      '#/decks',
    );

    // And back to all decks.
    cleanup();
    setup({ storage });
    await user.click(screen.getByRole('link', { name: /^All decks/ }));
    expect(preferences.getState().deck).toBeNull();
  });

  it('falls back to all decks, and says so, when the remembered deck is gone', () => {
    const storage = new MemoryStorage();
    storage.setItem(PREFERENCES_KEY, JSON.stringify({ state: { deck: 'removed' }, version: 1 }));
    setup({ storage });
    expect(screen.getByRole('status').textContent).toBe(
      'The deck you chose is gone: studying all decks.',
    );
    expect(screen.getByRole('link', { name: /^All decks/ }).getAttribute('aria-current')).toBe(
      'true',
    );
    cleanup();
    setup({ storage, screen: 'review' });
    expect(screen.getByText('concepts question 1')).toBeTruthy();
    expect(screen.getByLabelText('Cards left today').textContent).toBe('New 10Learning 0Review 0');
    expect(screen.getByRole('link', { name: 'Decks All decks' })).toBeTruthy();
    expect(screen.getByText('The deck you chose is gone: studying all decks.')).toBeTruthy();
  });

  it('works the same for fifty decks', async () => {
    const decks = Array.from({ length: 50 }, (_, i) => deck(`d${i + 1}`, `Deck ${i + 1}`, i + 1));
    const storage = new MemoryStorage();
    const user = setup({ decks, storage });
    const list = rows();
    expect(list).toHaveLength(51);
    expect(list[0]).toBe('All decks Studying 1,275 cards New 10 Learning 0 Review 0');
    expect(list[1]).toBe('Deck 1 1 card New 1 Learning 0 Review 0');
    expect(list[50]).toBe('Deck 50 50 cards New 10 Learning 0 Review 0');
    await user.click(screen.getByText('Deck 37'));
    expect(preferences.getState().deck).toBe('d37');
    cleanup();
    setup({ decks, storage, screen: 'review' });
    expect(screen.getByText('d37 question 1')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Decks Deck 37' })).toBeTruthy();
  });
});
