// @vitest-environment jsdom
// The review screen reveals and grades by changing the page's style before React catches up.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { enFirstScreen } from '../../../src/i18n/messages.ts';
import type { ProgressStore } from '../../../src/store/progressStore.ts';
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
