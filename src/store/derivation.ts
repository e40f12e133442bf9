// Hints from the store to its storage about how a new value was made from the one before, so a
// save need not compare 100,000 log entries or 5,000 cards to find the one that changed. A hint
// is only ever a shortcut: without one (or for another pair of values) the storage compares.
import type { ReviewLogEntry } from '../scheduler/progress.ts';

interface LogDerivation {
  from: readonly ReviewLogEntry[];
  /** Entries before this index are the same objects in both logs. */
  samePrefix: number;
}

interface RecordDerivation {
  from: object;
  /** The only keys whose values differ between the two records. */
  changed: readonly string[];
}

const logs = new WeakMap<readonly ReviewLogEntry[], LogDerivation>();
const records = new WeakMap<object, RecordDerivation>();

/** `next` is `from` with entries changed from `samePrefix` on. Returns `next`. */
export function deriveLog(
  next: ReviewLogEntry[],
  from: readonly ReviewLogEntry[],
  samePrefix: number,
): ReviewLogEntry[] {
  logs.set(next, { from, samePrefix });
  return next;
}

/** How many leading entries `next` shares with `prev`, if the store said so; else null. */
export function knownSamePrefix(
  next: readonly ReviewLogEntry[],
  prev: readonly ReviewLogEntry[],
): number | null {
  const hint = logs.get(next);
  return hint && hint.from === prev ? hint.samePrefix : null;
}

/** `next` is `from` with only the values of `changed` keys different. Returns `next`. */
export function deriveRecord<T extends object>(next: T, from: T, changed: readonly string[]): T {
  records.set(next, { from, changed });
  return next;
}

/** The keys that differ between `next` and `prev`, if the store said so; else null. */
export function knownChangedKeys(next: object, prev: object): readonly string[] | null {
  const hint = records.get(next);
  return hint && hint.from === prev ? hint.changed : null;
}

/**
 * The keys whose values differ between two records (added and removed ones included): the
 * store's hint when it left one for this pair, else found by comparing every key.
 */
export function changedKeys<T>(
  next: Readonly<Record<string, T>>,
  prev: Readonly<Record<string, T>>,
): readonly string[] {
  const known = knownChangedKeys(next, prev);
  if (known) return known;
  const changed: string[] = [];
  for (const key in next) if (next[key] !== prev[key]) changed.push(key);
  for (const key in prev) if (!(key in next)) changed.push(key);
  return changed;
}
