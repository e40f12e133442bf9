// Learner progress: card progress by id, the review log and scheduler settings. A plain zustand
// store; storage is a ProgressRepository (repository.ts) it loads from once, saves every change
// to and re-reads when another tab has saved. (Not zustand's `persist`: its hydrate-and-merge
// cycle cannot say what a save changed or what storage already holds, which is what merging two
// tabs and writing only what changed need; the repository says both.) The clock and the
// scheduler come in through the options: the store reads no global of its own.
//
// The review log is not part of the reactive state: screens get all of it from `reviewLog()`
// and the last weeks from `recentReviews`, so no screen can take part of it for the whole.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  MAX_ANSWER_MS,
  firstReviewFrom,
  newProgress,
  type CardProgress,
  type Grade,
  type ReviewLogEntry,
} from '../scheduler/progress.ts';
import type { SchedulerEngine } from '../scheduler/engine.ts';
import type { SchedulerSettings } from '../scheduler/settings.ts';
import { interviewActions, type InterviewActions } from './interviewActions.ts';
import { localStorageRepository } from './localStorageRepository.ts';
import { mergeStates } from './merge.ts';
import type { DeckCardRef } from './orphans.ts';
import { appendInOrder, dataOf, freeReviewTime, noted, practiceEntry } from './stateEdits.ts';
import { logKey, roundForLog, type CardFlags, type PersistedState } from './persisted.ts';
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
   * Reverts the last grade or card reset; returns the card it belonged to, or null if there was
   * none.
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
  /** Backups, problems and held values (Settings → Your data). */
  repository: ProgressRepository;
};

export type ProgressStoreOptions = {
  now: () => number;
  /** The scheduler, or null while it is still loading (grading waits for it). */
  engine: () => SchedulerEngine | null;
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

const UNDO_DEPTH = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
  const { now, engine: currentEngine } = options;
  const repository =
    'repository' in options
      ? options.repository
      : localStorageRepository({
          storage: options.storage,
          now,
          ...(options.onProblems ? { onProblems: options.onProblems } : {}),
          ...(options.watch ? { watch: options.watch } : {}),
        });
  /**
   * A revision later than `previous`, even when the clock has gone back; card revisions are
   * never before the last reset (`floor`), or loading would drop them as older than it.
   */
  const nextRev = (previous: number | undefined, floor = 0) =>
    Math.max(now(), (previous ?? 0) + 1, floor);

  const loaded = repository.load();
  /** The whole review log, in time order. Changed only through `commit`. */
  let log: ReviewLogEntry[] = loaded.log;
  let logRevision = 0;
  const logView = (next: ReviewLogEntry[]) => {
    if (next !== log) logRevision++;
    log = next;
    return {
      recentReviews: log.slice(firstReviewFrom(log, now() - RECENT_REVIEW_DAYS * DAY_MS)),
      reviewCount: log.length,
      logRevision,
    };
  };

  const store = createStore<ProgressState>()((set, get) => {
    /** Applies a change (and the new log, if it changed) and saves it. */
    const commit = (
      patch: Partial<ProgressData> & { undoStack?: UndoEntry[] },
      nextLog: ReviewLogEntry[] = log,
    ) => {
      set({ ...patch, ...logView(nextLog) });
      repository.save({ ...dataOf(get()), log });
    };
    const setFlag = (cardId: string, flag: 'starred' | 'suspended', on: boolean) => {
      const { flags } = get();
      const was = flags[cardId];
      if ((was?.[flag] ?? false) === on) return;
      const next: CardFlags = {
        starred: was?.starred ?? false,
        suspended: was?.suspended ?? false,
        [flag]: on,
        rev: nextRev(was?.rev),
      };
      commit({ flags: { ...flags, [cardId]: next } });
    };
    return {
      ...dataOf(loaded),
      ...logView(loaded.log),
      undoStack: [],
      ...interviewActions({
        now,
        interviews: () => get().interviews,
        commit: (interviews) => commit({ interviews }),
      }),
      rate(cardId, grade, at, { seenAt, answerMs = null, practice = false } = {}) {
        const { progress, revs, removed, resetAt, settings, undoStack, seen } = get();
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
        const answer =
          answerMs === null ? null : Math.min(MAX_ANSWER_MS, Math.max(0, Math.round(answerMs)));
        if (practice) {
          const entry = practiceEntry(cardId, grade, time, before, answer);
          commit(
            {
              seen: seenAt && before ? noted(seen, progress, [seenAt]) : seen,
              undoStack: [...undoStack, { cardId, before, log: entry }].slice(-UNDO_DEPTH),
            },
            appendInOrder(log, entry),
          );
          return;
        }
        const engine = currentEngine();
        // The review screen offers grades only once the scheduler has arrived.
        if (!engine) throw new Error('the scheduler is still loading: grade again in a moment');
        const result = engine.rateCard(cardId, before ?? newProgress(time), grade, time, settings);
        const entry: ReviewLogEntry = {
          ...result.log,
          stability: roundForLog(result.log.stability),
          difficulty: roundForLog(result.log.difficulty),
          answerMs: answer,
        };
        const nextProgress = { ...progress, [cardId]: result.progress };
        commit(
          {
            progress: nextProgress,
            seen: seenAt ? noted(seen, nextProgress, [seenAt]) : seen,
            revs: { ...revs, [cardId]: Math.max(time, (revs[cardId] ?? 0) + 1) },
            undoStack: [...undoStack, { cardId, before, log: entry }].slice(-UNDO_DEPTH),
          },
          appendInOrder(log, entry),
        );
      },
      undo() {
        const { progress, revs, removed, resetAt, undoStack } = get();
        const last = undoStack[undoStack.length - 1];
        if (!last) return null;
        const nextProgress = { ...progress };
        if (last.before) nextProgress[last.cardId] = last.before;
        else delete nextProgress[last.cardId];
        // Remove exactly the entry that grade appended, wherever it now sits.
        const key = last.log && logKey(last.log);
        commit(
          {
            progress: nextProgress,
            revs: { ...revs, [last.cardId]: nextRev(revs[last.cardId], resetAt) },
            removed: key === null ? removed : [...removed, key],
            undoStack: undoStack.slice(0, -1),
          },
          key === null ? log : log.filter((e) => logKey(e) !== key),
        );
        return last.cardId;
      },
      setStarred(cardId, on) {
        setFlag(cardId, 'starred', on);
      },
      setSuspended(cardId, on) {
        setFlag(cardId, 'suspended', on);
      },
      resetCard(cardId) {
        const { progress, revs, resetAt, undoStack } = get();
        const before = progress[cardId];
        if (before === undefined) return;
        const nextProgress = { ...progress };
        delete nextProgress[cardId];
        commit({
          progress: nextProgress,
          revs: { ...revs, [cardId]: nextRev(revs[cardId], resetAt) },
          undoStack: [...undoStack, { cardId, before, log: null }].slice(-UNDO_DEPTH),
        });
      },
      setSettings(patch) {
        const { settings, settingsRev } = get();
        commit({ settings: { ...settings, ...patch }, settingsRev: nextRev(settingsRev) });
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
        commit({ progress: { ...progress, ...changed }, revs: nextRevs });
        return ids.length;
      },
      resetProgress() {
        const { revs, resetAt } = get();
        const latest = Math.max(
          resetAt,
          ...Object.values(revs),
          log[log.length - 1]?.reviewedAt ?? 0,
        );
        commit(
          { progress: {}, revs: {}, removed: [], undoStack: [], resetAt: nextRev(latest) },
          [],
        );
      },
      applyMerged(next, changedIds) {
        const revs = { ...next.revs };
        for (const id of changedIds) revs[id] = nextRev(revs[id], next.resetAt);
        commit({ ...dataOf(next), revs, settingsRev: nextRev(get().settingsRev) }, next.log);
      },
      noteDeck(cards) {
        const { progress, seen } = get();
        const next = noted(seen, progress, cards);
        if (next !== seen) commit({ seen: next });
      },
      moveProgress(from, to) {
        const { progress, revs, removed, resetAt, seen, undoStack } = get();
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
        commit(
          {
            progress: nextProgress,
            revs: {
              ...revs,
              [from]: nextRev(revs[from], resetAt),
              [to]: nextRev(revs[to], resetAt),
            },
            removed: [...removed, ...gone],
            seen: nextSeen,
            undoStack: undoStack.filter((u) => u.cardId !== from),
          },
          nextLog,
        );
      },
      discardProgress(id) {
        const { progress, revs, removed, resetAt, undoStack } = get();
        if (progress[id] === undefined) return;
        const nextProgress = { ...progress };
        delete nextProgress[id];
        commit(
          {
            progress: nextProgress,
            revs: { ...revs, [id]: nextRev(revs[id], resetAt) },
            removed: [...removed, ...log.filter((e) => e.cardId === id).map(logKey)],
            undoStack: undoStack.filter((u) => u.cardId !== id),
          },
          log.filter((e) => e.cardId !== id),
        );
      },
    };
  });

  const syncFromStorage = () => {
    const stored = repository.load();
    const merged = mergeStates({ ...dataOf(store.getState()), log }, stored);
    // Saved at once: what this tab holds and storage did not (say, a write refused for room).
    store.setState({ ...dataOf(merged), ...logView(merged.log) });
    repository.save(merged);
  };
  repository.subscribe(syncFromStorage);
  // Writes what the load could not leave as it was: an older layout, a missing meta record.
  repository.save({ ...dataOf(store.getState()), log });
  return Object.assign(store, {
    repository,
    syncFromStorage,
    reviewLog: () => Promise.resolve(log),
    persistedState: () => ({ ...dataOf(store.getState()), log }),
  });
}
