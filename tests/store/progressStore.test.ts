// The progress store: saving, where cards were seen, undo, and two tabs on one storage.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/scheduler/settings.ts';
import { rateCard } from '../../src/scheduler/rate.ts';
import {
  newProgress,
  type CardProgress,
  type ReviewLogEntry,
} from '../../src/scheduler/progress.ts';
import {
  encodeSeen,
  isSeenShardKey,
  logChunkKey,
  progressShardKey,
  seenKey,
  seenShardKey,
  shardOf,
  weekOf,
} from '../../src/store/codec.ts';
import { CURRENT_VERSION, STORAGE_KEY, initialPersistedState } from '../../src/store/persisted.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { MIN, T0 } from './fixtures.ts';
import { open } from './progressStoreFixtures.ts';

describe('progress store: saving', () => {
  it('writes a grade as one progress shard, one log chunk and the meta record', () => {
    const storage = new MemoryStorage();
    const { state } = open(storage);
    state().rate('rnn/a', 'good', T0);

    const expected = rateCard('rnn/a', newProgress(T0), 'good', T0, DEFAULT_SETTINGS);
    const p = expected.progress;
    expect(storage.keys()).toEqual(
      [
        STORAGE_KEY,
        progressShardKey(STORAGE_KEY, shardOf('rnn/a')),
        logChunkKey(STORAGE_KEY, weekOf(T0)),
      ].sort(),
    );
    expect(JSON.parse(storage.getItem(progressShardKey(STORAGE_KEY, shardOf('rnn/a')))!)).toEqual({
      v: 1,
      c: {
        'rnn/a': [T0, T0 + 10 * MIN, p.stability, p.difficulty, 0, 1, 1, 0, 1, T0],
      },
    });
    const base = weekOf(T0) * 7 * 24 * 60 * MIN;
    expect(JSON.parse(storage.getItem(logChunkKey(STORAGE_KEY, weekOf(T0)))!)).toEqual({
      v: 3,
      base,
      ids: ['rnn/a'],
      // card 0, grade good (2) × 4 + state new (0), time after base, S and D × 100, 0 days,
      // 0 elapsed, no answer time — in base 36
      e: [0, 8, T0 - base, Math.round(p.stability * 100), Math.round(p.difficulty * 100), 0, 0, 0]
        .map((n) => n.toString(36))
        .join(','),
    });
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toEqual({
      version: CURRENT_VERSION,
      state: { settings: DEFAULT_SETTINGS, settingsRev: 0, resetAt: 0 },
    });
  });

  it('reloads exactly the state it saved (round trip)', () => {
    const storage = new MemoryStorage();
    const first = open(storage);
    first.state().rate('rnn/a', 'good', T0);
    first.state().rate('rnn/b', 'again', T0 + 1000);
    first.state().rate('rnn/a', 'good', T0 + 11 * MIN);
    first.state().setSettings({ newCardsPerDay: 25 });

    const second = open(storage);
    expect(second.state().progress).toEqual(first.state().progress);
    expect(second.state().revs).toEqual(first.state().revs);
    expect(second.state().log).toEqual(first.state().log);
    expect(second.state().settings.newCardsPerDay).toBe(25);
    expect(second.state().log.map((e) => [e.cardId, e.grade])).toEqual([
      ['rnn/a', 'good'],
      ['rnn/b', 'again'],
      ['rnn/a', 'good'],
    ]);
    // Undo history is per session, never persisted.
    expect(second.state().undoStack).toEqual([]);
  });

  it('rewrites only what a grade changed, even with 2,000 cards and 20,000 reviews', () => {
    const storage = new MemoryStorage();
    const { state } = open(storage);
    const DAY = 24 * 60 * MIN;
    const log: ReviewLogEntry[] = [];
    const progress: Record<string, CardProgress> = {};
    const revs: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      const id = `rnn/card-${i % 2000}`;
      const at = T0 - 100 * DAY + i * 7 * MIN;
      const r = rateCard(id, progress[id] ?? newProgress(at), 'good', at, DEFAULT_SETTINGS);
      progress[id] = r.progress;
      revs[id] = at;
      log.push(r.log);
    }
    state().applyMerged({ ...initialPersistedState(), progress, revs, log }, []);
    expect(open(storage).state().log).toHaveLength(20_000);
    storage.writes = [];
    state().rate('rnn/card-7', 'hard', T0);
    const keys = storage.writes.map((w) => w.key).sort();
    expect(keys).toEqual(
      [
        progressShardKey(STORAGE_KEY, shardOf('rnn/card-7')),
        logChunkKey(STORAGE_KEY, weekOf(T0)),
      ].sort(),
    );
    const chars = storage.writes.reduce((n, w) => n + w.chars, 0);
    expect(chars).toBeLessThan(60_000);

    // The shard written holds every card of that shard, also from a session that only read it.
    const later = open(storage);
    storage.writes = [];
    later.state().rate('rnn/card-11', 'easy', T0 + MIN);
    expect(storage.writes.map((w) => w.key).sort()).toEqual(
      [
        progressShardKey(STORAGE_KEY, shardOf('rnn/card-11')),
        logChunkKey(STORAGE_KEY, weekOf(T0 + MIN)),
      ].sort(),
    );
    later.state().rate('rnn/new-card', 'good', T0 + 2 * MIN);
    const sameShard = Object.keys(progress).filter((id) => shardOf(id) === shardOf('rnn/card-11'));
    expect(sameShard.length).toBeGreaterThan(50);
    const reloaded = open(storage).state();
    expect(reloaded.progress).toEqual(later.state().progress);
    expect(reloaded.revs).toEqual(later.state().revs);
    expect(Object.keys(reloaded.progress)).toHaveLength(2001);
    // (20,000 grades through ts-fsrs to build the log: seconds on a busy machine.)
  }, 20_000);
});

describe('progress store: where cards were seen', () => {
  const note = (id: string, index: number) => ({
    id,
    file: 'content/rnn.md',
    index,
    text: `Question ${index} `.repeat(20),
  });

  it('writes a new card’s first grade to one seen shard, not a record of every card', () => {
    const storage = new MemoryStorage();
    const { state } = open(storage);
    for (let i = 0; i < 400; i++) state().rate(`rnn/c${i}`, 'good', T0 + i * 1000);
    state().noteDeck(Array.from({ length: 400 }, (_, i) => note(`rnn/c${i}`, i)));
    const all = storage
      .keys()
      .filter((k) => isSeenShardKey(STORAGE_KEY, k))
      .reduce((n, k) => n + storage.getItem(k)!.length, 0);
    expect(all).toBeGreaterThan(80_000);

    storage.writes = [];
    state().rate('rnn/new', 'good', T0 + MIN * 10);
    state().noteDeck([note('rnn/new', 400)]);
    const seenWrites = storage.writes.filter((w) => isSeenShardKey(STORAGE_KEY, w.key));
    expect(seenWrites.map((w) => w.key)).toEqual([seenShardKey(STORAGE_KEY, shardOf('rnn/new'))]);
    expect(seenWrites[0]!.chars).toBeLessThan(all / 8);
    expect(open(storage).state().seen).toEqual(state().seen);
  });

  it('notes where a graded card is in the same save as the grade', () => {
    const storage = new MemoryStorage();
    const { state } = open(storage);
    state().rate('rnn/a', 'good', T0); // the meta record's first write
    storage.writes = [];
    state().rate('rnn/x', 'good', T0 + MIN, { seenAt: note('rnn/x', 3) });
    expect(state().seen['rnn/x']).toEqual({
      file: 'content/rnn.md',
      index: 3,
      text: note('rnn/x', 3).text.slice(0, 200),
    });
    expect(storage.writes.map((w) => w.key).sort()).toEqual(
      [
        progressShardKey(STORAGE_KEY, shardOf('rnn/x')),
        logChunkKey(STORAGE_KEY, weekOf(T0 + MIN)),
        seenShardKey(STORAGE_KEY, shardOf('rnn/x')),
      ].sort(),
    );
    // Graded again in the same place: nothing to note, nothing more written for it.
    storage.writes = [];
    state().rate('rnn/x', 'good', T0 + 20 * MIN, { seenAt: note('rnn/x', 3) });
    expect(storage.writes.some((w) => isSeenShardKey(STORAGE_KEY, w.key))).toBe(false);
  });

  it('reads the single record of earlier versions, and replaces it by shards at the next save', () => {
    const storage = new MemoryStorage();
    const { state } = open(storage);
    state().rate('rnn/a', 'good', T0);
    state().rate('rnn/b', 'good', T0 + 1000);
    const seen = {
      'rnn/a': { file: 'content/rnn.md', index: 0, text: 'What is an RNN?' },
      'rnn/b': { file: 'content/rnn.md', index: 1, text: 'Why do gradients vanish?' },
    };
    // As an earlier version left it: one record under …/cards, no shards.
    for (const key of storage.keys()) if (isSeenShardKey(STORAGE_KEY, key)) storage.removeItem(key);
    storage.setItem(seenKey(STORAGE_KEY), encodeSeen(seen));

    const next = open(storage);
    expect(next.state().seen).toEqual(seen);
    next.state().rate('rnn/a', 'easy', T0 + 20 * MIN);
    expect(storage.getItem(seenKey(STORAGE_KEY))).toBeNull();
    expect(
      storage
        .keys()
        .filter((k) => isSeenShardKey(STORAGE_KEY, k))
        .sort(),
    ).toEqual(
      [...new Set(['rnn/a', 'rnn/b'].map((id) => seenShardKey(STORAGE_KEY, shardOf(id))))].sort(),
    );
    expect(open(storage).state().seen).toEqual(seen);
  });
});

describe('progress store: undo', () => {
  it('restores the card and the log exactly, including a card that was new', () => {
    const { state } = open(new MemoryStorage());
    state().rate('rnn/a', 'good', T0);
    const before = structuredClone({ progress: state().progress, log: state().log });

    state().rate('rnn/a', 'again', T0 + 10 * MIN);
    state().rate('rnn/b', 'easy', T0 + 11 * MIN);
    expect(state().undo()).toBe('rnn/b');
    expect(state().progress['rnn/b']).toBeUndefined();
    expect(state().undo()).toBe('rnn/a');
    expect({ progress: state().progress, log: state().log }).toEqual(before);
    expect(state().undo()).toBe('rnn/a');
    expect(state().progress).toEqual({});
    expect(state().log).toEqual([]);
    expect(state().undo()).toBeNull();
  });

  it('keeps an undone review out of storage after a reload', () => {
    const storage = new MemoryStorage();
    const first = open(storage);
    first.state().rate('rnn/a', 'good', T0);
    first.state().rate('rnn/b', 'good', T0 + MIN);
    first.state().undo();
    const second = open(storage);
    expect(second.state().log.map((e) => e.cardId)).toEqual(['rnn/a']);
    expect(second.state().progress['rnn/b']).toBeUndefined();
    expect(Object.keys(second.state().progress)).toEqual(['rnn/a']);
  });
});

describe('progress store: two tabs', () => {
  it('never loses a review when two tabs grade on one storage, and each picks up the other', async () => {
    const storage = new MemoryStorage();
    const a = open(storage);
    const b = open(storage);
    a.state().rate('rnn/x', 'good', T0);
    b.state().rate('rnn/y', 'again', T0 + 1000); // b has not seen x: its write merges it in
    a.state().rate('rnn/z', 'easy', T0 + 2000);
    b.state().rate('rnn/x', 'good', T0 + 11 * MIN); // b grades x without knowing a's progress

    await a.store.syncFromStorage();
    await b.store.syncFromStorage();
    const expected = [
      ['rnn/x', T0],
      ['rnn/y', T0 + 1000],
      ['rnn/z', T0 + 2000],
      ['rnn/x', T0 + 11 * MIN],
    ];
    expect(a.state().log.map((e) => [e.cardId, e.reviewedAt])).toEqual(expected);
    expect(b.state().log.map((e) => [e.cardId, e.reviewedAt])).toEqual(expected);
    expect(
      open(storage)
        .state()
        .log.map((e) => [e.cardId, e.reviewedAt]),
    ).toEqual(expected);
    // x's progress is the later change (b's), everywhere.
    expect(a.state().progress['rnn/x']).toEqual(b.state().progress['rnn/x']);
    expect(a.state().progress['rnn/x']?.lastReview).toBe(T0 + 11 * MIN);
  });

  it('keeps a reset from being undone by a tab that had not seen it', async () => {
    const storage = new MemoryStorage();
    let clock = T0;
    const a = open(storage, () => clock);
    const b = open(storage, () => clock);
    a.state().rate('rnn/x', 'good', T0);
    await b.store.syncFromStorage();
    clock = T0 + MIN;
    a.state().resetProgress();
    clock = T0 + 2 * MIN;
    b.state().rate('rnn/y', 'good', T0 + 2 * MIN); // b still holds x in memory
    const fresh = open(storage).state();
    expect(fresh.log.map((e) => e.cardId)).toEqual(['rnn/y']);
    expect(Object.keys(fresh.progress)).toEqual(['rnn/y']);
  });
});
