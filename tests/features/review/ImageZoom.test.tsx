// @vitest-environment jsdom
import { currentEngine } from '../../../src/scheduler/engine.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Card } from '../../../src/deck/types.ts';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import { ReviewScreen } from '../../../src/features/review/ReviewScreen.tsx';
import { PreferencesStoreContext } from '../../../src/preferences/preferencesContext.ts';
import { createPreferencesStore } from '../../../src/preferences/preferencesStore.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';

const CARD: Card = {
  id: 'test/q16',
  deck: 'test',
  number: 16,
  questionHtml: '<p>画出LSTM的结构</p>',
  // As src/build/renderCard.tsx draws a picture with a description: in a button.
  answerHtml:
    '<p><button type="button" class="zoom-trigger" aria-haspopup="dialog"><img src="lstm-cell.svg" alt="LSTM 单元结构"></button></p>',
  questionText: '画出LSTM的结构',
  answerText: '',
  sources: [],
  tags: [],
  source: { file: 'content/test.md', line: 1 },
  hasMath: false,
};

afterEach(cleanup);

function renderCard() {
  render(
    <ProgressStoreContext.Provider
      value={createProgressStore({
        engine: currentEngine,
        storage: new MemoryStorage(),
        now: () => Date.now(),
      })}
    >
      <PreferencesStoreContext.Provider
        value={createPreferencesStore({ storage: new MemoryStorage(), languages: ['en'] })}
      >
        <ReviewScreen
          content={contentFromDecks([{ slug: 'test', title: 'Test', tags: [], cards: [CARD] }])}
        />
      </PreferencesStoreContext.Provider>
    </ProgressStoreContext.Provider>,
  );
}

describe('a picture in a card', () => {
  it('opens at full size when tapped, and closes again', async () => {
    const user = userEvent.setup({ delay: null });
    renderCard();
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    fireEvent.click(screen.getByRole('img', { name: 'LSTM 单元结构' }));
    // The zoom view loads on first use.
    const dialog = await screen.findByRole('dialog', { name: 'LSTM 单元结构' });
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.querySelector('img')?.getAttribute('src')).toMatch(/lstm-cell\.svg$/);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('gives focus back to the picture when it closes, by Close or by Escape', async () => {
    const user = userEvent.setup({ delay: null });
    renderCard();
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    const trigger = screen.getByRole('button', { name: 'LSTM 单元结构' });
    // (The answer takes focus once painted: wait for it before moving focus to the picture.)
    await waitFor(() => expect(document.activeElement?.className).toBe('card-answer'));
    for (const close of ['button', 'escape'] as const) {
      trigger.focus();
      await user.keyboard('{Enter}');
      await screen.findByRole('dialog', { name: 'LSTM 单元结构' });
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
      if (close === 'button') await user.keyboard('{Enter}');
      else await user.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(document.activeElement).toBe(trigger);
    }
  });
});
