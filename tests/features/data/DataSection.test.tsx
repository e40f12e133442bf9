// @vitest-environment jsdom
import { currentEngine } from '../../../src/scheduler/engine.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import type { Card } from '../../../src/deck/types.ts';
import { DataSection } from '../../../src/features/data/DataSection.tsx';
import { StorageNotice } from '../../../src/features/data/StorageNotice.tsx';
import { ProgressStoreContext, StorageStatusContext } from '../../../src/store/context.tsx';
import { STORAGE_KEY, initialPersistedState } from '../../../src/store/persisted.ts';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import type { ProgressStore } from '../../../src/store/progressStore.ts';
import { createStorageStatusStore } from '../../../src/store/storageStatus.ts';
import { appMockStore } from '../../../src/store/mockSessions.ts';
import { buildExport } from '../../../src/store/transfer.ts';
import { newMockSession, type MockSession } from '../../../src/study/mockInterview.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';

const T0 = Date.UTC(2026, 10, 27, 2, 0);
const card = (n: number, q: string): Card => ({
  id: `t/${n}`,
  deck: 't',
  number: n,
  questionHtml: `<p>${q}</p>`,
  answerHtml: '<p>a</p>',
  questionText: q,
  answerText: 'a',
  sources: [],
  tags: [],
  source: { file: 'content/t.md', line: n },
  hasMath: false,
});
const CONTENT = contentFromDecks([
  {
    slug: 't',
    title: 'T',
    tags: [],
    cards: [card(1, 'What is an RNN?'), card(2, 'What is a GRU?')],
  },
]);

let store: ProgressStore;
function mount(storage = new MemoryStorage()) {
  const status = createStorageStatusStore();
  store = createProgressStore({
    engine: currentEngine,
    storage,
    now: () => Date.now(),
    onProblems: (problems) => status.setState({ problems }),
  });
  render(
    <ProgressStoreContext.Provider value={store}>
      <StorageStatusContext.Provider value={status}>
        <StorageNotice />
        <DataSection content={CONTENT} />
      </StorageStatusContext.Provider>
    </ProgressStoreContext.Provider>,
  );
  return userEvent.setup({ delay: null });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function exportFrom(grades: [string, 'again' | 'good' | 'easy', number][]): File {
  const other = createProgressStore({
    engine: currentEngine,
    storage: new MemoryStorage(),
    now: () => T0,
  });
  for (const [id, g, at] of grades) other.getState().rate(id, g, at);
  const text = JSON.stringify(buildExport(other.persistedState(), T0));
  return new File([text], 'export.json', { type: 'application/json' });
}

describe('your data', () => {
  it('previews an import, and merges it only on confirmation', async () => {
    const user = mount();
    store.getState().rate('t/1', 'good', T0 - 60_000);
    const file = exportFrom([
      ['t/1', 'good', T0 - 3_600_000],
      ['t/1', 'good', T0 - 600_000],
      ['t/2', 'easy', T0 - 500_000],
    ]);
    await user.upload(screen.getByLabelText('Import progress…'), file);
    const dialog = await screen.findByRole('alertdialog', { name: 'Import this file?' });
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '1 card gets progress it did not have',
      '1 card takes the file’s longer history',
      '0 cards keep this browser’s history (as long or longer)',
      '3 reviews are added to the log',
      'Settings stay as they are.',
    ]);
    expect(store.persistedState().log).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(store.persistedState().log).toHaveLength(4);
    expect(store.getState().progress['t/1']?.reps).toBe(2);
    expect(screen.getByRole('status').textContent).toBe(
      'Imported: 2 cards updated, 3 reviews added.',
    );
  });

  it('adds the finished mock interviews of a file to this browser’s, once each', async () => {
    const user = mount();
    const session = (id: string, finishedAt: number): MockSession => ({
      ...newMockSession(
        {
          id,
          interviewId: null,
          scope: { decks: [], tags: [] },
          questionSeconds: 60,
          predicted: null,
        },
        ['t/1'],
        finishedAt - 60_000,
      ),
      finishedAt,
    });
    const mocks = appMockStore();
    mocks.setState({ history: [session('mock-here', T0 - 1000)] });
    const text = JSON.stringify(
      buildExport(initialPersistedState(), T0, [
        session('mock-here', T0 - 1000),
        session('mock-there', T0 - 5000),
      ]),
    );
    await user.upload(
      screen.getByLabelText('Import progress…'),
      new File([text], 'export.json', { type: 'application/json' }),
    );
    const dialog = await screen.findByRole('alertdialog', { name: 'Import this file?' });
    expect(within(dialog).getByText('1 finished mock interview is added')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(mocks.getState().history.map((m) => m.id)).toEqual(['mock-here', 'mock-there']);
    expect(screen.getByRole('status').textContent).toBe(
      'Imported: 0 cards updated, 0 reviews added. 1 finished mock interview added.',
    );
  });

  it('refuses a file that is not an export, saying why, and changes nothing', async () => {
    const user = mount();
    store.getState().rate('t/1', 'good', T0);
    const before = store.persistedState();
    await user.upload(
      screen.getByLabelText('Import progress…'),
      new File(['{"progress": {"__proto__": {}}}'], 'evil.json', { type: 'application/json' }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Nothing was changed: The file is not an export of this app.',
    );
    expect(store.persistedState()).toEqual(before);
  });

  it('tells the learner when stored progress could not be read, and offers the copy', async () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"version":2,"state":{"settings":');
    mount(storage);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Some saved progress could not be read');
    expect(within(alert).getByRole('button', { name: 'Download copy' })).toBeTruthy();
    // And the copy is listed among the backups in Settings.
    await waitFor(() =>
      expect(screen.getByText(`${STORAGE_KEY}:backup:2026-11-27T02:00:00.000Z`)).toBeTruthy(),
    );
  });
});
