// parseDeck's card ids: ids pinned in comments, and ids that stay stable as the deck is edited.
import { describe, expect, it } from 'vitest';
import { hash53 } from '../../src/deck/hash.ts';
import { errorAt, parse, parseError } from './parseFixtures.ts';

describe('pinned ids', () => {
  it('reads an id from a comment on the line after the question', () => {
    const { deck } = parse('Q1：q\n<!-- id: lstm-gates -->\n\na\n');
    expect(deck.cards[0]?.id).toBe('lstm-gates');
    expect(deck.cards[0]?.question).toBe('q');
    expect(deck.cards[0]?.answer).toBe('a');
  });

  it('reads an id from a comment inside the question line', () => {
    const { deck } = parse('Q1：**q** <!-- id: ml/q.1 -->\n\na\n');
    expect(deck.cards[0]?.id).toBe('ml/q.1');
    expect(deck.cards[0]?.question).toBe('q');
  });

  it('reads an id and tags from comment blocks after a heading question', () => {
    const { deck } = parse('## q\n\n<!-- id: q_1 -->\n\n<!-- tags: a, b -->\n\na\n');
    expect(deck.cards[0]).toMatchObject({ id: 'q_1', tags: ['a', 'b'], answer: 'a' });
  });

  it('keeps a comment that is not a directive in the answer', () => {
    const { deck } = parse('Q1：q\n\n<!-- just a note -->\n\na\n');
    expect(deck.cards[0]?.answer).toBe('<!-- just a note -->\n\na');
    expect(deck.cards[0]?.id).toBe(`x/${hash53('q')}`);
  });

  it('rejects an id with spaces or a leading symbol, located at the comment', () => {
    const e = parseError('Q1：q\n\n<!-- id: -bad id -->\n\na\n');
    expect(e.diagnostics).toEqual([
      errorAt(
        3,
        1,
        'invalid id "-bad id": use letters, digits, "-", "_", "." or "/", starting with a letter or digit',
      ),
    ]);
  });

  it('rejects an id that would collide with a built-in object property', () => {
    const e = parseError('Q1：q\n\n<!-- id: constructor -->\n\na\n');
    expect(e.diagnostics).toEqual([errorAt(3, 1, 'id "constructor" is reserved: choose another')]);
  });
});

describe('stable ids', () => {
  const cardA = (n: number) => `Q${n}：What is an RNN?\n\nA network with a loop.\n`;
  const cardB = (n: number) => `Q${n}：What is an LSTM?\n\nAn RNN with gates.\n`;
  const cardC = (n: number) => `Q${n}：What is a GRU?\n\nA lighter LSTM.\n`;
  const headingCard = '## What is BPTT?\n\nBackpropagation through time.\n';
  const idsByQuestion = (source: string) =>
    new Map(parse(source).deck.cards.map((c) => [c.question, c.id]));

  it('keeps progress ids when cards move', () => {
    const before = idsByQuestion([cardA(1), cardB(2), cardC(3)].join('\n'));
    const after = idsByQuestion([cardC(1), cardA(2), cardB(3)].join('\n'));
    expect(after).toEqual(before);
    expect(new Set(before.values()).size).toBe(3);
  });

  it('keeps progress ids when a card is inserted and the rest renumbered', () => {
    const before = idsByQuestion([cardA(1), cardB(2), cardC(3)].join('\n'));
    const after = idsByQuestion([cardA(1), headingCard, cardB(2), cardC(3)].join('\n'));
    const inserted = idsByQuestion([cardC(1), cardA(2), cardB(3), headingCard].join('\n'));
    expect(after.size).toBe(4);
    for (const [question, id] of before) {
      expect(after.get(question)).toBe(id);
      expect(inserted.get(question)).toBe(id);
    }
  });

  it('keeps an id when only the answer changes', () => {
    const before = parse('Q1：q\n\nold answer\n').deck.cards[0]?.id;
    const after = parse('Q1：q\n\nnew answer, longer\n\n- with a list\n').deck.cards[0]?.id;
    expect(after).toBe(before);
  });

  it('ignores spacing, width, case and emphasis differences in the question', () => {
    const variants = [
      'Q1：RNN 是什么?',
      'Q1：ＲＮＮ　是什么？',
      'Q1：***rnn   是什么?***',
      '## RNN 是什么?',
      'Q7:  **Rnn** 是什么？',
    ];
    const ids = variants.map((q) => parse(`${q}\n\na\n`).deck.cards[0]?.id);
    expect(new Set(ids)).toEqual(new Set([`x/${hash53('rnn 是什么?')}`]));
  });

  it('gives different questions and different decks different ids', () => {
    const a = parse('Q1：What is an RNN?\n\na\n', 'content/a.md').deck.cards[0]?.id;
    const b = parse('Q1：What is a CNN?\n\na\n', 'content/a.md').deck.cards[0]?.id;
    const c = parse('Q1：What is an RNN?\n\na\n', 'content/b.md').deck.cards[0]?.id;
    expect(a?.startsWith('a/')).toBe(true);
    expect(c).toBe(a?.replace(/^a\//, 'b/'));
    expect(new Set([a, b, c]).size).toBe(3);
  });
});
