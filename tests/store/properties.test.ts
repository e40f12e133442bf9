// Property tests for untrusted input: whatever sits under the app's localStorage keys, and
// whatever file is imported, the app starts with a valid state, keeps every readable review,
// and never loses the unreadable value.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { ReviewLogEntry } from '../../src/scheduler/progress.ts';
import {
  CardProgressSchema,
  LogEntrySchema,
  SettingsSchema,
  decodeChunk,
  decodeMeta,
  decodeShard,
  isLogChunkKey,
  isProgressShardKey,
  seenKey,
  isSeenShardKey,
  WEEK_MS,
} from '../../src/store/codec.ts';
import { STORAGE_KEY, logKey, type PersistedState } from '../../src/store/persisted.ts';
import { BACKUP_INFIX } from '../../src/store/localStorageRepository.ts';
import { buildExport, mergeImport, parseImport } from '../../src/store/transfer.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { DAY, MIN, T0, cardIds, openStore } from './fixtures.ts';

const RUNS = Number(process.env.STORE_RUNS ?? 200);
const IDS = cardIds(12);

/** Three weeks of study with an undo, a deleted card, changed settings and noted positions. */
function studiedStorage(): Map<string, string> {
  const storage = new MemoryStorage();
  let clock = T0 - 21 * DAY;
  const tab = openStore(storage, () => clock);
  for (let day = 0; day < 21; day += 2) {
    for (let i = 0; i < 6; i++) {
      clock = T0 - (21 - day) * DAY + i * 3 * MIN;
      const id = IDS[(day + i) % IDS.length]!;
      tab.state().rate(id, i % 4 === 0 ? 'again' : 'good', clock);
    }
  }
  tab.state().undo(); // a review taken back: recorded as removed in its chunk
  clock = T0 - DAY;
  tab.state().rate('rnn/deleted', 'good', clock);
  tab.state().undo(); // a first review taken back: a deletion marker in its shard
  tab.state().setSettings({ newCardsPerDay: 17 });
  tab.state().noteDeck(IDS.map((id, index) => ({ id, file: 'rnn.md', index, text: `Q ${id}` })));
  const out = new Map<string, string>();
  for (const key of storage.keys()) out.set(key, storage.getItem(key)!);
  return out;
}

const SNAPSHOT = studiedStorage();
const KEYS = [...SNAPSHOT.keys()];
const BASELINE = (() => {
  const storage = new MemoryStorage();
  for (const [k, val] of SNAPSHOT) storage.setItem(k, val);
  return openStore(storage).store.persistedState();
})();

function fill(storage: MemoryStorage) {
  for (const [k, val] of SNAPSHOT) storage.setItem(k, val);
}

/** A valid state: every record passes the schemas, the log is in time order, keys are unique. */
function expectValid(s: PersistedState) {
  for (const p of Object.values(s.progress)) expect(v.is(CardProgressSchema, p)).toBe(true);
  for (const id of Object.keys(s.progress)) expect(s.revs[id]).toBeTypeOf('number');
  expect(v.is(SettingsSchema, s.settings)).toBe(true);
  const keys = new Set<string>();
  let previous = -Infinity;
  for (const e of s.log) {
    expect(v.is(LogEntrySchema, e)).toBe(true);
    expect(e.reviewedAt).toBeGreaterThanOrEqual(previous);
    previous = e.reviewedAt;
    keys.add(logKey(e));
  }
  expect(keys.size).toBe(s.log.length);
  expect(Object.getPrototypeOf(s.progress)).toBe(Object.prototype);
}

/** What the untouched keys hold: progress by id and every review key. */
function readableOutside(target: string) {
  const progress: Record<string, unknown> = {};
  const revs: Record<string, number> = {};
  const reviews: ReviewLogEntry[] = [];
  for (const [key, raw] of SNAPSHOT) {
    if (key === target) continue;
    if (isProgressShardKey(STORAGE_KEY, key)) {
      const shard = decodeShard(raw);
      if (!shard.ok) throw new Error(shard.reason);
      for (const [id, r] of shard.value) {
        revs[id] = r.rev;
        if (r.progress) progress[id] = r.progress;
      }
    }
    if (isLogChunkKey(STORAGE_KEY, key)) {
      const chunk = decodeChunk(raw);
      if (!chunk.ok) throw new Error(chunk.reason);
      const removed = new Set(chunk.value.removed);
      reviews.push(...chunk.value.entries.filter((e) => !removed.has(logKey(e))));
    }
  }
  return { progress, revs, reviews };
}

/** Paths (as indices, see replaceAt) to every number in `json`. */
function numberPaths(json: unknown, here: number[] = []): number[][] {
  if (typeof json === 'number') return [here];
  if (typeof json !== 'object' || json === null) return [];
  const children = Array.isArray(json) ? json : Object.values(json);
  return children.flatMap((child, i) => numberPaths(child, [...here, i]));
}

/** `original` (JSON text) with one of its numbers, picked by `pick`, replaced by `value`. */
function withNumber(original: string, pick: number, value: number): string {
  const json: unknown = JSON.parse(original);
  const paths = numberPaths(json);
  if (paths.length === 0) return original;
  return JSON.stringify(replaceAt(json, paths[pick % paths.length]!, value));
}

/** Arbitrary JSON with a path in it replaced by arbitrary JSON. */
function replaceAt(json: unknown, path: number[], value: unknown): unknown {
  if (path.length === 0 || typeof json !== 'object' || json === null) return value;
  const [step, ...rest] = path as [number, ...number[]];
  if (Array.isArray(json)) {
    if (json.length === 0) return value;
    const i = step % json.length;
    return json.map((x, k) => (k === i ? replaceAt(x, rest, value) : x));
  }
  const keys = Object.keys(json);
  if (keys.length === 0) return value;
  const key = keys[step % keys.length]!;
  return { ...json, [key]: replaceAt((json as Record<string, unknown>)[key], rest, value) };
}

const EXTREMES = [1e300, -1e300, 8.64e15, 1e16, 2 ** 53, 1e15, -1, -WEEK_MS, 0, 0.5, 1e6, 99];

/** Something bad (or, by chance, valid) to put under `original`'s key. */
const badValue = (original: string) =>
  fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.jsonValue().map((j) => JSON.stringify(j)),
    fc.nat({ max: Math.max(0, original.length - 1) }).map((n) => original.slice(0, n)),
    fc
      .tuple(fc.array(fc.nat(), { maxLength: 4 }), fc.jsonValue())
      .map(([path, value]) => JSON.stringify(replaceAt(JSON.parse(original), path, value))),
    // A number replaced by one that is valid JSON but no sane time, count or index.
    fc
      .tuple(fc.nat(), fc.constantFrom(...EXTREMES))
      .map(([pick, value]) => withNumber(original, pick, value)),
    fc.constantFrom(
      'null',
      '[]',
      '{}',
      '{"version":99,"state":{}}',
      '{"version":1,"state":{"progress":{},"log":"x"}}',
      '{"__proto__":{"polluted":true},"v":1,"c":{}}',
      '\u0000\u00ff\ud800',
    ),
  );

describe('loading whatever sits under the app’s keys', () => {
  it('starts with a valid state, keeps the rest, and keeps the bad value verbatim', () => {
    const scenario = fc
      .constantFrom(...KEYS)
      .chain((key) => fc.tuple(fc.constant(key), badValue(SNAPSHOT.get(key)!)));
    fc.assert(
      fc.property(scenario, ([target, bad]) => {
        const storage = new MemoryStorage();
        fill(storage);
        storage.setItem(target, bad);

        let tab!: ReturnType<typeof openStore>;
        expect(() => (tab = openStore(storage))).not.toThrow();
        const s = tab.state();
        expectValid(s);

        // A bad meta record that happens to be valid may carry a later reset: what it resets
        // is gone by design. Everything else from the untouched keys is still there.
        const meta = target === STORAGE_KEY ? decodeMeta(bad) : null;
        const resetAt = meta?.ok ? meta.value.resetAt : 0;
        const kept = readableOutside(target);
        for (const [id, p] of Object.entries(kept.progress)) {
          if (kept.revs[id]! >= resetAt) expect(s.progress[id]).toEqual(p);
        }
        const have = new Set(s.log.map(logKey));
        for (const e of kept.reviews) {
          if (e.reviewedAt >= resetAt) expect(have.has(logKey(e))).toBe(true);
        }

        // The bad value is where it was, or copied verbatim to a backup and reported.
        const backups = storage.keys().filter((k) => k.startsWith(target + BACKUP_INFIX));
        const rescued = backups.filter((k) => storage.getItem(k) === bad);
        const unreadable = tab.problems.at(-1)?.find((p) => p.kind === 'unreadable');
        if (unreadable?.bad !== undefined) {
          // Only some records were bad: those alone are in the backup, and the key is written
          // again with the rest.
          expect(storage.getItem(unreadable.backupKey!)).not.toBeNull();
        } else if (storage.getItem(target) !== bad) {
          throw new Error('the bad value was overwritten');
        } else if (unreadable) {
          expect(unreadable).toMatchObject({ kind: 'unreadable', key: target });
          expect(rescued).toEqual([unreadable.backupKey]);
        }

        // Grading afterwards (a new card, a known one, and each card the bad value holds)
        // gives a valid state and never deletes the backup.
        const graded = new Set(['rnn/after', IDS[0]!]);
        if (isProgressShardKey(STORAGE_KEY, target)) {
          const shard = decodeShard(bad);
          if (shard.ok) for (const id of shard.value.keys()) graded.add(id);
        }
        let t = T0;
        for (const id of graded) tab.state().rate(id, 'easy', (t += MIN));
        expectValid(tab.state());
        for (const k of rescued) expect(storage.getItem(k)).toBe(bad);
        const reloaded = openStore(storage).state();
        expectValid(reloaded);
        for (const [id, p] of Object.entries(kept.progress)) {
          if (!graded.has(id) && kept.revs[id]! >= resetAt)
            expect(reloaded.progress[id]).toEqual(p);
        }
        expect(reloaded.progress['rnn/after']?.reps).toBe(1);
        const after = new Set(reloaded.log.map(logKey));
        for (const e of kept.reviews) {
          if (e.reviewedAt >= resetAt) expect(after.has(logKey(e))).toBe(true);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('loads the untouched snapshot exactly (the baseline the property compares with)', () => {
    expect(Object.keys(BASELINE.progress)).toHaveLength(IDS.length);
    expect(BASELINE.revs['rnn/deleted']).toBe(T0 - DAY + 1);
    expect(BASELINE.removed).toHaveLength(2);
    expect(BASELINE.log).toHaveLength(65);
    expect(BASELINE.settings.newCardsPerDay).toBe(17);
    expect(Object.keys(BASELINE.seen)).toHaveLength(IDS.length);
    expect(KEYS).toContain(STORAGE_KEY);
    expect(KEYS).not.toContain(seenKey(STORAGE_KEY)); // earlier versions' single record
    expect(KEYS.filter((k) => isSeenShardKey(STORAGE_KEY, k)).length).toBeGreaterThanOrEqual(3);
    expect(KEYS.filter((k) => isLogChunkKey(STORAGE_KEY, k)).length).toBeGreaterThanOrEqual(3);
    expect(KEYS.filter((k) => isProgressShardKey(STORAGE_KEY, k)).length).toBeGreaterThanOrEqual(6);
  });
});

describe('damaged storage: examples', () => {
  it('never reuses a backup key: a second bad value at the same instant gets its own', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, 'first bad value');
    const first = openStore(storage);
    first.state().setSettings({ newCardsPerDay: 3 }); // the meta record is written afresh
    storage.setItem(STORAGE_KEY, 'second bad value');
    const second = openStore(storage); // same clock reading
    const keys = storage.keys().filter((k) => k.startsWith(STORAGE_KEY + BACKUP_INFIX));
    expect(keys.map((k) => storage.getItem(k))).toEqual(['first bad value', 'second bad value']);
    const reported = second.problems.at(-1)?.[0];
    expect(reported?.kind === 'unreadable' && storage.getItem(reported.backupKey!)).toBe(
      'second bad value',
    );
    // The same value seen again (another tab, same instant) is not copied twice.
    storage.setItem(STORAGE_KEY, 'second bad value');
    openStore(storage);
    expect(storage.keys().filter((k) => k.startsWith(STORAGE_KEY + BACKUP_INFIX))).toEqual(keys);
  });

  it('lists the backups of every key for download, and deletes nothing but backups', () => {
    const storage = new MemoryStorage();
    fill(storage);
    const shardKey = KEYS.find((k) => isProgressShardKey(STORAGE_KEY, k))!;
    const chunkKey = KEYS.find((k) => isLogChunkKey(STORAGE_KEY, k))!;
    storage.setItem(shardKey, '{"v":1,"c":{"rnn/x":[1,2]}}');
    storage.setItem(chunkKey, 'garbage');
    const tab = openStore(storage);
    const stamp = `${BACKUP_INFIX}2026-11-27T02:00:00.000Z`;
    expect(tab.store.repository.listBackups()).toEqual(
      [
        { key: chunkKey + stamp, chars: 'garbage'.length },
        { key: shardKey + stamp, chars: '{"v":1,"c":{"rnn/x":[1,2]}}'.length },
      ].sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
    expect(tab.store.repository.readRaw(chunkKey + stamp)).toBe('garbage');
    expect(
      tab.problems
        .at(-1)
        ?.map((p) => p.kind === 'unreadable' && p.key)
        .sort(),
    ).toEqual([chunkKey, shardKey].sort());
    // The shard's one bad record is in the backup; the shard was written again without it.
    expect(storage.getItem(shardKey)).toBe('{"v":1,"c":{}}');
    tab.store.repository.deleteBackup(shardKey); // not a backup: refused
    expect(storage.getItem(shardKey)).toBe('{"v":1,"c":{}}');
    tab.store.repository.deleteBackup(chunkKey + stamp);
    expect(tab.store.repository.listBackups().map((b) => b.key)).toEqual([shardKey + stamp]);
  });

  it('holds a huge unreadable chunk it has no room to copy, and never writes over it', () => {
    const storage = new MemoryStorage();
    fill(storage);
    const chunkKey = KEYS.filter((k) => isLogChunkKey(STORAGE_KEY, k)).at(-1)!;
    const huge = '{"v":1,' + 'x'.repeat(3_000_000);
    storage.setItem(chunkKey, huge);
    storage.quota = storage.used + 100_000;
    const tab = openStore(storage);
    expect(tab.problems.at(-1)).toEqual([
      expect.objectContaining({ kind: 'unreadable', key: chunkKey, backupKey: null }),
    ]);
    expectValid(tab.state());
    const week = Number(chunkKey.slice(chunkKey.lastIndexOf('/') + 1));
    const inThatWeek = week * 7 * DAY + DAY;
    tab.state().rate(IDS[1]!, 'good', inThatWeek);
    expect(storage.getItem(chunkKey)).toBe(huge);
    // The review is kept in memory and reported as not saved; export still has it.
    expect(tab.problems.at(-1)).toContainEqual(
      expect.objectContaining({ kind: 'unsaved', keys: expect.arrayContaining([chunkKey]) }),
    );
    const exported = JSON.stringify(buildExport(tab.store.persistedState(), T0));
    const parsed = parseImport(exported);
    expect(parsed.ok && parsed.data.log.length).toBe(tab.state().log.length);
    // Once the learner has downloaded and discarded it, the next save goes through.
    tab.store.repository.discard(chunkKey);
    tab.state().rate(IDS[2]!, 'good', inThatWeek + MIN);
    expect(tab.problems.at(-1)).toEqual([]);
    const reloaded = openStore(storage).state();
    expect(reloaded.log.filter((e) => e.reviewedAt >= inThatWeek)).toHaveLength(2);
  });
});

describe('importing whatever file', () => {
  const exported = JSON.stringify(buildExport(BASELINE, T0));

  const file = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.jsonValue().map((j) => JSON.stringify(j)),
    fc.nat({ max: exported.length - 1 }).map((n) => exported.slice(0, n)),
    fc
      .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.jsonValue())
      .map(([path, value]) => JSON.stringify(replaceAt(JSON.parse(exported), path, value))),
    fc
      .tuple(fc.nat(), fc.constantFrom(...EXTREMES))
      .map(([pick, value]) => withNumber(exported, pick, value)),
    fc.jsonValue().map((j) => JSON.stringify({ ...JSON.parse(exported), progress: j })),
    fc.jsonValue().map((j) => JSON.stringify({ ...JSON.parse(exported), log: [j] })),
  );

  it('never throws; refuses with a message, or gives data that merges into a valid state', () => {
    const storage = new MemoryStorage();
    fill(storage);
    const tab = openStore(storage);
    const before = structuredClone(tab.store.persistedState());
    const known = new Set(IDS);
    fc.assert(
      fc.property(file, (text) => {
        let r!: ReturnType<typeof parseImport>;
        expect(() => (r = parseImport(text))).not.toThrow();
        if (!r.ok) {
          expect(r.error).toMatch(/^The file .+\.$/s);
          expect(tab.store.persistedState()).toEqual(before);
          return;
        }
        for (const p of Object.values(r.data.progress)) {
          expect(v.is(CardProgressSchema, p)).toBe(true);
        }
        for (const e of r.data.log) expect(v.is(LogEntrySchema, e)).toBe(true);
        // Merging loses nothing we have; applied in another browser, every card it changed
        // can be graded, and the result is valid and saved.
        const { state, changedIds } = mergeImport(before, r.data, known);
        expectValid(state);
        const have = new Set(state.log.map(logKey));
        for (const e of before.log) expect(have.has(logKey(e))).toBe(true);
        for (const [id, p] of Object.entries(before.progress)) {
          expect(state.progress[id]!.reps).toBeGreaterThanOrEqual(p.reps);
        }
        const other = new MemoryStorage();
        fill(other);
        const elsewhere = openStore(other);
        elsewhere.state().applyMerged(state, changedIds);
        let t = T0;
        for (const id of changedIds) elsewhere.state().rate(id, 'hard', (t += MIN));
        expectValid(elsewhere.state());
        expectValid(openStore(other).state());
      }),
      { numRuns: RUNS },
    );
    expect(tab.store.persistedState()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);

  it('refuses anything that is not an export, whatever its shape', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((j) => JSON.stringify(j)),
          fc.jsonValue().map((j) => JSON.stringify({ format: 'rnn-flashcards-export', x: j })),
        ),
        (text) => {
          const r = parseImport(text);
          expect(r.ok).toBe(false);
          expect(r.ok ? '' : r.error.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
