import { describe, expect, it } from 'vitest';
import { hash53, normaliseQuestion } from '../../src/deck/hash.ts';

describe('hash53', () => {
  it('gives the same 11-character base-36 hash for the same text', () => {
    const h = hash53('RNN和CNN之间有什么区别？');
    expect(h).toMatch(/^[0-9a-z]{11}$/);
    expect(hash53('RNN和CNN之间有什么区别？')).toBe(h);
  });

  it('keeps known values, which stored progress depends on', () => {
    expect(hash53('')).toBe('0wvjl67o803');
    expect(hash53('q')).toBe(hash53('q', 0));
  });

  it('changes with the text and with the seed', () => {
    const values = new Set([hash53('a'), hash53('b'), hash53('ab'), hash53('ba'), hash53('a', 1)]);
    expect(values.size).toBe(5);
  });

  it('has no collisions over ten thousand similar questions', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(hash53(`question ${i}?`));
    expect(seen.size).toBe(10_000);
  });
});

describe('normaliseQuestion', () => {
  it('folds full-width letters, digits and punctuation to their ASCII forms', () => {
    expect(normaliseQuestion('ＲＮＮ１２３？：（）')).toBe('rnn123?:()');
  });

  it('lower-cases and collapses every kind of whitespace, ideographic space included', () => {
    expect(normaliseQuestion('  What   is\tan\nRNN　？ ')).toBe('what is an rnn ?');
  });

  it('leaves Chinese text alone', () => {
    expect(normaliseQuestion('画出LSTM的结构')).toBe('画出lstm的结构');
  });
});
