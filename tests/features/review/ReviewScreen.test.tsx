// @vitest-environment jsdom
// The review screen: showing, grading, undoing, starring, and keys left to dialogs over it.
import { currentEngine } from '../../../src/scheduler/engine.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Card } from '../../../src/deck/types.ts';
import { createDeckContent } from '../../../src/content/deckContent.ts';
import { ReviewScreen } from '../../../src/features/review/ReviewScreen.tsx';
import { enFirstScreen } from '../../../src/i18n/messages.ts';
import { PreferencesStoreContext } from '../../../src/preferences/preferencesContext.ts';
import { createPreferencesStore } from '../../../src/preferences/preferencesStore.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import type { ProgressStore } from '../../../src/store/progressStore.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';
import { renderReview } from './renderReview.tsx';
import { answerOf, CARDS, T0 } from './reviewScreenFixtures.ts';

let store: ProgressStore;

function setup() {
  const user = userEvent.setup({ delay: null });
  store = renderReview(CARDS);
  return user;
}

// Only Date is faked by default: Testing Library's async helpers need real timers.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('review screen', () => {
  it('shows the first new card with its answer hidden and today’s counts', () => {
    setup();
    expect(screen.getByText('What does the forget gate do?')).toBeTruthy();
    expect(answerOf('It scales the previous cell state.')?.hasAttribute('hidden')).toBe(true);
    expect(screen.getByLabelText('Cards left today').textContent).toBe('New 2Learning 0Review 0');
    expect(screen.queryByRole('button', { name: 'Good' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Undo' }).hasAttribute('disabled')).toBe(true);
  });

  it('reveals with Space and shows each grade with the interval it would give', async () => {
    const user = setup();
    await user.keyboard(' ');
    await screen.findByRole('button', { name: 'Good' });
    expect(answerOf('It scales the previous cell state.')?.hasAttribute('hidden')).toBe(false);
    expect(screen.getByRole('link', { name: 'https://example.com/lstm' })).toBeTruthy();
    const intervals = ['Again', 'Hard', 'Good', 'Easy'].map(
      (name) => screen.getByRole('button', { name }).querySelector('.grade-interval')?.textContent,
    );
    // ts-fsrs defaults with steps 1m 10m: Hard on a new card is the mean of the first two steps.
    expect(intervals.slice(0, 3)).toEqual(['1m', '6m', '10m']);
    expect(intervals[3]).toMatch(/^\d+d$/);
  });

  it('grades with the number keys and moves to the next card', async () => {
    const user = setup();
    await user.keyboard('{Enter}');
    await user.keyboard('3');
    expect(store.persistedState().log.map((e) => [e.cardId, e.grade, e.reviewedAt])).toEqual([
      ['test/q1', 'good', T0],
    ]);
    expect(store.getState().progress['test/q1']?.due).toBe(T0 + 10 * 60_000);
    expect(screen.getByText('Why do RNN gradients vanish?')).toBeTruthy();
    expect(screen.getByLabelText('Cards left today').textContent).toBe('New 1Learning 1Review 0');
  });

  it('undoes with U and with Ctrl+Z, restoring the card and the log exactly', async () => {
    const user = setup();
    await user.keyboard(' 1');
    await user.keyboard(' 4');
    expect(store.persistedState().log).toHaveLength(2);

    await user.keyboard('u');
    expect(store.persistedState().log.map((e) => e.cardId)).toEqual(['test/q1']);
    expect(store.getState().progress['test/q2']).toBeUndefined();
    expect(screen.getByText('Why do RNN gradients vanish?')).toBeTruthy();

    await user.keyboard('{Control>}z{/Control}');
    expect(store.persistedState().log).toEqual([]);
    expect(store.getState().progress).toEqual({});
    // The undone card is asked again, question first.
    expect(screen.getByText('What does the forget gate do?')).toBeTruthy();
    expect(answerOf('It scales the previous cell state.')?.hasAttribute('hidden')).toBe(true);
  });

  it('U takes back only a review grade, never a reset or a cram grade made elsewhere', async () => {
    const user = setup();
    await user.keyboard(' 4'); // q1: Easy, days away
    const graded = store.getState().progress['test/q1'];
    store.getState().resetCard('test/q1'); // as Browse does
    await user.keyboard('u');
    // The reset stands (q1 is new again), and nothing says a grade was undone.
    expect(store.getState().progress['test/q1']).toBeUndefined();
    expect(screen.queryByText(/undone/i)).toBeNull();
    store.getState().rate('test/q2', 'again', T0 + 1000, { practice: true }); // as cram does
    await user.keyboard('u');
    expect(store.persistedState().log.map((e) => e.kind)).toEqual(['review', 'practice']);
    expect(store.getState().undoStack).toHaveLength(3);
    expect(graded).toBeDefined();
  });

  it('brings a learning card back when its step is due, after a wait that says when', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(T0);
    setup();
    const press = (key: string) => fireEvent.keyDown(document.body, { key });
    press(' ');
    press('1'); // q1: Again → due in 1 minute
    press(' ');
    press('4'); // q2: Easy → days away
    expect(screen.getByRole('status').textContent).toContain('The next card is due in');
    expect(screen.getByRole('status').textContent).toContain('1 minute');

    act(() => {
      vi.advanceTimersByTime(61_000);
    });
    expect(screen.getByText('What does the forget gate do?')).toBeTruthy();
    expect(screen.getByLabelText('Cards left today').textContent).toBe('New 0Learning 1Review 0');
  });

  it('works by mouse and touch: Show answer, then a grade button', async () => {
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    await user.click(await screen.findByRole('button', { name: 'Easy' }));
    // (recorded once the next card is painted: see 'a grade shown first' in ReviewScreen.reveal.test.tsx)
    await waitFor(() => expect(store.persistedState().log.map((e) => e.grade)).toEqual(['easy']));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.persistedState().log).toEqual([]);
  });

  it('stars and unstars the card on screen with * and with its button', async () => {
    const user = setup();
    await user.keyboard('*');
    expect(store.getState().flags['test/q1']?.starred).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Unstar' }));
    expect(store.getState().flags['test/q1']?.starred).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Star' }));
    expect(store.getState().flags['test/q1']?.starred).toBe(true);
    // Starring grades nothing and leaves the answer hidden.
    expect(await store.reviewLog()).toEqual([]);
    expect(answerOf('It scales the previous cell state.')?.hasAttribute('hidden')).toBe(true);
  });

  it('ignores grade keys until the answer is shown', async () => {
    const user = setup();
    await user.keyboard('3');
    expect(store.persistedState().log).toEqual([]);
    expect(answerOf('It scales the previous cell state.')?.hasAttribute('hidden')).toBe(true);
  });

  // Issue 12, 15: the first-run introduction is drawn over the card in the page's built-in
  // first screen before its code arrives and makes it modal; Space then showed the answer.
  it('leaves the keys to a dialog over it, also one not yet modal', async () => {
    const user = setup();
    const intro = document.createElement('dialog');
    intro.className = 'dialog intro';
    intro.innerHTML = '<h2>How it works</h2><button type="button">Next</button>';
    document.body.append(intro);
    await user.keyboard(' ');
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(answerOf('It scales the previous cell state.')?.hasAttribute('hidden')).toBe(true);
    intro.setAttribute('open', '');
    await user.keyboard(' ');
    expect(answerOf('It scales the previous cell state.')?.hasAttribute('hidden')).toBe(true);
    // Closed (ModalDialog marks a closed dialog hidden), the keys are the screen's again.
    intro.removeAttribute('open');
    intro.hidden = true;
    await user.keyboard(' ');
    expect(answerOf('It scales the previous cell state.')?.hasAttribute('hidden')).toBe(false);
    intro.remove();
  });

  it('keeps "Show answer" pressed while the card is arriving, and shows it when it is drawn', async () => {
    let deliver!: (cards: Card[]) => void;
    const chunk = new Promise<Card[]>((resolve) => (deliver = resolve));
    const content = createDeckContent(
      [
        {
          slug: 'test',
          title: 'Test deck',
          tags: [],
          file: 'content/test.md',
          ids: CARDS.map((c) => c.id),
        },
      ],
      () => chunk,
      [[CARDS[0]!]],
    );
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
          <ReviewScreen content={content} />
        </PreferencesStoreContext.Provider>
      </ProgressStoreContext.Provider>,
    );
    const press = (key: string) => fireEvent.keyDown(document.body, { key });
    await screen.findByRole('button', { name: 'Show answer' });
    press(' ');
    await screen.findByRole('button', { name: 'Easy' });
    press('4');
    // The second card's body has not arrived: Space now is kept, not lost.
    expect(screen.getByRole('status').textContent).toBe(enFirstScreen['review.loading']);
    press(' ');
    await act(async () => deliver(CARDS));
    expect(screen.getByText('Why do RNN gradients vanish?')).toBeTruthy();
    expect(answerOf('Repeated multiplication by small factors.')?.hasAttribute('hidden')).toBe(
      false,
    );
    expect(await screen.findByRole('button', { name: 'Good' })).toBeTruthy();
  });
});
