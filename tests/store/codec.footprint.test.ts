// The codec's footprint: a simulated year of study stored, compacted and read back in a quota.
import { beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import type { ReviewLogEntry } from '../../src/scheduler/progress.ts';
import {
  CardProgressSchema,
  decodeChunk,
  encodeChunk,
  isLogChunkKey,
  isProgressShardKey,
} from '../../src/store/codec.ts';
import { STORAGE_KEY, type PersistedState } from '../../src/store/persisted.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { T0, openStore, simulateStudy } from './fixtures.ts';

describe('codec: footprint of a year', () => {
  // 2,000 cards, 200 reviews a day for 365 days, graded through the real scheduler.
  let year: PersistedState;
  let storage: MemoryStorage;
  let cardChars = 0;
  let logChars = 0;
  let compactedLogChars = 0;

  beforeAll(() => {
    year = simulateStudy({ cards: 2000, perDay: 200, days: 365 });
    storage = new MemoryStorage();
    openStore(storage).state().applyMerged(year, []);
    for (const key of storage.keys()) {
      const raw = storage.getItem(key)!;
      if (isProgressShardKey(STORAGE_KEY, key)) cardChars += key.length + raw.length;
      if (isLogChunkKey(STORAGE_KEY, key)) {
        logChars += key.length + raw.length;
        const chunk = decodeChunk(raw);
        if (!chunk.ok) throw new Error(chunk.reason);
        const week = Number(key.slice(key.lastIndexOf('/') + 1));
        compactedLogChars += key.length + encodeChunk(week, chunk.value, true).length;
      }
    }
    const total = storage.used;
    console.log(
      `footprint: ${(cardChars / 2000).toFixed(1)} chars/card, ` +
        `${(logChars / 73_000).toFixed(1)} chars/review, total ${total} chars ` +
        `(log compacted: ${(compactedLogChars / 73_000).toFixed(1)} chars/review, ` +
        `total ${total - logChars + compactedLogChars} chars)`,
    );
  }, 30_000);

  it('is a realistic year, stored whole, and reads back exactly', () => {
    expect(year.log).toHaveLength(73_000);
    expect(Object.keys(year.progress)).toHaveLength(2000);
    for (const p of Object.values(year.progress)) expect(v.is(CardProgressSchema, p)).toBe(true);
    const grades = new Set(year.log.map((e) => e.grade));
    expect([...grades].sort()).toEqual(['again', 'easy', 'good', 'hard']);
    expect(Math.max(...Object.values(year.progress).map((p) => p.scheduledDays))).toBeGreaterThan(
      60,
    );
    const again = openStore(storage).state();
    expect(again.log).toEqual(year.log);
    expect(again.progress).toEqual(year.progress);
    // Nothing but progress and the log: the meta record is small.
    expect(storage.used - cardChars - logChars).toBeLessThan(1000);
  });

  it('compacts to well under the full size, and even compacted fits in 2.5 million characters', () => {
    expect(compactedLogChars).toBeLessThan(logChars * 0.85);
    expect(storage.used - logChars + compactedLogChars).toBeLessThan(2_500_000);
  });

  it('fits a year in under 2.5 million characters as written (5 MB as UTF-16)', () => {
    expect(storage.used).toBeLessThan(2_500_000);
  });

  it('saves a year whole in a 1.7-million-character quota by compacting old weeks', () => {
    const small = new MemoryStorage(1_700_000);
    const tab = openStore(small);
    tab.state().applyMerged(year, []);
    tab.state().rate('rnn/after', 'good', T0 + 60_000);
    expect(tab.problems.at(-1)).toEqual([]);
    small.quota = Infinity;
    const again = openStore(small).state();
    expect(again.log).toHaveLength(73_001);
    expect(Object.keys(again.progress)).toHaveLength(2001);
    // Compaction drops only stability and difficulty after each old review.
    const strip = (e: ReviewLogEntry) => ({ ...e, stability: null, difficulty: null });
    expect(again.log.slice(0, -1).map(strip)).toEqual(year.log.map(strip));
    expect(again.log.filter((e) => e.stability === null).length).toBeGreaterThan(50_000);
    const recent = again.log.filter((e) => e.reviewedAt >= T0 - 7 * 86_400_000);
    expect(recent.every((e) => e.stability !== null)).toBe(true);
    expect(again.progress).toEqual({
      ...year.progress,
      'rnn/after': tab.state().progress['rnn/after'],
    });
  });
});
