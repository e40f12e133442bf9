// Learner progress: card progress by id, the review log and scheduler settings, persisted with
// zustand's persist middleware through splitStorage (several small localStorage keys, merged on
// write). The clock comes in through the options; the store never reads one of its own.
import { deriveLog, deriveRecord } from './derivation.ts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import {
  newProgress,
  type CardProgress,
  type Grade,
  type ReviewLogEntry,
} from '../scheduler/progress.ts';
import { currentEngine } from '../scheduler/engine.ts';
import type { SchedulerSettings } from '../scheduler/settings.ts';
import { mergeStates } from './merge.ts';
import { SEEN_TEXT_LENGTH, type DeckCardRef, type SeenCard } from './orphans.ts';
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
  /**
   * Grades a card. `seenAt`: where the card is in the content, noted as noteDeck would, in the
   * same change (one save instead of two).
   */
  rate: (cardId: string, grade: Grade, now: number, seenAt?: DeckCardRef) => void;
  /** Reverts the last grade; returns the card it belonged to, or null if there was none. */
  undo: () => string | null;
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
  /** Re-reads storage and merges what other tabs saved. */
  syncFromStorage: () => Promise<void>;
  /**
   * Reads and merges in the weeks of the log the first read left out (recentWeeksFirst), now;
   * nothing if none were. Moving or discarding a card's reviews do it first, and so must
   * anything that shows or exports the whole log.
   */
  completeLog: () => void;
  storage: SplitStorage;
};

export interface ProgressStoreOptions {
  storage: KeyValueStorage;
  now: () => number;
  onProblems?: (problems: StorageProblem[]) => void;
  /** See SplitStorageOptions.recentWeeksFirst. */
  recentWeeksFirst?: number;
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
    seen: s.seen,
  };
}

export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
  const { now } = options;
  const storage = splitStorage({
    storage: options.storage,
    now,
    ...(options.onProblems ? { onProblems: options.onProblems } : {}),
    ...(options.recentWeeksFirst ? { recentWeeksFirst: options.recentWeeksFirst } : {}),
  });
  // (Set once the store exists: its actions call it.)
  let completeLog = () => {};
  /**
   * A revision later than `previous`, even when the clock has gone back; card revisions are
   * never before the last reset (`floor`), or loading would drop them as older than it.
   */
  const nextRev = (previous: number | undefined, floor = 0) =>
    Math.max(now(), (previous ?? 0) + 1, floor);
  let syncing = false;

  const store = createStore<ProgressState>()(
    persist<ProgressState, [], [], PersistedState>(
      (set, get) => ({
        ...initialPersistedState(),
        undoStack: [],
        rate(cardId, grade, at, seenAt) {
          const { progress, revs, log, removed, resetAt, settings, undoStack, seen } = get();
          const before = progress[cardId];
          // A review's time is its identity (see logKey): it must come after the card's last
          // review and not before a reset, and never reuse the key of a review taken back.
          // With the clock gone back, that moves it a millisecond past the last review.
          const last = before?.lastReview ?? null;
          const time = freeReviewTime(
            cardId,
            Math.max(at, resetAt, last === null ? -Infinity : last + 1),
            log,
            removed,
          );
          const engine = currentEngine();
          // The review screen offers grades only once the scheduler has arrived.
          if (!engine) throw new Error('the scheduler is still loading: grade again in a moment');
          const result = engine.rateCard(
            cardId,
            before ?? newProgress(time),
            grade,
            time,
            settings,
          );
          const entry: ReviewLogEntry = {
            ...result.log,
            stability: roundForLog(result.log.stability),
            difficulty: roundForLog(result.log.difficulty),
          };
          const nextProgress = { ...progress, [cardId]: result.progress };
          const nextSeen = seenAt ? noted(seen, nextProgress, [seenAt]) : seen;
          set({
            progress: nextProgress,
            seen: nextSeen,
            revs: deriveRecord(
              { ...revs, [cardId]: Math.max(time, (revs[cardId] ?? 0) + 1) },
              revs,
              [cardId],
            ),
            log: appendInOrder(log, entry),
            undoStack: [...undoStack, { cardId, before, log: entry }].slice(-UNDO_DEPTH),
          });
        },
        undo() {
          const { progress, revs, log, removed, resetAt, undoStack } = get();
          const last = undoStack[undoStack.length - 1];
          if (!last) return null;
          const nextProgress = { ...progress };
          if (last.before) nextProgress[last.cardId] = last.before;
          else delete nextProgress[last.cardId];
          // Remove exactly the entry that grade appended (by identity), wherever it now sits.
          const index = log.lastIndexOf(last.log);
          set({
            progress: nextProgress,
            revs: { ...revs, [last.cardId]: nextRev(revs[last.cardId], resetAt) },
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
        rescheduleReviews() {
          const engine = currentEngine();
          if (!engine) throw new Error('the scheduler is still loading: try again in a moment');
          const { progress, revs, settings } = get();
          const changed = engine.rescheduleForRetention(progress, settings);
          const ids = Object.keys(changed);
          if (ids.length === 0) return 0;
          const nextRevs = { ...revs };
          for (const id of ids) nextRevs[id] = nextRev(revs[id]);
          set({ progress: { ...progress, ...changed }, revs: nextRevs });
          return ids.length;
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
        applyMerged(next, changedIds) {
          const revs = { ...next.revs };
          for (const id of changedIds) revs[id] = nextRev(revs[id], next.resetAt);
          set({ ...next, revs, settingsRev: nextRev(get().settingsRev) });
        },
        noteDeck(cards) {
          const { progress, seen } = get();
          const next = noted(seen, progress, cards);
          if (next !== seen) set({ seen: next });
        },
        moveProgress(from, to) {
          completeLog(); // every review of the card moves, from every week
          const { progress, revs, log, removed, resetAt, seen, undoStack } = get();
          const moving = progress[from];
          // Never onto a card with progress of its own: that progress would be lost.
          if (moving === undefined || from === to || progress[to] !== undefined) return;
          const nextProgress = { ...progress, [to]: moving };
          delete nextProgress[from];
          const nextSeen = { ...seen };
          if (seen[from]) nextSeen[to] = seen[from];
          delete nextSeen[from];
          // Reviews move too: the old entries are marked removed so no merge brings them back.
          // A key already taken back (say, by a move the other way) is never reused, as no merge
          // could tell the review from the removed one: such a review moves on a millisecond.
          const gone: string[] = [];
          const taken = new Set(removed);
          for (const e of log) if (e.cardId === to) taken.add(logKey(e));
          let shifted = false;
          const nextLog = log.map((e) => {
            if (e.cardId !== from) return e;
            gone.push(logKey(e));
            let reviewedAt = e.reviewedAt;
            while (taken.has(logKey({ cardId: to, reviewedAt }))) reviewedAt++;
            taken.add(logKey({ cardId: to, reviewedAt }));
            if (reviewedAt !== e.reviewedAt) shifted = true;
            return { ...e, cardId: to, reviewedAt };
          });
          if (shifted) nextLog.sort((a, b) => a.reviewedAt - b.reviewedAt);
          set({
            progress: nextProgress,
            revs: {
              ...revs,
              [from]: nextRev(revs[from], resetAt),
              [to]: nextRev(revs[to], resetAt),
            },
            log: nextLog,
            removed: [...removed, ...gone],
            seen: nextSeen,
            undoStack: undoStack.filter((u) => u.cardId !== from),
          });
        },
        discardProgress(id) {
          completeLog(); // every review of the card goes, from every week
          const { progress, revs, log, removed, resetAt, undoStack } = get();
          if (progress[id] === undefined) return;
          const nextProgress = { ...progress };
          delete nextProgress[id];
          set({
            progress: nextProgress,
            revs: { ...revs, [id]: nextRev(revs[id], resetAt) },
            log: log.filter((e) => e.cardId !== id),
            removed: [...removed, ...log.filter((e) => e.cardId === id).map(logKey)],
            undoStack: undoStack.filter((u) => u.cardId !== id),
          });
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
          // written (or are pending) the moment they were made. At the first load it is what
          // was read, now the store's own values.
          if (syncing) storage.markWritten(merged);
          else storage.markLoaded(merged);
          return { ...current, ...merged };
        },
      },
    ),
  );

  const syncFromStorage = () => {
    syncing = true;
    try {
      // With this storage, synchronous: the merged state is in the store when this returns.
      return store.persist.rehydrate();
    } finally {
      syncing = false;
    }
  };
  completeLog = () => {
    if (storage.hasOlderLog()) void syncFromStorage();
  };
  return Object.assign(store, {
    storage,
    syncFromStorage,
    completeLog,
  });
}

/** `seen` with where `cards` (those with progress) now are; `seen` itself if nothing moved. */
function noted(
  seen: Readonly<Record<string, SeenCard>>,
  progress: Readonly<Record<string, CardProgress>>,
  cards: readonly DeckCardRef[],
): Record<string, SeenCard> {
  let next: Record<string, SeenCard> | null = null;
  const changed: string[] = [];
  for (const c of cards) {
    if (progress[c.id] === undefined) continue;
    const text = c.text.slice(0, SEEN_TEXT_LENGTH);
    const was = seen[c.id];
    if (was && was.file === c.file && was.index === c.index && was.text === text) continue;
    next ??= { ...seen };
    next[c.id] = { file: c.file, index: c.index, text };
    changed.push(c.id);
  }
  return next ? deriveRecord(next, seen, changed) : (seen as Record<string, SeenCard>);
}

/**
 * The first time from `t` on at which `cardId` has no review and no review taken back, so that
 * a new review's key (see logKey) is its own.
 */
function freeReviewTime(
  cardId: string,
  t: number,
  log: readonly ReviewLogEntry[],
  removed: readonly string[],
): number {
  const taken = new Set<string>();
  // The log is in time order: only its tail can hold reviews at or after `t`.
  for (let i = log.length - 1; i >= 0 && log[i]!.reviewedAt >= t; i--) {
    if (log[i]!.cardId === cardId) taken.add(logKey(log[i]!));
  }
  const suffix = `|${cardId}`;
  for (const key of removed) if (key.endsWith(suffix)) taken.add(key);
  while (taken.has(logKey({ cardId, reviewedAt: t }))) t++;
  return t;
}

/** Appends, or inserts in time order when the clock has gone back: the log stays sorted. */
function appendInOrder(log: readonly ReviewLogEntry[], entry: ReviewLogEntry): ReviewLogEntry[] {
  const last = log[log.length - 1];
  if (!last || last.reviewedAt <= entry.reviewedAt) {
    // (concat copies a long array about three times faster than spreading it)
    return deriveLog(log.concat(entry), log, log.length);
  }
  let i = log.length;
  while (i > 0 && log[i - 1]!.reviewedAt > entry.reviewedAt) i--;
  return deriveLog([...log.slice(0, i), entry, ...log.slice(i)], log, i);
}
