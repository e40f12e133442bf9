// Learner progress: card progress by id, the review log and scheduler settings, persisted to
// localStorage through zustand's persist middleware. Actions take `now`; the store never reads a clock.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import {
  newProgress,
  type CardProgress,
  type Grade,
  type ReviewLogEntry,
} from '../scheduler/progress.ts';
import { rateCard } from '../scheduler/rate.ts';
import type { SchedulerSettings } from '../scheduler/settings.ts';
import {
  CURRENT_VERSION,
  STORAGE_KEY,
  initialPersistedState,
  migrate,
  type PersistedState,
} from './persisted.ts';
import { safeStorage, type SyncStorage } from './safeStorage.ts';

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
}

export type ProgressStore = StoreApi<ProgressState>;

export interface ProgressStoreOptions {
  storage: SyncStorage;
  /** Used only to name backups of unreadable stored data. */
  now: () => number;
  onBackup?: (backupKey: string, reason: string) => void;
}

const UNDO_DEPTH = 50;

export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
  const storage = safeStorage({
    inner: options.storage,
    currentVersion: CURRENT_VERSION,
    now: options.now,
    ...(options.onBackup ? { onBackup: options.onBackup } : {}),
  });
  return createStore<ProgressState>()(
    persist(
      (set, get) => ({
        ...initialPersistedState(),
        undoStack: [],
        rate(cardId, grade, now) {
          const { progress, log, settings, undoStack } = get();
          const before = progress[cardId];
          const result = rateCard(cardId, before ?? newProgress(now), grade, now, settings);
          set({
            progress: { ...progress, [cardId]: result.progress },
            log: [...log, result.log],
            undoStack: [...undoStack, { cardId, before, log: result.log }].slice(-UNDO_DEPTH),
          });
        },
        undo() {
          const { progress, log, undoStack } = get();
          const last = undoStack[undoStack.length - 1];
          if (!last) return null;
          const nextProgress = { ...progress };
          if (last.before) nextProgress[last.cardId] = last.before;
          else delete nextProgress[last.cardId];
          // Remove exactly the entry that grade appended (by identity), wherever it now sits.
          const index = log.lastIndexOf(last.log);
          set({
            progress: nextProgress,
            log: index >= 0 ? [...log.slice(0, index), ...log.slice(index + 1)] : log,
            undoStack: undoStack.slice(0, -1),
          });
          return last.cardId;
        },
        setSettings(patch) {
          set({ settings: { ...get().settings, ...patch } });
        },
        resetProgress() {
          set({ progress: {}, log: [], undoStack: [] });
        },
      }),
      {
        name: STORAGE_KEY,
        version: CURRENT_VERSION,
        storage: createJSONStorage(() => storage),
        partialize: ({ progress, log, settings }): PersistedState => ({ progress, log, settings }),
        migrate: (persisted, version) => migrate(persisted, version),
        // Stored fields replace the defaults; settings are merged so new settings get defaults.
        merge: (persisted, current) => {
          const stored = migrate(persisted, CURRENT_VERSION);
          return { ...current, ...stored };
        },
      },
    ),
  );
}
