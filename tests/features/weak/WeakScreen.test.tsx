// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import type { Card } from '../../../src/deck/types.ts';
import { reasonText, WeakScreen } from '../../../src/features/weak/WeakScreen.tsx';
import { loadCatalogue } from '../../../src/i18n/catalogues.ts';
import { createTranslator } from '../../../src/i18n/translate.ts';
import { rankWeak } from '../../../src/study/weak.ts';
import { currentEngine } from '../../../src/scheduler/engine.ts';
import type { CardProgress, ReviewLogEntry } from '../../../src/scheduler/progress.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { initialPersistedState } from '../../../src/store/persisted.ts';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import { type ProgressStore } from '../../../src/store/progressStore.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';
import { DAY, NOW, entry, progress } from '../../study/helpers.ts';

function card(id: string, question: string): Card {
  return {
    id,
    deck: 'test',
    questionHtml: `<p>${question}</p>`,
    answerHtml: '<p>…</p>',
    questionText: question,
    answerText: '…',
    sources: [],
    tags: [],
    source: { file: 'content/test.md', line: 1 },
    hasMath: false,
  };
}
const QUESTIONS: Record<string, string> = {
  A: 'What does the forget gate do?',
  B: 'Why do gradients vanish?',
  C: 'What is teacher forcing?',
  D: 'What is a GRU?',
  E: 'What is BPTT?',
};
const content = () =>
  contentFromDecks([
    {
      slug: 'test',
      title: 'Test deck',
      tags: [],
      cards: Object.entries(QUESTIONS).map(([id, q]) => card(id, q)),
    },
  ]);

// The hand-built cards of tests/study/weak.test.ts (scores worked out there): A 18 (a leech),
// E 10 (a suspended leech), B 7.07 (starred, recall 69.28%), C 0; D never reviewed.
const PROGRESS: Record<string, CardProgress> = {
  A: progress({ lapses: 4, difficulty: 8, stability: 10, lastReview: NOW - 10 * DAY }),
  B: progress({ lapses: 1, difficulty: 4, stability: 1, lastReview: NOW - 10 * DAY }),
  C: progress({ lapses: 0, difficulty: 5, stability: 10, lastReview: NOW - 1000 }),
  E: progress({ lapses: 5, difficulty: 5, stability: 10, lastReview: NOW - 10 * DAY }),
};
const t = (d: number): number => NOW - d * DAY;
const review = (id: string, grade: ReviewLogEntry['grade'], at: number): ReviewLogEntry => ({
  ...entry(id, grade, at),
  kind: 'review',
  answerMs: null,
});
const LOG: ReviewLogEntry[] = [
  review('A', 'good', t(60)),
  review('A', 'again', t(50)),
  review('A', 'again', t(40)),
  review('A', 'hard', t(30)),
  review('A', 'good', t(20)),
  review('A', 'again', t(10)),
];

let store: ProgressStore;

function setup(seed: boolean) {
  store = createProgressStore({
    engine: currentEngine,
    storage: new MemoryStorage(),
    now: () => Date.now(),
  });
  if (seed) {
    const flag = (f: { starred?: boolean; suspended?: boolean }) => ({
      starred: false,
      suspended: false,
      rev: 1,
      ...f,
    });
    store.getState().applyMerged(
      {
        ...initialPersistedState(),
        progress: PROGRESS,
        log: LOG,
        flags: { B: flag({ starred: true }), E: flag({ suspended: true }) },
      },
      Object.keys(PROGRESS),
    );
  }
  const user = userEvent.setup({ delay: null });
  render(
    <ProgressStoreContext.Provider value={store}>
      <WeakScreen content={content()} />
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
});

const rows = () =>
  screen.getAllByRole('listitem').filter((li) => li.className.includes('weak-row'));
const reasonsOf = (row: HTMLElement) =>
  [...row.querySelectorAll('.weak-reasons > li')].map((li) => li.textContent);

describe('Weak', () => {
  it('says so when nothing has been reviewed yet', async () => {
    setup(false);
    expect(await screen.findByText('Nothing reviewed yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to Review' }).getAttribute('href')).toBe(
      '#/review',
    );
    expect(screen.queryByRole('link', { name: 'Drill weak' })).toBeNull();
  });

  it('ranks every reviewed card, weakest first, with its reasons in words', async () => {
    setup(true);
    await screen.findByText('4 cards reviewed · leeches: 2');
    const list = rows();
    expect(list.map((r) => r.querySelector('.weak-question')?.textContent)).toEqual([
      QUESTIONS.A,
      QUESTIONS.E,
      QUESTIONS.B,
      QUESTIONS.C,
    ]);
    expect(reasonsOf(list[0]!)).toEqual([
      'Forgotten 4 times',
      'Again 3, Hard 1 in the last 5 grades',
      'Difficulty 8 of 10',
      'Leech',
    ]);
    expect(reasonsOf(list[1]!)).toEqual(['Forgotten 5 times', 'Leech', 'Suspended']);
    expect(reasonsOf(list[2]!)).toEqual([
      'Forgotten once',
      'Predicted recall today 69%',
      'Starred',
    ]);
    expect(reasonsOf(list[3]!)).toEqual(['No warning signs']);
    expect(list.map((r) => r.classList.contains('is-leech'))).toEqual([true, true, false, false]);
    expect(screen.getByRole('link', { name: 'Drill weak' }).getAttribute('href')).toBe(
      '#/practice/weak',
    );
    expect(screen.getByRole('link', { name: 'Cram' }).getAttribute('href')).toBe('#/practice');
  });

  it('stars and unstars a card, which moves in the ranking', async () => {
    const user = setup(true);
    await screen.findByText('4 cards reviewed · leeches: 2');
    // C (score 0) starred: 3 points, still last (B has 7.07).
    await user.click(within(rows()[3]!).getByRole('button', { name: 'Star' }));
    expect(store.getState().flags.C?.starred).toBe(true);
    expect(reasonsOf(rows()[3]!)).toEqual(['Starred']);
    // B unstarred: 4.07, still above C's 3.
    await user.click(within(rows()[2]!).getByRole('button', { name: 'Unstar' }));
    expect(store.getState().flags.B?.starred).toBe(false);
    expect(reasonsOf(rows()[2]!)).toEqual(['Forgotten once', 'Predicted recall today 69%']);
    expect(within(rows()[3]!).getByRole('button', { name: 'Unstar' })).toBeTruthy();
  });

  it('follows the leech threshold setting', async () => {
    setup(true);
    await screen.findByText('4 cards reviewed · leeches: 2');
    act(() => store.getState().setSettings({ leechThreshold: 5 }));
    expect(await screen.findByText('4 cards reviewed · leeches: 1')).toBeTruthy();
    expect(reasonsOf(rows()[0]!)).not.toContain('Leech');
  });

  it('ranks a log of 100,010 reviews without freezing', async () => {
    // The store's whole log is what the screen reads: here, 100,010 reviews of the five cards.
    const big: ReviewLogEntry[] = Array.from({ length: 100_010 }, (_, i) =>
      review('ABCDE'[i % 5]!, i % 7 === 0 ? 'again' : 'good', NOW - (100_010 - i) * 60_000),
    );
    const options = { now: NOW, rolloverHour: 4, leechThreshold: 4 };
    rankWeak(PROGRESS, big.slice(0, 1000), {}, options); // warm up the JIT
    const rankingStarted = performance.now();
    rankWeak(PROGRESS, big, {}, options);
    // Loose: tens of milliseconds on an idle machine; a freeze would be many seconds.
    expect(performance.now() - rankingStarted).toBeLessThan(2000);

    const bigStore = createProgressStore({
      engine: currentEngine,
      storage: new MemoryStorage(),
      now: () => Date.now(),
    });
    bigStore
      .getState()
      .applyMerged(
        { ...initialPersistedState(), progress: PROGRESS, log: [] },
        Object.keys(PROGRESS),
      );
    const started = performance.now();
    render(
      <ProgressStoreContext.Provider
        value={Object.assign(bigStore, { reviewLog: () => Promise.resolve(big) })}
      >
        <WeakScreen content={content()} />
      </ProgressStoreContext.Provider>,
    );
    await screen.findByText('4 cards reviewed · leeches: 2');
    expect(performance.now() - started).toBeLessThan(5000);
    // The last five reviews of A are entries 99,985 … 100,005: only 99,995 is a multiple of 7.
    expect(reasonsOf(rows()[0]!)).toContain('Again 1, Hard 0 in the last 5 grades');
  }, 20_000);
});

describe('a reason in words', () => {
  const misses = (of: number) =>
    ({ kind: 'recentMisses', again: 1, hard: 0, of, points: 2 }) as const;

  it('counts the recent grades in the right form: one grade, or several', async () => {
    const en = createTranslator('en');
    expect(reasonText(en, misses(1))).toBe('Again 1, Hard 0 in the last grade');
    expect(reasonText(en, misses(5))).toBe('Again 1, Hard 0 in the last 5 grades');
    await loadCatalogue('zh');
    const zh = createTranslator('zh');
    expect(reasonText(zh, misses(1))).toBe('最近 1 次评分中：重来 1 次，困难 0 次');
    expect(reasonText(zh, misses(5))).toBe('最近 5 次评分中：重来 1 次，困难 0 次');
  });
});
