// @vitest-environment jsdom
// The plan settings form shows what is stored until edited, and saves only what was edited: a
// value another tab saved meanwhile is neither hidden nor undone.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlanSettings } from '../../../src/features/interview/PlanSettings.tsx';
import { loadScreenText } from '../../../src/i18n/catalogues.ts';
import { PreferencesStoreContext } from '../../../src/preferences/preferencesContext.ts';
import { createPreferencesStore } from '../../../src/preferences/preferencesStore.ts';
import { currentEngine } from '../../../src/scheduler/engine.ts';
import { ProgressStoreContext } from '../../../src/store/context.tsx';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import type { ProgressStore } from '../../../src/store/progressStore.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';

const T0 = Date.UTC(2026, 10, 27, 2, 0);
const TARGET = 'Target recall at the interview (%)';
const LIMIT = 'Plan cards per day at most';
const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);

let store: ProgressStore;
beforeEach(async () => {
  await loadScreenText();
  store = createProgressStore({
    engine: currentEngine,
    storage: new MemoryStorage(),
    now: () => T0,
  });
  store.getState().setSettings({ readinessTarget: 0.9, planDailyLimit: 30 });
  render(
    <ProgressStoreContext.Provider value={store}>
      <PreferencesStoreContext.Provider
        value={createPreferencesStore({ storage: new MemoryStorage(), languages: ['en'] })}
      >
        <PlanSettings />
      </PreferencesStoreContext.Provider>
    </ProgressStoreContext.Provider>,
  );
});
afterEach(cleanup);

describe('plan settings', () => {
  it('follows a change saved elsewhere, and saving one field keeps the other as stored', () => {
    expect(field(TARGET).value).toBe('90');
    // Another tab's save, merged into this tab's store.
    act(() => store.getState().setSettings({ readinessTarget: 0.95 }));
    expect(field(TARGET).value).toBe('95');
    fireEvent.change(field(LIMIT), { target: { value: '12' } });
    // Another change to the target arrives while the limit is being edited.
    act(() => store.getState().setSettings({ readinessTarget: 0.8 }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(store.getState().settings.readinessTarget).toBe(0.8);
    expect(store.getState().settings.planDailyLimit).toBe(12);
    expect(field(TARGET).value).toBe('80');
    expect(field(LIMIT).value).toBe('12');
  });

  it('saves an edited field even when the store changes it meanwhile', () => {
    fireEvent.change(field(TARGET), { target: { value: '85' } });
    act(() => store.getState().setSettings({ readinessTarget: 0.95, planDailyLimit: 40 }));
    expect(field(TARGET).value).toBe('85');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(store.getState().settings).toMatchObject({ readinessTarget: 0.85, planDailyLimit: 40 });
  });
});
