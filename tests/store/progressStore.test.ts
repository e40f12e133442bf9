import { currentEngine } from '../../src/scheduler/engine.ts';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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
import { createProgressStore } from '../../src/store/localProgressStore.ts';
import { RECENT_REVIEW_DAYS } from '../../src/store/progressStore.ts';
import { backupKeys } from '../../src/store/localStorageRepository.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { T0, openStore } from './fixtures.ts';

const MIN = 60_000;
const fixedNow = () => T0;
const V1 = readFileSync(new URL('../fixtures/state/v1.json', import.meta.url), 'utf8');

const open = (storage: MemoryStorage, now = fixedNow) => openStore(storage, now);

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

describe('progress store: migrations', () => {
  it('upgrades a frozen version-1 state with every field intact and keeps a copy of it', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, V1);
    const { state } = open(storage);
    const fixture = JSON.parse(V1) as {
      state: {
        progress: Record<string, { lastReview: number }>;
        log: (ReviewLogEntry & { due: number })[];
        settings: object;
      };
    };
    expect(state().progress).toEqual(fixture.state.progress);
    // Settings added since then take their defaults.
    expect(state().settings).toEqual({
      ...fixture.state.settings,
      leechThreshold: 4,
      readinessTarget: 0.9,
      planDailyLimit: 30,
    });
    // Every review, field by field, in time order; the dropped `due` is gone and stability and
    // difficulty keep two decimals.
    const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
    expect(state().log).toEqual(
      fixture.state.log
        .map(({ due: _due, ...rest }) => ({
          ...rest,
          stability: round(rest.stability),
          difficulty: round(rest.difficulty),
          kind: 'review',
          answerMs: null,
        }))
        .sort((a, b) => a.reviewedAt - b.reviewedAt),
    );
    // Including progress of a card that is no longer in the content (an orphan).
    expect(Object.keys(state().progress)).toContain('rnn/removed-card');
    expect(state().revs['rnn/removed-card']).toBe(
      fixture.state.progress['rnn/removed-card']!.lastReview,
    );

    // The new layout is written, the old single value kept as a backup.
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).version).toBe(3);
    const backups = backupKeys(storage, STORAGE_KEY);
    expect(backups).toHaveLength(1);
    expect(storage.getItem(backups[0]!)).toBe(V1);

    // And it reads back the same from the new layout.
    const again = open(storage);
    expect(again.state().progress).toEqual(state().progress);
    expect(again.state().log).toEqual(state().log);
  });

  it('keeps orphaned progress when other cards are graded', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, V1);
    const { state } = open(storage);
    const orphan = state().progress['rnn/removed-card'];
    state().rate('rnn/a', 'good', T0);
    expect(open(storage).state().progress['rnn/removed-card']).toEqual(orphan);
  });
});

describe('progress store: damaged storage', () => {
  it.each([
    ['truncated JSON', '{"version":2,"state":{"settings":'],
    ['a version from the future', JSON.stringify({ version: 99, state: { anything: true } })],
    ['JSON of the wrong shape', '[1,2,3]'],
    ['random bytes', '\u0000\u00ff\ud800garbage'],
  ])(
    'keeps %s in the meta record under a backup key that later writes never touch',
    (_name, raw) => {
      const storage = new MemoryStorage();
      storage.setItem(STORAGE_KEY, raw);
      const { state, problems } = open(storage);
      expect(state().progress).toEqual({});
      const keys = backupKeys(storage, STORAGE_KEY);
      expect(keys).toEqual([`${STORAGE_KEY}:backup:2026-11-27T02:00:00.000Z`]);
      expect(problems.at(-1)).toEqual([
        expect.objectContaining({ kind: 'unreadable', key: STORAGE_KEY, backupKey: keys[0] }),
      ]);

      state().rate('rnn/a', 'good', T0);
      state().setSettings({ newCardsPerDay: 3 });
      expect(storage.getItem(keys[0]!)).toBe(raw);
      expect(JSON.parse(storage.getItem(STORAGE_KEY)!).version).toBe(CURRENT_VERSION);
    },
  );

  it('does not trust a meta record whose reset is dated in the future', () => {
    const storage = new MemoryStorage();
    open(storage).state().rate('rnn/a', 'good', T0);
    const future = JSON.stringify({
      version: 2,
      state: { settings: {}, settingsRev: 0, resetAt: T0 + 365 * 24 * 60 * MIN },
    });
    storage.setItem(STORAGE_KEY, future);
    const { state, problems } = open(storage);
    expect(Object.keys(state().progress)).toEqual(['rnn/a']);
    expect(state().log).toHaveLength(1);
    expect(problems.at(-1)?.[0]).toMatchObject({
      kind: 'unreadable',
      key: STORAGE_KEY,
      reason: 'the last reset is dated in the future: it hides nothing',
    });
  });

  it('loads the readable parts when one log chunk is damaged', () => {
    const storage = new MemoryStorage();
    const first = open(storage);
    first.state().rate('rnn/a', 'good', T0 - 14 * 24 * 60 * MIN);
    first.state().rate('rnn/b', 'good', T0);
    storage.setItem(
      logChunkKey(STORAGE_KEY, weekOf(T0)),
      '{"v":1,"base":0,"ids":[],"e":[[5,8,1,1,1,0,0]]}',
    );

    const { state, problems } = open(storage);
    expect(state().log.map((e) => e.cardId)).toEqual(['rnn/a']);
    expect(Object.keys(state().progress).sort()).toEqual(['rnn/a', 'rnn/b']);
    expect(problems.at(-1)?.[0]).toMatchObject({
      kind: 'unreadable',
      key: logChunkKey(STORAGE_KEY, weekOf(T0)),
      reason: 'card index 5 out of range',
    });
  });

  it('never writes over a damaged value it had no room to back up', () => {
    const huge = 'x'.repeat(5000);
    const storage = new MemoryStorage(6000);
    storage.setItem(STORAGE_KEY, huge);
    const { state, problems } = open(storage);
    expect(problems.at(-1)?.[0]).toMatchObject({
      kind: 'unreadable',
      key: STORAGE_KEY,
      backupKey: null,
    });
    state().setSettings({ newCardsPerDay: 3 });
    expect(storage.getItem(STORAGE_KEY)).toBe(huge);
    state().rate('rnn/a', 'good', T0);
    expect(storage.getItem(STORAGE_KEY)).toBe(huge);
    // The learner downloads it, then lets it go: now settings can be saved.
    state().setSettings({ newCardsPerDay: 4 });
    open(storage); // another look changes nothing
    expect(storage.getItem(STORAGE_KEY)).toBe(huge);
  });
});

describe('progress store: running out of room', () => {
  it('keeps the state in memory, reports it, and saves once there is room again', () => {
    const storage = new MemoryStorage(2_000);
    const { state, problems } = open(storage);
    for (let i = 0; i < 40; i++) state().rate(`rnn/card-${i}`, 'good', T0 + i * 1000);
    expect(state().log).toHaveLength(40);
    expect(problems.at(-1)).toEqual([expect.objectContaining({ kind: 'unsaved' })]);

    storage.quota = Infinity;
    state().rate('rnn/card-0', 'good', T0 + 20 * MIN);
    expect(problems.at(-1)).toEqual([]);
    const reloaded = open(storage);
    expect(reloaded.state().log).toEqual(state().log);
    expect(reloaded.state().progress).toEqual(state().progress);
  });

  it('compacts old log chunks to make room, keeping every review', () => {
    const DAY = 24 * 60 * MIN;
    const storage = new MemoryStorage();
    const { state } = open(storage);
    for (let i = 0; i < 300; i++)
      state().rate(`rnn/card-${i % 30}`, 'good', T0 - 200 * DAY + (i * DAY) / 2);
    const full = storage.used;
    storage.quota = storage.used + 10; // no room for the next write as it stands
    state().rate('rnn/card-1', 'again', T0);
    expect(storage.used).toBeLessThan(full);
    storage.quota = Infinity;
    const reloaded = open(storage).state();
    expect(reloaded.log).toHaveLength(301);
    expect(reloaded.log.map((e) => [e.cardId, e.grade, e.reviewedAt, e.scheduledDays])).toEqual(
      state().log.map((e) => [e.cardId, e.grade, e.reviewedAt, e.scheduledDays]),
    );
    // Old entries lost only their post-review stability and difficulty.
    expect(reloaded.log[0]!.stability).toBeNull();
    expect(reloaded.log.at(-1)!.stability).not.toBeNull();
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

describe('progress store: the whole log, and the recent reviews', () => {
  const WEEK = 7 * 24 * 60 * MIN;
  const DAY = 24 * 60 * MIN;
  /** Ten weeks of reviews of six cards, saved; `now`: an hour after the last. */
  function tenWeeks() {
    const storage = new MemoryStorage();
    const { state } = open(storage);
    const ids = ['rnn/a', 'rnn/b', 'rnn/c', 'rnn/d', 'rnn/e', 'rnn/f'];
    let t = T0 - 10 * WEEK;
    for (let i = 0; i < 60; i++) {
      state().rate(ids[i % ids.length]!, 'good', t);
      t += WEEK / 6;
    }
    return { storage, ids, full: state(), now: () => t + 60 * MIN };
  }
  const openRecent = (storage: MemoryStorage, now: () => number) =>
    createProgressStore({ engine: currentEngine, storage, now });

  it('gives every week of the log from reviewLog(), and the last 14 days as recentReviews', async () => {
    const { storage, full, now } = tenWeeks();
    const store = openRecent(storage, now);
    expect(full.log).toHaveLength(60);
    expect(await store.reviewLog()).toEqual(full.log);
    expect(store.getState().reviewCount).toBe(60);
    const since = now() - RECENT_REVIEW_DAYS * DAY;
    expect(store.getState().recentReviews).toEqual(full.log.filter((e) => e.reviewedAt >= since));
    // One review every 28 hours, the last 29 hours ago: 11 in the last 14 days.
    expect(store.getState().recentReviews).toHaveLength(11);
    expect(store.getState().progress).toEqual(full.progress);
    expect(store.getState().revs).toEqual(full.revs);

    const revision = store.getState().logRevision;
    store.getState().rate('rnn/a', 'good', now());
    expect(store.getState().logRevision).not.toBe(revision);
    expect(await store.reviewLog()).toHaveLength(61);
    expect(store.getState().recentReviews).toHaveLength(12);
  });

  it('saves a grade without touching older weeks, and loses nothing', () => {
    const { storage, full, now } = tenWeeks();
    const before = new Map(storage.keys().map((k) => [k, storage.getItem(k)]));
    const store = openRecent(storage, now);
    store.getState().rate('rnn/a', 'again', now());
    const changed = storage.keys().filter((k) => storage.getItem(k) !== before.get(k));
    expect(changed.sort()).toEqual(
      [
        progressShardKey(STORAGE_KEY, shardOf('rnn/a')),
        logChunkKey(STORAGE_KEY, weekOf(now())),
      ].sort(),
    );
    expect(store.persistedState().log).toHaveLength(full.log.length + 1);
    expect(store.persistedState().log.slice(0, -1)).toEqual(full.log);
    // And a fresh load of everything agrees.
    expect(open(storage, now).state().log).toEqual(store.persistedState().log);
  });

  it('moves and discards a card’s reviews from every week', () => {
    const { storage, full, now } = tenWeeks();
    const store = openRecent(storage, now);
    store.getState().moveProgress('rnn/a', 'rnn/z');
    const all = open(storage, now).state();
    expect(all.log.filter((e) => e.cardId === 'rnn/a')).toEqual([]);
    expect(all.log.filter((e) => e.cardId === 'rnn/z')).toHaveLength(
      full.log.filter((e) => e.cardId === 'rnn/a').length,
    );

    const other = openRecent(storage, now);
    other.getState().discardProgress('rnn/b');
    expect(
      open(storage, now)
        .state()
        .log.filter((e) => e.cardId === 'rnn/b'),
    ).toEqual([]);
  });
});
