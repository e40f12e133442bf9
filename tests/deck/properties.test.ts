// Property tests: whatever an author writes, the pipeline answers with cards or with located
// DeckErrors — never a crash, never a message without a place.
import fc from 'fast-check';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { decodeContent } from '../../src/deck/decode.ts';
import { DeckError } from '../../src/deck/diagnostics.ts';
import type { Diagnostic } from '../../src/deck/diagnostics.ts';
import { parseDeck } from '../../src/deck/parse.ts';
import type { ParseResult } from '../../src/deck/parse.ts';
import { validateDecks } from '../../src/deck/validate.ts';

const FILE = 'content/fuzz.md';
const RUNS = 400;

const FRAGMENTS = [
  'Q1：',
  'Q2:',
  'Q3：',
  'Q10：',
  'Q0:',
  '**',
  '***',
  '*****',
  '*',
  '_',
  '$',
  '$$',
  '\\frac{',
  '}',
  '{',
  '^',
  '\\',
  '## ',
  '# ',
  '### ',
  '---',
  '***\n',
  '<!-- id: x -->',
  '<!-- id: y -->',
  '<!-- id: -->',
  '<!-- id: bad id -->',
  '<!-- tags: a, b -->',
  '<!-- note',
  '-->',
  '![a](b.png)',
  '![](c.png)',
  '![x](https://example.com/x.png)',
  '[l](https://example.com)',
  '<https://example.com>',
  'https://example.com/x',
  '引用：',
  'Source: ',
  'Reference:',
  'title: T',
  'tags: [a',
  'lang: zh',
  '&a',
  '*a',
  ': ',
  '- ',
  '1. ',
  '> ',
  '`',
  '```',
  '|a|b|\n|-|-|\n',
  '<script>alert(1)</script>',
  '&#x200b;',
  '&nbsp;',
  '\u3000',
  '\uFEFF',
  '问题？',
  '答案。',
  'text',
  ' ',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
];

const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** Markdown-like text: mostly the pieces that steer the parser, with arbitrary text between. */
const markdownish = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join('')),
  },
  // The same, behind a front matter block.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.array(fragment, { maxLength: 8 }), fc.array(fragment, { maxLength: 40 }))
      .map(([yaml, body]) => `---\n${yaml.join('')}\n---\n${body.join('')}`),
  },
  // Cards in either form, with arbitrary or fragment-built questions and answers.
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.constantFrom('Q1：', 'Q2:', '## ', 'Q9：**', 'Q3：*****'),
          fc.oneof(
            fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
            fc.array(fragment, { minLength: 1, maxLength: 4 }).map((p) => p.join('')),
          ),
          fc.constantFrom('\n\n', '\n', '\n<!-- id: x -->\n\n', '\n<!-- tags: a -->\n'),
          fc.oneof(
            fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
            fc.array(fragment, { minLength: 1, maxLength: 8 }).map((p) => p.join('')),
          ),
          fc.constantFrom('', '\n\n引用：https://example.com/s', '\n\nSource: [s](https://x.y)'),
        ),
        { minLength: 1, maxLength: 5 },
      )
      .map((cards) => cards.map((parts) => `${parts.join('')}\n`).join('\n')),
  },
);

const anyText = fc.oneof(
  { weight: 4, arbitrary: markdownish },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function expectLocated(d: Diagnostic, source: string): void {
  expect(d.file).toBe(FILE);
  expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
  expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
  expect(d.line).toBeLessThanOrEqual(lineCount(source));
  expect(d.message.trim()).not.toBe('');
}

function tryParse(source: string): ParseResult | DeckError {
  try {
    return parseDeck(source, { file: FILE });
  } catch (e) {
    if (e instanceof DeckError) return e;
    throw e;
  }
}

describe('parseDeck on any input', () => {
  it('returns cards or throws a DeckError whose every diagnostic is located in the file', () => {
    fc.assert(
      fc.property(anyText, (source) => {
        const result = tryParse(source);
        if (result instanceof DeckError) {
          expect(result.diagnostics.length).toBeGreaterThan(0);
          for (const d of result.diagnostics) {
            expect(d.severity).toBe('error');
            expectLocated(d, source);
          }
          return;
        }
        for (const w of result.warnings) {
          expect(w.severity).toBe('warning');
          expectLocated(w, source);
        }
        expect(result.deck.cards.length).toBeGreaterThan(0);
        for (const card of result.deck.cards) {
          expect(card.question.trim()).not.toBe('');
          expect(card.answer.trim()).not.toBe('');
          expect(card.id).not.toBe('');
          expect(card.source.line).toBeGreaterThanOrEqual(1);
        }
        const ids = result.deck.cards.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      {
        numRuns: RUNS,
        // Inputs that once broke this property.
        examples: [['Q1：Q1：\n\n\ufeff\n\nQ1：!Q1：\n\n$\n'], ['---\n*a\n---\nQ1：a\n\nb\n']],
      },
    );
  });

  it('validates whatever it parses without throwing, every diagnostic located', () => {
    // KaTeX logs "No character metrics for …" on some Unicode; that is noise here.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onTestFinished(() => warn.mockRestore());
    fc.assert(
      fc.property(markdownish, fc.boolean(), (source, imagesExist) => {
        const result = tryParse(source);
        if (result instanceof DeckError) return;
        const diagnostics = validateDecks([result.deck], { imageExists: () => imagesExist });
        for (const d of diagnostics) expectLocated(d, source);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same cards and ids when a file is parsed twice', () => {
    fc.assert(
      fc.property(markdownish, (source) => {
        const a = tryParse(source);
        const b = tryParse(source);
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});

describe('decodeContent on any bytes', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const encoder = new TextEncoder();
  // Valid text with stray bytes spliced in: the interesting case is a bad byte after good lines.
  const mixedBytes = fc
    .array(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 8 }).map((s) => encoder.encode(s)),
        fc.constantFrom(encoder.encode('\n'), encoder.encode('问')),
        fc.uint8Array({ maxLength: 3 }),
      ),
      { maxLength: 12 },
    )
    .map((chunks) => {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    });

  it('returns the text exactly when the bytes are UTF-8, and a located DeckError otherwise', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), mixedBytes), (bytes) => {
        let expected: string | undefined;
        try {
          expected = fatal.decode(bytes);
        } catch {
          expected = undefined;
        }
        let decoded: string;
        try {
          decoded = decodeContent(bytes, FILE);
        } catch (e) {
          expect(e).toBeInstanceOf(DeckError);
          expect(expected).toBeUndefined();
          const [d, ...rest] = (e as DeckError).diagnostics;
          expect(rest).toEqual([]);
          expect(d?.severity).toBe('error');
          expect(d?.line).toBeGreaterThanOrEqual(1);
          expect(d?.column).toBeGreaterThanOrEqual(1);
          // The reported offset is where the valid prefix ends.
          const offset = Number(/at offset (\d+)\)/.exec(d?.message ?? '')?.[1]);
          const before = fatal.decode(bytes.subarray(0, offset));
          const lines = before.split('\n');
          expect(d?.line).toBe(lines.length);
          expect(d?.column).toBe((lines[lines.length - 1] ?? '').length + 1);
          return;
        }
        expect(decoded).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });
});
