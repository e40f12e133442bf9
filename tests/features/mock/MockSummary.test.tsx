// @vitest-environment jsdom
// The summary of a finished mock interview: math in it gets KaTeX's style sheet.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import type { Card } from '../../../src/deck/types.ts';
import { MockSummaryView } from '../../../src/features/mock/MockSummary.tsx';
import { currentEngine } from '../../../src/scheduler/engine.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import type { MockSession } from '../../../src/study/mockInterview.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';

const loadMathStyles = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock('../../../src/components/mathStyles.ts', () => ({ loadMathStyles }));

const T0 = Date.UTC(2026, 10, 29, 2, 0);

function card(n: number, answerHtml: string, hasMath: boolean): Card {
  return {
    id: `test/q${n}`,
    deck: 'test',
    number: n,
    questionHtml: `<p>Question ${n}?</p>`,
    answerHtml,
    questionText: `Question ${n}?`,
    answerText: '',
    sources: [],
    tags: [],
    source: { file: 'content/test.md', line: n },
    hasMath,
  };
}

// KaTeX's markup: the formula drawn, and again as MathML that only its style sheet hides.
const MATH = '<span class="katex"><span class="katex-mathml">h = 256</span>h = 256</span>';

function renderSummary(cards: Card[]) {
  const session: MockSession = {
    id: 'm1',
    interviewId: null,
    scope: { decks: [], tags: [] },
    startedAt: T0,
    questionSeconds: 60,
    questions: cards.map((c) => ({
      cardId: c.id,
      shownAt: T0,
      revealedAt: T0 + 30_000,
      points: 2,
      ticked: [],
      done: true,
    })),
    current: cards.length,
    predicted: null,
    finishedAt: T0 + 60_000,
  };
  render(
    <ProgressStoreContext.Provider
      value={createProgressStore({
        engine: currentEngine,
        storage: new MemoryStorage(),
        now: () => T0,
      })}
    >
      <MockSummaryView
        content={contentFromDecks([{ slug: 'test', title: 'Test deck', tags: [], cards }])}
        session={session}
        onClose={() => {}}
      />
    </ProgressStoreContext.Provider>,
  );
}

afterEach(() => {
  cleanup();
  loadMathStyles.mockClear();
});

describe('MockSummaryView', () => {
  it('loads the math style sheet when a missed point has math (as after a reload mid-run)', () => {
    renderSummary([card(1, `<ul><li>hidden size ${MATH}</li><li>two layers</li></ul>`, true)]);
    expect(screen.getByText('Summary')).toBeTruthy();
    expect(loadMathStyles).toHaveBeenCalled();
  });

  it('does not load it for cards without math', () => {
    renderSummary([card(1, '<ul><li>alpha</li><li>beta</li></ul>', false)]);
    expect(screen.getByText('alpha')).toBeTruthy();
    expect(loadMathStyles).not.toHaveBeenCalled();
  });
});
