// parseDeck: the card forms, and the deck's title, tags and slug.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hash53, normaliseQuestion } from '../../src/deck/hash.ts';
import { parseDeck, slugFromPath } from '../../src/deck/parse.ts';
import type { ParsedCard } from '../../src/deck/types.ts';
import { parse, warningAt } from './parseFixtures.ts';

/** The fields an author sees, for compact comparisons. */
function summary(card: ParsedCard) {
  return {
    id: card.id,
    number: card.number,
    question: card.question,
    answer: card.answer,
    line: card.source.line,
    tags: card.tags,
    sources: card.sources,
  };
}

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/decks/${name}`, import.meta.url), 'utf8');
}

describe('card forms', () => {
  it('reads Q-line and ## heading cards from one file, with front matter, pinned ids and tags', () => {
    const file = 'tests/fixtures/decks/mixed.md';
    const { deck, warnings } = parse(fixture('mixed.md'), file);
    expect(warnings).toEqual([]);
    expect(deck).toMatchObject({
      slug: 'mixed',
      title: 'Mixed forms',
      lang: 'en',
      tags: ['rnn', 'basics'],
      file,
    });
    expect(deck.cards.map(summary)).toEqual([
      {
        id: 'rnn-state',
        number: undefined,
        question: 'What does an RNN keep between steps?',
        answer: 'A hidden state $h_t$, updated at every step.',
        line: 7,
        tags: ['rnn', 'basics'],
        sources: [],
      },
      {
        id: 'bptt',
        number: 1,
        question: 'What is BPTT?',
        answer:
          'Backpropagation through time: the network is unrolled and trained like a deep feed-forward net.',
        line: 13,
        tags: ['rnn', 'basics'],
        sources: [
          {
            title: 'Deep Learning, ch. 10',
            url: 'https://www.deeplearningbook.org/contents/rnn.html',
          },
        ],
      },
      {
        id: 'clip',
        number: 2,
        question: 'Why clip gradients?',
        answer: 'To keep exploding gradients from wrecking a step.',
        line: 19,
        tags: ['rnn', 'basics', 'training', 'gradients'],
        sources: [],
      },
      {
        id: `mixed/${hash53(normaliseQuestion('What gates does a GRU have?'))}`,
        number: undefined,
        question: 'What gates does a GRU have?',
        answer: '- reset\n- update',
        line: 25,
        tags: ['rnn', 'basics'],
        sources: [],
      },
    ]);
    expect(deck.cards[0]?.math).toEqual([{ tex: 'h_t', display: false, line: 11, column: 16 }]);
    expect(deck.cards[3]?.answerText).toBe('reset\nupdate');
    expect(deck.cards.every((c) => c.deck === 'mixed' && c.source.file === file)).toBe(true);
  });

  it('leaves "number" off heading-form cards', () => {
    const { deck } = parse('## What is an RNN?\n\nA network with a loop.\n');
    expect(deck.cards[0]).not.toHaveProperty('number');
  });

  it('takes the question from a Q line with a half-width or full-width colon', () => {
    const { deck } = parse(
      'Q1: Half width?\n\nYes.\n\nQ2：Full width？\n\nYes.\n\nQ3 ： Spaced?\n\nYes.\n',
    );
    expect(deck.cards.map((c) => [c.number, c.question])).toEqual([
      [1, 'Half width?'],
      [2, 'Full width？'],
      [3, 'Spaced?'],
    ]);
  });

  it('drops emphasis that wraps the whole question, however many markers', () => {
    const wrappers = ['*', '**', '***', '*****', '_', '__'];
    const source = wrappers
      .map((w, i) => `Q${i + 1}：${w}Question ${i + 1}${w}\n\nA.\n`)
      .join('\n');
    expect(parse(source).deck.cards.map((c) => c.question)).toEqual(
      wrappers.map((_, i) => `Question ${i + 1}`),
    );
  });

  it('keeps Markdown inside the question and gives its plain text for search', () => {
    const { deck } = parse('Q1：What is $h_t$ in a **simple** RNN?\n\nThe hidden state.\n');
    expect(deck.cards[0]).toMatchObject({
      question: 'What is $h_t$ in a **simple** RNN?',
      questionText: 'What is h_t in a simple RNN?',
    });
    expect(deck.cards[0]?.math).toEqual([{ tex: 'h_t', display: false, line: 1, column: 12 }]);
  });

  it('takes everything up to the next card as the answer: lists, code, display math, images', () => {
    const source = [
      'Q1：Show everything',
      '',
      'Intro.',
      '',
      '- one',
      '- two',
      '',
      '```py',
      'h = tanh(W @ x)',
      '```',
      '',
      '$$',
      'h_t = \\tanh(W h_{t-1})',
      '$$',
      '',
      '![cell](img/cell.png)',
      '',
      '## Next question',
      '',
      'Next answer.',
      '',
    ].join('\n');
    const [first, second] = parse(source).deck.cards;
    expect(first?.answer).toBe(
      'Intro.\n\n- one\n- two\n\n```py\nh = tanh(W @ x)\n```\n\n$$\nh_t = \\tanh(W h_{t-1})\n$$\n\n![cell](img/cell.png)',
    );
    expect(first?.math).toEqual([
      { tex: 'h_t = \\tanh(W h_{t-1})', display: true, line: 12, column: 1 },
    ]);
    expect(first?.images).toEqual([{ url: 'img/cell.png', alt: 'cell', line: 16, column: 1 }]);
    expect(second).toMatchObject({ question: 'Next question', answer: 'Next answer.' });
  });

  it('turns trailing Source:/Reference:/引用： paragraphs into sources, in order', () => {
    const source = [
      'Q1：Where from?',
      '',
      'Answer text.',
      '',
      'Reference: [Paper](https://example.com/paper) and https://example.com/bare',
      '',
      '来源：<https://example.org/x>',
      '',
    ].join('\n');
    const [card] = parse(source).deck.cards;
    expect(card?.answer).toBe('Answer text.');
    expect(card?.sources).toEqual([
      { title: 'Paper', url: 'https://example.com/paper' },
      { url: 'https://example.com/bare' },
      { url: 'https://example.org/x' },
    ]);
  });

  it('keeps a source-like paragraph in the middle of an answer as answer text', () => {
    const { deck } = parse('Q1：q\n\n引用：https://example.com/a\n\nMore answer.\n');
    expect(deck.cards[0]?.answer).toBe('引用：https://example.com/a\n\nMore answer.');
    expect(deck.cards[0]?.sources).toEqual([]);
  });

  it('warns about a source line without a link and keeps it in the answer', () => {
    const { deck, warnings } = parse('Q1：q\n\nAnswer.\n\n引用：a book I read\n');
    expect(deck.cards[0]?.answer).toBe('Answer.\n\n引用：a book I read');
    expect(warnings).toEqual([
      warningAt(5, 1, 'source line has no link; it is kept as part of the answer'),
    ]);
  });

  it('warns once about text before the first card', () => {
    const { deck, warnings } = parse('# T\n\nSome intro.\n\nMore intro.\n\nQ1：q\n\na\n');
    expect(deck.cards).toHaveLength(1);
    expect(warnings).toEqual([
      warningAt(
        3,
        1,
        'text outside any card is not shown; start a card with "Q1：" or "## question"',
      ),
    ]);
  });

  it('ends a card at a # heading', () => {
    const { deck } = parse('# Part one\n\nQ1：q\n\nanswer\n\n# Part two\n\n<!-- a note -->\n');
    expect(deck.title).toBe('Part one');
    expect(deck.cards.map((c) => c.answer)).toEqual(['answer']);
  });
});

describe('deck title, tags and slug', () => {
  it('takes the title from the first # heading when there is no front matter', () => {
    const { deck } = parse(fixture('heading-title.md'), 'tests/fixtures/decks/heading-title.md');
    expect(deck).toMatchObject({ slug: 'heading-title', title: 'Gradient problems', tags: [] });
    expect(deck).not.toHaveProperty('lang');
    expect(deck.cards.map((c) => c.question)).toEqual(['Why do gradients vanish?']);
  });

  it('falls back to the file name slug for the title', () => {
    const file = 'tests/fixtures/decks/Interview_Notes.md';
    const { deck } = parse(fixture('Interview_Notes.md'), file);
    expect(deck).toMatchObject({ slug: 'interview-notes', title: 'interview-notes' });
    expect(deck.cards[0]?.id).toBe(
      `interview-notes/${hash53(normaliseQuestion('What is teacher forcing?'))}`,
    );
  });

  it('prefers the front matter title over a # heading', () => {
    const { deck } = parse('---\ntitle: From YAML\n---\n\n# From heading\n\nQ1：q\n\na\n');
    expect(deck.title).toBe('From YAML');
  });

  it('accepts tags as a comma-separated string', () => {
    const { deck } = parse('---\ntags: rnn, lstm，gru\n---\n\nQ1：q\n\na\n');
    expect(deck.tags).toEqual(['rnn', 'lstm', 'gru']);
    expect(deck.cards[0]?.tags).toEqual(['rnn', 'lstm', 'gru']);
  });

  it('merges card tags after the deck tags without repeats', () => {
    const { deck } = parse('---\ntags: [rnn]\n---\n\nQ1：q\n<!-- tags: rnn, lstm gru -->\n\na\n');
    expect(deck.cards[0]?.tags).toEqual(['rnn', 'lstm', 'gru']);
  });

  it('takes an explicit slug over the file name', () => {
    const { deck } = parseDeck('Q1：q\n\na\n', { file: 'content/ml/rnn.md', slug: 'ml/rnn' });
    expect(deck.slug).toBe('ml/rnn');
    expect(deck.cards[0]?.id).toBe(`ml/rnn/${hash53('q')}`);
  });

  it('slugs paths: lower case, runs of other characters to "-", folders and Chinese kept', () => {
    expect(slugFromPath('rnn.md')).toBe('rnn');
    expect(slugFromPath('ml/RNN Basics.md')).toBe('ml/rnn-basics');
    expect(slugFromPath('ml\\Deep_Learning (v2).MD')).toBe('ml/deep-learning-v2');
    expect(slugFromPath('循环网络.md')).toBe('循环网络');
  });

  it('warns about an unknown front matter key on its line', () => {
    const { warnings } = parse('---\ntitle: T\nauthor: me\n---\n\nQ1：q\n\na\n');
    expect(warnings).toEqual([
      warningAt(3, 1, 'unknown front matter key "author" (known: title, tags, lang, order)'),
    ]);
  });

  it('reads a whole-number order from the front matter, and refuses any other', () => {
    expect(parse('---\norder: -2\n---\n\nQ1：q\n\na\n').deck.order).toBe(-2);
    expect(parse('Q1：q\n\na\n').deck.order).toBeUndefined();
    expect(() => parse('---\norder: first\n---\n\nQ1：q\n\na\n')).toThrow(
      'front matter "order" must be a whole number',
    );
  });
});
