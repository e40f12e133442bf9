import { describe, expect, it } from 'vitest';
import type { ReviewLogEntry } from '../../src/scheduler/progress.ts';
import {
  deriveLog,
  deriveRecord,
  knownChangedKeys,
  knownSamePrefix,
} from '../../src/store/derivation.ts';

const entry = (n: number) => ({ cardId: `c${n}`, reviewedAt: n }) as unknown as ReviewLogEntry;

describe('derivation hints from the store to its storage', () => {
  it('tell how a log was made, for that exact pair of logs only', () => {
    const a = [entry(1), entry(2)];
    const b = deriveLog([...a, entry(3)], a, 2);
    expect(knownSamePrefix(b, a)).toBe(2);
    expect(knownSamePrefix(b, [...a])).toBeNull(); // an equal but other array
    expect(knownSamePrefix(a, b)).toBeNull();
    expect(knownSamePrefix([...b], a)).toBeNull();
  });

  it('tell which keys of a record changed, for that exact pair of records only', () => {
    const a = { x: 1, y: 2 };
    const b = deriveRecord({ ...a, y: 3 }, a, ['y']);
    expect(knownChangedKeys(b, a)).toEqual(['y']);
    expect(knownChangedKeys(b, { ...a })).toBeNull();
    expect(knownChangedKeys(a, b)).toBeNull();
  });
});
