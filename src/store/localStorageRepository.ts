// ProgressRepository on localStorage (or anything with its interface). Layout (codec.ts): a meta
// record under the storage key, progress in 16 shards by card id, the review log in one chunk
// per week, where cards were seen in 16 shards. A save compares the state with what was last
// loaded or saved and rewrites only the keys that differ: a grade touches one progress shard,
// this week's chunk and perhaps one seen shard. Each of those is read first and merged, so a
// review another tab saved a moment ago is never overwritten. Unreadable values are copied to a
// backup key before anything is written there; one too big to copy is "held": never written
// over. A write refused for lack of room compacts old chunks and retries; what still does not
// fit stays pending (in memory, reported) and is retried at the next save.
import type { ReviewLogEntry } from '../scheduler/progress.ts';
import {
  chunkOfWeek,
  compactOldChunks,
  isQuotaError,
  removedTime,
  seenInShard,
  shardOfKey,
  shardRecords,
  weekOfKey,
} from './storeKeys.ts';
import {
  PROGRESS_SHARDS,
  decodeChunk,
  decodeFlags,
  decodeMeta,
  decodeSeen,
  decodeShard,
  decodeV1,
  isV1,
  encodeChunk,
  encodeFlags,
  encodeMeta,
  encodeSeen,
  encodeShard,
  flagsKey,
  isLogChunkKey,
  isProgressShardKey,
  isSeenShardKey,
  logChunkKey,
  progressShardKey,
  seenKey,
  seenShardKey,
  shardOf,
  weekOf,
  type Decoded,
} from './codec.ts';
import type { Damage } from './decoding.ts';
import { allKeys, BACKUP_INFIX, backupShelf, keepCopy, originalKey, overlay } from './backups.ts';
import { decodeInterviews, encodeInterviews, interviewsKey } from './interviewCodec.ts';
import { mergeFlags, mergeInterviews, mergeLogs } from './merge.ts';
import {
  CURRENT_VERSION,
  initialPersistedState,
  laterReset,
  logKey,
  migrate,
  resetRevOf,
  STORAGE_KEY,
  type PersistedState,
} from './persisted.ts';
import type {
  LocalStorageRepositoryOptions,
  ProgressRepository,
  StorageProblem,
} from './repository.ts';
import { changedIds, changedWeeks, sameJson } from './stateDiff.ts';

export { BACKUP_INFIX, backupKeys } from './backups.ts';
const DAY_MS = 24 * 60 * 60 * 1000;

export function localStorageRepository(options: LocalStorageRepositoryOptions): ProgressRepository {
  const { storage, now } = options;
  const name = options.name ?? STORAGE_KEY;
  const compactAfterWeeks = options.compactAfterWeeks ?? 8;
  /** What storage holds as far as this tab knows: the last state loaded or saved. */
  let written: PersistedState = initialPersistedState();
  /** Keys to write at the next save whatever changed: failed writes, a layout to upgrade. */
  const pending = new Set<string>();
  /** Unreadable values that could not be backed up: never written over. */
  const held = new Set<string>();
  /** The single seen record of earlier versions is still there, to be replaced by shards. */
  let legacySeen = false;
  let unreadable: StorageProblem[] = [];
  let unsaved: StorageProblem | null = null;
  /** Keys of ours this tab has read or written: one gone since was removed behind its back. */
  const known = new Set<string>();
  let vanished: string[] = [];

  const problems = (): StorageProblem[] => [
    ...unreadable,
    ...(vanished.length > 0 ? [{ kind: 'vanished' as const, keys: vanished }] : []),
    ...(unsaved ? [unsaved] : []),
  ];
  const report = () => options.onProblems?.(problems());
  const ours = (key: string) => key.startsWith(name) && !key.includes(BACKUP_INFIX);
  const reported = (key: string) =>
    unreadable.some((p) => p.kind === 'unreadable' && p.key === key);

  /** Keeps an unreadable value safe before the app writes anything to its key. */
  const rescue = (key: string, raw: string, reason: string) => {
    if (reported(key)) return;
    const backupKey = keepCopy(storage, key, raw, now());
    if (backupKey === null) held.add(key);
    unreadable = [...unreadable, { kind: 'unreadable', key, backupKey, reason }];
  };

  /**
   * Keeps the bad records of a value whose other records were read: they alone are backed up,
   * and the key is rewritten without them at the next save (never before they are copied).
   */
  const setAside = (key: string, damage: Damage) => {
    if (reported(key)) return;
    const backupKey = keepCopy(storage, key, damage.raw, now());
    if (backupKey === null) held.add(key);
    else if (key !== seenKey(name)) pending.add(key);
    const kept = damage.total - damage.bad;
    const reason = `${damage.bad} of ${damage.total} records could not be read (${damage.reason}); the other ${kept} were kept`;
    const problem = { kind: 'unreadable' as const, key, backupKey, reason, bad: damage.bad };
    unreadable = [...unreadable, problem];
  };

  const read = <T>(key: string, decode: (raw: string) => Decoded<T>): T | null => {
    if (held.has(key)) return null;
    const raw = storage.getItem(key);
    if (raw === null) return null;
    const result = decode(raw);
    if (!result.ok) {
      rescue(key, raw, result.reason);
      return null;
    }
    if (result.damaged) setAside(key, result.damaged);
    return result.value;
  };

  /** Notes our keys removed behind this tab's back; they are written again from memory. */
  const noticeVanished = () => {
    const gone = [...known].filter((key) => storage.getItem(key) === null);
    for (const key of gone) {
      known.delete(key);
      if (key === seenKey(name)) continue;
      pending.add(key);
      if (!vanished.includes(key)) vanished = [...vanished, key];
    }
  };

  const write = (key: string, value: string): boolean => {
    if (held.has(key)) {
      pending.add(key);
      return false;
    }
    try {
      storage.setItem(key, value);
      pending.delete(key);
      known.add(key);
      return true;
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      pending.add(key);
      return false;
    }
  };

  function load(): PersistedState {
    noticeVanished();
    const rawMeta = storage.getItem(name);
    const keys = allKeys(storage).filter(ours);
    for (const key of keys) known.add(key);
    if (rawMeta !== null && isV1(rawMeta)) {
      const v1 = decodeV1(rawMeta);
      if (v1.ok) {
        // Rewritten in the current layout at the next save, meta last, so an interrupted
        // upgrade leaves the old value readable; a copy of it is kept as well when there is room.
        keepCopy(storage, name, rawMeta, now());
        written = initialPersistedState();
        pending.add(name);
        report();
        return migrate(v1.value, 1);
      }
      rescue(name, rawMeta, `earlier version's data is damaged: ${v1.reason}`);
    }

    const state = initialPersistedState();
    let meta = read(name, decodeMeta);
    // The first save writes a meta record if there is none, and rewrites an older one (v2). An
    // unreadable one is left as it is (backed up) until there is something new to write.
    if (rawMeta === null || (meta && meta.version !== CURRENT_VERSION)) pending.add(name);
    // A reset dated in the future would hide all progress: its time is not trusted (a copy is
    // kept and the learner told); the settings beside it are.
    if (meta && meta.resetAt > now() + DAY_MS) {
      rescue(name, rawMeta!, 'the last reset is dated in the future: it hides nothing');
      pending.add(name);
      meta = { ...meta, resetAt: 0, resetRev: undefined };
    }
    if (meta) {
      state.settings = meta.settings;
      state.settingsRev = meta.settingsRev;
      state.resetAt = meta.resetAt;
      if (meta.resetRev !== undefined) state.resetRev = meta.resetRev;
    }
    for (const key of keys.filter((k) => isProgressShardKey(name, k))) {
      for (const [id, record] of read(key, decodeShard) ?? []) {
        if (record.rev < state.resetAt) continue;
        state.revs[id] = record.rev;
        if (record.progress) state.progress[id] = record.progress;
      }
    }
    const removed = new Set<string>();
    const entries: ReviewLogEntry[] = [];
    for (const key of keys.filter((k) => isLogChunkKey(name, k))) {
      const chunk = read(key, decodeChunk);
      if (!chunk) continue;
      for (const e of chunk.entries) entries.push(e);
      for (const r of chunk.removed) removed.add(r);
    }
    state.removed = [...removed];
    state.log = mergeLogs(entries, [], removed, state.resetAt);
    // Where cards were seen: the shards, over the single record of earlier versions, which the
    // next save replaces by shards.
    state.seen = { ...read(seenKey(name), decodeSeen) };
    for (const key of keys.filter((k) => isSeenShardKey(name, k))) {
      Object.assign(state.seen, read(key, decodeSeen));
    }
    state.flags = { ...read(flagsKey(name), decodeFlags) };
    state.interviews = { ...read(interviewsKey(name), decodeInterviews) };
    legacySeen = storage.getItem(seenKey(name)) !== null && !held.has(seenKey(name));
    if (legacySeen) {
      for (let shard = 0; shard < PROGRESS_SHARDS; shard++) pending.add(seenShardKey(name, shard));
    }
    written = state;
    report();
    return state;
  }

  function save(next: PersistedState): void {
    // Another tab may have reset or changed settings since this one last read: the newer reset
    // and the newer settings win here too, so a tab that has not caught up cannot undo them.
    // (A version-1 value still there is being upgraded by this save, not damaged.)
    const rawMeta = storage.getItem(name);
    const storedMeta = rawMeta !== null && isV1(rawMeta) ? null : read(name, decodeMeta);
    let state = next;
    if (storedMeta && storedMeta.resetAt <= now() + DAY_MS) {
      const reset = laterReset(state, storedMeta);
      if (reset !== state) {
        const { resetAt, resetRev } = reset;
        state = { ...state, resetAt, ...(resetRev === undefined ? {} : { resetRev }) };
      }
    }
    noticeVanished();
    if (storedMeta && storedMeta.settingsRev > state.settingsRev) {
      state = { ...state, settings: storedMeta.settings, settingsRev: storedMeta.settingsRev };
    }
    const keys = new Set<string>(pending);
    // A reset (not one moved back to a review made after it: see resetRev): every shard and
    // chunk goes; only what was made after it is written back.
    if (resetRevOf(state) > resetRevOf(written) && state.resetAt >= written.resetAt) {
      for (const key of allKeys(storage).filter(ours)) {
        if ((isProgressShardKey(name, key) || isLogChunkKey(name, key)) && !held.has(key)) {
          storage.removeItem(key);
          known.delete(key);
        }
      }
      written = { ...initialPersistedState(), resetAt: state.resetAt };
      keys.add(name);
    }
    for (const id of changedIds(state.revs, written.revs, (a, b) => a === b)) {
      keys.add(progressShardKey(name, shardOf(id)));
    }
    for (const week of changedWeeks(state.log, written.log)) keys.add(logChunkKey(name, week));
    const before = new Set(written.removed);
    for (const key of state.removed) {
      if (!before.has(key)) keys.add(logChunkKey(name, weekOf(removedTime(key))));
    }
    if (
      !sameJson(state.settings, written.settings) ||
      state.settingsRev !== written.settingsRev ||
      state.resetAt !== written.resetAt ||
      resetRevOf(state) !== resetRevOf(written)
    ) {
      keys.add(name);
    }
    for (const id of changedIds(state.seen, written.seen, sameJson)) {
      keys.add(seenShardKey(name, shardOf(id)));
    }
    if (changedIds(state.flags, written.flags, sameJson).length > 0) keys.add(flagsKey(name));
    if (!sameJson(state.interviews, written.interviews)) keys.add(interviewsKey(name));

    if (keys.size > 0) for (const key of options.views ?? []) storage.removeItem(key);
    const failed = writeKeys(state, keys);
    // The single record of earlier versions goes once every seen shard is written.
    if (legacySeen && ![...pending].some((key) => isSeenShardKey(name, key))) {
      storage.removeItem(seenKey(name));
      known.delete(seenKey(name));
      legacySeen = false;
    }
    unsaved = null;
    if (failed.length > 0) {
      compactOldChunks(storage, name, weekOf(now()) - compactAfterWeeks, held);
      const still = writeKeys(state, new Set(failed));
      if (still.length > 0) {
        const reason = 'this browser has no room left to save progress';
        unsaved = { kind: 'unsaved', keys: still, reason };
      }
    }
    written = state;
    report();
  }

  /** Writes the given keys, meta last and only once the rest is saved. Returns those that failed. */
  function writeKeys(state: PersistedState, keys: ReadonlySet<string>): string[] {
    const failed: string[] = [];
    for (const key of [...keys].filter((k) => k !== name)) {
      if (!writeKey(state, key)) failed.push(key);
    }
    if (keys.has(name)) {
      const { settings, settingsRev, resetAt, resetRev } = state;
      if (failed.length > 0) pending.add(name);
      else if (!write(name, encodeMeta({ settings, settingsRev, resetAt, resetRev }))) {
        failed.push(name);
      }
    }
    return failed;
  }

  /** Writes one shard or chunk: this state's records merged with what the key holds now. */
  function writeKey(state: PersistedState, key: string): boolean {
    if (isSeenShardKey(name, key)) {
      const mine = seenInShard(state.seen, shardOfKey(key));
      const stored = read(key, decodeSeen);
      if (stored === null && !held.has(key) && Object.keys(mine).length === 0) {
        pending.delete(key); // an empty shard needs no key
        return true;
      }
      return write(key, encodeSeen({ ...stored, ...mine }));
    }
    if (key === flagsKey(name)) {
      // Merged with what another tab may have written since: the newer change wins.
      return write(key, encodeFlags(mergeFlags(state.flags, read(key, decodeFlags) ?? {})));
    }
    if (key === interviewsKey(name)) {
      const merged = mergeInterviews(state.interviews, read(key, decodeInterviews) ?? {});
      return write(key, encodeInterviews(merged));
    }
    if (isProgressShardKey(name, key))
      return write(key, encodeShard(shardRecords(state, shardOfKey(key), read(key, decodeShard))));
    const week = weekOfKey(key);
    const { entries, removed } = chunkOfWeek(state, week, read(key, decodeChunk));
    return write(key, encodeChunk(week, { entries, removed }));
  }

  /** The stored log chunk of the week of `at`, as storage holds it now (null: none readable). */
  function storedChunk(at: number) {
    const key = logChunkKey(name, weekOf(at));
    const chunk = held.has(key) ? null : decodeChunk(storage.getItem(key) ?? '{"v":3}');
    return chunk?.ok ? chunk.value : null;
  }

  return {
    load,
    save,
    subscribe: (listener) => options.watch?.(listener) ?? (() => {}),
    problems,
    ...backupShelf(storage, name),
    readBackup(key) {
      const raw = key.includes(BACKUP_INFIX) ? storage.getItem(key) : null;
      if (raw === null) return { ok: false, reason: 'there is no such backup' };
      // Read as if it were back under its key, by the loader itself, beside everything else.
      const original = originalKey(key);
      const view = localStorageRepository({ storage: overlay(storage, original, raw), now, name });
      const state = view.load();
      const problem = view
        .problems()
        .find((p) => p.kind === 'unreadable' && p.key === original && p.bad === undefined);
      return problem?.kind === 'unreadable'
        ? { ok: false, reason: problem.reason }
        : { ok: true, state };
    },
    dismissVanished() {
      vanished = [];
      report();
    },
    storedReviews: (cardId, at) =>
      storedChunk(at)?.entries.filter((e) => e.cardId === cardId) ?? [],
    takenBack: (cardId, at) =>
      storedChunk(at)?.removed.includes(logKey({ cardId, reviewedAt: at })) ?? false,
    discard(key) {
      held.delete(key);
      known.delete(key);
      storage.removeItem(key);
      unreadable = unreadable.filter((p) => p.kind !== 'unreadable' || p.key !== key);
      report();
    },
  };
}
