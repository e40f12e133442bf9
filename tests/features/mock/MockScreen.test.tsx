// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import type { Card } from '../../../src/deck/types.ts';
import { MockScreen } from '../../../src/features/mock/MockScreen.tsx';
import { currentEngine } from '../../../src/scheduler/engine.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { createMockStore, type MockStore } from '../../../src/store/mockSessions.ts';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import type { ProgressStore } from '../../../src/store/progressStore.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';

const T0 = Date.UTC(2026, 10, 29, 2, 0);

function card(n: number, answerHtml: string): Card {
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
    hasMath: false,
  };
}

const CARDS = [
  card(1, '<ul><li>alpha</li><li>beta</li><li>gamma</li></ul>'),
  card(2, '<p>one</p><p>two</p>'),
];
const content = contentFromDecks([{ slug: 'test', title: 'Test deck', tags: [], cards: CARDS }]);

let progress: ProgressStore;
let mock: MockStore;

function setup() {
  progress = createProgressStore({
    engine: currentEngine,
    storage: new MemoryStorage(),
    now: Date.now,
  });
  mock = createMockStore(new MemoryStorage());
  mock.getState().setSettings({ questions: 2, questionSeconds: 30 });
  render(
    <ProgressStoreContext.Provider value={progress}>
      <MockScreen content={content} store={mock} />
    </ProgressStoreContext.Provider>,
  );
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('MockScreen', () => {
  it('over time, the question stays and the answer can still be shown; grades are practice', async () => {
    setup();
    const start = await screen.findByRole('button', { name: 'Start mock interview' });
    await waitFor(() => expect((start as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(start);
    await screen.findByText('Question 1 of 2', { selector: 'p' });
    act(() => void vi.advanceTimersByTime(45_000)); // moves Date too
    expect(screen.getByRole('timer').textContent).toContain('Over time by 0:15');
    const first = mock.getState().active!.questions[0]!.cardId;
    expect(screen.getByText(`Question ${first.slice(-1)}?`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show answer' }));
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes).toHaveLength(first === 'test/q1' ? 3 : 2);
    fireEvent.click(boxes[0]!);
    expect(screen.getByText(`1 of ${boxes.length} points`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next question' }));
    const log = await progress.reviewLog();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      cardId: first,
      kind: 'practice',
      // 1 of 3 → Again; 1 of 2 → Hard
      grade: first === 'test/q1' ? 'again' : 'hard',
      answerMs: 45_000,
    });
    expect(progress.getState().progress[first]).toBeUndefined();
  });
});
