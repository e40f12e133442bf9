// Learner progress: card progress by id, the review log and scheduler settings. A plain zustand
// store; storage is a ProgressRepository (repository.ts) it loads from once, saves every change
// to and re-reads when another tab has saved. (Not zustand's `persist`: its hydrate-and-merge
// cycle cannot say what a save changed or what storage already holds, which is what merging two
// tabs and writing only what changed need; the repository says both.) The clock and the
// scheduler come in through the options: the store reads no global of its own.
//
// The review log is not part of the reactive state: screens get all of it from `reviewLog()`
// and the last weeks from `recentReviews`, so no screen can take part of it for the whole.
import { createStore } from 'zustand/vanilla';
import {
  MAX_ANSWER_MS,
  firstReviewFrom,
  newProgress,
  type ReviewLogEntry,
} from '../scheduler/progress.ts';
import { mergeStates } from './merge.ts';
import type { ProgressRepository } from './repository.ts';
import { interviewActions } from './interviewActions.ts';
import { appendInOrder, dataOf, freeReviewTime, noted, practiceEntry } from './stateEdits.ts';
import { cardFlags, logKey, logOrder, resetRevOf, roundForLog } from './persisted.ts';
import {
  RECENT_REVIEW_DAYS,
  type ProgressData,
  type ProgressState,
  type ProgressStore,
  type ProgressStoreOptions,
  type UndoEntry,
} from './progressTypes.ts';

export {
  RECENT_REVIEW_DAYS,
  type ProgressData,
  type ProgressState,
  type ProgressStore,
  type ProgressStoreOptions,
  type RateOptions,
  type UndoEntry,
} from './progressTypes.ts';

const UNDO_DEPTH = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The store on a repository. (createProgressStore in localProgressStore.ts makes one on storage;
 * the app's entry makes its own, with localStorage's code loaded on demand: see main.tsx.)
 */
export function progressStoreOn(
  repository: ProgressRepository,
  options: Pick<ProgressStoreOptions, 'now' | 'engine' | 'onEngine'>,
): ProgressStore {
  const { now, engine: currentEngine } = options;
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
      const rev = nextRev(was?.rev);
      const starred = flag === 'starred' ? on : (was?.starred ?? false);
      const suspended = flag === 'suspended' ? on : (was?.suspended ?? false);
      // Each flag keeps its own revision, so another tab's change of the other flag stays.
      const next = cardFlags(
        starred,
        suspended,
        flag === 'starred' ? rev : (was?.starredRev ?? was?.rev ?? 0),
        flag === 'suspended' ? rev : (was?.suspendedRev ?? was?.rev ?? 0),
      );
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
        // review and never reuse the key of a review taken back or one another tab has just
        // stored. With the clock gone back, that moves it a millisecond past the last review.
        const last = before?.lastReview ?? null;
        const from = Math.max(at, last === null ? -Infinity : last + 1);
        const stored = repository.storedReviews(cardId, from).map((e) => e.reviewedAt);
        const time = freeReviewTime(cardId, from, log, removed, stored);
        // A review before the last reset means the reset was made with the clock ahead: it is
        // moved back to this review, which it must not hide (nothing older is left to hide).
        const resetPatch =
          time < resetAt ? { resetAt: time, resetRev: nextRev(resetRevOf(get())) } : {};
        const answer =
          answerMs === null ? null : Math.min(MAX_ANSWER_MS, Math.max(0, Math.round(answerMs)));
        if (practice) {
          const entry = practiceEntry(cardId, grade, time, before, answer);
          commit(
            {
              ...resetPatch,
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
            ...resetPatch,
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
        if (undoWouldLose(last)) {
          set({ undoStack: undoStack.slice(0, -1) });
          return null;
        }
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
        const state = get();
        // The reset's time is this clock's, never a later stored time (a review dated ahead):
        // reviews made after it must stay visible. What it removes that is dated later is
        // listed as removed, so that no tab or merge brings it back.
        const resetAt = Math.max(now(), state.resetAt);
        const later = log.filter((e) => e.reviewedAt >= resetAt).map(logKey);
        commit(
          {
            progress: {},
            revs: {},
            removed: later,
            undoStack: [],
            resetAt,
            resetRev: nextRev(resetRevOf(state)),
          },
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
        const nextLog = log.map((e) => {
          if (e.cardId !== from) return e;
          gone.push(logKey(e));
          let reviewedAt = e.reviewedAt;
          while (taken.has(logKey({ cardId: to, reviewedAt }))) reviewedAt++;
          taken.add(logKey({ cardId: to, reviewedAt }));
          return { ...e, cardId: to, reviewedAt };
        });
        // A new name or time can change a review's place among others of the same millisecond.
        if (gone.length > 0) nextLog.sort(logOrder);
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

  /**
   * Whether undoing `entry` would lose another tab's work: a review made after it; one before
   * it that the progress it would restore (`entry.before`) does not include (that tab graded
   * the card before this one had merged its review); or an undo there of the review that
   * progress rests on (restoring it would bring a taken-back review back to life).
   */
  function undoWouldLose({ cardId, before, log: own }: UndoEntry): boolean {
    if (own?.kind !== 'review') return false;
    const restored = before?.lastReview;
    if (restored != null && repository.takenBack(cardId, restored)) return true;
    const others = [
      ...log,
      ...[own.reviewedAt, now()].flatMap((at) => repository.storedReviews(cardId, at)),
    ].filter((e) => e.cardId === cardId && e.kind === 'review' && e.reviewedAt !== own.reviewedAt);
    if (others.some((e) => e.reviewedAt > own.reviewedAt)) return true;
    const previous = Math.max(-Infinity, ...others.map((e) => e.reviewedAt));
    return previous > (before?.lastReview ?? -Infinity);
  }

  const syncFromStorage = () => {
    const stored = repository.load();
    const merged = mergeStates({ ...dataOf(store.getState()), log }, stored);
    // Saved at once: what this tab holds and storage did not (say, a write refused for room).
    store.setState({ ...dataOf(merged), ...logView(merged.log) });
    repository.save(merged);
  };
  const restoreBackup = (key: string): { ok: true } | { ok: false; reason: string } => {
    const backup = repository.readBackup(key);
    if (!backup.ok) return backup;
    const merged = mergeStates({ ...dataOf(store.getState()), log }, backup.state);
    store.setState({ ...dataOf(merged), ...logView(merged.log) });
    repository.save(merged);
    return { ok: true };
  };
  repository.subscribe(syncFromStorage);
  // Writes what the load could not leave as it was: an older layout, a missing meta record.
  repository.save({ ...dataOf(store.getState()), log });
  return Object.assign(store, {
    repository,
    syncFromStorage,
    restoreBackup,
    reviewLog: () => Promise.resolve(log),
    engine: currentEngine,
    onEngine: options.onEngine ?? (() => () => {}),
    persistedState: () => ({ ...dataOf(store.getState()), log }),
  });
}
