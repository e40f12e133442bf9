import { beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import fc from 'fast-check';
import type { CardProgress, ReviewLogEntry } from '../../src/scheduler/progress.ts';
import { DEFAULT_SETTINGS } from '../../src/scheduler/settings.ts';
import {
  CardProgressSchema,
  MAX_TIME,
  ShardSchema,
  WEEK_MS,
  decodeChunk,
  decodeMeta,
  decodeSeen,
  decodeShard,
  decodeV1,
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
import type { Decoded } from '../../src/store/decoding.ts';
import { STORAGE_KEY, logKey, type PersistedState } from '../../src/store/persisted.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { T0, openStore, simulateStudy } from './fixtures.ts';

/**
 * A decoding as the whole value's check would give it: one with a record set aside (the rest of
 * the value read) counts as refused, with that record's reason. Whole-value refusals pass as is.
 */
function outcome<T>(r: Decoded<T>): Decoded<T> {
  return r.ok && r.damaged ? { ok: false, reason: r.damaged.reason } : r;
}

const WEEK = weekOf(T0);
const BASE = WEEK * WEEK_MS;

const P: CardProgress = {
  due: T0 + 3 * 86_400_000,
  stability: 3.173,
  difficulty: 5.2821,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 4,
  lapses: 1,
  state: 'review',
  lastReview: T0,
};

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

describe('codec: decoders refuse wrong shapes, with a reason, and never throw', () => {
  const progressTuple = [T0, P.due, 3.1, 5.2, 3, 0, 4, 1, 2, T0];
  const shard = (t: unknown) => JSON.stringify({ v: 1, c: { 'rnn/a': t } });
  const chunk = (e: unknown, extra: object = {}) =>
    JSON.stringify({ v: 1, base: BASE, ids: ['rnn/a'], e: [e], ...extra });

  it.each([
    ['meta', decodeMeta, '', 'not valid JSON'],
    ['meta', decodeMeta, '{"version":2,"state":{"settings":', 'not valid JSON'],
    [
      'meta',
      decodeMeta,
      'null',
      'unexpected shape: Invalid type: Expected Object but received null',
    ],
    [
      'meta',
      decodeMeta,
      '{"version":4,"state":{"settings":{},"settingsRev":0,"resetAt":0}}',
      'unexpected shape at version: Invalid type: Expected (2 | 3) but received 4',
    ],
    [
      'meta',
      decodeMeta,
      '{"version":2,"state":{"settings":{"desiredRetention":2},"settingsRev":0,"resetAt":0}}',
      'unexpected shape at state.settings.desiredRetention: Invalid value: Expected <=0.99 but received 2',
    ],
    [
      'meta',
      decodeMeta,
      '{"version":2,"state":{"settings":{},"settingsRev":0,"resetAt":1e999}}',
      'unexpected shape at state.resetAt: Invalid finite: Received Infinity',
    ],
    [
      'shard',
      decodeShard,
      '[1,2,3]',
      'unexpected shape at v: Invalid key: Expected "v" but received undefined',
    ],
    [
      'shard',
      decodeShard,
      '{"v":2,"c":{}}',
      'unexpected shape at v: Invalid type: Expected 1 but received 2',
    ],
    ['chunk', decodeChunk, chunk([5, 8, 1, 1, 1, 0, 0]), 'card index 5 out of range'],
    [
      'chunk',
      decodeChunk,
      chunk([0, 8, 1, 1, 1, 0, 0], { x: [[3, 1]] }),
      'card index 3 out of range',
    ],
    [
      'seen',
      decodeSeen,
      '{"v":1,"c":{"a":["f",-1,"t"]}}',
      'unexpected shape at c.a.1: Invalid value: Expected >=0 but received -1',
    ],
  ])(
    '%s decoder refuses case %#, with its reason',
    (_kind, decode: (raw: string) => unknown, raw, reason) => {
      expect(outcome(decode(raw) as Decoded<unknown>)).toEqual({ ok: false, reason });
    },
  );

  it.each([
    ['0,8,,1,1,0,0', 'review 1 has the wrong number of fields'],
    ['0,8,1,1,1,0,0;0,8,1', 'review 2 has the wrong number of fields'],
    ['0,8,1,1,1,0,0;', 'review 2 has the wrong number of fields'],
    ['0,8,1,1,1,0,0;;0,8,1,1,1,0,0', 'review 2 has the wrong number of fields'],
    ['0,8,zzzzzzzzzzz,1,1,0,0', 'review 1 has the wrong number of fields'],
    ['0,8,1,1,1,0,0,0', 'review 1 has the wrong number of fields'],
    ['0,g,1,1,1,0,0', 'review 1 has an unknown grade'],
    // only 0–9 and a–z are digits
    ['0,8,1,1,1,0,0;0,8,1,1,-1,0,0', 'review 2 has the wrong number of fields'],
    ['0,8,1,1,1,0,0;0,8,A,1,1,0,0', 'review 2 has the wrong number of fields'],
    ['0,8,1,1,1,0,0 ', 'review 1 has the wrong number of fields'],
    ['0,8,1.5,1,1,0,0', 'review 1 has the wrong number of fields'],
  ])('a version-2 chunk with reviews "%s" is refused: %s', (e, reason) => {
    const raw = JSON.stringify({ v: 2, base: 0, ids: ['rnn/a'], e });
    expect(outcome(decodeChunk(raw))).toEqual({ ok: false, reason });
  });

  it('reads version-2 fields in base 36, compacted or full', () => {
    const raw = JSON.stringify({
      v: 2,
      base: 0,
      ids: ['rnn/a', 'rnn/b'],
      e: '1,9,zz,2s,k,3,1;0,0,1,0,0',
    });
    const r = decodeChunk(raw);
    expect(r.ok && r.value.entries).toEqual([
      {
        cardId: 'rnn/b',
        grade: 'good',
        state: 'learning',
        reviewedAt: 1295,
        stability: 1,
        difficulty: 0.2,
        scheduledDays: 3,
        elapsedDays: 1,
        kind: 'review' as const,
        answerMs: null,
      },
      {
        cardId: 'rnn/a',
        grade: 'again',
        state: 'new',
        reviewedAt: 1296,
        stability: null,
        difficulty: null,
        scheduledDays: 0,
        elapsedDays: 0,
        kind: 'review' as const,
        answerMs: null,
      },
    ]);
  });

  // A damaged progress tuple must be refused, not read as something else: a shorter valid
  // shape (a deletion marker, a compacted entry) would silently lose or corrupt the data.
  it.each([
    ['progress cut short', shard([T0, P.due])],
    ['a state index out of range', shard(progressTuple.with(8, 4))],
    ['negative stability', shard(progressTuple.with(2, -3))],
    ['a fractional rep count', shard(progressTuple.with(6, 1.5))],
    ['a deletion with extra items', shard([T0, 'x'])],
    ['an empty tuple', shard([])],
  ])('shard with %s is refused, not read as a deletion', (_name, raw) => {
    const r = outcome(decodeShard(raw));
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(/^unexpected shape at c\.rnn\/a/);
  });

  it.each([
    ['a negative interval', chunk([0, 8, 1, 231, 520, -1, 0])],
    ['a fractional difficulty', chunk([0, 8, 1, 231, 5.5, 1, 0])],
    ['grade code 16', chunk([0, 16, 1, 231, 520, 1, 0])],
    ['six items', chunk([0, 8, 1, 231, 520, 1])],
    ['eight items', chunk([0, 8, 1, 231, 520, 1, 0, 0])],
  ])('chunk entry with %s is refused, not read as a compacted entry', (_name, raw) => {
    const r = decodeChunk(raw);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(/^unexpected shape at e\.0/);
  });

  // Valid JSON of the right shape that ts-fsrs cannot schedule from, or no real date: grading
  // from it would throw or give NaN, so it is damage like any other.
  it.each([
    [
      'review-state progress with stability 0',
      decodeShard,
      shard(progressTuple.with(2, 0)),
      'unexpected shape at c.rnn/a: stability and difficulty must both be 0, or at least 0.001 and 1 respectively',
    ],
    [
      'difficulty below 1',
      decodeShard,
      shard(progressTuple.with(3, 0.5)),
      'unexpected shape at c.rnn/a: stability and difficulty must both be 0, or at least 0.001 and 1 respectively',
    ],
    [
      'a last review in the year 10000',
      decodeShard,
      shard(progressTuple.with(9, 1e300)),
      'unexpected shape at c.rnn/a.9: Invalid value: Expected <=253402214400000 but received 1e+300',
    ],
    [
      'a reset in the year 10000',
      decodeMeta,
      '{"version":2,"state":{"settings":{},"settingsRev":0,"resetAt":1e300}}',
      'unexpected shape at state.resetAt: Invalid value: Expected <=253402214400000 but received 1e+300',
    ],
    [
      'a review outside its week',
      decodeChunk,
      chunk([0, 8, WEEK_MS, 3, 2]),
      'unexpected shape at e.0.2: Invalid value: Expected <604800000 but received 604800000',
    ],
    [
      'a week that does not start a week',
      decodeChunk,
      JSON.stringify({ v: 1, base: BASE + 1, ids: ['rnn/a'], e: [[0, 8, 5, 3, 2]] }),
      `unexpected shape at base: Invalid multiple: Expected %604800000 but received ${BASE + 1}`,
    ],
  ])('refuses %s', (_name, decode: (raw: string) => unknown, raw, reason) => {
    expect(outcome(decode(raw) as Decoded<unknown>)).toEqual({ ok: false, reason });
  });

  it('accepts a never-reviewed memory state (both 0) in any state', () => {
    const r = decodeShard(shard(progressTuple.with(2, 0).with(3, 0)));
    expect(r.ok && r.value.get('rnn/a')?.progress?.stability).toBe(0);
    expect(MAX_TIME).toBe(Date.UTC(9999, 11, 31));
  });

  it('never throws, whatever the text', () => {
    const inputs = [
      '',
      ' ',
      'undefined',
      'NaN',
      '"string"',
      '0',
      'true',
      '[]',
      '{}',
      '\u0000\u00ff\ud800',
      '['.repeat(100_000),
      '{"v":1,"base":0,"ids":{"length":5},"e":[[0,8,1,3,2]]}',
      '{"v":1,"base":0,"ids":["a"],"e":[[0,8,1,3,2]],"x":[["0",1]]}',
      '{"version":1,"state":{"progress":[],"log":{}}}',
    ];
    const decoders = [decodeMeta, decodeShard, decodeChunk, decodeSeen, decodeV1];
    for (const raw of inputs) {
      for (const decode of decoders) {
        const r = decode(raw);
        expect(r.ok, `${decode.name}(${raw.slice(0, 40)})`).toBe(false);
        expect(r.ok ? '' : r.reason).not.toBe('');
      }
    }
    // Valid for some decoders, not others: whichever, a result and no exception.
    for (const raw of [
      '{"__proto__":{"polluted":1},"v":1,"c":{}}',
      '{"v":1,"c":{"__proto__":[1]}}',
    ]) {
      for (const decode of decoders) expect(() => decode(raw)).not.toThrow();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a __proto__ key in a stored shard does not reach the prototype', () => {
    const r = decodeShard(`{"v":1,"c":{"__proto__":${JSON.stringify(progressTuple)}}}`);
    expect(r).toEqual({ ok: true, value: new Map() });
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('codec: a frozen version-2 layout reads back every field', () => {
  // Written by this version of the app; any later layout must still read these strings.
  const FROZEN: Record<string, string> = {
    'rnn-flashcards/progress':
      '{"version":2,"state":{"settings":{"desiredRetention":0.85,"learningSteps":["1m","10m"],"relearningSteps":["10m"],"enableFuzz":false,"maximumIntervalDays":365,"dayRolloverHour":5,"newCardsPerDay":12,"maxReviewsPerDay":150},"settingsRev":1795999000000,"resetAt":1790000000000}}',
    'rnn-flashcards/progress/p/5':
      '{"v":1,"c":{"rnn/a":[1795831200001,1796090400000,3.17,5.28,3,0,4,1,2,1795831200001]}}',
    'rnn-flashcards/progress/p/1': '{"v":1,"c":{"rnn/gone":[1795831260000]}}',
    'rnn-flashcards/progress/log/2969':
      '{"v":1,"base":1795651200000,"ids":["rnn/a","rnn/b"],"e":[[0,8,180000000,231,528,0,0],[1,5,180060000,3,1],[0,10,180000001,317,530,3,2]],"x":[[1,180070000]]}',
    'rnn-flashcards/progress/cards': '{"v":1,"c":{"rnn/a":["rnn.md",4,"什么是梯度消失？"]}}',
  };

  it('decodes each key as the documented fields', () => {
    const meta = decodeMeta(FROZEN['rnn-flashcards/progress']!);
    expect(meta).toEqual({
      ok: true,
      value: {
        settings: {
          desiredRetention: 0.85,
          learningSteps: ['1m', '10m'],
          relearningSteps: ['10m'],
          enableFuzz: false,
          maximumIntervalDays: 365,
          dayRolloverHour: 5,
          newCardsPerDay: 12,
          maxReviewsPerDay: 150,
          // Added after version 2 was written: a layout without them gets the defaults.
          leechThreshold: 4,
          readinessTarget: 0.9,
          planDailyLimit: 30,
        },
        settingsRev: 1795999000000,
        resetAt: 1790000000000,
        version: 2,
      },
    });
    expect(decodeShard(FROZEN['rnn-flashcards/progress/p/1']!)).toEqual({
      ok: true,
      value: new Map([['rnn/gone', { rev: 1795831260000, progress: null }]]),
    });
    expect(decodeShard(FROZEN['rnn-flashcards/progress/p/5']!)).toEqual({
      ok: true,
      value: new Map([
        [
          'rnn/a',
          {
            rev: 1795831200001,
            progress: {
              due: 1796090400000,
              stability: 3.17,
              difficulty: 5.28,
              scheduledDays: 3,
              learningSteps: 0,
              reps: 4,
              lapses: 1,
              state: 'review',
              lastReview: 1795831200001,
            },
          },
        ],
      ]),
    });
    const base = 1795651200000;
    expect(decodeChunk(FROZEN['rnn-flashcards/progress/log/2969']!)).toEqual({
      ok: true,
      value: {
        entries: [
          {
            cardId: 'rnn/a',
            grade: 'good',
            state: 'new',
            reviewedAt: base + 180000000,
            stability: 2.31,
            difficulty: 5.28,
            scheduledDays: 0,
            elapsedDays: 0,
            kind: 'review' as const,
            answerMs: null,
          },
          {
            cardId: 'rnn/b',
            grade: 'hard',
            state: 'learning',
            reviewedAt: base + 180060000,
            stability: null,
            difficulty: null,
            scheduledDays: 3,
            elapsedDays: 1,
            kind: 'review' as const,
            answerMs: null,
          },
          {
            cardId: 'rnn/a',
            grade: 'good',
            state: 'review',
            reviewedAt: base + 180000001,
            stability: 3.17,
            difficulty: 5.3,
            scheduledDays: 3,
            elapsedDays: 2,
            kind: 'review' as const,
            answerMs: null,
          },
        ],
        removed: [`${base + 180070000}|rnn/b`],
      },
    });
    expect(decodeSeen(FROZEN['rnn-flashcards/progress/cards']!)).toEqual({
      ok: true,
      value: { 'rnn/a': { file: 'rnn.md', index: 4, text: '什么是梯度消失？' } },
    });
  });

  it('loads into the store with every field, in time order', () => {
    const storage = new MemoryStorage();
    for (const [k, val] of Object.entries(FROZEN)) storage.setItem(k, val);
    const { state, problems } = openStore(storage);
    expect(problems.at(-1)).toEqual([]);
    expect(state().settings.desiredRetention).toBe(0.85);
    expect(state().settingsRev).toBe(1795999000000);
    expect(state().resetAt).toBe(1790000000000);
    expect(state().revs).toEqual({ 'rnn/a': 1795831200001, 'rnn/gone': 1795831260000 });
    expect(Object.keys(state().progress)).toEqual(['rnn/a']);
    expect(state().log.map((e) => [e.cardId, e.reviewedAt - 1795651200000])).toEqual([
      ['rnn/a', 180000000],
      ['rnn/a', 180000001],
      ['rnn/b', 180060000],
    ]);
    expect(state().removed).toEqual(['1795831270000|rnn/b']);
    expect(state().seen).toEqual({
      'rnn/a': { file: 'rnn.md', index: 4, text: '什么是梯度消失？' },
    });
  });
});

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

describe('progress shards: what loads and what is refused', () => {
  const validTuple = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 4e12 })),
    fc
      .tuple(
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: 0, max: 4e12 }),
        fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1e5, noNaN: true })),
        fc.oneof(fc.constant(0), fc.double({ min: 1, max: 10, noNaN: true })),
        fc.nat(10_000_000),
        fc.nat(9),
        fc.nat(),
        fc.nat(),
        fc.nat(3),
        fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: null }),
      )
      .map((t) => (t[2] === 0 || t[3] === 0 ? [t[0], t[1], 0, 0, ...t.slice(4)] : t)),
  );
  /** A valid tuple with one item replaced, one added or one dropped. */
  const damagedTuple = fc
    .tuple(
      validTuple,
      fc.nat(11),
      fc.constantFrom<unknown>(
        -1,
        0.5,
        4,
        1e16,
        -0,
        '1',
        null,
        true,
        [],
        {},
        0.0001,
        Date.UTC(9999, 11, 31) + 1,
      ),
      fc.constantFrom('replace', 'add', 'drop'),
    )
    .map(([t, i, x, how]) => {
      const out: unknown[] = [...t];
      if (how === 'replace') out[i % out.length] = x;
      else if (how === 'add') out.push(x);
      else out.splice(i % out.length, 1);
      return out;
    });
  const key = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'rnn/a'),
  );
  const shard = fc.oneof(
    fc.dictionary(key, validTuple).map((c) => ({ v: 1, c })),
    fc.dictionary(key, fc.oneof(validTuple, damagedTuple)).map((c) => ({ v: 1, c })),
    fc.constantFrom<unknown>(null, [], { v: 2, c: {} }, { v: 1, c: [] }, { v: 1 }, 'x'),
  );

  it('reads exactly what the schema accepts, with every id', () => {
    let yes = 0;
    fc.assert(
      fc.property(shard, (value) => {
        // Through JSON, as stored: '__proto__' becomes an own key, -0 becomes 0.
        const raw = JSON.stringify(value);
        const json = JSON.parse(raw) as unknown;
        // Record by record: the envelope must pass, then each record the schema accepts loads.
        const envelope = v.safeParse(
          v.object({ v: v.literal(1), c: v.record(v.string(), v.unknown()) }),
          json,
        );
        const accepted = (id: string, t: unknown) =>
          v.safeParse(ShardSchema, { v: 1, c: { [id]: t } }).success;
        if (v.safeParse(ShardSchema, json).success) yes++;
        const viaSchema = envelope.success
          ? {
              ok: true,
              ids: Object.entries(envelope.output.c).flatMap(([id, t]) =>
                accepted(id, t) ? [id] : [],
              ),
            }
          : { ok: false };
        const decoded = decodeShard(raw);
        expect(decoded.ok).toBe(viaSchema.ok);
        if (decoded.ok && viaSchema.ok) expect([...decoded.value.keys()]).toEqual(viaSchema.ids);
      }),
      { numRuns: 3000 },
    );
    expect(yes).toBeGreaterThan(200);
  });

  it('accepts every shard the app writes', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), validTuple), (c) => {
        const clean = Object.fromEntries(
          Object.entries(c).filter(([k]) => !['__proto__', 'constructor', 'prototype'].includes(k)),
        );
        const decoded = decodeShard(JSON.stringify({ v: 1, c: clean }));
        expect(decoded.ok && [...decoded.value.keys()]).toEqual(Object.keys(clean));
      }),
    );
  });
});
