// zustand `persist` storage that spreads the state over several localStorage keys and, on every
// save, rewrites only the keys whose data changed: a grade touches one progress shard, this
// week's log chunk and nothing else. Each write reads what the key holds first and merges, so a
// review saved by another tab a moment earlier is never overwritten. Values that cannot be read
// are copied to a backup key before anything else is written there; values too big to copy are
// left alone ("held") and never written over. A write refused for lack of room keeps the state
// in memory, compacts old log chunks and retries; what still does not fit is retried on the next
// save and reported.
import { changedKeys, knownSamePrefix } from './derivation.ts';
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { firstReviewFrom, type ReviewLogEntry } from '../scheduler/progress.ts';
import {
  decodeChunk,
  decodeMeta,
  decodeSeen,
  decodeV1,
  decodeShard,
  encodeChunk,
  encodeMeta,
  encodeSeen,
  encodeShard,
  isLogChunkKey,
  isProgressShardKey,
  logChunkKey,
  progressShardKey,
  seenKey,
  seenShardKey,
  isSeenShardKey,
  shardOf,
  weekOf,
  PROGRESS_SHARDS,
  WEEK_MS,
  type Decoded,
  type ProgressRecord,
} from './codec.ts';
import { mergeLogs } from './merge.ts';
import type { SeenCard } from './orphans.ts';
import { CURRENT_VERSION, initialPersistedState, type PersistedState } from './persisted.ts';

/** localStorage, or a stand-in with the same synchronous interface. */
export type KeyValueStorage = Pick<
  Storage,
  'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'
>;

export type StorageProblem =
  | { kind: 'unreadable'; key: string; backupKey: string | null; reason: string }
  | { kind: 'unsaved'; keys: string[]; reason: string };

export interface SplitStorageOptions {
  storage: KeyValueStorage;
  now: () => number;
  /** Called with the current list of problems whenever it changes. */
  onProblems?: (problems: StorageProblem[]) => void;
  /** Log chunks older than this many weeks are compacted when space runs out. */
  compactAfterWeeks?: number;
  /**
   * The first read takes the review log of only this many recent weeks (this one included):
   * enough for today's limits and undo, and the first question need not wait for a year of
   * reviews. The next read (a sync: ProgressStore.completeLog) takes every week and the store
   * merges them in. Unset: every read takes the whole log.
   */
  recentWeeksFirst?: number;
}

export interface SplitStorage extends PersistStorage<PersistedState> {
  /** Tell the storage that `state` is what storage now holds (after merging what it read). */
  markWritten: (state: PersistedState) => void;
  /**
   * Tell the storage that `state` is what it just loaded, as the store holds it: the next save
   * then compares with the store's own values (and can use its hints: derivation.ts). Ignored
   * unless the last load read this layout as it is (an older layout must be written anew).
   */
  markLoaded: (state: PersistedState) => void;
  /** Whether weeks of the log were left out of the last read (see recentWeeksFirst). */
  hasOlderLog: () => boolean;
  /** Give up a held, unreadable value (after the user has downloaded it). */
  discard: (key: string) => void;
  problems: () => StorageProblem[];
  /** Backup copies made of unreadable or older data, oldest first. */
  listBackups: () => { key: string; chars: number }[];
  /** The raw text under a key (for downloading a backup or a held value). */
  readRaw: (key: string) => string | null;
  /** Deletes a backup the learner no longer wants. Only backup keys can be deleted this way. */
  deleteBackup: (key: string) => void;
}

export const BACKUP_INFIX = ':backup:';

export function backupKeys(storage: KeyValueStorage, name: string): string[] {
  return allKeys(storage)
    .filter((k) => k.startsWith(name) && k.includes(BACKUP_INFIX))
    .sort();
}

function allKeys(storage: KeyValueStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) keys.push(key);
  }
  return keys;
}

function isQuotaError(e: unknown): boolean {
  return (
    e instanceof Error &&
    (e.name === 'QuotaExceededError' ||
      e.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
      /quota/i.test(e.message))
  );
}

export function splitStorage(options: SplitStorageOptions): SplitStorage {
  const { storage, now } = options;
  const compactAfterWeeks = options.compactAfterWeeks ?? 8;
  let written: PersistedState = initialPersistedState();
  /** The single seen record of earlier versions is still there, to be replaced by shards. */
  let legacySeen = false;
  /** The state the last load read in the current layout, until the store adopts it. */
  let loaded: PersistedState | null = null;
  /** The persist name, known from the first read. */
  let storageName: string | null = null;
  /** No meta record in storage yet: the first save writes one. */
  let metaMissing = true;
  /** No read has happened yet (the first may take only recent weeks of the log). */
  let firstRead = true;
  /** The last read left older weeks of the log in storage, unread. */
  let olderLog = false;
  /** Keys whose last write failed: rewritten from the live state on the next save. */
  const pending = new Set<string>();
  /** Unreadable values that could not be backed up: never written over. */
  const held = new Set<string>();
  let unreadable: StorageProblem[] = [];
  let unsaved: StorageProblem | null = null;
  /**
   * The card ids in each progress shard, for the `revs` record named here (it may also hold ids
   * since removed). Kept up to date by each save from the ids that changed, so writing one shard
   * does not look at every card; rebuilt when the record comes from elsewhere.
   */
  let shardIndex: { revs: Readonly<Record<string, number>>; ids: Map<number, Set<string>> } = {
    revs: {},
    ids: new Map(),
  };
  const addToShardIndex = (id: string) => {
    const shard = shardOf(id);
    let ids = shardIndex.ids.get(shard);
    if (!ids) shardIndex.ids.set(shard, (ids = new Set()));
    ids.add(id);
  };
  const shardIdsFor = (revs: Readonly<Record<string, number>>) => {
    if (shardIndex.revs !== revs) {
      shardIndex = { revs, ids: new Map() };
      for (const id in revs) addToShardIndex(id);
    }
    return shardIndex.ids;
  };
  /**
   * The text last read or written under each key, decoded: reading a key again (every save reads
   * back the shard and week it writes, and a sync reads every key) decodes only what another tab
   * has changed since. One entry a key, so it never grows with the session.
   */
  const known = new Map<
    string,
    { raw: string; decode: (raw: string) => Decoded<unknown>; result: Decoded<unknown> }
  >();

  const report = () => options.onProblems?.(problems());
  const problems = (): StorageProblem[] => (unsaved ? [...unreadable, unsaved] : [...unreadable]);

  const cached = <T>(key: string, raw: string, decode: (raw: string) => Decoded<T>): Decoded<T> => {
    const hit = known.get(key);
    if (hit && hit.decode === decode && hit.raw === raw) return hit.result as Decoded<T>;
    const result = decode(raw);
    known.set(key, { raw, decode, result });
    return result;
  };

  /** Copies `raw` to a new backup key; null when there is no room for it. */
  const keepCopy = (key: string, raw: string): string | null => {
    const stamp = `${key}${BACKUP_INFIX}${new Date(now()).toISOString()}`;
    try {
      // Never over another backup: a second value at the same instant (a clock stuck or gone
      // back) gets a numbered key; the same value already kept is not copied again.
      for (let n = 0; ; n++) {
        const backupKey = n === 0 ? stamp : `${stamp}~${n}`;
        const kept = storage.getItem(backupKey);
        if (kept === raw) return backupKey;
        if (kept === null) {
          storage.setItem(backupKey, raw);
          return backupKey;
        }
      }
    } catch {
      return null;
    }
  };

  /** Keeps an unreadable value safe before the app writes anything to its key. */
  const rescue = (key: string, raw: string, reason: string) => {
    if (unreadable.some((p) => p.kind === 'unreadable' && p.key === key)) return;
    const backupKey = keepCopy(key, raw);
    if (backupKey === null) held.add(key);
    unreadable = [...unreadable, { kind: 'unreadable', key, backupKey, reason }];
  };

  const read = <T>(key: string, decode: (raw: string) => Decoded<T>): T | null => {
    const raw = storage.getItem(key);
    if (raw === null) return null;
    const result = cached(key, raw, decode);
    if (result.ok) return result.value;
    rescue(key, raw, result.reason);
    return null;
  };

  /** Writes `value` under `key`; `decoded`: what `decode` gives for it, known without decoding. */
  const write = <T>(
    key: string,
    value: string,
    decoded?: { decode: (raw: string) => Decoded<T>; value: T },
  ): boolean => {
    if (held.has(key)) {
      pending.add(key);
      return false;
    }
    try {
      storage.setItem(key, value);
      pending.delete(key);
      if (decoded) {
        const { decode } = decoded;
        known.set(key, { raw: value, decode, result: { ok: true, value: decoded.value } });
      } else {
        known.delete(key);
      }
      return true;
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      pending.add(key);
      return false;
    }
  };

  function getItem(name: string): StorageValue<PersistedState> | null {
    storageName = name;
    const rawMeta = storage.getItem(name);
    const keys = allKeys(storage);
    const shardKeys = keys.filter((k) => isProgressShardKey(name, k) && !k.includes(BACKUP_INFIX));
    // In week order, so that the weeks' reviews, read one after another, are in time order.
    const allChunkKeys = keys
      .filter((k) => isLogChunkKey(name, k) && !k.includes(BACKUP_INFIX))
      .sort((x, y) => weekOfKey(x) - weekOfKey(y));
    const recent = firstRead ? options.recentWeeksFirst : undefined;
    firstRead = false;
    const fromWeek = recent === undefined ? -Infinity : weekOf(now()) - recent + 1;
    const chunkKeys = allChunkKeys.filter((k) => weekOfKey(k) >= fromWeek);
    olderLog = chunkKeys.length < allChunkKeys.length;
    const seenKeys = keys.filter((k) => isSeenShardKey(name, k) && !k.includes(BACKUP_INFIX));
    if (
      rawMeta === null &&
      shardKeys.length === 0 &&
      allChunkKeys.length === 0 &&
      seenKeys.length === 0 &&
      storage.getItem(seenKey(name)) === null
    ) {
      report();
      return null;
    }

    if (rawMeta !== null && isV1(rawMeta)) {
      const v1 = cached(name, rawMeta, decodeV1);
      if (v1.ok) {
        // The upgrade rewrites this key in the new layout, last and only once everything else
        // is saved; a copy of the old value is kept as well when there is room.
        keepCopy(name, rawMeta);
        report();
        return { state: v1.value as unknown as PersistedState, version: 1 };
      }
      rescue(name, rawMeta, `earlier version's data is damaged: ${v1.reason}`);
    }

    const state = initialPersistedState();
    metaMissing = rawMeta === null;
    let meta = read(name, decodeMeta);
    // A reset dated in the future would hide all progress: that record is not to be trusted.
    if (meta && meta.resetAt > now() + 24 * 60 * 60 * 1000) {
      rescue(name, rawMeta!, 'the last reset is dated in the future');
      meta = null;
    }
    if (meta) {
      state.settings = meta.settings;
      state.settingsRev = meta.settingsRev;
      state.resetAt = meta.resetAt;
    }
    for (const key of shardKeys) {
      const shard = read(key, decodeShard);
      if (!shard) continue;
      for (const [id, record] of shard) {
        if (record.rev < state.resetAt) continue;
        state.revs[id] = record.rev;
        if (record.progress) state.progress[id] = record.progress;
      }
    }
    const removed = new Set<string>();
    const lists: ReviewLogEntry[][] = [];
    for (const key of chunkKeys) {
      const chunk = read(key, decodeChunk);
      if (!chunk) continue;
      lists.push(chunk.entries);
      for (const r of chunk.removed) removed.add(r);
    }
    state.removed = [...removed];
    // Where cards were seen: the shards, over the single record of earlier versions, which the
    // next save replaces by shards.
    state.seen = { ...read(seenKey(name), decodeSeen) };
    for (const key of seenKeys) Object.assign(state.seen, read(key, decodeSeen));
    legacySeen = storage.getItem(seenKey(name)) !== null && !held.has(seenKey(name));
    if (legacySeen) {
      for (let shard = 0; shard < PROGRESS_SHARDS; shard++) pending.add(seenShardKey(name, shard));
    }
    state.log = mergeLogs(lists.flat(), [], removed, state.resetAt);
    written = state;
    loaded = state;
    report();
    return { state, version: CURRENT_VERSION };
  }

  function setItem(name: string, value: StorageValue<PersistedState>): void {
    // Another tab may have reset or changed settings since this one last read: the newer reset
    // and the newer settings win here too, so a tab that has not caught up cannot undo them.
    const rawStored = held.has(name) ? null : storage.getItem(name);
    const stored = rawStored === null ? null : cached(name, rawStored, decodeMeta);
    const storedMeta = stored?.ok ? stored.value : null;
    let state = value.state;
    if (storedMeta && storedMeta.resetAt > state.resetAt) {
      state = { ...state, resetAt: storedMeta.resetAt };
    }
    if (storedMeta && storedMeta.settingsRev > state.settingsRev) {
      state = { ...state, settings: storedMeta.settings, settingsRev: storedMeta.settingsRev };
    }
    const keys = new Set<string>(pending);

    if (state.resetAt > written.resetAt) {
      // A reset: every shard and chunk goes; only what was made after it is written back.
      for (const key of allKeys(storage)) {
        if (
          (isProgressShardKey(name, key) || isLogChunkKey(name, key)) &&
          !key.includes(BACKUP_INFIX)
        ) {
          if (!held.has(key)) storage.removeItem(key);
        }
      }
      written = { ...initialPersistedState(), resetAt: state.resetAt };
      keys.add(name); // the reset itself must reach the meta record
    }

    if (state.revs !== written.revs) {
      shardIdsFor(written.revs);
      for (const id of changedKeys(state.revs, written.revs)) {
        keys.add(progressShardKey(name, shardOf(id)));
        addToShardIndex(id); // (an id removed since stays listed: groupProgress skips it)
      }
      shardIndex.revs = state.revs;
    }
    for (const week of changedWeeks(state.log, written.log)) keys.add(logChunkKey(name, week));
    if (state.removed !== written.removed) {
      const before = new Set(written.removed);
      for (const key of state.removed) {
        if (!before.has(key))
          keys.add(logChunkKey(name, weekOf(Number(key.slice(0, key.indexOf('|'))))));
      }
    }
    const metaChanged =
      (state.settings !== written.settings &&
        JSON.stringify(state.settings) !== JSON.stringify(written.settings)) ||
      state.settingsRev !== written.settingsRev ||
      state.resetAt !== written.resetAt;
    if (metaChanged || metaMissing) keys.add(name);
    if (state.seen !== written.seen) {
      for (const id of changedKeys(state.seen, written.seen)) {
        keys.add(seenShardKey(name, shardOf(id)));
      }
    }

    const failed = writeKeys(name, state, keys);
    // The single record of earlier versions goes once every seen shard is written.
    if (legacySeen && ![...pending, ...failed].some((key) => isSeenShardKey(name, key))) {
      storage.removeItem(seenKey(name));
      legacySeen = false;
    }
    if (failed.length > 0) {
      compactOldChunks(name);
      const still = writeKeys(name, state, new Set(failed));
      unsaved =
        still.length > 0
          ? {
              kind: 'unsaved',
              keys: still,
              reason: 'this browser has no room left to save progress',
            }
          : null;
    } else {
      unsaved = null;
    }
    if (!pending.has(name)) metaMissing = false;
    written = state;
    report();
  }

  /** Writes the given keys (meta last, so an interrupted migration leaves the old data). */
  function writeKeys(name: string, state: PersistedState, keys: Set<string>): string[] {
    const failed: string[] = [];
    const ordered = [...keys].sort((a, b) => (a === name ? 1 : b === name ? -1 : 0));
    // The meta record goes last, and only once every other key is saved: until then an older
    // version's single-key data under the same name stays readable.
    const shardsToWrite = new Set<number>();
    for (const key of keys) {
      if (isProgressShardKey(name, key)) {
        shardsToWrite.add(shardOfKey(key));
      }
    }
    const byShard = groupProgress(state, shardsToWrite, shardIdsFor(state.revs));
    const removedByWeek = groupRemoved(state.removed);
    for (const key of ordered) {
      let ok: boolean;
      if (key === name && failed.length > 0) {
        pending.add(key);
        ok = false;
      } else if (key === name) {
        ok = write(
          key,
          encodeMeta({
            settings: state.settings,
            settingsRev: state.settingsRev,
            resetAt: state.resetAt,
          }),
        );
      } else if (isSeenShardKey(name, key)) {
        const shard = shardOfKey(key);
        const ours: Record<string, SeenCard> = {};
        for (const id in state.seen) if (shardOf(id) === shard) ours[id] = state.seen[id]!;
        const stored = held.has(key) ? null : read(key, decodeSeen);
        if (stored === null && !held.has(key) && Object.keys(ours).length === 0) {
          pending.delete(key); // an empty shard needs no key
          ok = true;
        } else {
          ok = write(key, encodeSeen(stored ? { ...stored, ...ours } : ours));
        }
      } else if (isProgressShardKey(name, key)) {
        const shard = shardOfKey(key);
        const ours = byShard.get(shard) ?? new Map<string, ProgressRecord>();
        const stored = held.has(key) ? null : read(key, decodeShard);
        // Merge with what another tab may have written since: the newer revision wins.
        if (stored) {
          for (const [id, record] of stored) {
            const mine = ours.get(id);
            if (record.rev >= state.resetAt && (!mine || record.rev > mine.rev))
              ours.set(id, record);
          }
        }
        ok = write(key, encodeShard(ours), { decode: decodeShard, value: ours });
      } else {
        const week = weekOfKey(key);
        const ours = entriesInWeek(state.log, week);
        const stored = held.has(key) ? null : read(key, decodeChunk);
        const removed = new Set([...(removedByWeek.get(week) ?? []), ...(stored?.removed ?? [])]);
        const entries = mergeLogs(ours, stored?.entries ?? [], removed, state.resetAt);
        const chunk = { entries, removed: [...removed] };
        ok = write(key, encodeChunk(week, chunk), { decode: decodeChunk, value: chunk });
      }
      if (!ok) failed.push(key);
    }
    return failed;
  }

  function compactOldChunks(name: string) {
    const limit = weekOf(now()) - compactAfterWeeks;
    for (const key of allKeys(storage)) {
      if (!isLogChunkKey(name, key) || key.includes(BACKUP_INFIX) || held.has(key)) continue;
      const week = weekOfKey(key);
      if (!(week < limit)) continue;
      const chunk = read(key, decodeChunk);
      if (!chunk) continue;
      try {
        storage.setItem(key, encodeChunk(week, chunk, true));
      } catch {
        // Still no room: nothing lost, the uncompacted chunk stays.
      }
    }
  }

  return {
    getItem,
    setItem,
    removeItem: (name) => storage.removeItem(name),
    markWritten(state) {
      written = state;
      loaded = null;
      shardIdsFor(state.revs);
    },
    hasOlderLog: () => olderLog,
    markLoaded(state) {
      if (loaded === null || written !== loaded) return;
      loaded = null;
      written = state;
      shardIdsFor(state.revs);
    },
    discard(key) {
      held.delete(key);
      storage.removeItem(key);
      unreadable = unreadable.filter((p) => p.kind !== 'unreadable' || p.key !== key);
      report();
    },
    problems,
    listBackups() {
      const name = storageName;
      return name === null
        ? []
        : backupKeys(storage, name).map((key) => ({
            key,
            chars: storage.getItem(key)?.length ?? 0,
          }));
    },
    readRaw: (key) => storage.getItem(key),
    deleteBackup(key) {
      if (key.includes(BACKUP_INFIX)) storage.removeItem(key);
    },
  };
}

/** The shard a progress or seen shard key names (`…/p/a` → 10). */
const shardOfKey = (key: string) => Number.parseInt(key.slice(key.lastIndexOf('/') + 1), 16);
/** The week a log chunk key names (`…/log/2969` → 2969). */
const weekOfKey = (key: string) => Number(key.slice(key.lastIndexOf('/') + 1));

/** Weeks of the log entries that differ between two logs (compared by identity, then from there on). */
function changedWeeks(
  next: readonly ReviewLogEntry[],
  prev: readonly ReviewLogEntry[],
): Set<number> {
  const weeks = new Set<number>();
  if (next === prev) return weeks;
  let i = knownSamePrefix(next, prev) ?? 0;
  while (i < next.length && i < prev.length && next[i] === prev[i]) i++;
  for (let j = i; j < next.length; j++) weeks.add(weekOf(next[j]!.reviewedAt));
  for (let j = i; j < prev.length; j++) weeks.add(weekOf(prev[j]!.reviewedAt));
  return weeks;
}

/** Progress records by shard, only for the shards about to be written (`ids`: their cards). */
function groupProgress(
  state: PersistedState,
  shards: ReadonlySet<number>,
  ids: ReadonlyMap<number, ReadonlySet<string>>,
): Map<number, Map<string, ProgressRecord>> {
  const out = new Map<number, Map<string, ProgressRecord>>();
  for (const shard of shards) {
    const records = new Map<string, ProgressRecord>();
    for (const id of ids.get(shard) ?? []) {
      const rev = state.revs[id];
      if (rev === undefined || rev < state.resetAt) continue;
      records.set(id, { rev, progress: state.progress[id] ?? null });
    }
    if (records.size > 0) out.set(shard, records);
  }
  return out;
}

/** The entries of one week, found by binary search: the log is kept in time order. */
export function entriesInWeek(log: readonly ReviewLogEntry[], week: number): ReviewLogEntry[] {
  return log.slice(
    firstReviewFrom(log, week * WEEK_MS),
    firstReviewFrom(log, (week + 1) * WEEK_MS),
  );
}

function groupRemoved(removed: readonly string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const key of removed) {
    const week = weekOf(Number(key.slice(0, key.indexOf('|'))));
    const list = out.get(week);
    if (list) list.push(key);
    else out.set(week, [key]);
  }
  return out;
}

/** Whether `raw` looks like a version-1 value (one key holding everything, `version: 1`). */
function isV1(raw: string): boolean {
  try {
    const parsed = JSON.parse(raw) as unknown;
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as { version?: unknown }).version === 1
    );
  } catch {
    return false;
  }
}
