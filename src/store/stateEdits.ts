// Pure edits of the stored state that the progress store's actions share.
import type { CardProgress, Grade, ReviewLogEntry } from '../scheduler/progress.ts';
import { SEEN_TEXT_LENGTH, type DeckCardRef, type SeenCard } from './orphans.ts';
import { logKey, logOrder, roundForLog, type PersistedState } from './persisted.ts';

/** `seen` with where `cards` (those with progress) now are; `seen` itself if nothing moved. */
export function noted(
  seen: Readonly<Record<string, SeenCard>>,
  progress: Readonly<Record<string, CardProgress>>,
  cards: readonly DeckCardRef[],
): Record<string, SeenCard> {
  let next: Record<string, SeenCard> | null = null;
  for (const c of cards) {
    if (progress[c.id] === undefined) continue;
    const text = c.text.slice(0, SEEN_TEXT_LENGTH);
    const was = seen[c.id];
    if (was && was.file === c.file && was.index === c.index && was.text === text) continue;
    next ??= { ...seen };
    next[c.id] = { file: c.file, index: c.index, text };
  }
  return next ?? (seen as Record<string, SeenCard>);
}

/**
 * The first time from `t` on at which `cardId` has no review and no review taken back, so that
 * a new review's key (see logKey) is its own.
 */
export function freeReviewTime(
  cardId: string,
  t: number,
  log: readonly ReviewLogEntry[],
  removed: readonly string[],
  /** Times of this card's reviews stored by another tab this one has not merged yet. */
  storedTimes: readonly number[] = [],
): number {
  const taken = new Set<string>(storedTimes.map((reviewedAt) => logKey({ cardId, reviewedAt })));
  // The log is in time order: only its tail can hold reviews at or after `t`.
  for (let i = log.length - 1; i >= 0 && log[i]!.reviewedAt >= t; i--) {
    if (log[i]!.cardId === cardId) taken.add(logKey(log[i]!));
  }
  const suffix = `|${cardId}`;
  for (const key of removed) if (key.endsWith(suffix)) taken.add(key);
  while (taken.has(logKey({ cardId, reviewedAt: t }))) t++;
  return t;
}

/** Appends, or inserts in place when the clock has gone back: the log stays in `logOrder`. */
export function appendInOrder(
  log: readonly ReviewLogEntry[],
  entry: ReviewLogEntry,
): ReviewLogEntry[] {
  const last = log[log.length - 1];
  if (!last || logOrder(last, entry) <= 0) {
    return log.concat(entry);
  }
  let i = log.length;
  while (i > 0 && logOrder(log[i - 1]!, entry) > 0) i--;
  return [...log.slice(0, i), entry, ...log.slice(i)];
}

/** A practice's log entry: the card's state and memory as they are, which it leaves unchanged. */
export function practiceEntry(
  cardId: string,
  grade: Grade,
  time: number,
  before: CardProgress | undefined,
  answerMs: number | null,
): ReviewLogEntry {
  const last = before?.lastReview ?? null;
  return {
    cardId,
    kind: 'practice',
    grade,
    reviewedAt: time,
    state: before?.state ?? 'new',
    stability: before && before.state !== 'new' ? roundForLog(before.stability) : null,
    difficulty: before && before.state !== 'new' ? roundForLog(before.difficulty) : null,
    scheduledDays: before?.scheduledDays ?? 0,
    elapsedDays: last === null ? 0 : Math.max(0, Math.floor((time - last) / (24 * 60 * 60 * 1000))),
    answerMs,
  };
}

/** The stored state without the review log: what the store's reactive state holds of it. */
export function dataOf(s: Omit<PersistedState, 'log'>): Omit<PersistedState, 'log'> {
  return {
    progress: s.progress,
    revs: s.revs,
    removed: s.removed,
    settings: s.settings,
    settingsRev: s.settingsRev,
    resetAt: s.resetAt,
    ...(s.resetRev === undefined ? {} : { resetRev: s.resetRev }),
    seen: s.seen,
    flags: s.flags,
    interviews: s.interviews,
  };
}
