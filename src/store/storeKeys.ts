// The repository's pure parts: what its keys name, what a shard or week holds once this tab's
// state is merged with what the key holds now, and which errors mean "no room".
import { firstReviewFrom, type ReviewLogEntry } from '../scheduler/progress.ts';
import { allKeys, BACKUP_INFIX } from './backups.ts';
import {
  decodeChunk,
  encodeChunk,
  isLogChunkKey,
  shardOf,
  weekOf,
  type LogChunk,
  type ProgressRecord,
} from './codec.ts';
import { WEEK_MS } from './decoding.ts';
import { mergeLogs } from './merge.ts';
import type { SeenCard } from './orphans.ts';
import type { PersistedState } from './persisted.ts';
import type { KeyValueStorage } from './repository.ts';

/** The cards of one seen shard. */
export function seenInShard(
  seen: Readonly<Record<string, SeenCard>>,
  shard: number,
): Record<string, SeenCard> {
  const mine: Record<string, SeenCard> = {};
  for (const id in seen) if (shardOf(id) === shard) mine[id] = seen[id]!;
  return mine;
}

/** A progress shard's records: this state's, merged with what another tab may have stored. */
export function shardRecords(
  state: PersistedState,
  shard: number,
  stored: ReadonlyMap<string, ProgressRecord> | null,
): Map<string, ProgressRecord> {
  const records = new Map<string, ProgressRecord>();
  for (const id in state.revs) {
    const rev = state.revs[id]!;
    if (rev < state.resetAt || shardOf(id) !== shard) continue;
    records.set(id, { rev, progress: state.progress[id] ?? null });
  }
  // The newer revision wins.
  for (const [id, record] of stored ?? []) {
    const mine = records.get(id);
    if (record.rev >= state.resetAt && (!mine || record.rev > mine.rev)) records.set(id, record);
  }
  return records;
}

/** A week of the log: this state's entries and removals, unioned with what is stored. */
export function chunkOfWeek(
  state: PersistedState,
  week: number,
  stored: LogChunk | null,
): LogChunk {
  const removed = new Set(stored?.removed);
  for (const r of state.removed) if (weekOf(removedTime(r)) === week) removed.add(r);
  const entries = mergeLogs(
    entriesInWeek(state.log, week),
    stored?.entries ?? [],
    removed,
    state.resetAt,
  );
  return { entries, removed: [...removed] };
}

export function isQuotaError(e: unknown): boolean {
  return (
    e instanceof Error &&
    (e.name === 'QuotaExceededError' ||
      e.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
      /quota/i.test(e.message))
  );
}

/** The shard a progress or seen shard key names (`…/p/a` → 10). */
export const shardOfKey = (key: string) => Number.parseInt(key.slice(key.lastIndexOf('/') + 1), 16);
/** The week a log chunk key names (`…/log/2969` → 2969). */
export const weekOfKey = (key: string) => Number(key.slice(key.lastIndexOf('/') + 1));
/** The time of a removed review's key (see logKey). */
export const removedTime = (key: string) => Number(key.slice(0, key.indexOf('|')));

/** The entries of one week, found by binary search: the log is kept in time order. */
export function entriesInWeek(log: readonly ReviewLogEntry[], week: number): ReviewLogEntry[] {
  return log.slice(
    firstReviewFrom(log, week * WEEK_MS),
    firstReviewFrom(log, (week + 1) * WEEK_MS),
  );
}

/** Compacts the log weeks before `beforeWeek` (see encodeChunk), to make room. */
export function compactOldChunks(
  storage: KeyValueStorage,
  name: string,
  beforeWeek: number,
  held: ReadonlySet<string>,
): void {
  for (const key of allKeys(storage)) {
    if (!isLogChunkKey(name, key) || key.includes(BACKUP_INFIX) || held.has(key)) continue;
    if (!(weekOfKey(key) < beforeWeek)) continue;
    const chunk = decodeChunk(storage.getItem(key) ?? '');
    // Only a chunk read whole: one with a damaged entry waits for its rewrite.
    if (!chunk.ok || chunk.damaged) continue;
    try {
      storage.setItem(key, encodeChunk(weekOfKey(key), chunk.value, true));
    } catch {
      // Still no room: nothing lost, the uncompacted chunk stays.
    }
  }
}
