// @vitest-environment jsdom
import { currentEngine } from '../../../src/scheduler/engine.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Card } from '../../../src/deck/types.ts';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import { BrowseScreen } from '../../../src/features/browse/BrowseScreen.tsx';
import { ReviewScreen } from '../../../src/features/review/ReviewScreen.tsx';
import { PreferencesStoreContext } from '../../../src/preferences/preferencesContext.ts';
import { createPreferencesStore } from '../../../src/preferences/preferencesStore.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import { type ProgressStore } from '../../../src/store/progressStore.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';

const T0 = Date.UTC(2026, 10, 27, 2, 0); // 10:00 local (Asia/Shanghai)
const MIN = 60_000;

function card(deck: string, n: number, question: string, answer: string, tags: string[]): Card {
  return {
    id: `${deck}/q${n}`,
    deck,
    number: n,
    questionHtml: `<p><strong>${question}</strong></p>`,
    answerHtml: `<p>${answer}</p>`,
    questionText: question,
    answerText: answer,
    sources: [],
    tags,
    source: { file: `content/${deck}.md`, line: n },
    hasMath: false,
  };
}

const RNN = [
  card('rnn', 1, 'What does an LSTM forget gate do?', 'It scales the previous cell state.', [
    'lstm',
  ]),
  card('rnn', 2, 'Why do RNN gradients vanish?', 'Repeated products of small factors (梯度消失).', [
    'gradient',
  ]),
  card('rnn', 3, 'What is a GRU?', 'A gated unit with two gates.', ['gru']),
];
const ZH = [card('zh', 1, '什么是梯度裁剪？', '把梯度的范数限制在阈值以内。', ['gradient'])];
const content = () =>
  contentFromDecks([
    { slug: 'rnn', title: 'RNN basics', tags: [], cards: RNN },
    { slug: 'zh', title: '中文卡组', lang: 'zh', tags: [], cards: ZH },
  ]);

let store: ProgressStore;

async function setup(options: { withReview?: boolean; before?: (s: ProgressStore) => void } = {}) {
  store = createProgressStore({
    engine: currentEngine,
    storage: new MemoryStorage(),
    now: () => Date.now(),
  });
  options.before?.(store);
  const user = userEvent.setup({ delay: null });
  const deck = content();
  render(
    <ProgressStoreContext.Provider value={store}>
      <PreferencesStoreContext.Provider
        value={createPreferencesStore({ storage: new MemoryStorage(), languages: ['en'] })}
      >
        {options.withReview && <ReviewScreen content={deck} />}
        <BrowseScreen content={deck} />
      </PreferencesStoreContext.Provider>
    </ProgressStoreContext.Provider>,
  );
  await screen.findByText(/cards? match/);
  return user;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const search = () => screen.getByRole('searchbox', { name: 'Search questions and answers' });
const count = () => document.querySelector('.browse-count')!.textContent;
const rows = () =>
  within(screen.getByRole('list'))
    .getAllByRole('button')
    .map((b) => b.querySelector('.browse-row-question')!.textContent);

describe('Browse: search', () => {
  it('lists every card of every deck with no query', async () => {
    await setup();
    expect(count()).toBe('4 cards match');
    expect(rows()).toEqual([
      'What does an LSTM forget gate do?',
      'Why do RNN gradients vanish?',
      'What is a GRU?',
      '什么是梯度裁剪？',
    ]);
  });

  it('finds exactly the cards containing a Chinese word, in question or answer', async () => {
    const user = await setup();
    await user.type(search(), '梯度');
    expect(count()).toBe('2 cards match');
    expect(rows()).toEqual(['Why do RNN gradients vanish?', '什么是梯度裁剪？']);
    await user.clear(search());
    await user.type(search(), '阈值');
    expect(rows()).toEqual(['什么是梯度裁剪？']);
  });

  it('ignores width and case', async () => {
    const user = await setup();
    await user.type(search(), 'ｌｓｔｍ');
    expect(count()).toBe('1 card matches');
    expect(rows()).toEqual(['What does an LSTM forget gate do?']);
    await user.clear(search());
    await user.type(search(), 'gru');
    expect(rows()).toEqual(['What is a GRU?']);
  });

  it('says so when nothing matches', async () => {
    const user = await setup();
    await user.type(search(), 'transformer');
    expect(count()).toBe('0 cards match');
    expect(screen.getByText('No card matches. Try fewer words or another filter.')).toBeTruthy();
  });
});

describe('Browse: filters and sort', () => {
  it('filters by deck and by tag', async () => {
    const user = await setup();
    await user.selectOptions(screen.getByLabelText('Deck'), '中文卡组');
    expect(rows()).toEqual(['什么是梯度裁剪？']);
    await user.selectOptions(screen.getByLabelText('Deck'), 'All decks');
    await user.selectOptions(screen.getByLabelText('Tag'), 'gradient');
    expect(rows()).toEqual(['Why do RNN gradients vanish?', '什么是梯度裁剪？']);
  });

  it('filters by state: starred, suspended, new, learning', async () => {
    const user = await setup({
      before: (s) => {
        s.getState().rate('rnn/q3', 'good', T0 - 5 * MIN); // learning
        s.getState().setStarred('zh/q1', true);
        s.getState().setSuspended('rnn/q1', true);
      },
    });
    const state = screen.getByLabelText('State');
    await user.selectOptions(state, 'Starred');
    expect(rows()).toEqual(['什么是梯度裁剪？']);
    await user.selectOptions(state, 'Suspended');
    expect(rows()).toEqual(['What does an LSTM forget gate do?']);
    await user.selectOptions(state, 'Learning');
    expect(rows()).toEqual(['What is a GRU?']);
    await user.selectOptions(state, 'New');
    expect(count()).toBe('3 cards match');
  });

  it('sorts by due date: soonest first, new cards last in deck order', async () => {
    const user = await setup({
      before: (s) => {
        s.getState().rate('zh/q1', 'easy', T0 - 10 * MIN); // review, due in days
        s.getState().rate('rnn/q2', 'good', T0 - 5 * MIN); // learning, due in minutes
      },
    });
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Due date');
    expect(rows()).toEqual([
      'Why do RNN gradients vanish?',
      '什么是梯度裁剪？',
      'What does an LSTM forget gate do?',
      'What is a GRU?',
    ]);
  });
});

describe('Browse: an opened card', () => {
  it('opens with Enter and shows the card, its schedule and whole history; Escape closes', async () => {
    const user = await setup({
      before: (s) => {
        s.getState().rate('rnn/q2', 'again', T0 - 30 * MIN, { answerMs: 12_300 });
        s.getState().rate('rnn/q2', 'good', T0 - 20 * MIN, { answerMs: 4_000 });
        s.getState().rate('rnn/q2', 'hard', T0 - 10 * MIN, { practice: true });
      },
    });
    const row = screen.getByRole('button', { name: /Why do RNN gradients vanish/ });
    row.focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'RNN basics · Q2' });
    expect(within(dialog).getByText('Why do RNN gradients vanish?').tagName).toBe('STRONG');
    expect(within(dialog).getByText('Repeated products of small factors (梯度消失).')).toBeTruthy();
    expect(within(dialog).getByText('Learning')).toBeTruthy();
    const history = await within(dialog).findByRole('table');
    const lines = within(history)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(lines).toEqual([
      ['Nov 27, 2026, 9:50 AM', 'Hard', 'Practice', '—'],
      ['Nov 27, 2026, 9:40 AM', 'Good', 'Review', '4 sec'],
      ['Nov 27, 2026, 9:30 AM', 'Again', 'Review', '12.3 sec'],
    ]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Suspend takes the card out of the review queue; Unsuspend puts it back', async () => {
    const user = await setup({ withReview: true });
    const newCount = () =>
      screen.getByLabelText('Cards left today').querySelector('.count-new b')!.textContent;
    expect(newCount()).toBe('4');
    await user.click(screen.getByRole('button', { name: /What is a GRU/ }));
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(store.getState().flags['rnn/q3']?.suspended).toBe(true);
    expect(newCount()).toBe('3');
    await user.click(screen.getByRole('button', { name: 'Unsuspend' }));
    expect(newCount()).toBe('4');
    // (The review screen beside it has a Star button of its own, for its card.)
    const detail = screen.getByRole('dialog');
    await user.click(within(detail).getByRole('button', { name: 'Star' }));
    expect(store.getState().flags['rnn/q3']?.starred).toBe(true);
    expect(within(detail).getByRole('button', { name: 'Unstar' })).toBeTruthy();
  });

  it('Reset asks first, then forgets the schedule; Undo brings it back', async () => {
    const user = await setup({
      before: (s) => s.getState().rate('rnn/q1', 'easy', T0 - 10 * MIN),
    });
    const before = store.getState().progress['rnn/q1'];
    expect(before?.state).toBe('review');
    await user.click(screen.getByRole('button', { name: /LSTM forget gate/ }));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Reset this card?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(store.getState().progress['rnn/q1']).toEqual(before);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Reset' }),
    );
    expect(store.getState().progress['rnn/q1']).toBeUndefined();
    expect(screen.getByText('Not studied yet: it comes as a new card.')).toBeTruthy();
    // The reviews stay in the history.
    expect((await screen.findByRole('table')).querySelectorAll('tbody tr')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().progress['rnn/q1']).toEqual(before);
    expect(screen.getByText('Reset undone.')).toBeTruthy();
  });

  it('Escape in the confirmation closes it alone; focus stays in the card through Reset and Undo', async () => {
    const user = await setup({
      before: (s) => s.getState().rate('rnn/q1', 'easy', T0 - 10 * MIN),
    });
    await user.click(screen.getByRole('button', { name: /LSTM forget gate/ }));
    const detail = screen.getByRole('dialog', { name: 'RNN basics · Q1' });
    await user.click(within(detail).getByRole('button', { name: 'Reset' }));
    // Escape in a modal dialog is the browser's cancel event (jsdom has no showModal to send it).
    fireEvent(screen.getByRole('alertdialog'), new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'RNN basics · Q1' }).hasAttribute('open')).toBe(true);

    await user.click(within(detail).getByRole('button', { name: 'Reset' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Reset' }),
    );
    // Reset is now disabled: focus goes to the notice's Undo, then back to Reset.
    const undo = within(detail).getByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);
    await user.keyboard('{Enter}');
    expect(screen.getByText('Reset undone.')).toBeTruthy();
    expect(document.activeElement).toBe(within(detail).getByRole('button', { name: 'Reset' }));
  });
});
