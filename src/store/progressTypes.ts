// The progress store's public types: its state and actions, its options, what undo keeps.
// (progressStore.ts builds the store.)
import type { StoreApi } from 'zustand/vanilla';
import type { CardProgress, Grade, ReviewLogEntry } from '../scheduler/progress.ts';
import type { SchedulerEngine } from '../scheduler/engine.ts';
import type { SchedulerSettings } from '../scheduler/settings.ts';
import type { InterviewActions } from './interviewActions.ts';
import type { DeckCardRef } from './orphans.ts';
import type { PersistedState } from './persisted.ts';
import type { KeyValueStorage, ProgressRepository, StorageProblem } from './repository.ts';

/** What one grade changed, so that undo can put it back exactly. Kept for this session only. */
export interface UndoEntry {
  cardId: string;
  /** Progress before the change; undefined when the card had none (it was new). */
  before: CardProgress | undefined;
  /** The entry a grade appended; null for resetCard, which appends none. */
  log: ReviewLogEntry | null;
}

export interface RateOptions {
  /** Where the card is in the content, noted as noteDeck would, in the same save. */
  seenAt?: DeckCardRef | undefined;
  /** From the card shown to the grade; capped at MAX_ANSWER_MS. */
  answerMs?: number | null;
  /** Recorded for statistics only (cram, drill, mock interview): progress is left as it is. */
  practice?: boolean;
}

/** The stored state without the review log (see ProgressStore.reviewLog). */
export type ProgressData = Omit<PersistedState, 'log'>;

/** Reviews kept in `recentReviews`: enough for today's limits and undo. */
export const RECENT_REVIEW_DAYS = 14;

export interface ProgressState extends ProgressData, InterviewActions {
  /**
   * Every review made since RECENT_REVIEW_DAYS days before the last change, oldest first: what
   * the review screen counts against today's limits. Not the whole log: see reviewLog().
   */
  recentReviews: readonly ReviewLogEntry[];
  /** How many reviews the whole log holds. */
  reviewCount: number;
  /** Changes whenever the review log does: a screen re-reads reviewLog() when it moves. */
  logRevision: number;
  undoStack: UndoEntry[];
  /** Grades a card (a practice: records the grade and leaves its progress as it is). */
  rate: (cardId: string, grade: Grade, now: number, options?: RateOptions) => void;
  /**
   * Reverts this tab's last grade or card reset; returns the card it belonged to, or null if
   * there was none, or if that card has been reviewed since (in another tab): that review is
   * never rolled back, and the grade it followed can no longer be undone.
   */
  undo: () => string | null;
  /** Stars or unstars a card (with or without progress). */
  setStarred: (cardId: string, on: boolean) => void;
  /** Suspends a card (never queued, drilled or counted due) or lifts it. */
  setSuspended: (cardId: string, on: boolean) => void;
  /**
   * Forgets one card's progress (it is new again); its reviews stay in the log, for statistics.
   * Undone by undo().
   */
  resetCard: (cardId: string) => void;
  /** Changes scheduler settings from now on; nothing already scheduled is moved. */
  setSettings: (patch: Partial<SchedulerSettings>) => void;
  /** Forgets all progress and the review log (settings stay). */
  resetProgress: () => void;
  /**
   * Moves review cards' due dates to the current desired retention (asked for by the learner;
   * a settings change alone reschedules nothing). Returns how many cards moved.
   */
  rescheduleReviews: () => number;
  /**
   * Takes a merged state (see transfer.ts mergeImport); the cards in `changedIds` count as
   * changed now, so their new progress reaches storage and other tabs.
   */
  applyMerged: (next: PersistedState, changedIds: readonly string[]) => void;
  /** Records where the cards that have progress sit in the content now (for finding edits). */
  noteDeck: (cards: readonly DeckCardRef[]) => void;
  /** Moves a card's progress and reviews to another card id (an edited question). */
  moveProgress: (from: string, to: string) => void;
  /** Deletes a card's progress and its reviews, for good. */
  discardProgress: (id: string) => void;
}

export type ProgressStore = StoreApi<ProgressState> & {
  /** The whole review log, oldest first. */
  reviewLog: () => Promise<readonly ReviewLogEntry[]>;
  /** Everything stored, the whole log included (for export and merging an import). */
  persistedState: () => PersistedState;
  /** Re-reads storage and merges what other tabs saved (also done on their storage events). */
  syncFromStorage: () => void;
  /**
   * Merges what a backup holds into the live state (per card the newer change wins, reviews
   * are unioned): restoring never replaces anything newer. Or says why the copy is unreadable.
   */
  restoreBackup: (key: string) => { ok: true } | { ok: false; reason: string };
  /** Backups, problems and held values (Settings → Your data). */
  repository: ProgressRepository;
  /** The scheduler the store grades with, or null while it is still loading. */
  engine: () => SchedulerEngine | null;
  /** Calls `listener` when the scheduler arrives; returns the unsubscribe. */
  onEngine: (listener: () => void) => () => void;
};

export type ProgressStoreOptions = {
  now: () => number;
  /** The scheduler, or null while it is still loading (grading waits for it). */
  engine: () => SchedulerEngine | null;
  /** How its arrival is noticed (none: it is never awaited, e.g. given at once in tests). */
  onEngine?: (listener: () => void) => () => void;
} & (
  | { repository: ProgressRepository }
  | {
      /** localStorage or a stand-in: the store then keeps its data in a localStorageRepository. */
      storage: KeyValueStorage;
      onProblems?: (problems: StorageProblem[]) => void;
      /** How other tabs' saves are noticed (storage events in the app). */
      watch?: (onChange: () => void) => () => void;
    }
);
