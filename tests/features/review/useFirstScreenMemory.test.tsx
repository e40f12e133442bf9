// @vitest-environment jsdom
// Leaving the review screen keeps it, and the next days' first screens, for the next visit; each
// way of leaving draws and writes them once, however many of the page's leave events fire.
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as later from '../../../src/features/review/laterScreens.tsx';
import { FIRST_SCREEN_KEY } from '../../../src/platform/firstScreen.ts';
import { renderReview } from './renderReview.tsx';
import { card, T0 } from './reviewScreenFixtures.ts';

vi.mock('../../../src/features/review/laterScreens.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof later>();
  return {
    ...actual,
    laterScreens: vi.fn(actual.laterScreens),
    firstCardsAhead: vi.fn(actual.firstCardsAhead),
  };
});

const CARDS = [card(1, 'Why gates?', 'Hidden.'), card(2, 'Why clip gradients?', 'Hidden.')];

const hide = () => {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
  delete (document as { visibilityState?: unknown }).visibilityState;
};
const keptCards = () =>
  (
    JSON.parse(localStorage.getItem(FIRST_SCREEN_KEY) ?? 'null') as {
      screens: { card: string }[];
    } | null
  )?.screens.map((s) => s.card);

let writes: string[];

beforeEach(() => {
  vi.clearAllMocks();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  localStorage.clear();
  // The built page's boot script names the build; without it nothing is kept.
  const boot = document.createElement('script');
  boot.id = 'boot';
  boot.dataset['src'] = './assets/index-test.js';
  document.head.append(boot);
  writes = [];
  const setItem = Storage.prototype.setItem;
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (
    this: Storage,
    key: string,
    value: string,
  ) {
    if (key === FIRST_SCREEN_KEY) writes.push(value);
    setItem.call(this, key, value);
  });
});
afterEach(() => {
  cleanup();
  document.getElementById('boot')?.remove();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

async function reviewReady() {
  renderReview(CARDS);
  await screen.findByText('Why gates?');
  // The drawing code loads once the card is up.
  await waitFor(() => expect(later.firstCardsAhead).toHaveBeenCalled());
  // …and then the next days' first cards.
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('leaving the review screen', () => {
  it('draws and writes the screens once when the tab is hidden and then closed', async () => {
    await reviewReady();
    act(hide);
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(later.laterScreens).toHaveBeenCalledTimes(1);
    expect(writes).toHaveLength(1);
    // Today's card; the next days' come from the same two new cards.
    expect(keptCards()?.[0]).toBe('test/q1');
    expect(keptCards()?.length).toBe(8);
  });

  it('writes again once the screen has changed since', async () => {
    await reviewReady();
    act(hide);
    // A render (here: the star toggled and back) makes a new screen to keep.
    await act(async () => {
      screen.getByRole('button', { name: /star/i }).click();
    });
    await act(async () => {
      screen.getByRole('button', { name: /star/i }).click();
    });
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(later.laterScreens).toHaveBeenCalledTimes(2);
    expect(writes).toHaveLength(2);
  });
});

describe('leaving for another screen', () => {
  it("keeps today's screen alone: the next days' would need React, busy unmounting", async () => {
    await reviewReady();
    cleanup();
    expect(later.laterScreens).not.toHaveBeenCalled();
    expect(writes).toHaveLength(1);
    expect(keptCards()).toEqual(['test/q1']);
  });

  it('keeps the next days written when the tab was hidden first', async () => {
    await reviewReady();
    act(hide);
    cleanup();
    expect(writes).toHaveLength(1);
    expect(keptCards()?.length).toBe(8);
  });
});
