// The codec's keys and its round trips: meta, progress shards, log chunks, where cards were seen.
import { describe, expect, it } from 'vitest';
import type { ReviewLogEntry } from '../../src/scheduler/progress.ts';
import { DEFAULT_SETTINGS } from '../../src/scheduler/settings.ts';
import {
  WEEK_MS,
  decodeChunk,
  decodeMeta,
  decodeSeen,
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
  shardOf,
  weekOf,
  type ProgressRecord,
} from '../../src/store/codec.ts';
import { STORAGE_KEY, logKey } from '../../src/store/persisted.ts';
import { BASE, P, WEEK, outcome } from './codecFixtures.ts';
import { T0 } from './fixtures.ts';

const entry = (over: Partial<ReviewLogEntry>): ReviewLogEntry => ({
  cardId: 'rnn/a',
  grade: 'good',
  reviewedAt: T0,
  state: 'review',
  stability: 3.17,
  difficulty: 5.28,
  scheduledDays: 3,
  elapsedDays: 2,
  kind: 'review' as const,
  answerMs: null,
  ...over,
});

describe('codec: keys', () => {
  it('names every key under the persist name and shards ids stably', () => {
    expect(progressShardKey(STORAGE_KEY, 10)).toBe('rnn-flashcards/progress/p/a');
    expect(logChunkKey(STORAGE_KEY, 2917)).toBe('rnn-flashcards/progress/log/2917');
    expect(seenKey(STORAGE_KEY)).toBe('rnn-flashcards/progress/cards');
    expect(isProgressShardKey(STORAGE_KEY, 'rnn-flashcards/progress/p/a')).toBe(true);
    expect(isLogChunkKey(STORAGE_KEY, 'rnn-flashcards/progress/p/a')).toBe(false);
    // FNV-1a: changing it would scatter every stored card into the wrong shard.
    expect(shardOf('rnn/a')).toBe(shardOf('rnn/a'));
    expect([shardOf(''), shardOf('rnn/a'), shardOf('lstm/0wqk8mq2x15')]).toEqual([5, 5, 9]);
    expect(weekOf(T0)).toBe(Math.floor(T0 / WEEK_MS));
  });
});

describe('codec: meta', () => {
  it('round-trips exactly', () => {
    const meta = {
      settings: { ...DEFAULT_SETTINGS, newCardsPerDay: 25, learningSteps: ['5m' as const] },
      settingsRev: T0,
      resetAt: T0 - 1000,
    };
    const raw = encodeMeta(meta);
    expect(JSON.parse(raw)).toEqual({ version: 3, state: meta });
    expect(decodeMeta(raw)).toEqual({ ok: true, value: { ...meta, version: 3 } });
  });

  it('fills settings a later release added with their defaults', () => {
    const raw = JSON.stringify({
      version: 2,
      state: { settings: { newCardsPerDay: 3 }, settingsRev: 1, resetAt: 0 },
    });
    expect(decodeMeta(raw)).toEqual({
      ok: true,
      value: {
        settings: { ...DEFAULT_SETTINGS, newCardsPerDay: 3 },
        settingsRev: 1,
        resetAt: 0,
        version: 2,
      },
    });
  });
});

describe('codec: progress shards', () => {
  it('encodes progress as a 10-tuple and a deletion as [rev], exactly', () => {
    const records = new Map<string, ProgressRecord>([
      ['rnn/a', { rev: T0, progress: P }],
      ['rnn/gone', { rev: T0 + 5, progress: null }],
      ['rnn/new', { rev: 7, progress: { ...P, state: 'learning', lastReview: null } }],
    ]);
    const raw = encodeShard(records);
    expect(raw).toBe(
      JSON.stringify({
        v: 1,
        c: {
          'rnn/a': [T0, P.due, 3.173, 5.2821, 3, 0, 4, 1, 2, T0],
          'rnn/gone': [T0 + 5],
          'rnn/new': [7, P.due, 3.173, 5.2821, 3, 0, 4, 1, 1, null],
        },
      }),
    );
    const back = decodeShard(raw);
    expect(back).toEqual({ ok: true, value: records });
    // Every state survives.
    for (const state of ['new', 'learning', 'review', 'relearning'] as const) {
      const one = new Map([['x', { rev: 1, progress: { ...P, state } }]]);
      expect(decodeShard(encodeShard(one))).toEqual({ ok: true, value: one });
    }
  });
});

describe('codec: log chunks', () => {
  const entries = [
    entry({ reviewedAt: BASE + 5, grade: 'again', state: 'new', stability: 0.21, difficulty: 7 }),
    entry({ cardId: 'rnn/b', reviewedAt: BASE + 60_000, grade: 'hard', state: 'learning' }),
    entry({ reviewedAt: T0, grade: 'easy', state: 'relearning', scheduledDays: 12 }),
    // Compacted earlier: no stability or difficulty.
    entry({ cardId: 'rnn/c', reviewedAt: T0 + 1, stability: null, difficulty: null }),
  ];
  const removed = [logKey({ cardId: 'rnn/b', reviewedAt: BASE + 70_000 })];

  /** Rows of numbers in the version-2 text form: base 36, `,` within a row, `;` between rows. */
  const b36 = (rows: number[][]) =>
    rows.map((r) => r.map((n) => n.toString(36)).join(',')).join(';');

  it('encodes entries as card, grade×4+state, gap since the previous, S×100, D×100, days (base 36)', () => {
    const raw = encodeChunk(WEEK, { entries, removed });
    expect(JSON.parse(raw)).toEqual({
      v: 3,
      base: BASE,
      ids: ['rnn/a', 'rnn/b', 'rnn/c'],
      // (The last field: the answer time plus 1; 0 for none.)
      e: b36([
        [0, 0 * 4 + 0, 5, 21, 700, 3, 2, 0],
        [1, 1 * 4 + 1, 60_000 - 5, 317, 528, 3, 2, 0],
        [0, 3 * 4 + 3, T0 - BASE - 60_000, 317, 528, 12, 2, 0],
        [2, 2 * 4 + 2, 1, 3, 2, 0],
      ]),
      x: b36([[1, 70_000]]),
    });
    expect(decodeChunk(raw)).toEqual({ ok: true, value: { entries, removed } });
  });

  it('leaves out the removal list when there is none', () => {
    const raw = encodeChunk(WEEK, { entries: entries.slice(0, 1), removed: [] });
    expect(raw).toBe(`{"v":3,"base":${BASE},"ids":["rnn/a"],"e":"0,0,5,l,jg,3,2,0"}`);
  });

  it('compacts by dropping stability and difficulty only', () => {
    const raw = encodeChunk(WEEK, { entries, removed }, true);
    expect(JSON.parse(raw).e).toEqual(
      b36([
        [0, 0, 5, 3, 2, 0],
        [1, 5, 60_000 - 5, 3, 2, 0],
        [0, 15, T0 - BASE - 60_000, 12, 2, 0],
        [2, 10, 1, 3, 2, 0],
      ]),
    );
    expect(raw.length).toBeLessThan(encodeChunk(WEEK, { entries, removed }).length);
    expect(decodeChunk(raw)).toEqual({
      ok: true,
      value: {
        entries: entries.map((e) => ({ ...e, stability: null, difficulty: null })),
        removed,
      },
    });
  });

  it('writes a practice with 16 added to its code, and the answer time plus 1 last', () => {
    const practice = [
      entry({ reviewedAt: BASE + 5, kind: 'practice', answerMs: 4_200 }),
      entry({ reviewedAt: BASE + 6, answerMs: 0 }),
      entry({
        reviewedAt: BASE + 7,
        kind: 'practice',
        answerMs: 60_000,
        stability: null,
        difficulty: null,
      }),
    ];
    const raw = encodeChunk(WEEK, { entries: practice, removed: [] });
    expect(JSON.parse(raw).e).toEqual(
      b36([
        [0, 16 + 2 * 4 + 2, 5, 317, 528, 3, 2, 4_201],
        [0, 2 * 4 + 2, 1, 317, 528, 3, 2, 1],
        [0, 16 + 2 * 4 + 2, 1, 3, 2, 60_001],
      ]),
    );
    expect(decodeChunk(raw)).toEqual({ ok: true, value: { entries: practice, removed: [] } });
  });

  it.each([
    [
      'an answer time over the cap',
      '0,a,5,3,2,' + (60_002).toString(36),
      'review 1 has an answer time over the limit',
    ],
    ['a code past practice', '0,w,5,3,2,0', 'review 1 has an unknown grade'],
    ['seven fields', '0,a,5,3,2,0,0', 'review 1 has the wrong number of fields'],
  ])('refuses a version-3 chunk with %s', (_name, e, reason) => {
    const raw = JSON.stringify({ v: 3, base: BASE, ids: ['rnn/a'], e });
    expect(outcome(decodeChunk(raw))).toEqual({ ok: false, reason });
  });

  it('still reads version-1 chunks (arrays of numbers)', () => {
    const v1 = JSON.stringify({
      v: 1,
      base: BASE,
      ids: ['rnn/a', 'rnn/b', 'rnn/c'],
      e: [
        [0, 0, 5, 21, 700, 3, 2],
        [1, 5, 60_000, 317, 528, 3, 2],
        [0, 15, T0 - BASE, 317, 528, 12, 2],
        [2, 10, T0 + 1 - BASE, 3, 2],
      ],
      x: [[1, 70_000]],
    });
    expect(decodeChunk(v1)).toEqual({ ok: true, value: { entries, removed } });
  });

  it.each([
    ['too few fields', '0,0,5,3'],
    ['six fields', '0,0,5,l,jg,3'],
    ['an empty field', '0,,5,3,2'],
    ['an unknown grade', '0,g,5,3,2'],
    ['a card out of range', '9,0,5,3,2'],
    ['a time past the week', `0,0,${(7 * 24 * 3_600_000).toString(36)},3,2`],
    ['a character that is not base 36', '0,0,5,3,-2'],
  ])('refuses a version-2 chunk with %s', (_name, e) => {
    const r = decodeChunk(JSON.stringify({ v: 2, base: BASE, ids: ['rnn/a'], e }));
    expect(outcome(r).ok).toBe(false);
    expect(r.ok && r.value.entries).toEqual([]);
  });

  it('round-trips stability and difficulty kept to two decimals', () => {
    const xs = [0, 0.01, 0.1, 0.29, 1.005, 2.31, 33.33, 123.45, 36_500.99];
    const list = xs.map((x, i) => entry({ reviewedAt: BASE + i, stability: x, difficulty: x }));
    const rounded = list.map((e) => ({
      ...e,
      stability: Math.round(e.stability! * 100) / 100,
      difficulty: Math.round(e.difficulty! * 100) / 100,
    }));
    const back = decodeChunk(encodeChunk(WEEK, { entries: rounded, removed: [] }));
    expect(back).toEqual({ ok: true, value: { entries: rounded, removed: [] } });
  });
});

describe('codec: where cards were seen', () => {
  it('round-trips exactly', () => {
    const seen = {
      'rnn/a': { file: 'rnn.md', index: 0, text: 'RNN 和 CNN 的区别是什么？' },
      'lstm/b': { file: 'sub/lstm.md', index: 41, text: 'What is a "gate"?' },
    };
    const raw = encodeSeen(seen);
    expect(JSON.parse(raw)).toEqual({
      v: 1,
      c: {
        'rnn/a': ['rnn.md', 0, 'RNN 和 CNN 的区别是什么？'],
        'lstm/b': ['sub/lstm.md', 41, 'What is a "gate"?'],
      },
    });
    expect(decodeSeen(raw)).toEqual({ ok: true, value: seen });
  });
});
