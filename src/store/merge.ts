// Merging two copies of the learner's data — another tab's, an imported file's, what storage
// holds — without losing a review: per card the newer change wins, review logs are unioned
// (minus reviews taken back by undo), and a reset wipes only what came before it. Pure.
import type { CardProgress, ReviewLogEntry } from '../scheduler/progress.ts';
import { logKey, type PersistedState } from './persisted.ts';

const inOrder = (x: ReviewLogEntry, y: ReviewLogEntry) =>
  x.reviewedAt - y.reviewedAt || (x.cardId < y.cardId ? -1 : x.cardId > y.cardId ? 1 : 0);

/**
 * Whether `log` is already what merging it with nothing gives: in order, without duplicates,
 * nothing taken back, nothing before the reset. One pass, and a key is built only for an entry
 * whose time some taken-back review has (`removedTimes`: the times of the `removed` keys), so
 * loading 100,000 reviews costs a copy, not a sort.
 */
function alreadyMerged(
  log: readonly ReviewLogEntry[],
  removed: ReadonlySet<string>,
  removedTimes: ReadonlySet<number>,
  resetAt: number,
): boolean {
  for (let i = 0; i < log.length; i++) {
    const e = log[i]!;
    if (e.reviewedAt < resetAt) return false;
    if (removedTimes.has(e.reviewedAt) && removed.has(logKey(e))) return false;
    if (i > 0 && inOrder(log[i - 1]!, e) >= 0) return false;
  }
  return true;
}

/** Union of two logs in time order; on a duplicate, `a`'s object is kept (undo relies on identity). */
export function mergeLogs(
  a: readonly ReviewLogEntry[],
  b: readonly ReviewLogEntry[],
  removed: ReadonlySet<string>,
  resetAt: number,
): ReviewLogEntry[] {
  const removedTimes = new Set<number>();
  for (const key of removed) removedTimes.add(Number(key.slice(0, key.indexOf('|'))));
  const merged = (log: readonly ReviewLogEntry[]) =>
    alreadyMerged(log, removed, removedTimes, resetAt);
  const one = b.length === 0 ? a : a.length === 0 ? b : null;
  if (one && merged(one)) return one.slice();
  // Two logs each already merged (say, the live log and what storage holds): one pass through
  // both, as in merge sort, instead of a map and a sort of them all.
  if (!one && merged(a) && merged(b)) return mergeSorted(a, b);
  const byKey = new Map<string, ReviewLogEntry>();
  for (const list of [a, b]) {
    for (const e of list) {
      const key = logKey(e);
      if (e.reviewedAt < resetAt || removed.has(key) || byKey.has(key)) continue;
      byKey.set(key, e);
    }
  }
  return [...byKey.values()].sort(inOrder);
}

/** Two logs in order without duplicates, merged; the same review in both keeps `a`'s object. */
function mergeSorted(a: readonly ReviewLogEntry[], b: readonly ReviewLogEntry[]): ReviewLogEntry[] {
  const out: ReviewLogEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const order = inOrder(a[i]!, b[j]!);
    if (order <= 0) out.push(a[i++]!);
    else out.push(b[j++]!);
    if (order === 0) j++;
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

export interface ProgressSide {
  progress: Readonly<Record<string, CardProgress>>;
  /** A rev without progress records a deletion (an undone first review) at that time. */
  revs: Readonly<Record<string, number>>;
}

/** Per card, the side with the newer revision wins, deletions included; ties go to `a`. */
export function mergeProgress(
  a: ProgressSide,
  b: ProgressSide,
  resetAt: number,
): { progress: Record<string, CardProgress>; revs: Record<string, number> } {
  const progress: Record<string, CardProgress> = {};
  const revs: Record<string, number> = {};
  for (const id of new Set([...Object.keys(a.revs), ...Object.keys(b.revs)])) {
    const ra = a.revs[id];
    const rb = b.revs[id];
    const winner = rb !== undefined && (ra === undefined || rb > ra) ? b : a;
    const rev = winner.revs[id]!;
    if (rev < resetAt) continue;
    revs[id] = rev;
    const p = winner.progress[id];
    if (p !== undefined) progress[id] = p;
  }
  return { progress, revs };
}

/** Everything `a` and `b` know together. `a` is usually the live state, `b` what arrived. */
export function mergeStates(a: PersistedState, b: PersistedState): PersistedState {
  const resetAt = Math.max(a.resetAt, b.resetAt);
  const removed = [...new Set([...a.removed, ...b.removed])];
  const removedSet = new Set(removed);
  const newerSettings = b.settingsRev > a.settingsRev ? b : a;
  return {
    ...mergeProgress(a, b, resetAt),
    log: mergeLogs(a.log, b.log, removedSet, resetAt),
    removed,
    settings: newerSettings.settings,
    settingsRev: newerSettings.settingsRev,
    resetAt,
    seen: a.seen === b.seen ? a.seen : { ...b.seen, ...a.seen },
  };
}
