// Hostile content, generated: the classes of issue "located errors, never a broken build or a
// stack trace" replayed with random inputs. Each property holds for the whole class, not only for
// the example that was reported.
import fc from 'fast-check';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { spliceFirstScreen } from '../../src/build/deckPlugin.ts';
import { transformPageScripts } from '../../src/build/pageScripts.ts';
import { renderMarkdown } from '../../src/build/renderCard.tsx';
import { DeckError, type Diagnostic } from '../../src/deck/diagnostics.ts';
import { LIMITS } from '../../src/deck/limits.ts';
import { parseDeck } from '../../src/deck/parse.ts';
import { slugFromPath } from '../../src/deck/slug.ts';
import { imageUrlKind, isSafeLink } from '../../src/deck/urls.ts';
import { validateDecks } from '../../src/deck/validate.ts';
import { initialPersistedState } from '../../src/store/persisted.ts';
import { buildExport, parseImport } from '../../src/store/transfer.ts';

const FILE = 'content/x.md';

/** Parse and validate; any exception other than a DeckError fails the property. */
function check(source: string, file = FILE): Diagnostic[] {
  try {
    const { deck, warnings } = parseDeck(source, { file });
    return [...warnings, ...validateDecks([deck], { imageExists: () => true })];
  } catch (e) {
    if (e instanceof DeckError) return [...e.diagnostics];
    throw e;
  }
}

describe('$ patterns in the first card (class of item 10)', () => {
  const dollarText = fc
    .array(fc.constantFrom('$&', '$$', '$`', "$'", '$1', '$<a>', 'x', ' ', '<p>', '</div>'))
    .map((parts) => parts.join(''));

  it('puts any markup into the built page exactly as written, once', () => {
    const page = '<!doctype html><html><head></head><body><div id="root"></div></body></html>';
    fc.assert(
      fc.property(dollarText, (markup) => {
        const html = transformPageScripts(spliceFirstScreen(page, markup));
        expect(html).toBe(
          `<!doctype html><html><head></head><body><div id="root" data-prerendered="">${markup}</div></body></html>`,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('unsafe URLs (class of item 11)', () => {
  const scheme = fc.constantFrom(
    'javascript',
    'JaVaScRiPt',
    'vbscript',
    'data',
    'file',
    'blob',
    'http',
    'https',
    'mailto',
  );
  const url = fc
    .tuple(fc.constantFrom('', ' ', '\t'), scheme, fc.constantFrom('', '\t', '\n'), fc.string())
    .map(([lead, s, mid, rest]) => `${lead}${s.slice(0, 2)}${mid}${s.slice(2)}:${rest}`);

  it('never renders a link or image whose URL a browser would run', () => {
    fc.assert(
      fc.property(url, url, (link, image) => {
        const escape = (u: string) => u.replace(/[<>\n\\]/g, '');
        const html = renderMarkdown(
          `[t](<${escape(link)}>) ![i](<${escape(image)}>)`,
          () => 'local.png',
        );
        for (const m of html.matchAll(/href="([^"]*)"/g)) {
          expect(isSafeLink(m[1]!.replace(/&amp;/g, '&')), m[1]).toBe(true);
        }
        for (const m of html.matchAll(/src="([^"]*)"/g)) {
          expect(imageUrlKind(m[1]!.replace(/&amp;/g, '&')).kind, m[1]).not.toBe('refused');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('nesting and size (class of item 12)', () => {
  const nested = fc.record({
    kind: fc.constantFrom('quote', 'list', 'indent', 'emphasis', 'strong', 'brackets', 'braces'),
    depth: fc.integer({ min: 1, max: 4000 }),
  });
  const build = ({ kind, depth }: { kind: string; depth: number }): string => {
    const body = {
      quote: () => `${'> '.repeat(depth)}a`,
      list: () => `${'- '.repeat(depth)}a`,
      indent: () =>
        Array.from({ length: Math.min(depth, 300) }, (_, i) => `${'  '.repeat(i)}- a`).join('\n'),
      emphasis: () => `${'*a '.repeat(depth)}b${' c*'.repeat(depth)}`,
      strong: () => `${'*'.repeat(depth)}b${'*'.repeat(depth)}`,
      brackets: () => `${'['.repeat(depth)}a${']'.repeat(depth)}`,
      braces: () => `$${'{'.repeat(depth)}x${'}'.repeat(depth)}$`,
    }[kind]!();
    return `Q1：q\n\n${body}\n`;
  };

  it('answers any nesting with cards or located errors, quickly, never an exception', () => {
    // KaTeX logs "No character metrics" for some input; that is noise here.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onTestFinished(() => warn.mockRestore());
    fc.assert(
      fc.property(nested, (n) => {
        const source = build(n);
        const started = performance.now();
        const diagnostics = check(source);
        expect(performance.now() - started).toBeLessThan(3_000);
        const lines = source.split('\n');
        for (const d of diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines.length);
        }
        const errors = diagnostics.filter((d) => d.severity === 'error');
        const depth = n.kind === 'indent' ? Math.min(n.depth, 300) : n.depth;
        if (depth > LIMITS.nesting + 1) expect(errors.length).toBeGreaterThan(0);
      }),
      {
        numRuns: 60,
        examples: [[{ kind: 'quote', depth: 4000 }], [{ kind: 'braces', depth: 3000 }]],
      },
    );
  });
});

describe('invisible characters (class of item 13)', () => {
  const DECK =
    '# Deck\n\nQ1：**What does an RNN keep?**\n\nA hidden state $h_t = f(h_{t-1}, x_t)$.\n\n' +
    'Q2：Same question?\n\n- yes\n- no\n\n## 为什么用 LSTM？\n\n门控 $\\sigma(x)$。\n';
  const clean = parseDeck(DECK, { file: FILE });
  const invisible = fc.constantFrom('\u200b', '\ufeff', '\u2060', '\u00ad', '\u200c', '\u200d');
  const insertions = fc.array(fc.tuple(fc.integer({ min: 0, max: DECK.length }), invisible), {
    minLength: 1,
    maxLength: 30,
  });

  it('gives the same cards and ids wherever invisible characters are inserted, with one warning', () => {
    fc.assert(
      fc.property(insertions, (inserts) => {
        let text = DECK;
        for (const [at, ch] of [...inserts].sort((a, b) => b[0] - a[0]))
          text = text.slice(0, at) + ch + text.slice(at);
        const { deck, warnings } = parseDeck(text, { file: FILE });
        expect(deck.cards.map((c) => [c.id, c.questionText, c.answerText])).toEqual(
          clean.deck.cards.map((c) => [c.id, c.questionText, c.answerText]),
        );
        expect(deck.cards.map((c) => c.math.map((m) => m.tex))).toEqual(
          clean.deck.cards.map((c) => c.math.map((m) => m.tex)),
        );
        expect(warnings).toEqual([
          expect.objectContaining({
            message: expect.stringMatching(
              new RegExp(`^removed ${inserts.length} invisible characters? \\(`),
            ),
          }),
        ]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('file names (class of item 14)', () => {
  const name = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    fc.constantFrom('リカレント', 'हिन्दी', 'Ελληνικά', '🙂', '---', '.', '_'),
  );

  it('makes a non-empty, stable slug for any name, with ids the import accepts', () => {
    const base = buildExport(initialPersistedState(), 0);
    fc.assert(
      fc.property(name, (n) => {
        const slug = slugFromPath(`${n}.md`);
        expect(slug).not.toBe('');
        expect(slugFromPath(`${n}.md`)).toBe(slug);
        const id = `${slug}/0123456789a`;
        expect(parseImport(JSON.stringify({ ...base, revs: { [id]: 1 } })).ok, id).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
