// parseDeck on bad content and bad front matter: the errors and warnings, and where they point.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/deck/diagnostics.ts';
import { hash53, normaliseQuestion } from '../../src/deck/hash.ts';
import { errorAt, parse, parseError, warningAt } from './parseFixtures.ts';

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
