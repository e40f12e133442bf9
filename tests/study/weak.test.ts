import { describe, expect, it } from 'vitest';
import { drillSet, rankWeak, seededRandom, shuffle } from '../../src/study/weak.ts';
import type { StudyLogEntry } from '../../src/study/types.ts';
import { DAY, NOW, entry, progress } from './helpers.ts';

const OPTIONS = { now: NOW, rolloverHour: 4 };

// A: 4 lapses (leech at the default 4), D 8, reviewed 10 days ago with S 10 (R = 0.9 exactly).
// B: 1 lapse, D 4, S 1 reviewed 10 days ago: R = (1 + 0.98034649·10/1)^−0.1542 = 0.69282664.
// C: no lapses, D 5, reviewed today: R = 1.
// D: never reviewed. E: suspended leech.
const PROGRESS = {
  A: progress({ lapses: 4, difficulty: 8, stability: 10, lastReview: NOW - 10 * DAY }),
  B: progress({ lapses: 1, difficulty: 4, stability: 1, lastReview: NOW - 10 * DAY }),
  C: progress({ lapses: 0, difficulty: 5, stability: 10, lastReview: NOW - 1000 }),
  D: progress({ state: 'new', lastReview: null, reps: 0 }),
  E: progress({ lapses: 5, difficulty: 5, stability: 10, lastReview: NOW - 10 * DAY }),
};
const t = (d: number): number => NOW - d * DAY;
const LOG: StudyLogEntry[] = [
  entry('A', 'good', t(60)),
  entry('A', 'again', t(50)), // the last five start here: again, again, hard, good, again
  entry('B', 'again', t(45), { kind: 'practice' }), // practice: not counted
  entry('A', 'again', t(40)),
  entry('B', 'good', t(35)),
  entry('A', 'hard', t(30)),
  entry('A', 'good', t(20)),
  entry('B', 'good', t(15)),
  entry('A', 'again', t(10)),
];
const FLAGS = { B: { starred: true }, E: { suspended: true }, F: { starred: true } };

describe('rankWeak', () => {
  const ranking = rankWeak(PROGRESS, LOG, FLAGS, OPTIONS);

  it('ranks every reviewed card by score with its reasons', () => {
    // A: lapses 2·4 = 8; misses 2·3 + 1 = 7; difficulty 8 − 5 = 3; recall 0.9 → 0. Total 18.
    // E: lapses 2·5 = 10; leech. B: lapses 2; recall 10·(0.9 − 0.69282664) = 2.07; starred 3.
    expect(ranking.map((c) => [c.cardId, c.score])).toEqual([
      ['A', 18],
      ['E', 10],
      ['B', 7.07],
      ['C', 0],
    ]);
    expect(ranking[0]!.reasons).toEqual([
      { kind: 'lapses', count: 4, points: 8 },
      { kind: 'recentMisses', again: 3, hard: 1, of: 5, points: 7 },
      { kind: 'difficulty', value: 8, points: 3 },
      { kind: 'leech', lapses: 4, threshold: 4, points: 0 },
    ]);
    expect(ranking[2]!.reasons).toEqual([
      { kind: 'lapses', count: 1, points: 2 },
      { kind: 'recall', value: 0.69282664, points: 2.07 },
      { kind: 'starred', points: 3 },
    ]);
    expect(ranking[3]!.reasons).toEqual([]);
    expect(ranking.map((c) => [c.leech, c.starred, c.suspended])).toEqual([
      [true, false, false],
      [true, false, true],
      [false, true, false],
      [false, false, false],
    ]);
  });

  it('takes the leech threshold as a parameter', () => {
    const strict = rankWeak(PROGRESS, LOG, FLAGS, { ...OPTIONS, leechThreshold: 5 });
    expect(strict.filter((c) => c.leech).map((c) => c.cardId)).toEqual(['E']);
    const loose = rankWeak(PROGRESS, LOG, FLAGS, { ...OPTIONS, leechThreshold: 1 });
    expect(loose.filter((c) => c.leech).map((c) => c.cardId)).toEqual(['A', 'E', 'B']);
  });

  it('is empty when nothing has been reviewed', () => {
    expect(rankWeak({}, [], {}, OPTIONS)).toEqual([]);
    expect(rankWeak({ D: PROGRESS.D }, [], {}, OPTIONS)).toEqual([]);
  });

  it('breaks ties by lapses, then id', () => {
    const same = { y: progress({ lastReview: NOW }), x: progress({ lastReview: NOW }) };
    expect(rankWeak(same, [], {}, OPTIONS).map((c) => c.cardId)).toEqual(['x', 'y']);
  });
});

describe('drillSet', () => {
  const ranking = rankWeak(PROGRESS, LOG, FLAGS, OPTIONS);

  it('leeches, starred and the top of the ranking; no suspended; each once; shuffled', () => {
    const set = drillSet(ranking, FLAGS, seededRandom(1));
    // A (leech, top), B (starred, top), F (starred, never reviewed); not E (suspended), not C
    // (score 0), not D.
    expect([...set].sort()).toEqual(['A', 'B', 'F']);
    expect(drillSet(ranking, FLAGS, seededRandom(1))).toEqual(set);
  });

  it('takes only `top` from the ranking beyond leeches and starred cards', () => {
    const many = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [
        `k${String(i).padStart(2, '0')}`,
        progress({ lapses: 1 + (i % 3), lastReview: NOW }),
      ]),
    );
    const r = rankWeak(many, [], {}, OPTIONS);
    const set = drillSet(r, {}, seededRandom(7));
    expect(set).toHaveLength(20);
    expect(new Set(set)).toEqual(new Set(r.slice(0, 20).map((c) => c.cardId)));
    expect(drillSet(r, {}, seededRandom(7), 5)).toHaveLength(5);
  });
});

describe('shuffle', () => {
  it('with random() always 0 it rotates as Fisher–Yates says', () => {
    // i=3: swap 3↔0 → d b c a; i=2: swap 2↔0 → c b d a; i=1: swap 1↔0 → b c d a.
    expect(shuffle(['a', 'b', 'c', 'd'], () => 0)).toEqual(['b', 'c', 'd', 'a']);
  });
  it('keeps every item', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect([...shuffle([...items], seededRandom(3))].sort((a, b) => a - b)).toEqual(items);
  });
});
