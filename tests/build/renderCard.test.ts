import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/deck/parse.ts';
import type { Deck } from '../../src/deck/types.ts';
import { renderCard, renderDeck, renderMarkdown } from '../../src/build/renderCard.tsx';
import { repoRoot } from './helpers.ts';

const noImages = (url: string) => {
  throw new Error(`unexpected image ${url}`);
};

function cardOf(deck: Deck, n: number) {
  const card = deck.cards.find((c) => c.number === n);
  if (!card) throw new Error(`no card Q${n}`);
  return card;
}

describe('rendering the seed deck', () => {
  let deck: Deck;
  const resolved: string[] = [];

  beforeAll(() => {
    const text = readFileSync(path.join(repoRoot, 'content/rnn.md'), 'utf8');
    const parsed = parseDeck(text, { file: 'content/rnn.md' }).deck;
    deck = renderDeck(parsed, (url) => {
      resolved.push(url);
      return `/assets/${path.basename(url, '.svg')}-abc123.svg`;
    });
  });

  it('keeps the deck fields and ships HTML, not Markdown', () => {
    expect(deck).toMatchObject({ slug: 'rnn', title: 'RNN', tags: [] });
    expect(deck).not.toHaveProperty('lang');
    expect(deck.cards).toHaveLength(16);
    expect(Object.keys(deck.cards[0] ?? {}).sort()).toEqual(
      [
        'answerHtml',
        'answerText',
        'deck',
        'hasMath',
        'id',
        'number',
        'questionHtml',
        'questionText',
        'source',
        'sources',
        'tags',
      ].sort(),
    );
  });

  it('renders a question as one paragraph of plain text', () => {
    expect(cardOf(deck, 1).questionHtml).toBe(
      '<p>RNN和CNN之间有什么区别？在哪些情况下分别使用彼此？</p>',
    );
    expect(cardOf(deck, 13).questionHtml).toBe(
      '<p>还有哪些其它的解决梯度消失或梯度爆炸的方法？</p>',
    );
  });

  it('renders Q1’s answer as a list', () => {
    expect(cardOf(deck, 1).answerHtml).toBe(
      '<ul>\n<li>CNN对数据执行卷积操作，提取其中的特征；CNN最适用于需要位置不变性的情况（无论目标在输入样本中的什么位置，您都希望捕获相似的特征）</li>\n' +
        '<li>RNN是在输入样本之间保持状态的神经网络，RNN能利用以前的输入样本信息并使用这些信息来帮助当前输入样本的分类；RNN更适合处理时序数据</li>\n</ul>',
    );
  });

  it('renders Q3’s formula with KaTeX at build time', () => {
    const q3 = cardOf(deck, 3);
    expect(q3.answerHtml).toContain('<span class="katex">');
    expect(q3.answerHtml).toContain(
      '<annotation encoding="application/x-tex">t-1，t，t+1</annotation>',
    );
    expect(q3.answerHtml).not.toContain('$t-1');
    expect(q3.hasMath).toBe(true);
    expect(deck.cards.filter((c) => c.hasMath).map((c) => c.number)).toEqual([3, 11, 12, 15]);
  });

  it('sends Q16’s image through the resolver', () => {
    expect(resolved).toEqual(['images/lstm-cell.svg']);
    const html = cardOf(deck, 16).answerHtml;
    expect(html).toMatch(
      /^<p><button type="button" class="zoom-trigger" aria-haspopup="dialog"><img src="\/assets\/lstm-cell-abc123\.svg" alt="LSTM[^"]*" loading="lazy" decoding="async"\/><\/button><\/p>$/,
    );
    expect(html).not.toContain('images/lstm-cell.svg');
  });

  it('keeps sources as data beside the answer, not in its HTML', () => {
    const q15 = cardOf(deck, 15);
    expect(q15.sources).toEqual([
      { url: 'https://www.zhihu.com/question/317594964/answer/641226608' },
    ]);
    expect(q15.answerHtml).not.toContain('zhihu');
    for (const card of deck.cards) {
      expect(card.answerHtml).not.toContain('引用');
      expect(card.answerHtml).not.toContain('<a ');
    }
  });
});

describe('renderMarkdown', () => {
  it('opens external links in a new tab without opener or referrer', () => {
    expect(
      renderMarkdown('[docs](https://example.com/a) and <https://example.org>', noImages),
    ).toBe(
      '<p><a href="https://example.com/a" target="_blank" rel="noopener noreferrer">docs</a> and ' +
        '<a href="https://example.org" target="_blank" rel="noopener noreferrer">https://example.org</a></p>',
    );
  });

  it('keeps relative links in the same tab', () => {
    expect(renderMarkdown('[next](#/browse)', noImages)).toBe('<p><a href="#/browse">next</a></p>');
  });

  it('leaves external images alone and resolves local ones', () => {
    const html = renderMarkdown('![a](https://example.com/a.png) ![b](b.png)', (u) => `/x/${u}`);
    expect(html).toBe(
      '<p><img src="https://example.com/a.png" alt="a" loading="lazy" decoding="async"/> ' +
        '<img src="/x/b.png" alt="b" loading="lazy" decoding="async"/></p>',
    );
  });

  it('does not pass raw HTML from Markdown through', () => {
    const html = renderMarkdown(
      'Inline <script>alert(1)</script> and <img src=x onerror=alert(2)>\n\n<script>alert(3)</script>\n\n<iframe src="https://evil.example"></iframe>\n',
      noImages,
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('renders javascript: and other unsafe links as their text, not as a link to reload the page', () => {
    const html = renderMarkdown('[click](javascript:alert(1))', noImages);
    expect(html).not.toContain('javascript:');
    expect(html).toBe('<p><span>click</span></p>');
    for (const url of [
      'vbscript:msgbox(1)',
      'data:text/html,<b>x</b>',
      'JaVa%09script:x',
      'file:///etc/passwd',
    ]) {
      const out = renderMarkdown(`[t](${url})`, noImages);
      if (url.startsWith('JaVa%09')) expect(out).toBe('<p><a href="JaVa%09script:x">t</a></p>');
      else expect(out).toBe('<p><span>t</span></p>');
    }
    expect(renderMarkdown('<javascript:alert(1)>', noImages)).toBe(
      '<p><span>javascript:alert(1)</span></p>',
    );
    expect(renderMarkdown('[t][r]\n\n[r]: javascript:alert(1)', noImages)).toBe(
      '<p><span>t</span></p>',
    );
    expect(renderMarkdown('[t](https://a.example/x) [m](mailto:a@b.c) [r](#top)', noImages)).toBe(
      '<p><a href="https://a.example/x" target="_blank" rel="noopener noreferrer">t</a> <a href="mailto:a@b.c" target="_blank" rel="noopener noreferrer">m</a> <a href="#top">r</a></p>',
    );
  });

  it('shows small data:image pictures as written and refused image URLs as their alt text', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(renderMarkdown(`![dot](${png})`, noImages)).toBe(
      `<p><img src="${png}" alt="dot" loading="lazy" decoding="async"/></p>`,
    );
    expect(renderMarkdown('![run](javascript:alert(1))', noImages)).toBe(
      '<p><span class="image-alt">run</span></p>',
    );
    const big = `data:image/png;base64,${'A'.repeat(70_000)}`;
    expect(renderMarkdown(`![big](${big})`, noImages)).toBe(
      '<p><span class="image-alt">big</span></p>',
    );
    expect(renderMarkdown('![](data:text/html,x)', noImages)).toBe('<p></p>');
  });

  it('renders GFM tables inside a scrolling box', () => {
    expect(renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |', noImages)).toBe(
      '<div class="scroll-x"><table><thead><tr><th>a</th><th>b</th></tr></thead>' +
        '<tbody><tr><td>1</td><td>2</td></tr></tbody></table></div>',
    );
  });

  it('renders display math in KaTeX display mode', () => {
    const html = renderMarkdown('$$\nh_t = \\tanh(x)\n$$', noImages);
    expect(html).toContain('<span class="katex-display">');
    expect(html).toContain('<annotation encoding="application/x-tex">h_t = \\tanh(x)</annotation>');
  });

  it('caps the sizes a formula asks for at LIMITS.mathSizeEm (20em)', () => {
    const html = renderMarkdown('$\\rule{100000em}{100000em}$', noImages);
    expect(html).toContain('border-right-width:20em;border-top-width:20em');
    expect(html).not.toMatch(/width(:|=")100000em/);
  });

  it('renders code blocks as escaped text', () => {
    expect(renderMarkdown('```py\nif a < b: pass\n```', noImages)).toBe(
      '<pre><code class="language-py">if a &lt; b: pass\n</code></pre>',
    );
  });
});

describe('renderCard', () => {
  it('renders a heading card without a number, and math-free cards without hasMath', () => {
    const parsed = parseDeck(
      '## What is *BPTT*?\n<!-- tags: training -->\n\nSee [the book](https://example.com).\n',
      {
        file: 'content/x.md',
      },
    ).deck.cards[0];
    if (!parsed) throw new Error('no card');
    const card = renderCard(parsed, noImages);
    expect(card).toEqual({
      id: parsed.id,
      deck: 'x',
      questionHtml: '<p>What is <em>BPTT</em>?</p>',
      answerHtml:
        '<p>See <a href="https://example.com" target="_blank" rel="noopener noreferrer">the book</a>.</p>',
      questionText: 'What is BPTT?',
      answerText: 'See the book.',
      sources: [],
      tags: ['training'],
      source: { file: 'content/x.md', line: 1 },
      hasMath: false,
    });
  });
});
