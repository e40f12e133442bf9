// The stored interviews are read record by record: one bad interview (a date storage cannot
// hold, damage) is set aside and backed up, never the good ones beside it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TIME } from '../../src/store/decoding.ts';
import { decodeInterviews, encodeInterviews } from '../../src/store/interviewCodec.ts';
import { STORAGE_KEY, type InterviewRecord } from '../../src/store/persisted.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { DAY, MIN, T0, openStore } from './fixtures.ts';

const KEY = `${STORAGE_KEY}/interviews`;
const SCOPE = { decks: [], tags: [] };
const good: InterviewRecord = {
  rev: T0,
  value: { id: 'iv-good', name: 'Acme', at: T0 + DAY, scope: SCOPE, createdAt: T0 },
};
/** 1960-01-01 09:00 UTC: before any time storage holds. */
const before1970 = { ...good.value!, id: 'iv-old', at: Date.UTC(1960, 0, 1, 9) };

describe('decodeInterviews', () => {
  it('keeps the good records beside a bad one and returns the bad one for a backup', () => {
    const raw = JSON.stringify({
      v: 1,
      i: {
        'iv-good': good,
        'iv-old': { rev: T0, value: before1970 },
        'iv-far': { rev: T0, value: { ...good.value, id: 'iv-far', at: MAX_TIME + 1 } },
        'iv-gone': { rev: T0 + 1, value: null },
      },
    });
    expect(decodeInterviews(raw)).toEqual({
      ok: true,
      value: { 'iv-good': good, 'iv-gone': { rev: T0 + 1, value: null } },
      damaged: {
        bad: 2,
        total: 4,
        raw: JSON.stringify({
          v: 1,
          i: {
            'iv-old': { rev: T0, value: before1970 },
            'iv-far': { rev: T0, value: { ...good.value, id: 'iv-far', at: MAX_TIME + 1 } },
          },
        }),
        reason:
          'unexpected shape at i.iv-old.value.at: Invalid value: Expected >=0 but received -315586800000',
      },
    });
  });

  it('sets aside a record filed under another id or a prototype name, keeping it in the backup', () => {
    const raw = `{"v":1,"i":{"iv-good":${JSON.stringify(good)},"iv-x":${JSON.stringify(good)},"__proto__":{"rev":1,"value":null}}}`;
    const r = decodeInterviews(raw);
    expect(r.ok && r.value).toEqual({ 'iv-good': good });
    expect(r.ok && r.damaged && r.damaged.bad).toBe(2);
    expect(r.ok && r.damaged && Object.keys(JSON.parse(r.damaged.raw).i as object)).toEqual([
      'iv-x',
      '__proto__',
    ]);
    expect(r.ok && r.damaged && r.damaged.reason).toBe(
      'unexpected shape at i.iv-x: an interview is filed under another id',
    );
  });

  it('refuses the whole key only when its envelope is not one', () => {
    expect(decodeInterviews('{"v":1,"i":[]}').ok).toBe(false);
    expect(decodeInterviews('{"v":2,"i":{}}').ok).toBe(false);
    expect(decodeInterviews('nope').ok).toBe(false);
  });

  it('over any stored records: never throws, keeps every good one exactly, sets aside the rest', () => {
    const time = fc.integer({ min: 0, max: MAX_TIME });
    const valid = (id: string) =>
      fc.record({
        rev: time,
        value: fc.option(
          fc.record({
            id: fc.constant(id),
            name: fc.string({ maxLength: 20 }),
            at: time,
            scope: fc.record({ decks: fc.constant([]), tags: fc.constant([]) }),
            createdAt: time,
          }),
          { nil: null },
        ),
      });
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);
    const entry = id.chain((k) =>
      fc.oneof(
        valid(k).map((r) => ({ k, r: r as unknown, ok: true as boolean | null })),
        // Anything at all (whether it reads is not asserted, only that nothing is lost).
        fc.jsonValue().map((r) => ({ k, r: r as unknown, ok: null })),
        // A date outside what storage holds, either side.
        valid(k).chain((r) =>
          fc
            .oneof(
              fc.integer({ min: -(2 ** 31), max: -1 }),
              fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((n) => MAX_TIME + n),
            )
            .map((at) => ({
              k,
              r: { rev: r.rev, value: { ...good.value, id: k, at } } as unknown,
              ok: false,
            })),
        ),
      ),
    );
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.k, maxLength: 6 }), (entries) => {
        const stored = Object.fromEntries(entries.map((e) => [e.k, e.r]));
        const r = decodeInterviews(JSON.stringify({ v: 1, i: stored }));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        for (const e of entries.filter((x) => x.ok === true)) expect(r.value[e.k]).toEqual(e.r);
        for (const e of entries.filter((x) => x.ok === false))
          expect(Object.hasOwn(r.value, e.k)).toBe(false);
        const kept = Object.keys(r.value);
        const aside = r.damaged ? Object.keys(JSON.parse(r.damaged.raw).i as object) : [];
        expect([...kept, ...aside].sort()).toEqual(entries.map((e) => e.k).sort());
        // What is kept writes and reads back as it is.
        expect(decodeInterviews(encodeInterviews(r.value))).toEqual({ ok: true, value: r.value });
      }),
    );
  });
});

describe('a bad stored interview in the store', () => {
  it('costs only itself: the others load, it is backed up and reported, the key rewritten', () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({
      v: 1,
      i: { 'iv-good': good, 'iv-old': { rev: T0, value: before1970 } },
    });
    storage.setItem(KEY, raw);
    const tab = openStore(storage, () => T0 + MIN);
    expect(tab.state().interviews).toEqual({ 'iv-good': good });
    const problem = tab.problems.at(-1)!.find((p) => p.kind === 'unreadable')!;
    expect(problem).toMatchObject({ kind: 'unreadable', key: KEY, bad: 1 });
    const backup = problem.kind === 'unreadable' ? problem.backupKey! : '';
    expect(JSON.parse(storage.getItem(backup)!)).toEqual({
      v: 1,
      i: { 'iv-old': { rev: T0, value: before1970 } },
    });
    // The next save writes the key without it; the interviews stay.
    tab.state().addInterview({ name: 'Next', at: T0 + 2 * DAY, scope: SCOPE });
    const again = openStore(storage, () => T0 + 2 * MIN);
    expect(Object.keys(again.state().interviews).sort()).toEqual(
      ['iv-good', `iv-${(T0 + MIN).toString(36)}`].sort(),
    );
    expect(again.problems.at(-1)).toEqual([]);
  });
});
