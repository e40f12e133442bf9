// Interviews in the progress store: actions, storage under their own key, two tabs, export and
// import (exact round trips, and a property over any records a file may hold).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listInterviews } from '../../src/store/interviewActions.ts';
import { decodeInterviews } from '../../src/store/interviewCodec.ts';
import {
  STORAGE_KEY,
  initialPersistedState,
  type InterviewRecord,
} from '../../src/store/persisted.ts';
import { buildExport, mergeImport, parseImport } from '../../src/store/transfer.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { DAY, T0, openStore } from './fixtures.ts';

const KEY = `${STORAGE_KEY}/interviews`;
const SCOPE = { decks: ['rnn'], tags: ['bptt'] };

describe('interview actions', () => {
  it('adds, changes and removes, keeping a removal so no merge brings it back', () => {
    const storage = new MemoryStorage();
    let now = T0;
    const { store } = openStore(storage, () => now);
    const id = store.getState().addInterview({ name: '  Acme  ', at: T0 + 3 * DAY, scope: SCOPE });
    expect(id).toBe(`iv-${T0.toString(36)}`);
    // Same instant: the next id is numbered.
    const id2 = store.getState().addInterview({ name: 'B', at: T0 + DAY, scope: SCOPE });
    expect(id2).toBe(`iv-${T0.toString(36)}-1`);
    expect(store.getState().interviews[id]).toEqual({
      rev: T0,
      value: { id, name: 'Acme', at: T0 + 3 * DAY, scope: SCOPE, createdAt: T0 },
    });
    expect(listInterviews(store.getState().interviews).map((i) => i.id)).toEqual([id2, id]);
    now = T0 + 1000;
    store.getState().updateInterview(id, { at: T0 + 4 * DAY, readinessAtPast: 0.5 });
    expect(store.getState().interviews[id]!.value).toMatchObject({
      at: T0 + 4 * DAY,
      readinessAtPast: 0.5,
      createdAt: T0,
    });
    now = T0 + 2000;
    store.getState().removeInterview(id);
    expect(store.getState().interviews[id]).toEqual({ rev: T0 + 2000, value: null });
    expect(listInterviews(store.getState().interviews).map((i) => i.id)).toEqual([id2]);
    // Stored under its own key, and read back exactly.
    const stored = decodeInterviews(storage.getItem(KEY)!);
    expect(stored).toEqual({ ok: true, value: store.getState().interviews });
    const reopened = openStore(storage, () => now).store;
    expect(reopened.getState().interviews).toEqual(store.getState().interviews);
  });

  it('merges two tabs per interview: the later change wins, a removal included', () => {
    const storage = new MemoryStorage();
    let now = T0;
    const a = openStore(storage, () => now).store;
    const b = openStore(storage, () => now).store;
    const x = a.getState().addInterview({ name: 'X', at: T0 + DAY, scope: SCOPE });
    now = T0 + 10;
    const y = b.getState().addInterview({ name: 'Y', at: T0 + 2 * DAY, scope: SCOPE });
    a.syncFromStorage();
    b.syncFromStorage();
    expect(Object.keys(a.getState().interviews).sort()).toEqual([x, y].sort());
    now = T0 + 20;
    a.getState().removeInterview(x);
    now = T0 + 15; // b's clock is behind: its older edit of x loses to a's removal
    b.getState().updateInterview(x, { name: 'X2' });
    b.syncFromStorage();
    expect(b.getState().interviews[x]!.value).toBeNull();
  });
});

const RECORDS: Record<string, InterviewRecord> = {
  'iv-a': {
    rev: T0,
    value: { id: 'iv-a', name: '面试 A', at: T0 + DAY, scope: SCOPE, createdAt: T0 - DAY },
  },
  'iv-b': {
    rev: T0 + 5,
    value: {
      id: 'iv-b',
      name: 'B',
      at: T0 - DAY,
      scope: { decks: [], tags: [] },
      createdAt: T0 - 9 * DAY,
      readinessAtPast: 0.625,
    },
  },
  'iv-c': { rev: T0 + 9, value: null },
};

describe('interviews in export and import', () => {
  it('round-trip exactly', () => {
    const state = { ...initialPersistedState(), interviews: RECORDS };
    const r = parseImport(JSON.stringify(buildExport(state, T0)));
    expect(r.ok && r.data.interviews).toEqual(RECORDS);
  });

  it('read as none from a file made before interviews', () => {
    const file = buildExport(initialPersistedState(), T0) as unknown as Record<string, unknown>;
    delete file.interviews;
    const r = parseImport(JSON.stringify(file));
    expect(r.ok && r.data.interviews).toEqual({});
  });

  it('merge into what is here per interview: newer wins, a removal here stays', () => {
    const here = {
      ...initialPersistedState(),
      interviews: { 'iv-a': { rev: T0 + 100, value: null } },
    };
    const incoming = { ...initialPersistedState(), interviews: RECORDS };
    const { state } = mergeImport(here, incoming, new Set());
    expect(state.interviews).toEqual({ ...RECORDS, 'iv-a': { rev: T0 + 100, value: null } });
  });

  it('refuse a damaged interview with its place named', () => {
    const file = { ...buildExport(initialPersistedState(), T0), interviews: RECORDS };
    const bad = JSON.parse(JSON.stringify(file)) as {
      interviews: Record<string, { rev: unknown }>;
    };
    bad.interviews['iv-a']!.rev = -1;
    const r = parseImport(JSON.stringify(bad));
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/^The file is damaged at interviews\.iv-a\.rev/),
    });
  });

  it('round-trip any valid records, and never throw on any value in their place', () => {
    // Ids the app makes; `__proto__`, `prototype` and `constructor` are refused (the test below).
    const id = fc
      .stringMatching(/^[A-Za-z0-9_-]{1,12}$/)
      .filter((k) => !['__proto__', 'prototype', 'constructor'].includes(k));
    const time = fc.integer({ min: 0, max: 4e12 });
    const interview = (key: string) =>
      fc.record(
        {
          id: fc.constant(key),
          name: fc.string({ maxLength: 40 }),
          at: time,
          scope: fc.record({
            decks: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
            tags: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
          }),
          createdAt: time,
          readinessAtPast: fc.double({ min: 0, max: 1, noNaN: true }),
        },
        { requiredKeys: ['id', 'name', 'at', 'scope', 'createdAt'] },
      );
    const records = fc
      .uniqueArray(id, { maxLength: 5 })
      .chain((ids) =>
        fc.tuple(
          ...ids.map((k) =>
            fc
              .record({ rev: time, value: fc.option(interview(k), { nil: null }) })
              .map((r) => [k, r] as const),
          ),
        ),
      )
      .map((entries) => Object.fromEntries(entries) as Record<string, InterviewRecord>);
    fc.assert(
      fc.property(records, (recs) => {
        const state = { ...initialPersistedState(), interviews: recs };
        const r = parseImport(JSON.stringify(buildExport(state, T0)));
        expect(r.ok && r.data.interviews).toEqual(recs);
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (junk) => {
        const file = { ...buildExport(initialPersistedState(), T0), interviews: junk };
        const r = parseImport(JSON.stringify(file));
        if (r.ok)
          for (const rec of Object.values(r.data.interviews))
            expect(rec.rev).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('refuse a file whose interview ids would reach an object’s prototype', () => {
    for (const key of ['__proto__', 'prototype', 'constructor']) {
      const file = {
        ...buildExport(initialPersistedState(), T0),
        interviews: JSON.parse(`{"${key}": {"rev": 1, "value": null}}`) as unknown,
      };
      const r = parseImport(JSON.stringify(file));
      expect(r.ok, key).toBe(false);
    }
  });
});
