// @vitest-environment jsdom
// The next study days' first screens, drawn off-screen by the review screen's own components.
import { describe, expect, it, vi } from 'vitest';
import { createDeckContent } from '../../../src/content/deckContent.ts';
import type { Card } from '../../../src/deck/types.ts';
import { laterScreens } from '../../../src/features/review/laterScreens.tsx';
import type { CardProgress } from '../../../src/scheduler/progress.ts';
import { DEFAULT_SETTINGS } from '../../../src/scheduler/settings.ts';

// Asia/Shanghai (UTC+8, see vitest.config.ts): study days start at 04:00 local time.
const local = (d: number, h: number) => Date.UTC(2026, 10, d, h - 8);
const NOW = local(27, 10);

const card = (n: number, question: string): Card => ({
  id: `test/q${n}`,
  deck: 'test',
  number: n,
  questionHtml: `<p>${question}</p>`,
  answerHtml: '<p>Hidden.</p>',
  questionText: question,
  answerText: 'Hidden.',
  sources: [],
  tags: [],
  source: { file: 'content/test.md', line: n },
  hasMath: false,
});
const CARDS = [card(1, 'Why gates?'), card(2, 'Why clip gradients?'), card(3, 'What is BPTT?')];
const INDEX = {
  slug: 'test',
  title: 'Test deck',
  tags: [],
  file: 'content/test.md',
  ids: CARDS.map((c) => c.id),
};

const review = (due: number): CardProgress => ({
  due,
  stability: 5,
  difficulty: 5,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 3,
  lapses: 0,
  state: 'review',
  lastReview: due - 3 * 86_400_000,
});

const input = (loaded: readonly Card[], load = vi.fn(() => Promise.resolve([] as Card[]))) => ({
  content: createDeckContent([INDEX], load, [loaded]),
  ids: INDEX.ids,
  progress: { 'test/q2': review(local(28, 9)) },
  flags: { 'test/q2': { starred: true, suspended: false, rev: NOW } },
  settings: { ...DEFAULT_SETTINGS, newCardsPerDay: 1 },
  now: NOW,
  deckTitle: 'Test deck',
});

describe('laterScreens', () => {
  it('draws each next study day’s first card and counts as the review screen does', () => {
    const screens = laterScreens(input(CARDS));
    // Nothing studied in between: every day starts with the review due tomorrow.
    // (Date.UTC carries 31 November over to 1 December.)
    expect(screens.map((s) => [s.card, s.at, s.until])).toEqual(
      [28, 29, 30, 31, 32, 33, 34].map((day) => ['test/q2', local(day, 4), local(day + 1, 4)]),
    );
    const page = document.createElement('div');
    page.innerHTML = screens[0]!.parts.join('');
    expect(page.querySelector('.counts')?.textContent).toBe('New 1Learning 0Review 1');
    expect(page.querySelector('.deck-link')?.textContent).toBe('Decks Test deck');
    expect(page.querySelector('.card-meta')?.textContent).toBe('Test deck · Q2');
    expect(page.querySelector('.btn-star')?.classList.contains('is-starred')).toBe(true);
    expect(page.querySelector('#card-question')?.innerHTML).toBe('<p>Why clip gradients?</p>');
  });

  it('leaves out a day whose card is not here, and sends for it', () => {
    const load = vi.fn(() => Promise.resolve([] as Card[]));
    expect(laterScreens(input([CARDS[0]!], load))).toEqual([]);
    expect(load).toHaveBeenCalledWith(0, 0);
  });
});
