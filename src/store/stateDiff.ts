// What differs between two states, by value: what a save must write. Values, not object identity,
// so a state merged from another tab's (equal) records is not taken for a change. Pure.
import type { ReviewLogEntry } from '../scheduler/progress.ts';
import { weekOf } from './codec.ts';

/** Ids whose values differ between two records, added and removed ones included. */
export function changedIds<T>(
  next: Readonly<Record<string, T>>,
  prev: Readonly<Record<string, T>>,
  same: (a: T, b: T) => boolean,
): string[] {
  if (next === prev) return [];
  const changed: string[] = [];
  for (const id in next) {
    const was = prev[id];
    if (was === undefined || !same(next[id]!, was)) changed.push(id);
  }
  for (const id in prev) if (!(id in next)) changed.push(id);
  return changed;
}

/** Weeks holding entries that differ between two logs in time order (from the first difference on). */
export function changedWeeks(
  next: readonly ReviewLogEntry[],
  prev: readonly ReviewLogEntry[],
): Set<number> {
  const weeks = new Set<number>();
  if (next === prev) return weeks;
  let i = 0;
  while (i < next.length && i < prev.length && sameEntry(next[i]!, prev[i]!)) i++;
  for (let j = i; j < next.length; j++) weeks.add(weekOf(next[j]!.reviewedAt));
  for (let j = i; j < prev.length; j++) weeks.add(weekOf(prev[j]!.reviewedAt));
  return weeks;
}

export function sameEntry(a: ReviewLogEntry, b: ReviewLogEntry): boolean {
  return (
    a === b ||
    (a.reviewedAt === b.reviewedAt &&
      a.cardId === b.cardId &&
      a.grade === b.grade &&
      a.state === b.state &&
      a.stability === b.stability &&
      a.difficulty === b.difficulty &&
      a.scheduledDays === b.scheduledDays &&
      a.elapsedDays === b.elapsedDays)
  );
}

/** Equality of small plain records (settings, where a card was seen). */
export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
