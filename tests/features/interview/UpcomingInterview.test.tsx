// @vitest-environment jsdom
// The plan's rows are study days, labelled with the calendar date each began on.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import type { Card, Deck } from '../../../src/deck/types.ts';
import { UpcomingInterview } from '../../../src/features/interview/UpcomingInterview.tsx';
import { loadScreenText } from '../../../src/i18n/catalogues.ts';
import { PreferencesStoreContext } from '../../../src/preferences/preferencesContext.ts';
import { createPreferencesStore } from '../../../src/preferences/preferencesStore.ts';
import type { Interview } from '../../../src/store/persisted.ts';
import { planInterviews } from '../../../src/study/plan.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';

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
const IDS = DECK.cards.map((c) => c.id);

afterEach(cleanup);

describe('the plan table', () => {
  it('labels rows by study day: at 02:00, before the 04:00 rollover, today is yesterday’s date', async () => {
    await loadScreenText();
    // Asia/Shanghai (the tests' zone): 02:00 on Sat 28 Nov is still study day Fri 27 Nov.
    const now = Date.UTC(2026, 10, 27, 18, 0);
    const interview: Interview = {
      id: 'iv',
      name: 'Acme',
      at: Date.UTC(2026, 11, 2, 2, 0), // 10:00 on Wed 2 Dec
      scope: { decks: [], tags: [] },
      createdAt: now,
    };
    const plan = planInterviews(
      [{ id: 'iv', at: interview.at, cardIds: IDS }],
      {},
      {},
      {
        now,
        rolloverHour: 4,
        dailyLimit: 10,
        learningSteps: ['1m', '10m'],
      },
    );
    render(
      <PreferencesStoreContext.Provider
        value={createPreferencesStore({ storage: new MemoryStorage(), languages: ['en'] })}
      >
        <UpcomingInterview
          interview={interview}
          now={now}
          content={contentFromDecks([DECK])}
          outlook={{ plan, below: new Map(), cards: new Map([['iv', IDS]]) }}
          onEdit={() => {}}
          onRemove={() => {}}
        />
      </PreferencesStoreContext.Provider>,
    );
    // The new cards are learnt on the interview's eve, Tue 1 Dec, not on the day itself; days
    // without cards are left out.
    const rows = screen.getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([['Tue, Dec 1', '3', '']]);
  });
});
