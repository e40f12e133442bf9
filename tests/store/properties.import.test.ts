// Property tests for untrusted imports: whatever file is imported is refused or merges validly.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CardProgressSchema, LogEntrySchema } from '../../src/store/codec.ts';
import { readMockHistory } from '../../src/store/mockSessions.ts';
import { logKey } from '../../src/store/persisted.ts';
import { buildExport, mergeImport, parseImport } from '../../src/store/transfer.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { MIN, T0, openStore } from './fixtures.ts';
import {
  BASELINE,
  EXTREMES,
  IDS,
  RUNS,
  expectValid,
  fill,
  replaceAt,
  withNumber,
} from './propertiesFixtures.ts';

describe('importing whatever file', () => {
  const exported = JSON.stringify(buildExport(BASELINE, T0));

  const file = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.jsonValue().map((j) => JSON.stringify(j)),
    fc.nat({ max: exported.length - 1 }).map((n) => exported.slice(0, n)),
    fc
      .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.jsonValue())
      .map(([path, value]) => JSON.stringify(replaceAt(JSON.parse(exported), path, value))),
    fc
      .tuple(fc.nat(), fc.constantFrom(...EXTREMES))
      .map(([pick, value]) => withNumber(exported, pick, value)),
    fc.jsonValue().map((j) => JSON.stringify({ ...JSON.parse(exported), progress: j })),
    fc.jsonValue().map((j) => JSON.stringify({ ...JSON.parse(exported), log: [j] })),
    fc.jsonValue().map((j) => JSON.stringify({ ...JSON.parse(exported), mocks: j })),
    fc
      .array(fc.jsonValue(), { maxLength: 3 })
      .map((j) => JSON.stringify({ ...JSON.parse(exported), mocks: j })),
  );

  it('never throws; refuses with a message, or gives data that merges into a valid state', () => {
    const storage = new MemoryStorage();
    fill(storage);
    const tab = openStore(storage);
    const before = structuredClone(tab.store.persistedState());
    const known = new Set(IDS);
    fc.assert(
      fc.property(file, (text) => {
        let r!: ReturnType<typeof parseImport>;
        expect(() => (r = parseImport(text))).not.toThrow();
        if (!r.ok) {
          expect(r.error).toMatch(/^The file .+\.$/s);
          expect(tab.store.persistedState()).toEqual(before);
          return;
        }
        for (const p of Object.values(r.data.progress)) {
          expect(v.is(CardProgressSchema, p)).toBe(true);
        }
        for (const e of r.data.log) expect(v.is(LogEntrySchema, e)).toBe(true);
        // Mock interviews: only finished ones the mock store itself would read.
        expect(readMockHistory(r.data.mocks)).toEqual(r.data.mocks);
        expect(r.data.mocks.every((m) => m.finishedAt !== null)).toBe(true);
        // Merging loses nothing we have; applied in another browser, every card it changed
        // can be graded, and the result is valid and saved.
        const { state, changedIds } = mergeImport(before, r.data, known);
        expectValid(state);
        const have = new Set(state.log.map(logKey));
        for (const e of before.log) expect(have.has(logKey(e))).toBe(true);
        for (const [id, p] of Object.entries(before.progress)) {
          expect(state.progress[id]!.reps).toBeGreaterThanOrEqual(p.reps);
        }
        const other = new MemoryStorage();
        fill(other);
        const elsewhere = openStore(other);
        elsewhere.state().applyMerged(state, changedIds);
        let t = T0;
        for (const id of changedIds) elsewhere.state().rate(id, 'hard', (t += MIN));
        expectValid(elsewhere.state());
        expectValid(openStore(other).state());
      }),
      { numRuns: RUNS },
    );
    expect(tab.store.persistedState()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);

  it('refuses anything that is not an export, whatever its shape', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((j) => JSON.stringify(j)),
          fc.jsonValue().map((j) => JSON.stringify({ format: 'rnn-flashcards-export', x: j })),
        ),
        (text) => {
          const r = parseImport(text);
          expect(r.ok).toBe(false);
          expect(r.ok ? '' : r.error.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
