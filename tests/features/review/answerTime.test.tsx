// @vitest-environment jsdom
// Each grade records its answer time: from the question shown to the grade, capped at 60 s.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Card } from '../../../src/deck/types.ts';
import type { ProgressStore } from '../../../src/store/progressStore.ts';
import { renderReview } from './renderReview.tsx';

const T0 = Date.UTC(2026, 10, 27, 2, 0);

const CARDS: Card[] = [1, 2, 3].map((n) => ({
  id: `test/q${n}`,
  deck: 'test',
  number: n,
  questionHtml: `<p>Question ${n}</p>`,
  answerHtml: `<p>Answer ${n}</p>`,
  questionText: `Question ${n}`,
  answerText: `Answer ${n}`,
  sources: [],
  tags: [],
  source: { file: 'content/test.md', line: n },
  hasMath: false,
}));

let store: ProgressStore;

function setup() {
  store = renderReview(CARDS);
  return userEvent.setup({ delay: null });
}

const at = (ms: number) => vi.setSystemTime(T0 + ms);
const answerTimes = () =>
  store.persistedState().log.map((e) => [e.cardId, e.reviewedAt - T0, e.answerMs]);

// Only Date is faked: Testing Library's async helpers need real timers.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('answer time', () => {
  it('counts from the question shown to the grade, the answer shown or not in between', async () => {
    const user = setup();
    at(4_200);
    await user.keyboard(' ');
    at(5_500);
    await user.keyboard('3');
    // The next question is shown with the grade: its time starts there.
    at(5_500 + 800);
    await user.keyboard(' ');
    at(5_500 + 12_345);
    await user.keyboard('1');
    expect(answerTimes()).toEqual([
      ['test/q1', 5_500, 5_500],
      ['test/q2', 17_845, 12_345],
    ]);
  });

  it('is capped at 60 s', async () => {
    const user = setup();
    at(10 * 60_000);
    await user.keyboard(' 3');
    expect(answerTimes()).toEqual([['test/q1', 10 * 60_000, 60_000]]);
  });

  it('after an undo, counts from the question shown again, not from its first showing', async () => {
    const user = setup();
    at(3_000);
    await user.keyboard(' 3');
    at(9_000);
    await user.keyboard('u');
    expect(answerTimes()).toEqual([]);
    at(9_000 + 2_500);
    await user.keyboard(' 4');
    expect(answerTimes()).toEqual([['test/q1', 11_500, 2_500]]);
  });
});
