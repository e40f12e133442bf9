// The Vite plugin in a real (in-memory) production build: good content becomes a module with the
// rendered cards and hashed image assets; bad content fails the build with a located message.
import path from 'node:path';
import { build } from 'vite';
import type { Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  MAX_CHUNK_CHARS,
  chunkModuleSource,
  deckPlugin,
  indexModuleSource,
  oversizedChunks,
} from '../../src/build/deckPlugin.ts';
import { CHUNK_SIZE, type Card } from '../../src/deck/types.ts';
import { repoRoot, svg, tempTree } from './helpers.ts';

type Output = Rolldown.RolldownOutput['output'];

const site = {
  'index.html':
    '<!doctype html><html><body><div id="app"></div><script type="module" src="/main.js"></script></body></html>\n',
  'main.js':
    "import { decks, preloaded, loadChunk } from 'virtual:deck';\n" +
    "document.getElementById('app').innerHTML = preloaded[0].map((c) => c.questionHtml + c.answerHtml).join('');\n" +
    'window.__deck = { decks, loadChunk };\n',
};

async function buildSite(root: string, contentDir = 'content'): Promise<Output> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    base: './',
    plugins: [deckPlugin({ contentDir, prerender: false })],
    build: { write: false, outDir: path.join(root, 'dist') },
  });
  if (!Array.isArray(result) && 'output' in result) return result.output;
  throw new Error('expected one in-memory build output');
}

describe('deckPlugin in a vite build', () => {
  it('bundles the rendered cards and emits the deck image as a hashed asset', async () => {
    const image = svg('LSTM cell', 6000);
    const root = tempTree({
      ...site,
      'content/rnn.md':
        '# RNN\n\nQ1：**What does an RNN keep?**\n\nA hidden state $h_t$.\n\nQ2：**Draw the cell**\n\n![The cell](images/cell.svg)\n',
      'content/images/cell.svg': image,
    });
    const output = await buildSite(root);
    const js = output
      .filter((o) => o.type === 'chunk')
      .map((o) => o.code)
      .join('\n');
    const assets = output.filter((o) => o.type === 'asset');

    expect(js).toContain('<p>What does an RNN keep?</p>');
    expect(js).toContain('A hidden state <span class=');
    expect(js).toContain('katex');
    expect(js).not.toContain('@@deck-image');

    const svgAssets = assets.filter((a) => a.fileName.endsWith('.svg'));
    expect(svgAssets.map((a) => a.fileName)).toEqual([
      expect.stringMatching(/^assets\/cell-[\w-]+\.svg$/),
    ]);
    const [asset] = svgAssets;
    expect(Buffer.from(asset?.source ?? '').toString('utf8')).toBe(image);
    // The card's <img> points at the emitted file, not at the Markdown path.
    expect(js).toContain(path.basename(asset?.fileName ?? '?'));
    expect(js).not.toContain('images/cell.svg');
  });

  it('fails the build with the located message of bad content', async () => {
    const root = tempTree({
      ...site,
      'content/bad.md': '# Bad\n\nQ1：**a**\n\nQ2：**b**\n\nanswer b\n',
      'content/pic.md': '## q\n\n![pic](images/missing.svg)\n',
    });
    const failure = buildSite(root);
    await expect(failure).rejects.toThrow('content has 2 error(s):');
    await expect(failure).rejects.toThrow('content/bad.md:3:1: question has no answer: "a"');
    await expect(failure).rejects.toThrow(
      'content/pic.md:3:1: image not found: images/missing.svg',
    );
  });
});

describe('hostile URLs in a vite build', () => {
  it('builds a deck with data: and javascript: images and links: alt text, plain text, warnings', async () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const root = tempTree({
      ...site,
      'content/x.md': `Q1：q\n\n![dot](${png}) ![run](javascript:alert(1)) [go](javascript:alert(2))\n`,
    });
    const js = (await buildSite(root))
      .filter((o) => o.type === 'chunk')
      .map((o) => o.code)
      .join('\n');
    expect(js).toContain(
      `<img src="${png}" alt="dot" loading="lazy" decoding="async"/></button> <span class="image-alt">run</span> <span>go</span>`,
    );
    expect(js).not.toContain('javascript:');
  });

  it('fails the build with a located error for an inline image over the limit', async () => {
    const big = `data:image/png;base64,${'A'.repeat(70_000)}`;
    const root = tempTree({ ...site, 'content/x.md': `Q1：q\n\ntext\n\n![big](${big})\n` });
    await expect(buildSite(root)).rejects.toThrow(
      'content/x.md:5:1: inline image is 69 KB; the limit is 64 KB',
    );
  });
});

describe('card bodies in chunks', () => {
  const card = (n: number, answerHtml = `<p>a${n}</p>`): Card => ({
    id: `s/${n}`,
    deck: 's',
    questionHtml: `<p>q${n}</p>`,
    answerHtml,
    questionText: `q${n}`,
    answerText: `a${n}`,
    sources: [],
    tags: [],
    source: { file: 'content/s.md', line: n },
    hasMath: false,
  });
  const rendered = (cards: Card[], images: string[] = []) => ({
    decks: [{ slug: 's', title: 'S', tags: [], cards }],
    index: [{ slug: 's', title: 'S', tags: [], file: 'content/s.md', ids: cards.map((c) => c.id) }],
    images,
  });

  it('puts every id in the index, the first card inline, and a loader per chunk', () => {
    const cards = Array.from({ length: CHUNK_SIZE * 2 + 6 }, (_, i) => card(i));
    const source = indexModuleSource(rendered(cards));
    expect(source).toContain(`"ids":[${cards.map((c) => `"${c.id}"`).join(',')}]`);
    expect(source).toContain('<p>q0</p>');
    expect(source).not.toContain('<p>q1</p>');
    expect(source).toContain(`import("virtual:deck-chunk/0/0")`);
    expect(source).toContain(`import("virtual:deck-chunk/0/1")`);
    expect(source).toContain(`import("virtual:deck-chunk/0/2")`);
    expect(source).not.toContain(`import("virtual:deck-chunk/0/3")`);

    const last = chunkModuleSource(rendered(cards), 0, 2);
    expect(last).toContain(`<p>q${CHUNK_SIZE * 2}</p>`);
    expect(last).toContain(`<p>q${CHUNK_SIZE * 2 + 5}</p>`);
    expect(last).not.toContain(`<p>q${CHUNK_SIZE * 2 - 1}</p>`);
  });

  it('splices image imports into the chunk that uses them, and only there', () => {
    const cards = [card(0, '<img src="@@deck-image-0@@"/><img src="@@deck-image-1@@"/>')];
    const source = indexModuleSource(
      rendered(cards, ['/site/content/a.svg', '/site/content/b b.png']),
    );
    expect(source.split('\n').slice(0, 2)).toEqual([
      'import __image0 from "/site/content/a.svg";',
      'import __image1 from "/site/content/b b.png";',
    ]);
    expect(source).toContain(
      '"answerHtml":"<img src=\\"" + __image0 + "\\"/><img src=\\"" + __image1 + "\\"/>"',
    );
    expect(source).not.toContain('@@deck-image');
  });

  it('reports a chunk too big for the offline cache at its biggest card', () => {
    const cards = Array.from({ length: CHUNK_SIZE + 2 }, (_, i) =>
      card(i, i === 5 || i === 9 ? `<p>${'x'.repeat(MAX_CHUNK_CHARS / 2)}</p>` : undefined),
    );
    const deck = { slug: 's', title: 'S', tags: [], cards };
    expect(oversizedChunks([deck])).toEqual([
      {
        severity: 'error',
        file: 'content/s.md',
        line: 5,
        column: 1,
        message: expect.stringMatching(
          new RegExp(
            `^cards 1–${CHUNK_SIZE} of this deck render to 14\\d\\d KB of HTML, over the 1465 KB`,
          ),
        ),
      },
    ]);
    expect(oversizedChunks([{ ...deck, cards: cards.slice(0, 6) }])).toEqual([]);
  });

  it('builds each further chunk into its own file, fetched on demand', async () => {
    const md = Array.from(
      { length: CHUNK_SIZE + 3 },
      (_, i) => `## Question ${i}\n\nAnswer ${i}.\n`,
    ).join('\n');
    const output = await buildSite(tempTree({ ...site, 'content/big.md': md }));
    const chunks = output.filter((o) => o.type === 'chunk');
    const entry = chunks.find((c) => c.isEntry);
    expect(entry?.code).toContain('<p>Question 0</p>');
    expect(entry?.code).not.toContain('<p>Question 1</p>');
    const lazy = chunks.filter((c) => !c.isEntry).map((c) => c.code);
    expect(lazy).toHaveLength(2);
    expect(lazy.find((c) => c.includes('<p>Question 1</p>'))).toContain(
      `<p>Question ${CHUNK_SIZE - 1}</p>`,
    );
    expect(lazy.find((c) => c.includes(`<p>Question ${CHUNK_SIZE}</p>`))).toContain(
      `<p>Question ${CHUNK_SIZE + 2}</p>`,
    );
  });
});

describe('the seed content through the plugin', () => {
  // Both real decks are rendered, KaTeX included (about 1 s per deck alone, several on a loaded
  // machine): the default 5 s is too tight.
  it(
    'builds content/rnn.md with its warning, 16 cards and the LSTM diagram as an asset, beside the equations deck',
    { timeout: 30_000 },
    async () => {
      const output = await buildSite(tempTree(site), path.join(repoRoot, 'content'));
      const js = output
        .filter((o) => o.type === 'chunk')
        .map((o) => o.code)
        .join('\n');
      expect(js).toContain('<p>RNN和CNN之间有什么区别？在哪些情况下分别使用彼此？</p>');
      expect(js).toContain('<p>画出LSTM的结构</p>');
      expect(js).toContain('https://www.zhihu.com/question/317594964/answer/641226608');
      expect(js).toContain('<p>写出 LSTM（无 peephole）的门和状态更新公式</p>');
      const diagram = output.find((o) => /^assets\/lstm-cell-[\w-]+\.svg$/.test(o.fileName));
      expect(diagram?.type).toBe('asset');
      expect(js).toContain(path.basename(diagram?.fileName ?? '?'));
    },
  );
});
