// The shape kept in localStorage, its version, and the migrations that bring older shapes up to
// date. A version bump without a migration would silently drop months of reviews: never do that.
import type { CardProgress, ReviewLogEntry } from '../scheduler/progress.ts';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '../scheduler/settings.ts';

export const STORAGE_KEY = 'rnn-flashcards/progress';
export const CURRENT_VERSION = 1;

/** Version 1: every time is epoch milliseconds (a number), so JSON keeps it exactly. */
export interface PersistedStateV1 {
  /** Keyed by card id. Progress of cards no longer in the content stays here (orphans). */
  progress: Record<string, CardProgress>;
  /** Every review ever made, oldest first. */
  log: ReviewLogEntry[];
  settings: SchedulerSettings;
}

export type PersistedState = PersistedStateV1;

export function initialPersistedState(): PersistedState {
  return { progress: {}, log: [], settings: { ...DEFAULT_SETTINGS } };
}

/**
 * Brings a stored state of `version` up to CURRENT_VERSION. Unknown versions are refused (thrown)
 * rather than guessed at; the storage layer has already kept the raw value as a backup.
 */
export function migrate(persisted: unknown, version: number): PersistedState {
  if (version === 1) return fillDefaults(persisted as Partial<PersistedStateV1>);
  throw new Error(`cannot read stored progress of version ${version}`);
}

/** Settings added in later releases get their defaults; nothing stored is dropped. */
function fillDefaults(state: Partial<PersistedStateV1>): PersistedStateV1 {
  return {
    progress: state.progress ?? {},
    log: state.log ?? [],
    settings: { ...DEFAULT_SETTINGS, ...state.settings },
  };
}
