// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import type { Card } from '../../../src/deck/types.ts';
import { PracticeScreen } from '../../../src/features/practice/PracticeScreen.tsx';
import { currentEngine } from '../../../src/scheduler/engine.ts';
import type { CardProgress } from '../../../src/scheduler/progress.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { initialPersistedState } from '../../../src/store/persisted.ts';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import { type ProgressStore } from '../../../src/store/progressStore.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';
import { DAY, NOW, progress } from '../../study/helpers.ts';

const QUESTIONS: Record<string, string> = {
  X: 'What does the forget gate do?',
  Y: 'Why do gradients vanish?',
  Z: 'What is teacher forcing?',
};
function card(id: string): Card {
  return {
    id,
    deck: 'test',
    questionHtml: `<p>${QUESTIONS[id]}</p>`,
    answerHtml: `<p>Answer ${id}</p>`,
    questionText: QUESTIONS[id]!,
    answerText: `Answer ${id}`,
    sources: [],
    tags: [],
    source: { file: 'content/test.md', line: 1 },
    hasMath: false,
  };
}
const content = () =>
  contentFromDecks([
    { slug: 'test', title: 'Test deck', tags: [], cards: ['X', 'Y', 'Z'].map(card) },
  ]);

// X is due (yesterday), Y is not (in five days); both starred, so both are drilled. Z is new.
const PROGRESS: Record<string, CardProgress> = {
  X: progress({ due: NOW - DAY, lastReview: NOW - 11 * DAY, lapses: 1 }),
  Y: progress({ due: NOW + 5 * DAY, lastReview: NOW - 5 * DAY, lapses: 1 }),
};
const starred = { starred: true, suspended: false, rev: 1 };

let store: ProgressStore;

function setup(hash: string, before: (s: ProgressStore) => void = () => {}) {
  store = createProgressStore({
    engine: currentEngine,
    storage: new MemoryStorage(),
    now: () => Date.now(),
  });
  store
    .getState()
    .applyMerged(
      { ...initialPersistedState(), progress: PROGRESS, flags: { X: starred, Y: starred } },
      Object.keys(PROGRESS),
    );
  before(store);
  window.location.hash = hash;
  const user = userEvent.setup({ delay: null });
  render(
    <ProgressStoreContext.Provider value={store}>
      <PracticeScreen content={content()} />
    </ProgressStoreContext.Provider>,
  );
  return user;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.location.hash = '';
});

/** The card on screen, by its question. */
async function shownCard(): Promise<string> {
  const question = await screen.findByRole('article');
  const text = question.querySelector('.card-question')?.textContent;
  return Object.keys(QUESTIONS).find((id) => QUESTIONS[id] === text)!;
}

/** Shows the answer, waits `ms`, grades Good with the button; returns the card graded. */
async function gradeGood(user: ReturnType<typeof userEvent.setup>, ms: number): Promise<string> {
  const id = await shownCard();
  await user.click(screen.getByRole('button', { name: /Show answer/ }));
  act(() => vi.setSystemTime(Date.now() + ms));
  await user.click(screen.getByRole('button', { name: /Good/ }));
  return id;
}

describe('drill weak', () => {
  it('rates a due card as its review and a card not due as practice, schedule untouched', async () => {
    const user = setup('#/practice/weak');
    expect(await screen.findByText('1 / 2')).toBeTruthy();
    const graded: string[] = [];
    for (let i = 0; i < 2; i++) {
      graded.push(await shownCard());
      await user.keyboard(' ');
      expect(await screen.findByText(`Answer ${graded[i]}`)).toBeTruthy();
      act(() => vi.setSystemTime(Date.now() + 7000));
      await user.keyboard('3');
    }
    expect([...graded].sort()).toEqual(['X', 'Y']);
    expect(await screen.findByText('Session done')).toBeTruthy();
    expect(screen.getByText('2 cards graded · 1 counted as a review')).toBeTruthy();
    const log = await store.reviewLog();
    expect(log.map((e) => [e.cardId, e.kind, e.grade, e.answerMs]).sort()).toEqual([
      ['X', 'review', 'good', 7000],
      ['Y', 'practice', 'good', 7000],
    ]);
    // Practice leaves Y exactly as it was; X's review scheduled it anew.
    expect(store.getState().progress.Y).toEqual(PROGRESS.Y);
    expect(store.getState().progress.X!.reps).toBe(PROGRESS.X!.reps + 1);
    expect(store.getState().progress.X!.due).toBeGreaterThan(NOW);
  });
});

describe('cram', () => {
  it('goes through the deck shuffled, all practice: every due date stays as it was', async () => {
    const user = setup('#/practice/deck/test');
    expect(await screen.findByText('Deck: Test deck')).toBeTruthy();
    expect(await screen.findByText('1 / 3')).toBeTruthy();
    const graded = [await gradeGood(user, 3000), await gradeGood(user, 90_000)];
    expect(screen.getByText('3 / 3')).toBeTruthy();
    graded.push(await gradeGood(user, 1000));
    expect([...graded].sort()).toEqual(['X', 'Y', 'Z']);
    expect(await screen.findByText('3 cards graded · 0 counted as reviews')).toBeTruthy();
    expect(store.getState().progress).toEqual(PROGRESS);
    const log = await store.reviewLog();
    expect(log.map((e) => [e.cardId, e.kind, e.answerMs])).toEqual([
      [graded[0], 'practice', 3000],
      [graded[1], 'practice', 60_000], // capped at a minute
      [graded[2], 'practice', 1000],
    ]);
  });

  it('counts the grades as reviews when asked to', async () => {
    const user = setup('#/practice/deck/test');
    await user.click(await screen.findByRole('checkbox', { name: /Count as reviews/ }));
    for (let i = 0; i < 3; i++) await gradeGood(user, 2000);
    expect(await screen.findByText('3 cards graded · 3 counted as reviews')).toBeTruthy();
    const log = await store.reviewLog();
    expect(log.map((e) => e.kind)).toEqual(['review', 'review', 'review']);
    expect(store.getState().progress.Y!.reps).toBe(PROGRESS.Y!.reps + 1);
    expect(store.getState().progress.Z!.reps).toBe(1);
  });

  it('never takes a suspended card, and says when a set is empty', async () => {
    setup('#/practice/starred', (s) => s.getState().setSuspended('X', true));
    expect(await screen.findByText('1 / 1')).toBeTruthy();
    expect(await shownCard()).toBe('Y');
    cleanup();
    setup('#/practice/tag/none');
    expect(await screen.findByText('There are no cards in this set.')).toBeTruthy();
  });

  it('offers a chooser without a set, whose Start goes to the set’s address', async () => {
    const user = setup('#/practice');
    await user.click(await screen.findByRole('radio', { name: 'At random' }));
    const count = screen.getByRole('textbox', { name: 'How many' });
    await user.clear(count);
    await user.type(count, '2');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(window.location.hash).toBe('#/practice/random/2');
    expect(await screen.findByText('2 cards at random')).toBeTruthy();
    expect(await screen.findByText('1 / 2')).toBeTruthy();
  });
});
