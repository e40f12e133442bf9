// The Vite plugin in a real (in-memory) production build: good content becomes a module with the
// rendered cards and hashed image assets; bad content fails the build with a located message.
import path from 'node:path';
import { build } from 'vite';
import type { Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { deckModuleSource, deckPlugin } from '../../src/build/deckPlugin.ts';
import { repoRoot, svg, tempTree } from './helpers.ts';

type Output = Rolldown.RolldownOutput['output'];

const site = {
  'index.html':
    '<!doctype html><html><body><div id="app"></div><script type="module" src="/main.js"></script></body></html>\n',
  'main.js':
    "import { decks } from 'virtual:deck';\n" +
    "document.getElementById('app').innerHTML = decks[0].cards.map((c) => c.questionHtml + c.answerHtml).join('');\n" +
    'window.__decks = decks;\n',
};

async function buildSite(root: string, contentDir = 'content'): Promise<Output> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    base: './',
    plugins: [deckPlugin({ contentDir })],
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

describe('deckModuleSource', () => {
  it('splices image imports into the deck JSON', () => {
    const source = deckModuleSource(
      [
        {
          slug: 's',
          title: 'S',
          tags: [],
          cards: [
            {
              id: 's/1',
              deck: 's',
              questionHtml: '<p>q</p>',
              answerHtml: '<img src="@@deck-image-0@@"/><img src="@@deck-image-1@@"/>',
              questionText: 'q',
              answerText: '',
              sources: [],
              tags: [],
              source: { file: 'content/s.md', line: 1 },
              hasMath: false,
            },
          ],
        },
      ],
      ['/site/content/a.svg', '/site/content/b b.png'],
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

  it('exports the decks as plain JSON when there are no images', () => {
    const source = deckModuleSource([{ slug: 's', title: 'S', tags: ['a'], cards: [] }], []);
    expect(source).toBe(
      '\nexport const decks = [{"slug":"s","title":"S","tags":["a"],"cards":[]}];\n',
    );
  });
});

describe('the seed content through the plugin', () => {
  it('builds content/rnn.md with its warning, 16 cards and the LSTM diagram as an asset', async () => {
    const output = await buildSite(tempTree(site), path.join(repoRoot, 'content'));
    const js = output
      .filter((o) => o.type === 'chunk')
      .map((o) => o.code)
      .join('\n');
    expect(js).toContain('<p>RNN和CNN之间有什么区别？在哪些情况下分别使用彼此？</p>');
    expect(js).toContain('<p>画出LSTM的结构</p>');
    expect(js).toContain('https://www.zhihu.com/question/317594964/answer/641226608');
    const diagram = output.find((o) => /^assets\/lstm-cell-[\w-]+\.svg$/.test(o.fileName));
    expect(diagram?.type).toBe('asset');
    expect(js).toContain(path.basename(diagram?.fileName ?? '?'));
  });
});
