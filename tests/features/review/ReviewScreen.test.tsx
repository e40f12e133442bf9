// @vitest-environment jsdom
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

const T0 = Date.UTC(2026, 10, 27, 2, 0); // 10:00 local (Asia/Shanghai)

function card(n: number, question: string, answer: string): Card {
  return {
    id: `test/q${n}`,
    deck: 'test',
    number: n,
    questionHtml: `<p>${question}</p>`,
    answerHtml: `<p>${answer}</p>`,
    questionText: question,
    answerText: answer,
    sources: n === 1 ? [{ url: 'https://example.com/lstm' }] : [],
    tags: [],
    source: { file: 'content/test.md', line: n },
    hasMath: false,
  };
}

const CARDS = [
  card(1, 'What does the forget gate do?', 'It scales the previous cell state.'),
  card(2, 'Why do RNN gradients vanish?', 'Repeated multiplication by small factors.'),
];

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

const answerOf = (text: string) => screen.getByText(text).closest('.card-answer');

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
    // (recorded once the next card is painted: see 'a grade shown first' below)
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

  describe('revealing as a change of style', () => {
    const hint = () => document.querySelector('.swipe-hint')?.textContent;
    const press = (key: string) => fireEvent.keyDown(document.body, { key });
    beforeEach(() => {
      vi.useFakeTimers({
        toFake: [
          'Date',
          'setTimeout',
          'clearTimeout',
          'requestAnimationFrame',
          'cancelAnimationFrame',
        ],
      });
      vi.setSystemTime(T0);
    });

    it('shows the answer and the grades at once; React catches up after the frame', () => {
      setup();
      // The card is painted; then its intervals are worked out, for the hidden grade buttons.
      expect(document.querySelector('.grades')).toBeNull();
      act(() => {
        vi.advanceTimersByTime(40);
      });
      expect((document.querySelector('.grades') as HTMLElement).hidden).toBe(true);
      const showAnswer = screen.getByRole('button', { name: 'Show answer' });
      const answer = answerOf('It scales the previous cell state.') as HTMLElement;
      expect(hint()).toBe(enFirstScreen['review.swipeHint.question']);
      fireEvent.click(showAnswer);
      // Before the next frame: the page has changed; React has not rendered yet.
      expect(answer.hidden).toBe(false);
      expect(showAnswer.hidden).toBe(true);
      expect(screen.getByRole('button', { name: 'Good' })).toBeTruthy();
      expect(hint()).toBe(enFirstScreen['review.swipeHint.question']);
      expect(document.activeElement).not.toBe(answer);
      // The frame is painted: React catches up; after its frame, focus moves to the answer.
      act(() => {
        vi.advanceTimersByTime(40);
      });
      expect(hint()).toBe(enFirstScreen['review.swipeHint.answer']);
      expect(document.activeElement).not.toBe(answer);
      act(() => {
        vi.advanceTimersByTime(40);
      });
      expect(document.activeElement).toBe(answer);
      expect(answer.hidden).toBe(false);
      expect(showAnswer.hidden).toBe(true);
    });

    it('marks the hidden answer to be laid out once the question is painted', () => {
      setup();
      const answer = () => answerOf('It scales the previous cell state.') as HTMLElement;
      expect(answer().hasAttribute('data-prepared')).toBe(false);
      act(() => {
        vi.advanceTimersByTime(40);
      });
      expect(answer().hasAttribute('data-prepared')).toBe(true);
      expect(answer().hidden).toBe(true);
    });

    it('sets the buttons back when the learner grades before React has caught up', () => {
      setup();
      press(' ');
      press('3');
      expect(store.persistedState().log.map((e) => e.grade)).toEqual(['good']);
      const next = () => answerOf('Repeated multiplication by small factors.') as HTMLElement;
      for (const moment of ['at once', 'after the frame']) {
        expect(screen.getByText('Why do RNN gradients vanish?'), moment).toBeTruthy();
        expect(next().hidden, moment).toBe(true);
        expect(screen.getByRole('button', { name: 'Show answer' }).hidden, moment).toBe(false);
        expect(screen.queryByRole('button', { name: 'Good' }), moment).toBeNull();
        act(() => {
          vi.advanceTimersByTime(40);
        });
      }
      expect(document.activeElement).toBe(next().closest('article'));
    });

    // Issue 12, 8: another tab grades the card whose answer this tab shows; this tab's screen
    // moves on to the next card, whose answer the learner has not seen: it must not be shown,
    // nor take this tab's next grade.
    it('hides the answer again when another tab moves the card on, and grades only what was seen', () => {
      for (const caughtUp of [false, true]) {
        setup();
        act(() => {
          vi.advanceTimersByTime(40);
        });
        press(' ');
        if (caughtUp) {
          act(() => {
            vi.advanceTimersByTime(80);
          });
        }
        expect(answerOf('It scales the previous cell state.')?.hasAttribute('hidden')).toBe(false);
        // The other tab's grade of q1 arrives.
        act(() => store.getState().rate('test/q1', 'good', T0));
        for (const moment of ['at once', 'after the frame']) {
          expect(screen.getByText('Why do RNN gradients vanish?'), moment).toBeTruthy();
          expect(
            answerOf('Repeated multiplication by small factors.')?.hasAttribute('hidden'),
            moment,
          ).toBe(true);
          expect(screen.getByRole('button', { name: 'Show answer' }).hidden, moment).toBe(false);
          expect(screen.queryByRole('button', { name: 'Good' }), moment).toBeNull();
          expect(hint(), moment).toBe(enFirstScreen['review.swipeHint.question']);
          act(() => {
            vi.advanceTimersByTime(40);
          });
        }
        press('3');
        press('1');
        expect(store.getState().recentReviews.map((e) => e.cardId)).toEqual(['test/q1']);
        expect(store.getState().progress['test/q2']).toBeUndefined();
        // Space shows q2's answer; only then does a grade count, and for q2.
        press(' ');
        expect(answerOf('Repeated multiplication by small factors.')?.hasAttribute('hidden')).toBe(
          false,
        );
        press('4');
        expect(store.getState().recentReviews.map((e) => [e.cardId, e.grade])).toEqual([
          ['test/q1', 'good'],
          ['test/q2', 'easy'],
        ]);
        cleanup();
      }
    });

    describe('a grade shown first, recorded after the paint', () => {
      const q2 = 'Why do RNN gradients vanish?';
      /** The first card's answer shown, with the grades' intervals worked out. */
      const revealed = () => {
        setup();
        act(() => {
          vi.advanceTimersByTime(40);
        });
        press(' ');
        act(() => {
          vi.advanceTimersByTime(40);
        });
      };

      it('shows the next card at once and records the grade once it is painted', () => {
        revealed();
        const before = { ...store.getState(), log: store.persistedState().log };
        press('3');
        // The next card is in the page; nothing is recorded yet, not even in storage.
        expect(screen.getByText(q2)).toBeTruthy();
        expect(answerOf('Repeated multiplication by small factors.')?.hasAttribute('hidden')).toBe(
          true,
        );
        expect(store.persistedState().log).toBe(before.log);
        expect(store.getState().progress).toBe(before.progress);
        act(() => {
          vi.advanceTimersByTime(40);
        });
        expect(store.persistedState().log.map((e) => [e.cardId, e.grade, e.reviewedAt])).toEqual([
          ['test/q1', 'good', T0 + 80],
        ]);
        expect(screen.getByText(q2)).toBeTruthy();
        expect(screen.getByLabelText('Cards left today').textContent).toBe(
          'New 1Learning 1Review 0',
        );
        expect(document.querySelector('.review-feedback')?.textContent).toBe(
          'Good · back in 10 minutes',
        );
      });

      it('records a waiting grade at once when the page is hidden or left', () => {
        for (const leave of [
          () => window.dispatchEvent(new Event('pagehide')),
          () => {
            Object.defineProperty(document, 'visibilityState', {
              value: 'hidden',
              configurable: true,
            });
            document.dispatchEvent(new Event('visibilitychange'));
            delete (document as { visibilityState?: unknown }).visibilityState;
          },
          () => cleanup(),
        ]) {
          revealed();
          press('3');
          expect(store.persistedState().log).toEqual([]);
          leave();
          expect(store.persistedState().log.map((e) => e.grade)).toEqual(['good']);
          cleanup();
        }
      });

      it('records the waiting grade before an undo takes it back', () => {
        revealed();
        press('4');
        press('u');
        expect(store.persistedState().log).toEqual([]);
        expect(store.getState().undoStack).toEqual([]);
        expect(store.getState().progress).toEqual({});
        expect(screen.getByText('What does the forget gate do?')).toBeTruthy();
        act(() => {
          vi.advanceTimersByTime(40);
        });
        expect(store.persistedState().log).toEqual([]);
      });

      it('grades the last card of the day at once: what comes next needs the grade', () => {
        revealed();
        press('4');
        act(() => {
          vi.advanceTimersByTime(40);
        });
        press(' ');
        act(() => {
          vi.advanceTimersByTime(40);
        });
        press('4');
        expect(store.persistedState().log).toHaveLength(2);
        expect(screen.getByRole('status').textContent).toContain('Done for today');
      });
    });
  });
});
