// The codec's progress shards, property-tested: what loads is exactly what the schema accepts.
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import fc from 'fast-check';
import { ShardSchema, decodeShard } from '../../src/store/codec.ts';

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
