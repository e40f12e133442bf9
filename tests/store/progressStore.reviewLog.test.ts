// The progress store: the whole log from reviewLog(), and the recent reviews kept in memory.
import { currentEngine } from '../../src/scheduler/engine.ts';
import { describe, expect, it } from 'vitest';
import { logChunkKey, progressShardKey, shardOf, weekOf } from '../../src/store/codec.ts';
import { STORAGE_KEY } from '../../src/store/persisted.ts';
import { createProgressStore } from '../../src/store/localProgressStore.ts';
import { RECENT_REVIEW_DAYS } from '../../src/store/progressStore.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { MIN, T0 } from './fixtures.ts';
import { open } from './progressStoreFixtures.ts';

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
