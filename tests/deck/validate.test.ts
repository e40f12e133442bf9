import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/deck/diagnostics.ts';
import { parseDeck } from '../../src/deck/parse.ts';
import type { ParsedDeck } from '../../src/deck/types.ts';
import { checkMath, isExternalUrl, validateDecks } from '../../src/deck/validate.ts';
import type { ValidateOptions } from '../../src/deck/validate.ts';

const everyImageExists: ValidateOptions = { imageExists: () => true };

function deck(source: string, file = 'content/x.md'): ParsedDeck {
  return parseDeck(source, { file }).deck;
}

function check(source: string, options = everyImageExists): string[] {
  return validateDecks([deck(source)], options).map(formatDiagnostic);
}

describe('validateDecks: ids', () => {
  it('rejects one pinned id used in two files, at the second card', () => {
    const a = deck('Q1：a\n<!-- id: shared -->\n\nA\n', 'content/a.md');
    const b = deck('# B\n\n## b\n\n<!-- id: shared -->\n\nB\n', 'content/b.md');
    expect(validateDecks([a, b], everyImageExists)).toEqual([
      {
        severity: 'error',
        file: 'content/b.md',
        line: 3,
        column: 1,
        message: 'duplicate card id "shared" (also used at content/a.md:1)',
      },
    ]);
  });

  it('rejects the same question in two decks that share a slug', () => {
    const a = parseDeck('Q1：Same?\n\nA\n', { file: 'content/rnn basics.md' }).deck;
    const b = parseDeck('Q1：Same?\n\nB\n', { file: 'content/rnn_basics.md' }).deck;
    expect(a.slug).toBe(b.slug);
    expect(validateDecks([a, b], everyImageExists).map(formatDiagnostic)).toEqual([
      `content/rnn_basics.md:1:1: duplicate card id "${a.cards[0]?.id}" (also used at content/rnn basics.md:1)`,
    ]);
  });

  it('accepts the same question in two decks with different slugs', () => {
    const a = deck('Q1：Same?\n\nA\n', 'content/a.md');
    const b = deck('Q1：Same?\n\nB\n', 'content/b.md');
    expect(validateDecks([a, b], everyImageExists)).toEqual([]);
  });
});

describe('validateDecks: images', () => {
  it('rejects a local image that does not exist, at the image', () => {
    const asked: [string, string][] = [];
    const diagnostics = check('Q1：q\n\nSee the picture:\n\ntext ![cell](images/missing.png)\n', {
      imageExists: (deckFile, url) => {
        asked.push([deckFile, url]);
        return false;
      },
    });
    expect(diagnostics).toEqual(['content/x.md:5:6: image not found: images/missing.png']);
    expect(asked).toEqual([['content/x.md', 'images/missing.png']]);
  });

  it('does not look for external or data: images on disk', () => {
    const diagnostics = check(
      'Q1：q\n\n![a](https://example.com/a.png) ![b](//cdn.example.com/b.png) ![c](data:image/png;base64,AA==)\n',
      { imageExists: () => false },
    );
    expect(diagnostics).toEqual([]);
  });

  it('checks images in the question too', () => {
    expect(check('Q1：What is ![this](q.png)?\n\nA cell.\n', { imageExists: () => false })).toEqual(
      ['content/x.md:1:12: image not found: q.png'],
    );
  });

  it('warns about an image without a text alternative', () => {
    expect(check('Q1：q\n\n![](images/a.svg)\n')).toEqual([
      'content/x.md:3:1: warning: image images/a.svg has no text alternative: write one in ![…](…)',
    ]);
  });
});

describe('validateDecks: math', () => {
  it('rejects math KaTeX cannot parse, located inside the formula', () => {
    // `$\frac{1}{$` starts at column 5; KaTeX fails at the end of its input, the closing `$`.
    expect(validateDecks([deck('Q1：q\n\nSee $\\frac{1}{$ here.\n')], everyImageExists)).toEqual([
      {
        severity: 'error',
        file: 'content/x.md',
        line: 3,
        column: 15,
        message:
          "math does not render: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{",
      },
    ]);
  });

  it('points at the offending character of an inline formula', () => {
    // `$\sqrt{x} + \badmacro$` opens at column 3; the macro's backslash is 11 characters into
    // the formula, so it sits at column 3 + 1 + 11 (KaTeX's message counts from 1: "position 12").
    expect(check('## q\n\n- $\\sqrt{x} + \\badmacro$\n')).toEqual([
      'content/x.md:3:15: math does not render: Undefined control sequence: \\badmacro at position 12: \\sqrt{x} + \\̲b̲a̲d̲m̲a̲c̲r̲o̲',
    ]);
  });

  it('locates a broken display formula at its opening $$', () => {
    expect(check('Q1：q\n\nText.\n\n$$\n\\frac{1}{\n$$\n')).toEqual([
      "content/x.md:5:1: math does not render: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{",
    ]);
  });

  it('reports a KaTeX strict-mode complaint once per kind, as a warning', () => {
    expect(check('Q1：q\n\n$a，b，c$\n')).toEqual([
      'content/x.md:3:1: warning: KaTeX (unicodeTextInMathMode): Unicode text character "，" used in math mode in $a，b，c$',
    ]);
  });

  it('accepts good math, inline and display', () => {
    expect(check('Q1：q\n\n$h_t = \\tanh(W x_t + U h_{t-1})$\n\n$$\n\\sigma(x)\n$$\n')).toEqual([]);
  });
});

describe('checkMath', () => {
  it('returns nothing for a formula that renders', () => {
    expect(checkMath('c_{t-1}', false, { file: 'f.md', line: 2, column: 3 })).toEqual([]);
  });

  it('keeps the column of a multi-line formula at its start', () => {
    expect(checkMath('a\n\\frac{', false, { file: 'f.md', line: 2, column: 3 })).toMatchObject([
      { severity: 'error', line: 2, column: 3 },
    ]);
  });
});

describe('isExternalUrl', () => {
  it.each([
    ['https://example.com/a.png', true],
    ['http://example.com', true],
    ['data:image/png;base64,AA==', true],
    ['mailto:a@example.com', true],
    ['//cdn.example.com/a.png', true],
    ['images/lstm-cell.svg', false],
    ['./a.png', false],
    ['../shared/a.png', false],
    ['/abs.png', false],
    ['a:b.png', true],
  ])('%s → %s', (url, external) => {
    expect(isExternalUrl(url)).toBe(external);
  });
});
