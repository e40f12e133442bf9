import { describe, expect, it } from 'vitest';
import {
  browseCards,
  normaliseForSearch,
  searchEntries,
  tagsOf,
  type BrowseContext,
  type BrowseQuery,
  type SearchableCard,
} from '../../src/study/browse.ts';
import { DAY, HOUR, NOW, progress } from './helpers.ts';

const cards: Record<string, SearchableCard & { deck: string }> = {
  a: {
    id: 'a',
    deck: 'd1',
    questionText: 'What is LSTM?',
    answerText: 'Long short-term memory 门控',
    tags: ['rnn'],
  },
  b: {
    id: 'b',
    deck: 'd1',
    questionText: '梯度消失是什么？',
    answerText: 'Gradients vanish',
    tags: ['rnn', 'gradient'],
  },
  c: {
    id: 'c',
    deck: 'd2',
    questionText: 'Ｆｕｌｌ width ＧＲＵ',
    answerText: '梯 度 spaced apart',
    tags: [],
  },
  d: {
    id: 'd',
    deck: 'd2',
    questionText: 'Attention',
    answerText: 'Weights over positions',
    tags: ['attention'],
  },
  e: { id: 'e', deck: 'd2', questionText: 'A suspended card', answerText: 'Relearning', tags: [] },
};
const ids = ['a', 'b', 'c', 'd', 'e'];
const entries = searchEntries(
  ids,
  (id) => cards[id]!.deck,
  (id) => cards[id],
);

const ctx: BrowseContext = {
  progress: {
    a: progress({
      due: NOW + 5 * DAY,
      difficulty: 3,
      lapses: 1,
      stability: 10,
      lastReview: NOW - DAY,
    }),
    b: progress({
      due: NOW + DAY,
      difficulty: 8,
      lapses: 5,
      stability: 2,
      lastReview: NOW - 2 * DAY,
    }),
    c: progress({
      state: 'learning',
      due: NOW - HOUR,
      difficulty: 5,
      lapses: 0,
      stability: 1,
      lastReview: NOW - 2 * HOUR,
    }),
    e: progress({
      state: 'relearning',
      due: NOW - 2 * HOUR,
      difficulty: 9,
      lapses: 4,
      stability: 0.5,
      lastReview: NOW - 3 * DAY,
    }),
  },
  flags: { d: { starred: true }, e: { suspended: true } },
  now: NOW,
  rolloverHour: 4,
};

const query = (q: Partial<BrowseQuery>): BrowseQuery => ({
  text: '',
  deck: null,
  tag: null,
  state: null,
  sort: 'deck',
  ...q,
});
const run = (q: Partial<BrowseQuery>) => browseCards(entries, query(q), ctx);

describe('normaliseForSearch', () => {
  it('folds full-width letters and case', () => {
    expect(normaliseForSearch('ｌｓｔｍ')).toBe('lstm');
    expect(normaliseForSearch('ＬＳＴＭ Gate')).toBe('lstm gate');
    expect(normaliseForSearch('梯度')).toBe('梯度');
  });
});

describe('browseCards: search', () => {
  it('lists every card in content order with no query', () => {
    expect(run({})).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('finds exactly the cards containing a Chinese word, with no tokenizer', () => {
    expect(run({ text: '梯度' })).toEqual(['b']);
    expect(run({ text: '门控' })).toEqual(['a']);
    expect(run({ text: '梯 度' })).toEqual(['c']);
  });

  it('is case- and width-insensitive both ways', () => {
    expect(run({ text: 'ｌｓｔｍ' })).toEqual(['a']);
    expect(run({ text: 'lstm' })).toEqual(['a']);
    expect(run({ text: 'gru' })).toEqual(['c']);
    expect(run({ text: 'GRADIENTS' })).toEqual(['b']);
  });

  it('trims the query and never matches across question and answer', () => {
    expect(run({ text: '  attention ' })).toEqual(['d']);
    expect(run({ text: 'lstm?long' })).toEqual([]);
    expect(run({ text: 'lstm? long' })).toEqual([]);
  });

  it('gives a card without its body yet no text or tags', () => {
    const partial = searchEntries(
      ids,
      (id) => cards[id]!.deck,
      (id) => (id === 'a' ? undefined : cards[id]),
    );
    expect(partial[0]).toEqual({ id: 'a', deck: 'd1', tags: [], text: '', order: 0 });
    expect(browseCards(partial, query({ text: 'lstm' }), ctx)).toEqual([]);
    expect(browseCards(partial, query({ deck: 'd1' }), ctx)).toEqual(['a', 'b']);
  });
});

describe('browseCards: filters', () => {
  it('filters by deck and by tag', () => {
    expect(run({ deck: 'd2' })).toEqual(['c', 'd', 'e']);
    expect(run({ tag: 'gradient' })).toEqual(['b']);
    expect(run({ tag: 'rnn', text: '梯度' })).toEqual(['b']);
    expect(run({ tag: 'rnn', deck: 'd2' })).toEqual([]);
  });

  it('filters by state: new, learning (with relearning), review, leech, starred, suspended', () => {
    expect(run({ state: 'new' })).toEqual(['d']);
    expect(run({ state: 'learning' })).toEqual(['c', 'e']);
    expect(run({ state: 'review' })).toEqual(['a', 'b']);
    expect(run({ state: 'leech' })).toEqual(['b', 'e']);
    expect(run({ state: 'starred' })).toEqual(['d']);
    expect(run({ state: 'suspended' })).toEqual(['e']);
  });

  it('takes the leech threshold from the context', () => {
    expect(browseCards(entries, query({ state: 'leech' }), { ...ctx, leechLapses: 5 })).toEqual([
      'b',
    ]);
    expect(browseCards(entries, query({ state: 'leech' }), { ...ctx, leechLapses: 1 })).toEqual([
      'a',
      'b',
      'e',
    ]);
  });

  it('lists the tags, sorted', () => {
    expect(tagsOf(entries)).toEqual(['attention', 'gradient', 'rnn']);
  });
});

describe('browseCards: sorts (new cards last)', () => {
  it('by due date, earliest first', () => {
    expect(run({ sort: 'due' })).toEqual(['e', 'c', 'b', 'a', 'd']);
  });
  it('by difficulty, hardest first', () => {
    expect(run({ sort: 'difficulty' })).toEqual(['e', 'b', 'c', 'a', 'd']);
  });
  it('by lapses, most first, ties in content order', () => {
    expect(run({ sort: 'lapses' })).toEqual(['b', 'e', 'a', 'c', 'd']);
  });
  it('by predicted recall now, lowest first', () => {
    // e: 3 days on 0.5 days' stability; b: 2 on 2 (0.9); a: 1 on 10; c: reviewed today (1).
    expect(run({ sort: 'recall' })).toEqual(['e', 'b', 'a', 'c', 'd']);
  });
  it('sorts within a search', () => {
    expect(run({ sort: 'due', deck: 'd1' })).toEqual(['b', 'a']);
  });
});
