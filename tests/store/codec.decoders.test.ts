// The codec's decoders: wrong shapes are refused with a reason, and nothing throws.
import { describe, expect, it } from 'vitest';
import {
  MAX_TIME,
  WEEK_MS,
  decodeChunk,
  decodeMeta,
  decodeSeen,
  decodeShard,
  decodeV1,
} from '../../src/store/codec.ts';
import type { Decoded } from '../../src/store/decoding.ts';
import { BASE, P, outcome } from './codecFixtures.ts';
import { T0 } from './fixtures.ts';

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
  const anyShape =
    ': a card is [revision] or [revision, due, stability, difficulty, interval, step, reps, lapses, state, last review], each a number in range (last review may be null)';
  it.each([
    ['progress cut short', shard([T0, P.due]), anyShape],
    [
      'a state index out of range',
      shard(progressTuple.with(8, 4)),
      '.8: Invalid value: Expected <=3 but received 4',
    ],
    [
      'negative stability',
      shard(progressTuple.with(2, -3)),
      '.2: Invalid value: Expected >=0 but received -3',
    ],
    [
      'a fractional rep count',
      shard(progressTuple.with(6, 1.5)),
      '.6: Invalid integer: Received 1.5',
    ],
    ['a deletion with extra items', shard([T0, 'x']), anyShape],
    ['an empty tuple', shard([]), anyShape],
  ])('shard with %s is refused, not read as a deletion, saying why', (_name, raw, why) => {
    const r = outcome(decodeShard(raw));
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toBe(`unexpected shape at c.rnn/a${why}`);
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
