import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/deck/diagnostics.ts';
import type { Diagnostic } from '../../src/deck/diagnostics.ts';
import { hash53 } from '../../src/deck/hash.ts';
import {
  displayPath,
  listMarkdownFiles,
  loadContent,
  resolveImagePath,
} from '../../src/build/loadContent.ts';
import { repoRoot, svg, tempTree } from './helpers.ts';

const lines = (diagnostics: readonly Diagnostic[]) => diagnostics.map(formatDiagnostic);

describe('loadContent on the real content folder', () => {
  it('loads both decks, the seed first (the equations deck has `order: 1`), with only the seed deck’s Q3 KaTeX warning', () => {
    const { decks, diagnostics, files } = loadContent('content', repoRoot);
    expect(files).toEqual([
      path.join(repoRoot, 'content', 'rnn-equations.md'),
      path.join(repoRoot, 'content', 'rnn.md'),
    ]);
    expect(decks.map((d) => [d.file, d.slug, d.title, d.cards.length])).toEqual([
      ['content/rnn.md', 'rnn', 'RNN', 16],
      ['content/rnn-equations.md', 'rnn-equations', 'RNN 公式与推导', 34],
    ]);
    expect(lines(diagnostics)).toEqual([
      'content/rnn.md:14:28: warning: KaTeX (unicodeTextInMathMode): Unicode text character "，" used in math mode in $t-1，t，t+1$',
    ]);
  });
});

describe('loadContent on the test fixtures', () => {
  it('loads every fixture deck without a diagnostic', () => {
    const { decks, diagnostics } = loadContent('tests/fixtures/decks', repoRoot);
    expect(diagnostics).toEqual([]);
    expect(decks.map((d) => [d.file, d.slug, d.title, d.cards.length])).toEqual([
      ['tests/fixtures/decks/heading-title.md', 'heading-title', 'Gradient problems', 1],
      ['tests/fixtures/decks/Interview_Notes.md', 'interview-notes', 'interview-notes', 1],
      ['tests/fixtures/decks/mixed.md', 'mixed', 'Mixed forms', 4],
    ]);
  });
});

describe('loadContent on a temp folder', () => {
  it('reads every deck, nested folders included, with path slugs and display paths', () => {
    const root = tempTree({
      'content/b.md': '## b?\n\nB.\n',
      'content/a.md': '# A deck\n\nQ1：a?\n\nA.\n',
      'content/ml/RNN Basics.md': '## What is an RNN?\n\nA loop.\n',
      'content/notes.txt': 'not a deck',
      'content/UPPER.MD': '## upper?\n\nYes.\n',
    });
    const { decks, diagnostics, files } = loadContent('content', root);
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => path.relative(root, f).split(path.sep).join('/'))).toEqual([
      'content/a.md',
      'content/b.md',
      'content/ml/RNN Basics.md',
      'content/UPPER.MD',
    ]);
    expect(decks.map((d) => [d.file, d.slug, d.title])).toEqual([
      ['content/a.md', 'a', 'A deck'],
      ['content/b.md', 'b', 'b'],
      ['content/ml/RNN Basics.md', 'ml/rnn-basics', 'ml/rnn-basics'],
      ['content/UPPER.MD', 'upper', 'upper'],
    ]);
    expect(decks[2]?.cards[0]?.id).toBe(`ml/rnn-basics/${hash53('what is an rnn?')}`);
    expect(decks[2]?.cards[0]?.source).toEqual({ file: 'content/ml/RNN Basics.md', line: 1 });
  });

  it('skips hidden files and folders', () => {
    const root = tempTree({
      'content/deck.md': '## q\n\na\n',
      'content/.draft.md': 'not even a deck',
      'content/.git/x.md': 'nor this',
    });
    expect(listMarkdownFiles(path.join(root, 'content'))).toEqual([
      path.join(root, 'content', 'deck.md'),
    ]);
  });

  it('rejects one pinned id used in two files, at the second one', () => {
    const root = tempTree({
      'content/a.md': 'Q1：a\n<!-- id: shared -->\n\nA\n',
      'content/b.md': '# B\n\n## b\n\n<!-- id: shared -->\n\nB\n',
    });
    const { decks, diagnostics } = loadContent('content', root);
    expect(decks).toHaveLength(2);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        file: 'content/b.md',
        line: 3,
        column: 1,
        message: 'duplicate card id "shared" (also used at content/a.md:1)',
      },
    ]);
  });

  it('rejects two files whose names make one deck name, at the second, and loads non-Latin names', () => {
    const root = tempTree({
      'content/a b.md': 'Q1：same\n\nA\n',
      'content/a_b.md': 'Q1：same\n\nB\n',
      'content/リカレント.md': 'Q1：q\n\nA\n',
    });
    const { decks, diagnostics } = loadContent('content', root);
    expect(decks.map((d) => d.slug)).toEqual(['a-b', 'リカレント']);
    expect(decks[1]!.cards[0]!.id).toBe(`リカレント/${hash53('q')}`);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        file: 'content/a_b.md',
        line: 1,
        column: 1,
        message: 'this file\'s deck name "a-b" is also that of content/a b.md: rename one of them',
      },
    ]);
  });

  it('reports an image that does not exist, and finds one that does relative to the deck', () => {
    const root = tempTree({
      'content/ml/deck.md': '## q\n\n![cell](img/cell.svg)\n\n## r\n\nSee ![gone](img/gone.svg).\n',
      'content/ml/img/cell.svg': svg('cell'),
    });
    const { diagnostics } = loadContent('content', root);
    expect(lines(diagnostics)).toEqual(['content/ml/deck.md:7:5: image not found: img/gone.svg']);
  });

  it('does not take a folder for an image', () => {
    const root = tempTree({ 'content/deck.md': '## q\n\n![d](img/dir.svg)\n' });
    mkdirSync(path.join(root, 'content', 'img', 'dir.svg'), { recursive: true });
    expect(lines(loadContent('content', root).diagnostics)).toEqual([
      'content/deck.md:3:1: image not found: img/dir.svg',
    ]);
  });

  it('finds images with %-escapes, queries and fragments in their URL', () => {
    const root = tempTree({
      'content/deck.md': '## q\n\n![a](my%20cell.svg?v=2#top)\n',
      'content/my cell.svg': svg('a'),
    });
    expect(loadContent('content', root).diagnostics).toEqual([]);
  });

  it('rejects math KaTeX cannot parse at the formula', () => {
    const root = tempTree({ 'content/deck.md': '## q\n\nSee $\\frac{1}{$ here.\n' });
    expect(lines(loadContent('content', root).diagnostics)).toEqual([
      "content/deck.md:3:15: math does not render: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{",
    ]);
  });

  it('rejects a file that is not UTF-8 at the line and column of the bad byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('# T\n\nQ1：问', 'utf8'),
      Buffer.from([0xe4, 0x41]),
      Buffer.from('\n\nanswer\n', 'utf8'),
    ]);
    const root = tempTree({ 'content/bad.md': bytes, 'content/good.md': '## q\n\na\n' });
    const { decks, diagnostics } = loadContent('content', root);
    expect(decks.map((d) => d.file)).toEqual(['content/good.md']);
    expect(lines(diagnostics)).toEqual([
      'content/bad.md:3:5: file is not valid UTF-8 (byte 0xe4 at offset 13); save it as UTF-8',
    ]);
  });

  it('rejects an empty file and invalid front matter, and still loads the good decks', () => {
    const root = tempTree({
      'content/a-empty.md': '',
      'content/b-yaml.md': '---\ntitle: ok\ntags: [a, b\n---\n\n## q\n\na\n',
      'content/c-good.md': 'Q1：q\n\na\n\nQ3：r\n\nb\n',
    });
    const { decks, diagnostics } = loadContent('content', root);
    expect(decks.map((d) => d.slug)).toEqual(['c-good']);
    expect(lines(diagnostics)).toEqual([
      'content/a-empty.md:1:1: file is empty: a deck needs at least one card',
      'content/b-yaml.md:3:12: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'content/c-good.md:5:1: warning: Q3 is out of order: expected Q2',
    ]);
  });

  it('lists errors before warnings', () => {
    const root = tempTree({
      'content/a.md': '## q\n\n![](x.svg)\n\n## r\n\n$a，b$\n',
      'content/b.md': '## q\n\n',
      'content/x.svg': svg('x'),
    });
    const { diagnostics } = loadContent('content', root);
    expect(diagnostics.map((d) => d.severity)).toEqual(['error', 'warning', 'warning']);
    expect(lines(diagnostics)).toEqual([
      'content/b.md:1:1: question has no answer: "q"',
      'content/a.md:3:1: warning: image x.svg has no text alternative: write one in ![…](…)',
      'content/a.md:7:1: warning: KaTeX (unicodeTextInMathMode): Unicode text character "，" used in math mode in $a，b$',
    ]);
  });

  it('reports a missing content folder and an empty one', () => {
    const root = tempTree({ 'content/readme.txt': 'no decks here' });
    expect(loadContent('nope', root)).toEqual({
      decks: [],
      files: [],
      diagnostics: [
        {
          severity: 'error',
          file: 'nope',
          line: 1,
          column: 1,
          message: 'content folder not found',
        },
      ],
    });
    expect(lines(loadContent('content', root).diagnostics)).toEqual([
      'content:1:1: no Markdown (*.md) files in the content folder',
    ]);
  });
});

describe('paths', () => {
  it('shows paths relative to the working folder with forward slashes', () => {
    expect(displayPath(path.join('/work', 'site', 'content', 'rnn.md'), '/work/site')).toBe(
      'content/rnn.md',
    );
    expect(displayPath('/tmp/x/deck.md', '/work/site')).toBe('../../tmp/x/deck.md');
  });

  it('resolves an image URL against the folder of its deck', () => {
    expect(resolveImagePath('content/rnn.md', 'images/lstm-cell.svg', '/site')).toBe(
      '/site/content/images/lstm-cell.svg',
    );
    expect(resolveImagePath('content/ml/x.md', '../img/a%20b.svg?v=1#f', '/site')).toBe(
      '/site/content/img/a b.svg',
    );
    expect(resolveImagePath('content/x.md', 'bad%E0%A4%A.svg', '/site')).toBe(
      '/site/content/bad%E0%A4%A.svg',
    );
  });
});
