// Property tests for untrusted storage: whatever sits under the app's keys loads as a valid state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReviewLogEntry } from '../../src/scheduler/progress.ts';
import {
  decodeChunk,
  decodeMeta,
  decodeShard,
  isLogChunkKey,
  isProgressShardKey,
  seenKey,
  isSeenShardKey,
} from '../../src/store/codec.ts';
import { STORAGE_KEY, logKey } from '../../src/store/persisted.ts';
import { BACKUP_INFIX } from '../../src/store/localStorageRepository.ts';
import { buildExport, parseImport } from '../../src/store/transfer.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { DAY, MIN, T0, openStore } from './fixtures.ts';
import {
  BASELINE,
  EXTREMES,
  IDS,
  KEYS,
  RUNS,
  SNAPSHOT,
  expectValid,
  fill,
  replaceAt,
  withNumber,
} from './propertiesFixtures.ts';

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
