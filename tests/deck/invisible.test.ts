// Invisible characters from Notion and Typora exports (src/deck/invisible.ts): removed before
// parsing and hashing, kept where they shape text or emoji, counted in one warning per file.
import { describe, expect, it } from 'vitest';
import { DeckError } from '../../src/deck/diagnostics.ts';
import { stripInvisible } from '../../src/deck/invisible.ts';
import { parseDeck } from '../../src/deck/parse.ts';
import { validateDecks } from '../../src/deck/validate.ts';

const parse = (source: string) => parseDeck(source, { file: 'content/x.md' });

describe('stripInvisible', () => {
  it('removes zero-width spaces, BOMs, word joiners and soft hyphens, and counts them', () => {
    const s = stripInvisible('Q1\u200b：a\u00adb\n\ufeffc\u2060d\u2062');
    expect(s.text).toBe('Q1：ab\ncd');
    expect(s.removed).toBe(5);
    expect(s.first).toEqual({ line: 1, column: 3 });
    expect(s.kinds).toEqual([
      'soft hyphen U+00AD',
      'zero-width space U+200B',
      'word joiner U+2060',
      'invisible operator U+2062',
      'zero-width no-break space U+FEFF',
    ]);
  });

  it('maps columns of the stripped text back to the columns the author sees', () => {
    const s = stripInvisible('a\u200bb\u200bc\nx\u200b\u200by');
    expect(s.text).toBe('abc\nxy');
    expect([1, 2, 3].map((c) => s.originalColumn(1, c))).toEqual([1, 3, 5]);
    expect([1, 2].map((c) => s.originalColumn(2, c))).toEqual([1, 4]);
  });

  it('keeps ZWJ inside emoji sequences and ZWJ/ZWNJ between letters of scripts that join', () => {
    const kept = ['👩\u200d💻', '👍🏽\u200d🔥', '❤\ufe0f\u200d🔥', 'می\u200cخواهم', 'क्\u200dष'];
    for (const text of kept) expect(stripInvisible(text)).toMatchObject({ text, removed: 0 });
    // Next to Latin, Han, digits or spaces they mean nothing and are removed.
    expect(stripInvisible('Q1\u200d：a\u200cb 问\u200d题 👩\u200d a').text).toBe(
      'Q1：ab 问题 👩 a',
    );
  });
});

describe('parseDeck with invisible characters', () => {
  it('opens a card at a Q-line with a zero-width space in its prefix instead of merging it', () => {
    const { deck } = parse('Q1：first?\n\none\n\nQ\u200b2\u200b：second?\n\ntwo\n');
    expect(deck.cards.map((c) => [c.number, c.questionText, c.answerText])).toEqual([
      [1, 'first?', 'one'],
      [2, 'second?', 'two'],
    ]);
  });

  it('gives a question the same id with or without invisible characters', () => {
    const plain = parse('Q1：Same question?\n\nyes\n').deck.cards[0]!.id;
    const marked = parse('Q1：\ufeffSame\u00ad question\u200b?\n\nyes\n').deck.cards[0]!.id;
    expect(marked).toBe(plain);
    // In one file the two are one card twice: a duplicate, not two cards.
    expect(() => parse('Q1：Same question?\n\nyes\n\nQ2：Same question\u200b?\n\nno\n')).toThrow(
      DeckError,
    );
  });

  it('says once per file how many were removed, where the first was', () => {
    const { warnings, deck } = parse('Q1：a\u200b?\n\n$x\u200b + y$ and $\u200bz$\n');
    expect(warnings).toEqual([
      {
        severity: 'warning',
        file: 'content/x.md',
        line: 1,
        column: 5,
        message:
          'removed 3 invisible characters (zero-width space U+200B), first here; ids and math ignore them',
      },
    ]);
    // The math is clean: no KaTeX warning about an unknown character.
    expect(deck.cards[0]!.math.map((m) => m.tex)).toEqual(['x + y', 'z']);
    expect(validateDecks([deck], { imageExists: () => true })).toEqual([]);
  });

  it('warns at the first text-direction control, and keeps it', () => {
    const { warnings, deck } = parse('Q1：q?\n\nsafe \u202Eevil\u202C and \u2066x\u2069\n');
    expect(warnings).toEqual([
      {
        severity: 'warning',
        file: 'content/x.md',
        line: 3,
        column: 6,
        message:
          'text-direction control U+202E, first here: it can show text in another order than it is written; remove it unless a right-to-left passage needs it',
      },
    ]);
    expect(deck.cards[0]!.answerText).toContain('\u202Eevil\u202C');
    expect(parse('Q1：q?\n\nplain\n').warnings).toEqual([]);
  });

  it('locates later messages at the columns of the original line', () => {
    const { warnings } = parse('Q1：q\n\na ![](\u200b\u200bpic.png)\n');
    expect(warnings[0]!.message).toContain('removed 2');
    const { deck } = parse('Q1：q\n\n\u200b\u200b![](pic.png)\n');
    expect(deck.cards[0]!.images[0]).toMatchObject({ line: 3, column: 3 });
  });
});
