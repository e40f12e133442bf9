// The progress store: migrating older layouts, damaged storage, and running out of room.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { ReviewLogEntry } from '../../src/scheduler/progress.ts';
import { logChunkKey, weekOf } from '../../src/store/codec.ts';
import { CURRENT_VERSION, STORAGE_KEY } from '../../src/store/persisted.ts';
import { backupKeys } from '../../src/store/localStorageRepository.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { MIN, T0 } from './fixtures.ts';
import { open } from './progressStoreFixtures.ts';

const V1 = readFileSync(new URL('../fixtures/state/v1.json', import.meta.url), 'utf8');

describe('progress store: migrations', () => {
  it('upgrades a frozen version-1 state with every field intact and keeps a copy of it', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, V1);
    const { state, problems } = open(storage);
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
    // An upgrade is not damage: nothing is reported as unreadable, before or after a grade.
    state().rate('rnn/a', 'good', T0);
    expect(problems.at(-1) ?? []).toEqual([]);

    // And it reads back the same from the new layout.
    const again = open(storage);
    expect(again.problems.at(-1) ?? []).toEqual([]);
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
