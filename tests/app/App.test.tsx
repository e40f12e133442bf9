// @vitest-environment jsdom
import { currentEngine } from '../../src/scheduler/engine.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { contentFromDecks } from '../../src/content/deckContent.ts';
import { App } from '../../src/app/App.tsx';
import type { Card, Deck } from '../../src/deck/types.ts';
import { PreferencesStoreContext } from '../../src/preferences/preferencesContext.ts';
import {
  PREFERENCES_KEY,
  createPreferencesStore,
  type PreferencesStore,
} from '../../src/preferences/preferencesStore.ts';
import { ProgressStoreContext } from '../../src/store/context.tsx';
import { createProgressStore } from '../../src/store/localProgressStore.ts';
import type { ProgressStore } from '../../src/store/progressStore.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

const T0 = Date.UTC(2026, 10, 27, 2, 0);

function card(n: number, question: string): Card {
  return {
    id: `rnn/q${n}`,
    deck: 'rnn',
    number: n,
    questionHtml: `<p>${question}</p>`,
    answerHtml: `<p>答案 ${n}</p>`,
    questionText: question,
    answerText: `答案 ${n}`,
    sources: [],
    tags: [],
    source: { file: 'content/rnn.md', line: n },
    hasMath: false,
  };
}

const DECKS: Deck[] = [
  {
    slug: 'rnn',
    title: 'RNN',
    tags: [],
    cards: [card(1, 'RNN和CNN之间有什么区别？'), card(2, 'LSTM为什么能缓解梯度消失？')],
  },
];

let storage: MemoryStorage;
let progress: ProgressStore;
let preferences: PreferencesStore;

function mount(languages: readonly string[] = ['en-US']) {
  progress = createProgressStore({ engine: currentEngine, storage, now: () => Date.now() });
  preferences = createPreferencesStore({ storage, languages });
  return render(
    <ProgressStoreContext.Provider value={progress}>
      <PreferencesStoreContext.Provider value={preferences}>
        <App content={contentFromDecks(DECKS)} />
      </PreferencesStoreContext.Provider>
    </ProgressStoreContext.Provider>,
  );
}

const go = (hash: string) =>
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });

const intro = () => document.querySelector('dialog.intro');
/** The introduction is loaded on demand: wait for it to arrive. */
const introArrives = () => waitFor(() => expect(intro()).not.toBeNull());
const introOpen = () => intro()?.hasAttribute('open') ?? false;
const navNames = () =>
  within(screen.getByRole('navigation'))
    .getAllByRole('link')
    .map((a) => a.textContent);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  storage = new MemoryStorage();
  window.location.hash = '';
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.lang = '';
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('first run', () => {
  it('shows a skippable introduction once, over the review screen', async () => {
    const user = userEvent.setup({ delay: null });
    mount();
    await introArrives();
    expect(introOpen()).toBe(true);
    expect(within(intro() as HTMLElement).getByRole('heading').textContent).toBe('How it works');
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    expect(introOpen()).toBe(false);
    expect(JSON.parse(storage.getItem(PREFERENCES_KEY) ?? '{}')).toMatchObject({
      state: { introSeen: true },
    });

    cleanup();
    mount();
    expect(introOpen()).toBe(false);
  });

  it('walks through the loop, the four grades and the controls', async () => {
    const user = userEvent.setup({ delay: null });
    mount();
    await introArrives();
    const dialog = intro() as HTMLElement;
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(within(dialog).getByRole('heading').textContent).toBe('Grade yourself honestly');
    expect(dialog.textContent).toMatch(/Again.*Hard.*Good.*Easy/);
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(within(dialog).getByRole('heading').textContent).toBe('Keys and swipes');
    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(within(dialog).getByRole('heading').textContent).toBe('Grade yourself honestly');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(within(dialog).getByRole('button', { name: 'Start reviewing' }));
    expect(preferences.getState().introSeen).toBe(true);
  });

  it('keeps the review keys away from the card while it is open', async () => {
    const user = userEvent.setup({ delay: null });
    mount();
    await introArrives();
    await user.keyboard('u'); // a review key with focus inside the dialog
    act(() => {
      document.body.focus();
    });
    // (The grade buttons are in the page, hidden, once the card's intervals are worked out.)
    await waitFor(() => expect(document.querySelector('.grades')).not.toBeNull());
    await user.keyboard(' ');
    expect(screen.queryByRole('button', { name: 'Good' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    await user.keyboard(' ');
    expect(await screen.findByRole('button', { name: 'Good' })).toBeTruthy();
  });

  it('speaks Chinese to a Chinese browser, and English to any other', async () => {
    mount(['zh-CN', 'en']);
    // Chinese is fetched on demand; the app shows it once it has arrived.
    await waitFor(() =>
      expect(navNames()).toEqual(['复习', '浏览', '薄弱', '统计', '面试', '设置']),
    );
    expect(navNames()).toEqual(['复习', '浏览', '薄弱', '统计', '面试', '设置']);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByRole('button', { name: '显示答案' })).toBeTruthy();
    cleanup();
    storage = new MemoryStorage();
    mount(['fr-FR']);
    expect(navNames()).toEqual(['Review', 'Browse', 'Weak', 'Stats', 'Interview', 'Settings']);
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('language switching', () => {
  it('changes every piece of interface text, <html lang> and the title, not the cards', async () => {
    storage.setItem(
      PREFERENCES_KEY,
      JSON.stringify({ state: { locale: 'en', theme: 'system', introSeen: true }, version: 1 }),
    );
    const user = userEvent.setup({ delay: null });
    mount();
    expect(navNames()).toEqual(['Review', 'Browse', 'Weak', 'Stats', 'Interview', 'Settings']);
    const question = 'RNN和CNN之间有什么区别？';
    expect(screen.getByText(question).closest('[lang]')?.getAttribute('lang')).toBe('zh-CN');

    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(document.title).toBe('Settings · RNN flashcards');
    await user.click(screen.getByRole('radio', { name: '简体中文' }));

    expect(navNames()).toEqual(['复习', '浏览', '薄弱', '统计', '面试', '设置']);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('设置 · RNN 面试卡片');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('设置');
    expect(screen.getByLabelText('每天新卡片数量')).toBeTruthy();
    expect(screen.getByRole('option', { name: '04:00' })).toBeTruthy();

    await user.click(screen.getByRole('link', { name: '复习' }));
    await screen.findByText(question);
    await user.click(screen.getByRole('button', { name: '显示答案' }));
    const grades = await screen.findByRole('group', { name: '为你的回答评分' });
    expect(
      within(grades)
        .getAllByRole('button')
        .map((b) => b.querySelector('.grade-name')?.textContent),
    ).toEqual(['重来', '困难', '良好', '简单']);
    expect(within(grades).getByRole('button', { name: '重来' }).textContent).toContain('1分钟');
    expect(screen.getByLabelText('今天剩余的卡片').textContent).toBe('新卡片 2学习中 0待复习 0');

    await user.click(screen.getByRole('link', { name: '设置' }));
    await user.click(await screen.findByRole('radio', { name: 'English' }));
    expect(navNames()).toEqual(['Review', 'Browse', 'Weak', 'Stats', 'Interview', 'Settings']);
    expect(document.documentElement.lang).toBe('en');
    expect(preferences.getState().locale).toBe('en');
  });
});

describe('theme', () => {
  it('follows the system until one is chosen, and sets data-theme on <html>', async () => {
    const user = userEvent.setup({ delay: null });
    mount();
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    go('#/settings');
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    await user.click(screen.getByRole('radio', { name: 'Light' }));
    expect(document.documentElement.dataset.theme).toBe('light');
    await user.click(screen.getByRole('radio', { name: 'System' }));
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });
});

describe('navigation', () => {
  it('links the screens that exist, and moves focus to the new screen', async () => {
    const user = userEvent.setup({ delay: null });
    mount();
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    expect(screen.getByRole('link', { name: 'Review' }).getAttribute('aria-current')).toBe('page');
    go('#/settings');
    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });

  it('reopens the introduction from Settings, and finishing it goes to Review', async () => {
    const user = userEvent.setup({ delay: null });
    mount();
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    go('#/settings');
    await user.click(screen.getByRole('button', { name: 'Show the introduction' }));
    const dialog = intro() as HTMLElement;
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(within(dialog).getByRole('heading').textContent).toBe('How it works');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(within(dialog).getByRole('button', { name: 'Start reviewing' }));
    expect(window.location.hash).toBe('#/review');
  });
});
