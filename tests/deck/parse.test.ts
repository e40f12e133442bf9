import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeckError, formatDiagnostic } from '../../src/deck/diagnostics.ts';
import type { Diagnostic } from '../../src/deck/diagnostics.ts';
import { hash53, normaliseQuestion } from '../../src/deck/hash.ts';
import { parseDeck, slugFromPath } from '../../src/deck/parse.ts';
import type { ParseResult } from '../../src/deck/parse.ts';
import type { ParsedCard } from '../../src/deck/types.ts';

const FILE = 'content/x.md';

function parse(source: string, file = FILE): ParseResult {
  return parseDeck(source, { file });
}

/** The DeckError that parsing `source` throws; fails the test if it throws anything else. */
function parseError(source: string, file = FILE): DeckError {
  try {
    parse(source, file);
  } catch (e) {
    if (e instanceof DeckError) return e;
    throw e;
  }
  throw new Error('expected parseDeck to throw a DeckError');
}

function errorAt(line: number, column: number, message: string): Diagnostic {
  return { severity: 'error', file: FILE, line, column, message };
}

function warningAt(line: number, column: number, message: string): Diagnostic {
  return { severity: 'warning', file: FILE, line, column, message };
}

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

describe('bad content', () => {
  it('rejects a question with no answer, at the question', () => {
    const e = parseError('# T\n\nQ1：**a**\n\nQ2：**b**\n\nanswer b\n');
    expect(e.diagnostics).toEqual([errorAt(3, 1, 'question has no answer: "a"')]);
    expect(e.diagnostics.map(formatDiagnostic)).toEqual([
      'content/x.md:3:1: question has no answer: "a"',
    ]);
    expect(e.message).toBe('content/x.md:3:1: question has no answer: "a"');
    expect(e.name).toBe('DeckError');
  });

  it('rejects a last question with no answer, and one with only a source line', () => {
    const e = parseError('Q1：a\n\nA\n\nQ2：b\n\nQ3：c\n\n引用：https://example.com\n');
    expect(e.diagnostics.map(formatDiagnostic)).toEqual([
      'content/x.md:5:1: question has no answer: "b"',
      'content/x.md:7:1: question has no answer: "c"',
    ]);
  });

  it('rejects an answer of only Unicode spaces (ideographic space, no-break space, BOM)', () => {
    const e = parseError('Q1：a\n\n\u3000\n\nQ2：b\n\n\u00a0\n\nQ3：c\n\n\ufeff\n');
    expect(e.diagnostics.map(formatDiagnostic)).toEqual([
      'content/x.md:1:1: question has no answer: "a"',
      'content/x.md:5:1: question has no answer: "b"',
      'content/x.md:9:1: question has no answer: "c"',
    ]);
  });

  it('cuts a long question to 40 characters in the message', () => {
    const question = 'Why does a vanilla RNN struggle with dependencies that span many steps?';
    const e = parseError(`## ${question}\n`);
    expect(e.diagnostics.map(formatDiagnostic)).toEqual([
      `content/x.md:1:1: question has no answer: "${question.slice(0, 40)}…"`,
    ]);
  });

  it('rejects the same question twice, at the second one', () => {
    const id = `x/${hash53(normaliseQuestion('Same?'))}`;
    const e = parseError('Q1：**Same?**\n\nA\n\nQ2：**Same?**\n\nB\n');
    expect(e.diagnostics).toEqual([
      errorAt(
        5,
        1,
        `duplicate card id "${id}" (also the card at line 1); reword the question or pin an id with <!-- id: … -->`,
      ),
    ]);
  });

  it('rejects the same pinned id on two cards', () => {
    const e = parseError('Q1：a\n<!-- id: dup -->\n\nA\n\n## b\n\n<!-- id: dup -->\n\nB\n');
    expect(e.diagnostics.map(formatDiagnostic)).toEqual([
      'content/x.md:6:1: duplicate card id "dup" (also the card at line 1); reword the question or pin an id with <!-- id: … -->',
    ]);
  });

  it('allows the same question twice when one of them pins its id', () => {
    const { deck } = parse('Q1：Same?\n\nA\n\nQ2：Same?\n<!-- id: same-2 -->\n\nB\n');
    expect(deck.cards.map((c) => c.id)).toEqual([`x/${hash53('same?')}`, 'same-2']);
  });

  it('rejects an empty file, and one of only whitespace, at 1:1', () => {
    for (const source of ['', '  \n\n\t\n']) {
      expect(parseError(source).diagnostics).toEqual([
        errorAt(1, 1, 'file is empty: a deck needs at least one card'),
      ]);
    }
  });

  it('rejects a file without cards', () => {
    expect(parseError('# Only a title\n\nand some text\n').diagnostics).toEqual([
      errorAt(1, 1, 'no cards found: start each question with "Q1：…" or a "## question" heading'),
    ]);
  });

  it('rejects an empty question', () => {
    expect(parseError('Q1：****\n\nanswer\n').diagnostics).toEqual([
      errorAt(1, 1, 'question is empty'),
    ]);
  });

  it('reports every error in the file at once, in order', () => {
    const e = parseError('Q1：a\n\nQ2：b\n\nB\n\nQ3：b\n\nB again\n\nQ4：d\n');
    expect(e.diagnostics.map(formatDiagnostic)).toEqual([
      'content/x.md:1:1: question has no answer: "a"',
      `content/x.md:7:1: duplicate card id "x/${hash53('b')}" (also the card at line 3); reword the question or pin an id with <!-- id: … -->`,
      'content/x.md:11:1: question has no answer: "d"',
    ]);
    expect(e.message).toBe(e.diagnostics.map(formatDiagnostic).join('\n'));
  });

  it('warns, without failing, about a Q line numbered out of order', () => {
    const { deck, warnings } = parse('Q1：a\n\nA\n\nQ3：b\n\nB\n\nQ3：c\n\nC\n');
    expect(deck.cards.map((c) => c.number)).toEqual([1, 3, 3]);
    expect(warnings).toEqual([
      warningAt(5, 1, 'Q3 is out of order: expected Q2'),
      warningAt(9, 1, 'Q3 is out of order: expected Q4'),
    ]);
    expect(warnings.map(formatDiagnostic)).toEqual([
      'content/x.md:5:1: warning: Q3 is out of order: expected Q2',
      'content/x.md:9:1: warning: Q3 is out of order: expected Q4',
    ]);
  });
});

describe('front matter', () => {
  it('locates an unclosed flow sequence on its line of the file, where the ] is missing', () => {
    const e = parseError('---\ntitle: ok\ntags: [a, b\n---\n\nQ1：a\n\nb\n');
    expect(e.diagnostics).toEqual([
      errorAt(
        3,
        12,
        'front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ),
    ]);
  });

  it('locates an unterminated quote where the closing quote is missing', () => {
    const e = parseError('---\ntitle: Deck\nlang: "zh\n---\n\nQ1：a\n\nb\n');
    expect(e.diagnostics.map(formatDiagnostic)).toEqual([
      'content/x.md:3:10: front matter is not valid YAML: Missing closing "quote',
    ]);
  });

  it('locates a repeated key at its second occurrence', () => {
    const e = parseError('---\ntitle: A\nlang: en\ntitle: B\n---\n\nQ1：a\n\nb\n');
    expect(e.diagnostics.map(formatDiagnostic)).toEqual([
      'content/x.md:4:1: front matter is not valid YAML: Map keys must be unique',
    ]);
  });

  it('locates a tab used as indentation', () => {
    const e = parseError('---\ntitle: x\n\tlang: y\n---\n\nQ1：a\n\nb\n');
    expect(e.diagnostics.map(formatDiagnostic)).toEqual([
      'content/x.md:3:1: front matter is not valid YAML: Tabs are not allowed as indentation',
    ]);
  });

  it('rejects an alias to an anchor that was never set', () => {
    const e = parseError('---\n*missing\n---\n\nQ1：a\n\nb\n');
    expect(e.diagnostics).toEqual([
      errorAt(
        2,
        1,
        'front matter is not valid YAML: Unresolved alias (the anchor must be set before the alias): missing',
      ),
    ]);
  });

  it('rejects front matter that is not a mapping', () => {
    expect(parseError('---\n- a\n- b\n---\n\nQ1：a\n\nb\n').diagnostics).toEqual([
      errorAt(2, 1, 'front matter must be a mapping such as "title: RNN"'),
    ]);
  });

  it('rejects a title that is not text and tags that are not words, on their lines', () => {
    const e = parseError('---\nlang: en\ntitle: ""\ntags: {a: 1}\n---\n\nQ1：a\n\nb\n');
    expect(e.diagnostics.map(formatDiagnostic)).toEqual([
      'content/x.md:3:1: front matter "title" must be a non-empty string',
      'content/x.md:4:1: front matter "tags" must be a list of words',
    ]);
  });

  it('accepts empty front matter', () => {
    const { deck, warnings } = parse('---\n---\n\nQ1：a\n\nb\n');
    expect(deck.title).toBe('x');
    expect(warnings).toEqual([]);
  });
});
