// @vitest-environment jsdom
// Key points in review (setting on): tick what was recalled, the matching grade is highlighted.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import type { Card } from '../../../src/deck/types.ts';
import { ReviewScreen } from '../../../src/features/review/ReviewScreen.tsx';
import { PreferencesStoreContext } from '../../../src/preferences/preferencesContext.ts';
import { createPreferencesStore } from '../../../src/preferences/preferencesStore.ts';
import { currentEngine } from '../../../src/scheduler/engine.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';

const CARD: Card = {
  id: 'test/q1',
  deck: 'test',
  number: 1,
  questionHtml: '<p>Why gates?</p>',
  answerHtml: '<ul><li>forget</li><li>input</li><li>output</li><li>cell</li></ul>',
  questionText: 'Why gates?',
  answerText: 'forget input output cell',
  sources: [],
  tags: [],
  source: { file: 'content/test.md', line: 1 },
  hasMath: false,
};

function setup(on: boolean) {
  const preferences = createPreferencesStore({ storage: new MemoryStorage(), languages: ['en'] });
  preferences.getState().setReviewKeyPoints(on);
  const progress = createProgressStore({
    engine: currentEngine,
    storage: new MemoryStorage(),
    now: Date.now,
  });
  render(
    <PreferencesStoreContext.Provider value={preferences}>
      <ProgressStoreContext.Provider value={progress}>
        <ReviewScreen
          content={contentFromDecks([{ slug: 'test', title: 'Test', tags: [], cards: [CARD] }])}
        />
      </ProgressStoreContext.Provider>
    </PreferencesStoreContext.Provider>,
  );
}

const suggested = () =>
  [...document.querySelectorAll('.btn-grade.is-suggested')].map((b) => b.className);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 10, 29, 2, 0));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('key points in review', () => {
  it('suggests Again, then Hard at half, then Good for all; Easy is never suggested', async () => {
    setup(true);
    fireEvent.click(await screen.findByRole('button', { name: /Show answer/ }));
    const boxes = await screen.findAllByRole('checkbox', {}, { timeout: 5000 });
    expect(boxes).toHaveLength(4);
    expect(suggested()).toEqual([]);
    fireEvent.click(boxes[0]!);
    await waitFor(() => expect(suggested()).toEqual(['btn btn-grade grade-again is-suggested']));
    fireEvent.click(boxes[1]!);
    await waitFor(() => expect(suggested()).toEqual(['btn btn-grade grade-hard is-suggested']));
    fireEvent.click(boxes[2]!);
    fireEvent.click(boxes[3]!);
    await waitFor(() => expect(suggested()).toEqual(['btn btn-grade grade-good is-suggested']));
    expect(screen.getByText('Suggested grade: Good')).toBeTruthy();
  });

  it('when off, no checklist appears after the reveal', async () => {
    setup(false);
    fireEvent.click(await screen.findByRole('button', { name: /Show answer/ }));
    await waitFor(() =>
      expect(document.querySelector('.card-answer')!.hasAttribute('hidden')).toBe(false),
    );
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
  });
});
