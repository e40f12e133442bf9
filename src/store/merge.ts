// Merging two copies of the learner's data — another tab's, an imported file's, what storage
// holds — without losing a review: per card the newer change wins, review logs are unioned
// (minus reviews taken back by undo), and a reset wipes only what came before it. Pure.
import type { CardProgress, ReviewLogEntry } from '../scheduler/progress.ts';
import {
  cardFlags,
  laterReset,
  logKey,
  logOrder,
  type CardFlags,
  type InterviewRecord,
  type PersistedState,
} from './persisted.ts';

/** Union of two logs in time order; on a duplicate, `a`'s object is kept. */
export function mergeLogs(
  a: readonly ReviewLogEntry[],
  b: readonly ReviewLogEntry[],
  removed: ReadonlySet<string>,
  resetAt: number,
): ReviewLogEntry[] {
  // (A stable sort: of two equal entries, `a`'s comes first and is the one kept.)
  const all = [...a, ...b].sort(logOrder);
  const out: ReviewLogEntry[] = [];
  for (const e of all) {
    const last = out[out.length - 1];
    if (e.reviewedAt < resetAt || (last && logOrder(last, e) === 0)) continue;
    if (removed.size > 0 && removed.has(logKey(e))) continue;
    out.push(e);
  }
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
  // The latest reset, which may be earlier in time than the one before it (see resetRev).
  const reset = laterReset(a, b);
  const resetAt = reset.resetAt;
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
    ...(reset.resetRev === undefined ? {} : { resetRev: reset.resetRev }),
    seen: a.seen === b.seen ? a.seen : { ...b.seen, ...a.seen },
    flags: mergeFlags(a.flags, b.flags),
    interviews: mergeInterviews(a.interviews, b.interviews),
  };
}

const starredRev = (f: CardFlags) => f.starredRev ?? f.rev;
const suspendedRev = (f: CardFlags) => f.suspendedRev ?? f.rev;

/**
 * Per card and per flag, the change made last wins (ties go to `a`): a star in one tab and a
 * suspension in another both stay.
 */
export function mergeFlags(
  a: Readonly<Record<string, CardFlags>>,
  b: Readonly<Record<string, CardFlags>>,
): Record<string, CardFlags> {
  return newerByRev(a, b, (mine, theirs) => {
    const star = starredRev(theirs) > starredRev(mine) ? theirs : mine;
    const suspend = suspendedRev(theirs) > suspendedRev(mine) ? theirs : mine;
    if (star === mine && suspend === mine) return mine;
    return cardFlags(star.starred, suspend.suspended, starredRev(star), suspendedRev(suspend));
  });
}

/** Per interview, the change made last wins (a removal too); ties go to `a`. */
export function mergeInterviews(
  a: Readonly<Record<string, InterviewRecord>>,
  b: Readonly<Record<string, InterviewRecord>>,
): Record<string, InterviewRecord> {
  return newerByRev(a, b, (mine, theirs) => (theirs.rev > mine.rev ? theirs : mine));
}

/** Per key, `b`'s record where `a` has none, else what `pick` makes of the two. */
function newerByRev<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  pick: (mine: T, theirs: T) => T,
): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [id, theirs] of Object.entries(b)) {
    const mine = out[id];
    out[id] = mine === undefined ? theirs : pick(mine, theirs);
  }
  return out;
}
