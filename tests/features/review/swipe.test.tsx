// @vitest-environment jsdom
import { currentEngine } from '../../../src/scheduler/engine.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Card } from '../../../src/deck/types.ts';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import { ReviewScreen } from '../../../src/features/review/ReviewScreen.tsx';
import {
  axisLock,
  swipeIntent,
  swipeOutcome,
  swipeThreshold,
} from '../../../src/features/review/useSwipe.ts';
import { PreferencesStoreContext } from '../../../src/preferences/preferencesContext.ts';
import { createPreferencesStore } from '../../../src/preferences/preferencesStore.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import type { ProgressStore } from '../../../src/store/progressStore.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';

describe('swipe rules', () => {
  it('needs a quarter of the card, between 64 and 120 px', () => {
    expect(swipeThreshold(0)).toBe(64);
    expect(swipeThreshold(358)).toBe(89.5);
    expect(swipeThreshold(1000)).toBe(120);
  });

  it('tells sideways from up-and-down only after 10 px, favouring scrolling', () => {
    expect(axisLock(6, 2)).toBeNull();
    expect(axisLock(12, 3)).toBe('x');
    expect(axisLock(-12, 3)).toBe('x');
    expect(axisLock(3, 12)).toBe('y');
    expect(axisLock(11, 10)).toBe('y'); // diagonal: the page scrolls
  });

  it('reveals either way, then → is Good and ← is Again', () => {
    expect(swipeIntent(50, false)).toBe('reveal');
    expect(swipeIntent(-50, false)).toBe('reveal');
    expect(swipeIntent(50, true)).toBe('good');
    expect(swipeIntent(-50, true)).toBe('again');
    expect(swipeIntent(0, true)).toBeNull();
  });

  it('acts on a long swipe or a quick flick, not a slow short one', () => {
    const width = 358;
    expect(swipeOutcome({ dx: 100, width, elapsedMs: 2000 }, true)).toBe('good');
    expect(swipeOutcome({ dx: -100, width, elapsedMs: 2000 }, true)).toBe('again');
    expect(swipeOutcome({ dx: 60, width, elapsedMs: 2000 }, true)).toBeNull();
    expect(swipeOutcome({ dx: 60, width, elapsedMs: 80 }, true)).toBe('good');
    expect(swipeOutcome({ dx: 30, width, elapsedMs: 10 }, true)).toBeNull();
  });
});

const T0 = Date.UTC(2026, 10, 27, 2, 0);
const CARD: Card = {
  id: 'test/q1',
  deck: 'test',
  number: 1,
  questionHtml: '<p>What does the forget gate do?</p>',
  answerHtml: '<p>It scales the previous cell state.</p><pre><code>c = f * c</code></pre>',
  questionText: 'What does the forget gate do?',
  answerText: 'It scales the previous cell state.',
  sources: [],
  tags: [],
  source: { file: 'content/test.md', line: 1 },
  hasMath: false,
};

let store: ProgressStore;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  store = createProgressStore({
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
          content={contentFromDecks([{ slug: 'test', title: 'Test', tags: [], cards: [CARD] }])}
        />
      </PreferencesStoreContext.Provider>
    </ProgressStoreContext.Provider>,
  );
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const card = () => document.querySelector('.card') as HTMLElement;
const answerHidden = () => document.querySelector('.card-answer')?.hasAttribute('hidden');

function drag(
  target: Element,
  path: { dx: number; dy?: number }[],
  pointer: Partial<PointerEventInit> = {},
) {
  const base = { pointerId: 1, pointerType: 'touch', isPrimary: true, ...pointer };
  fireEvent.pointerDown(target, { ...base, clientX: 100, clientY: 100 });
  for (const { dx, dy = 0 } of path) {
    fireEvent.pointerMove(card(), { ...base, clientX: 100 + dx, clientY: 100 + dy });
  }
  const last = path[path.length - 1] ?? { dx: 0 };
  fireEvent.pointerUp(card(), { ...base, clientX: 100 + last.dx, clientY: 100 + (last.dy ?? 0) });
}

describe('swiping the review card', () => {
  it('reveals the answer, then grades Good to the right', () => {
    drag(card(), [{ dx: -20 }, { dx: -60 }, { dx: -100 }]);
    expect(answerHidden()).toBe(false);
    drag(card(), [{ dx: 20 }, { dx: 60 }, { dx: 100 }]);
    expect(store.persistedState().log.map((e) => e.grade)).toEqual(['good']);
    expect(screen.getByText('Good · back in 10 minutes')).toBeTruthy();
  });

  it('grades Again to the left, and Undo stays available', () => {
    drag(card(), [{ dx: 100 }]);
    drag(card(), [{ dx: -20 }, { dx: -100 }]);
    expect(store.persistedState().log.map((e) => e.grade)).toEqual(['again']);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.persistedState().log).toEqual([]);
    expect(screen.getByText('Grade undone')).toBeTruthy();
  });

  it('shows what letting go will do while dragging, and clears it after', () => {
    const base = { pointerId: 1, pointerType: 'touch', isPrimary: true };
    fireEvent.pointerDown(card(), { ...base, clientX: 100, clientY: 100 });
    fireEvent.pointerMove(card(), { ...base, clientX: 130, clientY: 102 });
    expect(card().dataset.swipe).toBe('reveal');
    expect(card().style.getPropertyValue('--swipe-dx')).toBe('30px');
    expect(card().hasAttribute('data-swipe-armed')).toBe(false);
    fireEvent.pointerMove(card(), { ...base, clientX: 200, clientY: 102 });
    expect(card().hasAttribute('data-swipe-armed')).toBe(true);
    fireEvent.pointerCancel(card(), base);
    expect(card().dataset.swipe).toBeUndefined();
    expect(card().style.getPropertyValue('--swipe-dx')).toBe('');
    expect(answerHidden()).toBe(true);
  });

  it('leaves vertical gestures to scrolling', () => {
    drag(card(), [
      { dx: 2, dy: 20 },
      { dx: 120, dy: 40 },
    ]);
    expect(answerHidden()).toBe(true);
  });

  it('ignores short swipes, mouse drags and gestures on code or links', () => {
    drag(card(), [{ dx: 15 }, { dx: 30 }]);
    expect(answerHidden()).toBe(true);
    drag(card(), [{ dx: 100 }], { pointerType: 'mouse' });
    expect(answerHidden()).toBe(true);
    drag(card(), [{ dx: 100 }]); // reveal
    drag(document.querySelector('.card pre') as Element, [{ dx: 100 }]);
    expect(store.persistedState().log).toEqual([]);
  });
});
