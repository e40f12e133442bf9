// @vitest-environment jsdom
// The browser's key points (derived from rendered HTML) against the build's (cut from Markdown)
// on the seed deck: same count per answer, same text per point.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/build/renderCard.tsx';
import { keyPointsFromHtml } from '../../src/content/keyPointsHtml.ts';
import { decodeContent } from '../../src/deck/decode.ts';
import { extractKeyPoints } from '../../src/deck/keyPoints.ts';
import { parseDeck } from '../../src/deck/parse.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const FILE = 'content/rnn.md';
const keep = (url: string) => url;

/** Text of an HTML fragment, KaTeX's MathML copy left out (it repeats the formula). */
function textOf(html: string): string {
  const t = document.createElement('template');
  t.innerHTML = html;
  for (const m of t.content.querySelectorAll('.katex-mathml')) m.remove();
  return (t.content.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('keyPointsFromHtml on the seed deck', () => {
  const cards = parseDeck(decodeContent(readFileSync(path.join(repoRoot, FILE)), FILE), {
    file: FILE,
  }).deck.cards;
  const html = (n: number) => renderMarkdown(cards.find((c) => c.number === n)!.answer, keep);

  it('finds as many points per answer as the Markdown rule', () => {
    expect(cards.map((c) => keyPointsFromHtml(renderMarkdown(c.answer, keep)).length)).toEqual([
      2, 1, 2, 2, 2, 2, 1, 3, 3, 1, 2, 2, 4, 2, 1, 1,
    ]);
  });

  it('each point reads as the Markdown point rendered', () => {
    for (const c of cards) {
      const fromHtml = keyPointsFromHtml(renderMarkdown(c.answer, keep)).map(textOf);
      const fromMarkdown = extractKeyPoints(c.answer).map((p) => textOf(renderMarkdown(p, keep)));
      expect(fromHtml).toEqual(fromMarkdown);
    }
  });

  it('keeps math inside a bullet whole (KaTeX markup inside the point)', () => {
    const [first] = keyPointsFromHtml(html(3));
    expect(first).toContain('class="katex"');
    expect(textOf(first!)).toMatch(/^MLP在处理时间序列时，不考虑输入之间的时间关系，/);
    expect(textOf(first!)).toMatch(/同等看待，无法利用到上下文信息；$/);
  });

  it('an answer that is a picture is one point holding the picture', () => {
    const points = keyPointsFromHtml(html(16));
    expect(points).toHaveLength(1);
    expect(points[0]).toContain('<img');
  });
});

describe('keyPointsFromHtml', () => {
  const points = (md: string) => keyPointsFromHtml(renderMarkdown(md, keep)).map(textOf);

  it('paragraphs are points when there is no list; headings and rules are not', () => {
    expect(points('# Title\n\nFirst.\n\n---\n\nSecond.')).toEqual(['First.', 'Second.']);
  });

  it('a display formula joins the paragraph before it', () => {
    const html = keyPointsFromHtml(renderMarkdown('Energy:\n\n$$\nE=mc^2\n$$\n\nNext.', keep));
    expect(html).toHaveLength(2);
    expect(html[0]).toContain('katex-display');
    expect(textOf(html[1]!)).toBe('Next.');
  });

  it('with a list, only its items count; sub-items stay in their item', () => {
    expect(points('Lead:\n\n- a\n  - a1\n- b\n\nClosing.')).toEqual(['a a1', 'b']);
  });

  it('an empty answer has no points', () => {
    expect(keyPointsFromHtml('')).toEqual([]);
  });
});
