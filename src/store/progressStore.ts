// Learner progress: card progress by id, the review log and scheduler settings, persisted with
// zustand's persist middleware through splitStorage (several small localStorage keys, merged on
// write). The clock comes in through the options; the store never reads one of its own.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import {
  newProgress,
  type CardProgress,
  type Grade,
  type ReviewLogEntry,
} from '../scheduler/progress.ts';
import { rateCard } from '../scheduler/rate.ts';
import type { SchedulerSettings } from '../scheduler/settings.ts';
import { mergeStates } from './merge.ts';
import {
  CURRENT_VERSION,
  STORAGE_KEY,
  initialPersistedState,
  logKey,
  migrate,
  roundForLog,
  type PersistedState,
} from './persisted.ts';
import {
  splitStorage,
  type KeyValueStorage,
  type SplitStorage,
  type StorageProblem,
} from './splitStorage.ts';

/** What one grade changed, so that undo can put it back exactly. Kept for this session only. */
export interface UndoEntry {
  cardId: string;
  /** Progress before the grade; undefined when the card had none (it was new). */
  before: CardProgress | undefined;
  log: ReviewLogEntry;
}

export interface ProgressState extends PersistedState {
  undoStack: UndoEntry[];
  rate: (cardId: string, grade: Grade, now: number) => void;
  /** Reverts the last grade; returns the card it belonged to, or null if there was none. */
  undo: () => string | null;
  /** Changes scheduler settings from now on; nothing already scheduled is moved. */
  setSettings: (patch: Partial<SchedulerSettings>) => void;
  /** Forgets all progress and the review log (settings stay). */
  resetProgress: () => void;
  /** Merges data from elsewhere (an import); returns nothing, the state shows the result. */
  mergeIn: (other: PersistedState) => void;
}

export type ProgressStore = StoreApi<ProgressState> & {
  /** Re-reads storage and merges what other tabs saved. */
  syncFromStorage: () => Promise<void>;
  storage: SplitStorage;
};

export interface ProgressStoreOptions {
  storage: KeyValueStorage;
  now: () => number;
  onProblems?: (problems: StorageProblem[]) => void;
}

const UNDO_DEPTH = 50;

export function persistedPart(s: PersistedState): PersistedState {
  return {
    progress: s.progress,
    revs: s.revs,
    log: s.log,
    removed: s.removed,
    settings: s.settings,
    settingsRev: s.settingsRev,
    resetAt: s.resetAt,
  };
}

export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
  const { now } = options;
  const storage = splitStorage({
    storage: options.storage,
    now,
    ...(options.onProblems ? { onProblems: options.onProblems } : {}),
  });
  /** A revision later than `previous`, even when the clock has gone back. */
  const nextRev = (previous: number | undefined) => Math.max(now(), (previous ?? 0) + 1);
  let syncing = false;

  const store = createStore<ProgressState>()(
    persist<ProgressState, [], [], PersistedState>(
      (set, get) => ({
        ...initialPersistedState(),
        undoStack: [],
        rate(cardId, grade, at) {
          const { progress, revs, log, settings, undoStack } = get();
          const before = progress[cardId];
          const result = rateCard(cardId, before ?? newProgress(at), grade, at, settings);
          const entry: ReviewLogEntry = {
            ...result.log,
            stability: roundForLog(result.log.stability),
            difficulty: roundForLog(result.log.difficulty),
          };
          set({
            progress: { ...progress, [cardId]: result.progress },
            revs: { ...revs, [cardId]: Math.max(at, (revs[cardId] ?? 0) + 1) },
            log: appendInOrder(log, entry),
            undoStack: [...undoStack, { cardId, before, log: entry }].slice(-UNDO_DEPTH),
          });
        },
        undo() {
          const { progress, revs, log, removed, undoStack } = get();
          const last = undoStack[undoStack.length - 1];
          if (!last) return null;
          const nextProgress = { ...progress };
          if (last.before) nextProgress[last.cardId] = last.before;
          else delete nextProgress[last.cardId];
          // Remove exactly the entry that grade appended (by identity), wherever it now sits.
          const index = log.lastIndexOf(last.log);
          set({
            progress: nextProgress,
            revs: { ...revs, [last.cardId]: nextRev(revs[last.cardId]) },
            log: index >= 0 ? [...log.slice(0, index), ...log.slice(index + 1)] : log,
            removed: [...removed, logKey(last.log)],
            undoStack: undoStack.slice(0, -1),
          });
          return last.cardId;
        },
        setSettings(patch) {
          const { settings, settingsRev } = get();
          set({ settings: { ...settings, ...patch }, settingsRev: nextRev(settingsRev) });
        },
        resetProgress() {
          const { revs, log, resetAt } = get();
          const latest = Math.max(
            resetAt,
            ...Object.values(revs),
            log[log.length - 1]?.reviewedAt ?? 0,
          );
          set({
            progress: {},
            revs: {},
            log: [],
            removed: [],
            undoStack: [],
            resetAt: nextRev(latest),
          });
        },
        mergeIn(other) {
          const merged = mergeStates(persistedPart(get()), other);
          // Imported progress counts as changed now, so it reaches other tabs and storage.
          const revs = { ...merged.revs };
          for (const id of Object.keys(revs)) {
            if (merged.progress[id] !== get().progress[id]) revs[id] = nextRev(revs[id]);
          }
          set({ ...merged, revs });
        },
      }),
      {
        name: STORAGE_KEY,
        version: CURRENT_VERSION,
        storage,
        partialize: persistedPart,
        migrate: (persisted, version) => migrate(persisted, version),
        merge: (persisted, current) => {
          if (persisted === undefined) return current;
          const stored = migrate(persisted, CURRENT_VERSION);
          const merged = mergeStates(persistedPart(current), stored);
          // After a sync everything merged is in storage already: this tab's own changes were
          // written (or are pending) the moment they were made.
          if (syncing) storage.markWritten(merged);
          return { ...current, ...merged };
        },
      },
    ),
  );

  return Object.assign(store, {
    storage,
    async syncFromStorage() {
      syncing = true;
      try {
        await store.persist.rehydrate();
      } finally {
        syncing = false;
      }
    },
  });
}

/** Appends, or inserts in time order when the clock has gone back: the log stays sorted. */
function appendInOrder(log: readonly ReviewLogEntry[], entry: ReviewLogEntry): ReviewLogEntry[] {
  const last = log[log.length - 1];
  if (!last || last.reviewedAt <= entry.reviewedAt) return [...log, entry];
  let i = log.length;
  while (i > 0 && log[i - 1]!.reviewedAt > entry.reviewedAt) i--;
  return [...log.slice(0, i), entry, ...log.slice(i)];
}
