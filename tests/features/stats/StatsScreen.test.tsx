// @vitest-environment jsdom
// The Stats screen over a hand-built log: every figure worked out by hand below.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { Card } from '../../../src/deck/types.ts';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import { StatsScreen } from '../../../src/features/stats/StatsScreen.tsx';
import { currentEngine } from '../../../src/scheduler/engine.ts';
import {
  newProgress,
  type CardProgress,
  type CardState,
  type Grade,
  type ReviewLogEntry,
} from '../../../src/scheduler/progress.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { initialPersistedState, type PersistedState } from '../../../src/store/persisted.ts';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import type { ProgressRepository } from '../../../src/store/repository.ts';

/** Friday 27 November 2026, 10:00 in Asia/Shanghai (the tests' zone); days start at 04:00. */
const NOW = Date.UTC(2026, 10, 27, 2, 0);
const DAY = 86_400_000;
/** 10:00 local on the given day of 2026 (month 1-based), plus minutes. */
const at = (month: number, day: number, minutes = 0) => Date.UTC(2026, month - 1, day, 2, minutes);

function entry(
  cardId: string,
  reviewedAt: number,
  state: CardState,
  grade: Grade,
  { stability = 1, scheduledDays = 0, elapsedDays = 0, answerMs = null as number | null } = {},
  kind: ReviewLogEntry['kind'] = 'review',
): ReviewLogEntry {
  return {
    cardId,
    kind,
    grade,
    reviewedAt,
    state,
    stability,
    difficulty: 5,
    scheduledDays,
    elapsedDays,
    answerMs,
  };
}

// At elapsedDays = stability, FSRS predicts recall 0.9 exactly: six scored reviews (e 19 Nov,
// a and b 22 Nov, d 25 Nov, b 26 Nov, a today), all in the bin [90%, 95%), five recalled, so
// RMSE = |0.9 − 5/6| = 0.067.
const LOG: ReviewLogEntry[] = [
  // e: its first review in the log is already in review (prior review trimmed): mature by its
  // elapsed 25 days; not scored (no earlier review).
  entry('d/e', at(10, 20), 'review', 'good', { stability: 30, scheduledDays: 30, elapsedDays: 25 }),
  // f: practice only, 10–14 November: the longest streak, 5 days.
  ...[10, 11, 12, 13, 14].map((d) => entry('d/f', at(11, d), 'review', 'good', {}, 'practice')),
  entry('d/e', at(11, 19), 'review', 'good', { stability: 60, scheduledDays: 60, elapsedDays: 30 }),
  entry('d/a', at(11, 20), 'new', 'good', { stability: 2, scheduledDays: 2 }),
  entry('d/b', at(11, 20, 5), 'new', 'good', { stability: 2, scheduledDays: 2 }),
  entry('d/a', at(11, 22), 'review', 'good', { stability: 5, scheduledDays: 5, elapsedDays: 2 }),
  entry('d/b', at(11, 22, 5), 'review', 'good', { stability: 4, scheduledDays: 4, elapsedDays: 2 }),
  entry('d/d', at(11, 24), 'new', 'again'),
  entry('d/d', at(11, 25), 'learning', 'good', { stability: 3, scheduledDays: 3, elapsedDays: 1 }),
  entry('d/b', at(11, 26), 'review', 'hard', {
    stability: 8,
    scheduledDays: 8,
    elapsedDays: 4,
    answerMs: 8_000,
  }),
  entry('d/c', at(11, 26, 10), 'review', 'good', { answerMs: 7_000 }, 'practice'),
  entry('d/a', NOW - 60 * 60_000, 'review', 'again', { elapsedDays: 5, answerMs: 12_000 }),
];

const progressOf = (state: CardState, due: number, lapses = 0): CardProgress => ({
  ...newProgress(due),
  state,
  stability: 5,
  lapses,
  lastReview: due - DAY,
});

const PROGRESS: Record<string, CardProgress> = {
  'd/a': progressOf('relearning', NOW + 10 * 60_000, 4),
  'd/b': progressOf('review', NOW + 7 * DAY),
  'd/c': progressOf('review', NOW - DAY),
  'd/d': progressOf('learning', NOW + DAY),
  'd/e': progressOf('review', NOW + 52 * DAY),
  'd/f': progressOf('review', NOW + DAY),
};

function card(id: string, n: number): Card {
  return {
    id,
    deck: 'd',
    number: n,
    questionHtml: `<p>Q${n}</p>`,
    answerHtml: `<p>A${n}</p>`,
    questionText: `Q${n}`,
    answerText: `A${n}`,
    sources: [],
    tags: [],
    source: { file: 'content/d.md', line: n },
    hasMath: false,
  };
}

function renderStats(stored: Partial<PersistedState>) {
  const state = { ...initialPersistedState(), ...stored };
  const repository: ProgressRepository = {
    load: () => state,
    save: () => {},
    subscribe: () => () => {},
    problems: () => [],
    listBackups: () => [],
    readRaw: () => null,
    deleteBackup: () => {},
    discard: () => {},
    readBackup: () => ({ ok: false, reason: 'no backups in this test' }),
    storedReviews: () => [],
    takenBack: () => false,
    dismissVanished: () => {},
  };
  const store = createProgressStore({ engine: currentEngine, repository, now: () => NOW });
  const ids = ['d/a', 'd/b', 'd/c', 'd/d', 'd/e', 'd/f', 'd/g'];
  const content = contentFromDecks([
    { slug: 'd', title: 'D', tags: [], cards: ids.map((id, i) => card(id, i + 1)) },
  ]);
  render(
    <ProgressStoreContext.Provider value={store}>
      <StatsScreen content={content} />
    </ProgressStoreContext.Provider>,
  );
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const section = (name: string) => screen.getByRole('region', { name });
const caption = (name: string) => section(name).querySelector('figcaption')?.textContent;
const definition = (within_: HTMLElement, term: string) =>
  within(within_).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('Stats', () => {
  it('says so, and links to reviewing, when nothing has been graded yet', async () => {
    renderStats({});
    expect(await screen.findByRole('heading', { name: 'No reviews yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Start reviewing' }).getAttribute('href')).toBe(
      '#/review',
    );
    expect(screen.queryByRole('region', { name: 'Reviews per day' })).toBeNull();
  });

  it('shows every figure of a hand-built log', async () => {
    renderStats({
      log: LOG,
      progress: PROGRESS,
      flags: {
        'd/c': { starred: true, suspended: false, rev: 1 },
        'd/g': { starred: false, suspended: true, rev: 1 },
      },
    });
    const headline = await screen.findByTestId('stats-reviews');
    expect(headline.textContent).toBe('10');
    const top = headline.closest('dl')!;
    expect(definition(top, 'Practice')).toBe('6');
    // Graded 24, 25, 26, 27 November (today): 4; 10–14 November, practice only: 5.
    expect(definition(top, 'Current streak')).toBe('4 days');
    expect(definition(top, 'Longest streak')).toBe('5 days');

    expect(caption('Reviews per day')).toBe(
      'Last 12 months: reviews 10, practice 6, days studied 13. ' +
        'Practice (drilled cards that were not due) keeps a streak going but does not count towards retention or the predictions below.',
    );
    const months = within(section('Reviews per day')).getAllByRole('row');
    expect(months.map((r) => r.textContent)).toContain('November 20269612');
    expect(months.map((r) => r.textContent)).toContain('October 2026101');

    // a today (+ c, overdue since yesterday), d and f tomorrow, b in 7 days; e beyond 30 days.
    expect(caption('Due in the next 30 days')).toBe(
      'Cards due in the next 30 days: 5. Today: 2, of which 1 overdue.',
    );

    // Young: 22 Nov a, b good; 26 Nov b hard; 27 Nov a again → 3 of 4. Mature: e twice.
    const retention = section('True retention per week');
    expect(caption('True retention per week')).toContain(
      'Share of reviews not answered Again, in the weeks with reviews (up to the last 12): young cards 75% of 4, mature cards 100% of 2.',
    );
    expect(
      within(retention)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'WeekYoungMature',
      '2026-W43 (Oct 19)—100% of 1',
      '2026-W47 (Nov 16)100% of 2100% of 1',
      '2026-W48 (Nov 23)50% of 2—',
    ]);

    const states = section('Cards by state');
    expect(definition(states, 'New')).toBe('1');
    expect(definition(states, 'Learning')).toBe('1');
    expect(definition(states, 'Relearning')).toBe('1');
    expect(definition(states, 'Review')).toBe('4');
    expect(definition(states, 'Suspended')).toBe('1');
    expect(definition(states, 'Leeches')).toBe('1');
    expect(definition(states, 'Starred')).toBe('1');

    // 8 s + 7 s on 26 Nov, 12 s today; the other 12 grades since 29 Oct have no time.
    const time = section('Time spent per day');
    expect(caption('Time spent per day')).toBe(
      'Last 30 days: 27 sec answering, over 3 timed grades (9 sec each on average).',
    );
    expect(within(time).getByText(/^12 grades/)).toBeTruthy();
    expect(
      within(time)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['DayTime answeringTimed grades', 'Nov 2615 sec2', 'Nov 2712 sec1']);

    const calibration = section('How far the predictions hold');
    expect(screen.getByTestId('stats-rmse').textContent).toBe('RMSE over bins: 0.067.');
    expect(within(calibration).getByText(/FSRS-6 averages about 0.05/)).toBeTruthy();
    expect(caption('How far the predictions hold')).toContain(
      'Reviews scored: 6. Not scored: 0 taken on the day of the card’s previous review, 1 with no earlier review in the log.',
    );
    expect(
      within(calibration)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['Predicted recallReviewsMean predictedRecalled', '90%–95%690%83.3%']);
  });

  it('handles a single review: no retention or calibration yet, said in words', async () => {
    renderStats({ log: [entry('d/a', NOW, 'new', 'good', { answerMs: 4_000 })] });
    expect((await screen.findByTestId('stats-reviews')).textContent).toBe('1');
    expect(screen.getByTestId('stats-streak').textContent).toBe('1 day');
    expect(
      within(section('True retention per week')).getByText(/^No reviews of cards/),
    ).toBeTruthy();
    expect(
      within(section('How far the predictions hold')).getByText(/^Nothing to check yet/),
    ).toBeTruthy();
  });
});
