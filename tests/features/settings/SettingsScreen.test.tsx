// @vitest-environment jsdom
import { currentEngine } from '../../../src/scheduler/engine.ts';
import { contentFromDecks } from '../../../src/content/deckContent.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataSection } from '../../../src/features/data/DataSection.tsx';
import { SettingsScreen } from '../../../src/features/settings/SettingsScreen.tsx';
import { PreferencesStoreContext } from '../../../src/preferences/preferencesContext.ts';
import {
  createPreferencesStore,
  type PreferencesStore,
} from '../../../src/preferences/preferencesStore.ts';
import { DEFAULT_SETTINGS } from '../../../src/scheduler/settings.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import type { ProgressStore } from '../../../src/store/progressStore.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';

const T0 = Date.UTC(2026, 10, 27, 2, 0);

let progress: ProgressStore;
let preferences: PreferencesStore;

function setup(options: { reviewed?: number; store?: ProgressStore } = {}) {
  progress =
    options.store ??
    createProgressStore({
      engine: currentEngine,
      storage: new MemoryStorage(),
      now: () => Date.now(),
    });
  preferences = createPreferencesStore({ storage: new MemoryStorage(), languages: ['en'] });
  for (let i = 0; i < (options.reviewed ?? 0); i++) {
    progress.getState().rate(`test/q${i % 2}`, 'good', T0 + i * 60_000);
  }
  const user = userEvent.setup({ delay: null });
  render(
    <ProgressStoreContext.Provider value={progress}>
      <PreferencesStoreContext.Provider value={preferences}>
        <SettingsScreen data={<DataSection content={contentFromDecks([])} />} />
      </PreferencesStoreContext.Provider>
    </ProgressStoreContext.Provider>,
  );
  return user;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const field = (name: string) => screen.getByLabelText<HTMLInputElement>(name);
const save = (user: ReturnType<typeof userEvent.setup>) =>
  user.click(screen.getByRole('button', { name: 'Save' }));

describe('scheduling settings', () => {
  it('show the current settings in labelled fields, with the retention trade-off explained', () => {
    setup();
    expect(field('Desired retention').value).toBe('0.9');
    expect(field('New cards per day').value).toBe('10');
    expect(field('Maximum reviews per day').value).toBe('200');
    expect(field('Next day starts at').value).toBe('4');
    expect(field('Learning steps').value).toBe('1m 10m');
    expect(field('Relearning steps').value).toBe('10m');
    const retention = field('Desired retention');
    const help = document.getElementById(retention.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toMatch(/Higher means less forgetting but more reviews/);
    expect(retention.min).toBe('0.7');
    expect(retention.max).toBe('0.99');
  });

  it('save valid changes through setSettings, and only then', async () => {
    const user = setup();
    fireEvent.change(field('Desired retention'), { target: { value: '0.95' } });
    await user.clear(field('New cards per day'));
    await user.type(field('New cards per day'), '25');
    await user.selectOptions(field('Next day starts at'), '6');
    await user.clear(field('Learning steps'));
    await user.type(field('Learning steps'), '2m, 15m  1h');
    expect(progress.getState().settings.newCardsPerDay).toBe(10);
    expect(screen.getByText('You have unsaved changes.')).toBeTruthy();

    await save(user);
    expect(progress.getState().settings).toEqual({
      ...DEFAULT_SETTINGS,
      desiredRetention: 0.95,
      newCardsPerDay: 25,
      dayRolloverHour: 6,
      learningSteps: ['2m', '15m', '1h'],
    });
    expect(field('Learning steps').value).toBe('2m 15m 1h');
    expect(screen.getByText('Saved. New settings apply from your next review.')).toBeTruthy();
  });

  it('refuse invalid values with a clear error on the field, saving nothing', async () => {
    const user = setup();
    await user.clear(field('Learning steps'));
    await user.type(field('Learning steps'), '1m 1.5h');
    await user.clear(field('Maximum reviews per day'));
    await user.type(field('Maximum reviews per day'), '100000');
    await user.clear(field('New cards per day'));
    await user.type(field('New cards per day'), '30');
    await save(user);

    expect(progress.getState().settings).toEqual(DEFAULT_SETTINGS);
    const steps = field('Learning steps');
    expect(steps.getAttribute('aria-invalid')).toBe('true');
    const described = (steps.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' | ');
    expect(described).toContain('“1.5h” is not a step');
    expect(field('Maximum reviews per day').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a whole number from 0 to 99999.')).toBeTruthy();
    expect(field('New cards per day').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText('Nothing was saved: fix the fields marked above.')).toBeTruthy();
    // Focus goes to the first field in error.
    expect(document.activeElement).toBe(field('Maximum reviews per day'));

    // Fixed, it saves.
    await user.clear(field('Maximum reviews per day'));
    await user.type(field('Maximum reviews per day'), '300');
    await user.clear(steps);
    await user.type(steps, '1m 90m');
    await save(user);
    expect(progress.getState().settings).toMatchObject({
      newCardsPerDay: 30,
      maxReviewsPerDay: 300,
      learningSteps: ['1m', '90m'],
    });
  });

  it('restore the defaults into the form, to be saved like any change', async () => {
    const user = setup();
    progress.getState().setSettings({ newCardsPerDay: 50, relearningSteps: ['5m', '1h'] });
    cleanup();
    render(
      <ProgressStoreContext.Provider value={progress}>
        <PreferencesStoreContext.Provider value={preferences}>
          <SettingsScreen data={<DataSection content={contentFromDecks([])} />} />
        </PreferencesStoreContext.Provider>
      </ProgressStoreContext.Provider>,
    );
    expect(field('New cards per day').value).toBe('50');
    await user.click(screen.getByRole('button', { name: 'Restore defaults' }));
    expect(field('New cards per day').value).toBe('10');
    expect(field('Relearning steps').value).toBe('10m');
    expect(progress.getState().settings.newCardsPerDay).toBe(50);
    await save(user);
    expect(progress.getState().settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('interface settings', () => {
  it('switch language and theme at once, in the preferences store', async () => {
    const user = setup();
    const language = screen.getByRole('group', { name: 'Language' });
    expect(within(language).getByRole('radio', { name: 'English' })).toHaveProperty(
      'checked',
      true,
    );
    await user.click(within(language).getByRole('radio', { name: '简体中文' }));
    expect(preferences.getState().locale).toBe('zh');

    const theme = screen.getByRole('group', { name: 'Theme' });
    expect(within(theme).getByRole('radio', { name: 'System' })).toHaveProperty('checked', true);
    await user.click(within(theme).getByRole('radio', { name: 'Dark' }));
    expect(preferences.getState().theme).toBe('dark');
    expect(progress.getState().settings).toEqual(DEFAULT_SETTINGS);
  });

  it('bring the introduction back', async () => {
    const user = setup();
    preferences.getState().setIntroSeen(true);
    await user.click(screen.getByRole('button', { name: 'Show the introduction' }));
    expect(preferences.getState().introSeen).toBe(false);
  });
});

describe('reset all progress', () => {
  it('counts every review, of every week stored', () => {
    const storage = new MemoryStorage();
    const writer = createProgressStore({ engine: currentEngine, storage, now: () => Date.now() });
    const WEEK = 7 * 24 * 60 * 60_000;
    for (let week = 9; week >= 0; week--)
      writer.getState().rate('test/q0', 'good', T0 - week * WEEK);
    const store = createProgressStore({ engine: currentEngine, storage, now: () => Date.now() });
    expect(store.getState().reviewCount).toBe(10);
    setup({ store });
    expect(
      screen.getByText('This browser holds 10 reviews and the progress of 1 card.'),
    ).toBeTruthy();
  });

  it('says there is nothing to reset when there is no progress', () => {
    setup();
    expect(screen.getByText('No progress yet: there is nothing to reset.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reset all progress…' })).toBeNull();
  });

  it('asks first, naming what is lost, and Cancel keeps everything', async () => {
    const user = setup({ reviewed: 3 });
    expect(
      screen.getByText('This browser holds 3 reviews and the progress of 2 cards.'),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Reset all progress…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Reset all progress?' });
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.textContent).toContain(
      'This deletes 3 reviews from your history and the progress of 2 cards',
    );
    expect(dialog.textContent).toContain('This cannot be undone.');
    // The safe choice has focus.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(progress.persistedState().log).toHaveLength(3);
  });

  it('closes on Escape without deleting', async () => {
    const user = setup({ reviewed: 1 });
    await user.click(screen.getByRole('button', { name: 'Reset all progress…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Reset all progress?' });
    await user.keyboard('{Escape}');
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(progress.persistedState().log).toHaveLength(1);
  });

  it('deletes progress and the log on explicit confirmation, keeping the settings', async () => {
    const user = setup({ reviewed: 1 });
    progress.getState().setSettings({ newCardsPerDay: 42 });
    await user.click(screen.getByRole('button', { name: 'Reset all progress…' }));
    await user.click(screen.getByRole('button', { name: 'Delete all progress' }));
    expect(progress.persistedState().log).toEqual([]);
    expect(progress.getState().progress).toEqual({});
    expect(progress.getState().settings.newCardsPerDay).toBe(42);
    expect(screen.getByText('All progress was reset.')).toBeTruthy();
    // Every dialog is closed (a closed dialog is hidden).
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
