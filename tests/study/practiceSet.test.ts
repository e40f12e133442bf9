import { describe, expect, it } from 'vitest';
import {
  gradeCountsAsReview,
  isDueNow,
  practiceParams,
  practiceSessionFrom,
  practiceSessionParams,
  practiceSet,
  practiceSpecFrom,
  type PracticeCardMeta,
  type PracticeSetOptions,
  type PracticeSpec,
} from '../../src/study/practiceSet.ts';
import type { StudyLogEntry } from '../../src/study/types.ts';
import { seededRandom } from '../../src/study/weak.ts';
import { DAY, HOUR, NOW, entry, progress } from './helpers.ts';

// Content: deck "rnn" (tag "seq") holds a, b, c; deck "cnn" holds d, e. Card c has its own tag
// "gates". e is suspended, b and e and the orphan "gone" are starred.
const IDS = ['a', 'b', 'c', 'd', 'e'];
const META: Record<string, PracticeCardMeta> = {
  a: { deck: 'rnn', tags: ['seq'] },
  b: { deck: 'rnn', tags: ['seq'] },
  c: { deck: 'rnn', tags: ['seq', 'gates'] },
  d: { deck: 'cnn', tags: [] },
  e: { deck: 'cnn', tags: ['gates'] },
};
const PROGRESS = {
  a: progress({ lapses: 4, lastReview: NOW - 10 * DAY }), // a leech
  d: progress({ lapses: 0, difficulty: 5, lastReview: NOW - 1000 }), // score 0
  e: progress({ lapses: 6 }), // a suspended leech
  gone: progress({ lapses: 9 }), // not in the content
};
const FLAGS = {
  b: { starred: true },
  e: { starred: true, suspended: true },
  gone: { starred: true },
};
const LOG: StudyLogEntry[] = [entry('a', 'again', NOW - 10 * DAY)];
const OPTIONS = { now: NOW, rolloverHour: 4, random: seededRandom(7) };

const run = (spec: PracticeSpec, options: PracticeSetOptions = OPTIONS) =>
  practiceSet(spec, IDS, (id) => META[id], PROGRESS, FLAGS, LOG, options);
const sorted = (ids: string[]) => [...ids].sort();

describe('practiceSet', () => {
  it('weak: leeches, starred cards and the ranking top with a score, never suspended or gone', () => {
    expect(sorted(run({ kind: 'weak' }))).toEqual(['a', 'b']);
  });

  it('starred, a deck and a tag (the deck’s or the card’s own), never a suspended card', () => {
    expect(run({ kind: 'starred' })).toEqual(['b']);
    expect(sorted(run({ kind: 'deck', slug: 'rnn' }))).toEqual(['a', 'b', 'c']);
    expect(sorted(run({ kind: 'deck', slug: 'cnn' }))).toEqual(['d']);
    expect(sorted(run({ kind: 'tag', tag: 'gates' }))).toEqual(['c']);
    expect(sorted(run({ kind: 'tag', tag: 'seq' }))).toEqual(['a', 'b', 'c']);
    expect(run({ kind: 'deck', slug: 'nowhere' })).toEqual([]);
  });

  it('N at random: N distinct unsuspended cards, all of them when N is larger', () => {
    const two = run({ kind: 'random', count: 2 });
    expect(two).toHaveLength(2);
    expect(new Set(two).size).toBe(2);
    for (const id of two) expect(['a', 'b', 'c', 'd']).toContain(id);
    expect(sorted(run({ kind: 'random', count: 50 }))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shuffles with the random it is given: the same seed, the same order', () => {
    const first = run({ kind: 'deck', slug: 'rnn' }, { ...OPTIONS, random: seededRandom(3) });
    const again = run({ kind: 'deck', slug: 'rnn' }, { ...OPTIONS, random: seededRandom(3) });
    expect(again).toEqual(first);
    // Fisher–Yates with random() always 0 moves each last item to the front in turn.
    expect(run({ kind: 'deck', slug: 'rnn' }, { ...OPTIONS, random: () => 0 })).toEqual([
      'b',
      'c',
      'a',
    ]);
  });
});

describe('an interview’s cards', () => {
  const scopes = {
    all: { decks: [], tags: [] },
    rnn: { decks: ['rnn'], tags: [] },
    gates: { decks: [], tags: ['gates'] },
    rnnGates: { decks: ['rnn'], tags: ['gates'] },
    nothing: { decks: ['cnn'], tags: ['seq'] },
  };
  const cram = (id: string) =>
    sorted(run({ kind: 'interview', id }, { ...OPTIONS, interviewScopes: scopes }));

  it('covers its decks (none: all) narrowed to its tags (none: any), never a suspended card', () => {
    expect(cram('all')).toEqual(['a', 'b', 'c', 'd']);
    expect(cram('rnn')).toEqual(['a', 'b', 'c']);
    expect(cram('gates')).toEqual(['c']); // e has the tag but is suspended
    expect(cram('rnnGates')).toEqual(['c']);
    expect(cram('nothing')).toEqual([]);
  });

  it('is empty for an interview that is not (or no longer) there', () => {
    expect(cram('removed')).toEqual([]);
    expect(run({ kind: 'interview', id: 'all' })).toEqual([]); // no scopes given
  });
});

describe('addresses', () => {
  it('read every kind of set and its inverse', () => {
    const specs: PracticeSpec[] = [
      { kind: 'weak' },
      { kind: 'starred' },
      { kind: 'deck', slug: 'rnn' },
      { kind: 'tag', tag: '梯度' },
      { kind: 'random', count: 12 },
      { kind: 'interview', id: 'i-1 面试' },
    ];
    for (const spec of specs) expect(practiceSpecFrom(practiceParams(spec))).toEqual(spec);
  });

  it('refuse what is not a set', () => {
    for (const bad of [
      [],
      ['deck'],
      ['tag', ''],
      ['random', '0'],
      ['random', '501'],
      ['random', 'x'],
      ['weak', 'x'],
      ['interview'],
      ['interview', ''],
      ['other'],
    ]) {
      expect(practiceSpecFrom(bad), bad.join('/')).toBeNull();
    }
  });

  it('make weak a drill, and everything else (or cram/…) a cram', () => {
    expect(practiceSessionFrom(['weak'])).toEqual({ mode: 'drill', spec: { kind: 'weak' } });
    expect(practiceSessionFrom(['cram', 'weak'])).toEqual({ mode: 'cram', spec: { kind: 'weak' } });
    expect(practiceSessionFrom(['deck', 'rnn'])).toEqual({
      mode: 'cram',
      spec: { kind: 'deck', slug: 'rnn' },
    });
    expect(practiceSessionFrom(['cram'])).toBeNull();
    expect(practiceSessionParams({ mode: 'cram', spec: { kind: 'weak' } })).toEqual([
      'cram',
      'weak',
    ]);
    expect(practiceSessionParams({ mode: 'drill', spec: { kind: 'weak' } })).toEqual(['weak']);
    expect(practiceSessionParams({ mode: 'cram', spec: { kind: 'starred' } })).toEqual(['starred']);
  });
});

describe('how a grade counts', () => {
  // NOW is 09:00 local; the study day ends at 04:00 tomorrow, 19 hours on.
  it('is due: a review card before the next rollover, a learning card by now, never a new one', () => {
    expect(isDueNow(progress({ state: 'review', due: NOW + 18 * HOUR }), NOW, 4)).toBe(true);
    expect(isDueNow(progress({ state: 'review', due: NOW + 19 * HOUR }), NOW, 4)).toBe(false);
    expect(isDueNow(progress({ state: 'learning', due: NOW }), NOW, 4)).toBe(true);
    expect(isDueNow(progress({ state: 'relearning', due: NOW + 1 }), NOW, 4)).toBe(false);
    expect(isDueNow(progress({ state: 'new', due: NOW - DAY }), NOW, 4)).toBe(false);
    expect(isDueNow(undefined, NOW, 4)).toBe(false);
  });

  it('drill: a review when due, else practice; cram: as the toggle says', () => {
    const due = progress({ due: NOW - DAY });
    const later = progress({ due: NOW + 5 * DAY });
    expect(gradeCountsAsReview('drill', false, due, NOW, 4)).toBe(true);
    expect(gradeCountsAsReview('drill', true, later, NOW, 4)).toBe(false);
    expect(gradeCountsAsReview('cram', false, due, NOW, 4)).toBe(false);
    expect(gradeCountsAsReview('cram', true, later, NOW, 4)).toBe(true);
  });
});
