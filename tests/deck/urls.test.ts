// Unsafe and inline URLs in cards (src/deck/urls.ts): located warnings and errors, never a broken
// build; the policy for data: images.
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/deck/parse.ts';
import { imageUrlKind, isSafeLink, MAX_INLINE_IMAGE_CHARS } from '../../src/deck/urls.ts';
import { validateDecks } from '../../src/deck/validate.ts';

const FILE = 'content/x.md';
const diagnose = (source: string) => {
  const { deck, warnings } = parseDeck(source, { file: FILE });
  return { deck, all: [...warnings, ...validateDecks([deck], { imageExists: () => false })] };
};

describe('links', () => {
  it('tells safe schemes from the rest as a browser reads them', () => {
    for (const url of ['https://a.b', 'http://a.b', 'mailto:x@y.z', 'tel:+1', '#top', 'a/b.md', ''])
      expect(isSafeLink(url), url).toBe(true);
    for (const url of [
      'javascript:x',
      ' JavaScript:x',
      'java\tscript:x',
      'vbscript:x',
      'data:,x',
      'file:///x',
    ])
      expect(isSafeLink(url), url).toBe(false);
  });

  it('warns at each unsafe link and leaves unsafe source links out', () => {
    const { deck, all } = diagnose(
      'Q1：q\n\nclick [here](javascript:alert(1)) or <vbscript:x>\n\n[r]: data:text/html,x\n\nSource: [bad](javascript:x) [good](https://a.example)\n',
    );
    expect(all).toEqual([
      {
        severity: 'warning',
        file: FILE,
        line: 7,
        column: 1,
        message: 'source link to a "javascript:" URL is left out',
      },
      {
        severity: 'warning',
        file: FILE,
        line: 3,
        column: 7,
        message: 'link to a "javascript:" URL is shown as text, not as a link',
      },
      {
        severity: 'warning',
        file: FILE,
        line: 3,
        column: 38,
        message: 'link to a "vbscript:" URL is shown as text, not as a link',
      },
      {
        severity: 'warning',
        file: FILE,
        line: 5,
        column: 1,
        message: 'link to a "data:" URL is shown as text, not as a link',
      },
    ]);
    expect(deck.cards[0]!.sources).toEqual([{ title: 'good', url: 'https://a.example' }]);
  });
});

describe('images', () => {
  const png = 'data:image/png;base64,iVBORw0KGgo=';

  it('accepts small data:image pictures, refuses big ones with an error and others with a warning', () => {
    expect(imageUrlKind(png)).toEqual({ kind: 'inline' });
    expect(imageUrlKind('data:image/svg+xml,<svg/>')).toEqual({ kind: 'inline' });
    expect(
      imageUrlKind(`data:image/png;base64,${'A'.repeat(MAX_INLINE_IMAGE_CHARS)}`),
    ).toMatchObject({
      kind: 'refused',
      severity: 'error',
    });
    expect(imageUrlKind('data:text/html,x')).toMatchObject({
      kind: 'refused',
      severity: 'warning',
    });
    expect(imageUrlKind('javascript:x')).toMatchObject({ kind: 'refused', severity: 'warning' });
    expect(imageUrlKind('//cdn.example/a.png')).toEqual({ kind: 'web' });
    expect(imageUrlKind('pics/a.png')).toEqual({ kind: 'local' });
  });

  it('locates each image problem in the file', () => {
    const big = `data:image/jpeg;base64,${'A'.repeat(70_000)}`;
    const { all } = diagnose(
      `Q1：q\n\n![dot](${png})\n\n![run](javascript:alert(1))\n\n![big](${big})\n`,
    );
    expect(all).toEqual([
      {
        severity: 'warning',
        file: FILE,
        line: 5,
        column: 1,
        message:
          'image URL with "javascript:" is not shown (only files, http(s) and small data:image/… pictures are); its text alternative is',
      },
      {
        severity: 'error',
        file: FILE,
        line: 7,
        column: 1,
        message: 'inline image is 69 KB; the limit is 64 KB: save it as a file beside the deck',
      },
    ]);
  });
});
