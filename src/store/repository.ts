// The one interface between the progress store and where progress is kept. The store holds the
// state; a repository reads it whole, writes what changed, says when another tab wrote, and
// keeps what it could not read. localStorageRepository.ts is the implementation the app uses.
import type { ReviewLogEntry } from '../scheduler/progress.ts';
import type { PersistedState } from './persisted.ts';

/** localStorage, or a stand-in with the same synchronous interface. */
export type KeyValueStorage = Pick<
  Storage,
  'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'
>;

export type StorageProblem =
  | {
      kind: 'unreadable';
      key: string;
      backupKey: string | null;
      reason: string;
      /** Set when only some records were bad: how many (the rest were read and kept). */
      bad?: number;
    }
  /** Keys of ours removed while the app was open; what it held in memory is written back. */
  | { kind: 'vanished'; keys: string[] }
  | { kind: 'unsaved'; keys: string[]; reason: string };

export interface StoredBackup {
  key: string;
  chars: number;
}

export interface ProgressRepository {
  /**
   * Everything stored, the whole review log included, brought up to the current version. Never
   * throws: what cannot be read is copied to a backup, reported and left out.
   */
  load(): PersistedState;
  /**
   * Writes what differs between `state` and what this repository last loaded or saved, merged
   * with what storage holds now, so that nothing another tab saved meanwhile is overwritten. A
   * write refused for lack of room is reported and retried at the next save; `state` stays in
   * memory meanwhile.
   */
  save(state: PersistedState): void;
  /** Calls `listener` when another tab has saved progress. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  problems(): StorageProblem[];
  /** Copies made of unreadable or older data, oldest first. */
  listBackups(): StoredBackup[];
  /** The raw text under a key (for downloading a backup or a held value). */
  readRaw(key: string): string | null;
  /**
   * What a backup holds, read as if it were back under its own key (beside everything else
   * stored), for merging into the live state; or why it cannot be read.
   */
  readBackup(key: string): { ok: true; state: PersistedState } | { ok: false; reason: string };
  /** The log entries of `cardId` stored in the week of `at` (another tab's included). */
  storedReviews(cardId: string, at: number): ReviewLogEntry[];
  /** Whether storage records the review of `cardId` at `at` as taken back (undone, in any tab). */
  takenBack(cardId: string, at: number): boolean;
  /** The learner has read the notice about removed keys. */
  dismissVanished(): void;
  /** Deletes a backup the learner no longer wants. Only backup keys can be deleted this way. */
  deleteBackup(key: string): void;
  /** Gives up a held, unreadable value (after the learner has downloaded it). */
  discard(key: string): void;
}

/** The options of localStorageRepository.ts, the implementation the app uses. */
export interface LocalStorageRepositoryOptions {
  storage: KeyValueStorage;
  now: () => number;
  /** The storage key and prefix of every other key. */
  name?: string;
  /** Called with the current list of problems whenever it may have changed. */
  onProblems?: (problems: StorageProblem[]) => void;
  /** How other tabs' writes are noticed (the app: storage events). None: never. */
  watch?: (onChange: () => void) => () => void;
  /** Log chunks older than this many weeks are compacted when space runs out. */
  compactAfterWeeks?: number;
  /**
   * Keys outside `name` holding something derived from progress (the app's remembered first
   * screen): removed whenever a save writes anything, so that none outlives what it was made of.
   */
  views?: readonly string[];
}
