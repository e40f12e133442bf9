// Shared fixtures for the property tests of untrusted input (storage and imported files): three
// weeks of study as stored, its loaded state, a validity check, and ways to damage JSON.
import * as v from 'valibot';
import { expect } from 'vitest';
import {
  CardProgressSchema,
  LogEntrySchema,
  SettingsSchema,
  WEEK_MS,
} from '../../src/store/codec.ts';
import { logKey, type PersistedState } from '../../src/store/persisted.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { DAY, MIN, T0, cardIds, openStore } from './fixtures.ts';

export const RUNS = Number(process.env.STORE_RUNS ?? 200);
export const IDS = cardIds(12);

/** Three weeks of study with an undo, a deleted card, changed settings and noted positions. */
function studiedStorage(): Map<string, string> {
  const storage = new MemoryStorage();
  let clock = T0 - 21 * DAY;
  const tab = openStore(storage, () => clock);
  for (let day = 0; day < 21; day += 2) {
    for (let i = 0; i < 6; i++) {
      clock = T0 - (21 - day) * DAY + i * 3 * MIN;
      const id = IDS[(day + i) % IDS.length]!;
      tab.state().rate(id, i % 4 === 0 ? 'again' : 'good', clock);
    }
  }
  tab.state().undo(); // a review taken back: recorded as removed in its chunk
  clock = T0 - DAY;
  tab.state().rate('rnn/deleted', 'good', clock);
  tab.state().undo(); // a first review taken back: a deletion marker in its shard
  tab.state().setSettings({ newCardsPerDay: 17 });
  tab.state().noteDeck(IDS.map((id, index) => ({ id, file: 'rnn.md', index, text: `Q ${id}` })));
  const out = new Map<string, string>();
  for (const key of storage.keys()) out.set(key, storage.getItem(key)!);
  return out;
}

export const SNAPSHOT = studiedStorage();
export const KEYS = [...SNAPSHOT.keys()];
export const BASELINE = (() => {
  const storage = new MemoryStorage();
  for (const [k, val] of SNAPSHOT) storage.setItem(k, val);
  return openStore(storage).store.persistedState();
})();

export function fill(storage: MemoryStorage) {
  for (const [k, val] of SNAPSHOT) storage.setItem(k, val);
}

/** A valid state: every record passes the schemas, the log is in time order, keys are unique. */
export function expectValid(s: PersistedState) {
  for (const p of Object.values(s.progress)) expect(v.is(CardProgressSchema, p)).toBe(true);
  for (const id of Object.keys(s.progress)) expect(s.revs[id]).toBeTypeOf('number');
  expect(v.is(SettingsSchema, s.settings)).toBe(true);
  const keys = new Set<string>();
  let previous = -Infinity;
  for (const e of s.log) {
    expect(v.is(LogEntrySchema, e)).toBe(true);
    expect(e.reviewedAt).toBeGreaterThanOrEqual(previous);
    previous = e.reviewedAt;
    keys.add(logKey(e));
  }
  expect(keys.size).toBe(s.log.length);
  expect(Object.getPrototypeOf(s.progress)).toBe(Object.prototype);
}

/** Paths (as indices, see replaceAt) to every number in `json`. */
function numberPaths(json: unknown, here: number[] = []): number[][] {
  if (typeof json === 'number') return [here];
  if (typeof json !== 'object' || json === null) return [];
  const children = Array.isArray(json) ? json : Object.values(json);
  return children.flatMap((child, i) => numberPaths(child, [...here, i]));
}

/** `original` (JSON text) with one of its numbers, picked by `pick`, replaced by `value`. */
export function withNumber(original: string, pick: number, value: number): string {
  const json: unknown = JSON.parse(original);
  const paths = numberPaths(json);
  if (paths.length === 0) return original;
  return JSON.stringify(replaceAt(json, paths[pick % paths.length]!, value));
}

/** Arbitrary JSON with a path in it replaced by arbitrary JSON. */
export function replaceAt(json: unknown, path: number[], value: unknown): unknown {
  if (path.length === 0 || typeof json !== 'object' || json === null) return value;
  const [step, ...rest] = path as [number, ...number[]];
  if (Array.isArray(json)) {
    if (json.length === 0) return value;
    const i = step % json.length;
    return json.map((x, k) => (k === i ? replaceAt(x, rest, value) : x));
  }
  const keys = Object.keys(json);
  if (keys.length === 0) return value;
  const key = keys[step % keys.length]!;
  return { ...json, [key]: replaceAt((json as Record<string, unknown>)[key], rest, value) };
}

export const EXTREMES = [
  1e300,
  -1e300,
  8.64e15,
  1e16,
  2 ** 53,
  1e15,
  -1,
  -WEEK_MS,
  0,
  0.5,
  1e6,
  99,
];
