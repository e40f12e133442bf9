// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import type { Card, Deck } from '../../../src/deck/types.ts';
import { InterviewScreen } from '../../../src/features/interview/InterviewScreen.tsx';
import { loadScreenText } from '../../../src/i18n/catalogues.ts';
import { PreferencesStoreContext } from '../../../src/preferences/preferencesContext.ts';
import { createPreferencesStore } from '../../../src/preferences/preferencesStore.ts';
import { currentEngine } from '../../../src/scheduler/engine.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import type { ProgressStore } from '../../../src/store/progressStore.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';

// 10:00 on 27 Nov in Asia/Shanghai (the tests' zone); the interview is at 14:00 the next day.
const T0 = Date.UTC(2026, 10, 27, 2, 0);
const AT = Date.UTC(2026, 10, 28, 6, 0);
const HOUR = 3_600_000;

const card = (n: number): Card => ({
  id: `rnn/q${n}`,
  deck: 'rnn',
  questionHtml: `<p>Question ${n}?</p>`,
  answerHtml: '<p>A</p>',
  questionText: `Question ${n}?`,
  answerText: 'A',
  sources: [],
  tags: ['rnn'],
  source: { file: 'rnn.md', line: n, column: 1 } as Card['source'],
  hasMath: false,
});
const DECK: Deck = { slug: 'rnn', title: 'RNN', tags: ['rnn'], cards: [card(1), card(2), card(3)] };

let store: ProgressStore;
beforeEach(async () => {
  await loadScreenText();
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setInterval', 'clearInterval'] });
  store = createProgressStore({
    engine: currentEngine,
    storage: new MemoryStorage(),
    now: () => Date.now(),
  });
  store.getState().setSettings({ planDailyLimit: 1 });
  store.getState().addInterview({ name: 'Acme', at: AT, scope: { decks: [], tags: [] } });
  render(
    <ProgressStoreContext.Provider value={store}>
      <PreferencesStoreContext.Provider
        value={createPreferencesStore({ storage: new MemoryStorage(), languages: ['en'] })}
      >
        <InterviewScreen content={contentFromDecks([DECK])} />
      </PreferencesStoreContext.Provider>
    </ProgressStoreContext.Provider>,
  );
  await act(async () => {});
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('interview screen', () => {
  it('shows readiness, the plan per day and the overflow in plain words', () => {
    expect(screen.getByTestId('readiness').textContent).toBe('0%');
    // One new card learnt today (the daily limit) lifts a third of the cards.
    const plan = screen.getByTestId('readiness-plan').textContent;
    expect(plan).toMatch(/^\d+%$/);
    expect(
      screen.getByText(`2 cards don’t fit the daily limit; reachable readiness ${plan}.`),
    ).toBeTruthy();
    expect(screen.getByText('3 cards predicted below target, weakest first')).toBeTruthy();
    expect(screen.getByRole('table').textContent).toContain('1');
    // Its rehearsals: a mock interview and a cram of its cards, each at its own address.
    const mock = screen.getByRole('link', { name: 'Mock interview' }).getAttribute('href');
    const cram = screen.getByRole('link', { name: 'Cram its cards' }).getAttribute('href');
    expect(mock).toMatch(/^#\/mock\/[A-Za-z0-9_-]+$/);
    expect(cram).toBe(mock!.replace('#/mock/', '#/practice/interview/'));
  });

  it('counts down with the clock', async () => {
    expect(screen.getByText('in 1 day')).toBeTruthy();
    await act(async () => {
      vi.advanceTimersByTime(16 * HOUR);
    });
    expect(screen.getByText('in 12 hours')).toBeTruthy();
  });

  it('records the readiness a past interview had from the reviews before it only', async () => {
    // Nothing studied before the interview; a card learnt an hour after it, the same study day.
    vi.setSystemTime(AT + HOUR);
    act(() => store.getState().rate('rnn/q1', 'good', AT + HOUR));
    await act(async () => {
      vi.advanceTimersByTime(60_000); // the screen's clock moves past the interview
    });
    const [record] = Object.values(store.getState().interviews);
    expect(record!.value!.readinessAtPast).toBe(0);
    expect(screen.getByText('readiness then: 0%')).toBeTruthy();
  });

  it('renders an interview at any date storage holds, its plan bounded', async () => {
    const far = Date.UTC(3000, 0, 1, 1); // 09:00 local on 1 Jan 3000
    await act(async () => {
      store.getState().addInterview({ name: 'Far', at: far, scope: { decks: [], tags: [] } });
    });
    const card = screen.getByRole('article', { name: 'Far' });
    expect(within(card).getByTestId('readiness').textContent).toBe('0%');
    // Its cards' windows open past the plan's horizon: none planned for it, none said not to
    // fit; its table shows only the day with a card (planned for Acme, which helps it too).
    expect(within(card).queryByRole('status')).toBeNull();
    expect(within(card).getAllByRole('row')).toHaveLength(1);
  });

  it('refuses a date before 1970 or more than five years ahead, saying which dates it takes', () => {
    const form = screen.getByRole('heading', { name: 'Add an interview' }).parentElement!;
    const add = (date: string) => {
      fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Old' } });
      fireEvent.change(within(form).getByLabelText('Date'), { target: { value: date } });
      fireEvent.change(within(form).getByLabelText('Time'), { target: { value: '09:00' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Add interview' }));
    };
    for (const date of ['1960-01-01', '0050-06-01', '2031-11-28']) {
      add(date);
      expect(within(form).getByRole('alert').textContent).toBe(
        'Choose a date from 1970 up to November 27, 2031.',
      );
    }
    expect(Object.keys(store.getState().interviews)).toHaveLength(1);
    add('2031-11-27');
    expect(Object.keys(store.getState().interviews)).toHaveLength(2);
  });
});
