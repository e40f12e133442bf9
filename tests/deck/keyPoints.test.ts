import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeContent } from '../../src/deck/decode.ts';
import { extractKeyPoints } from '../../src/deck/keyPoints.ts';
import { parseDeck } from '../../src/deck/parse.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const FILE = 'content/rnn.md';

describe('extractKeyPoints on the seed deck', () => {
  const cards = parseDeck(decodeContent(readFileSync(path.join(repoRoot, FILE)), FILE), {
    file: FILE,
  }).deck.cards;
  const points = (n: number): string[] =>
    extractKeyPoints(cards.find((c) => c.number === n)!.answer);

  it('one point per top-level bullet of each answer', () => {
    expect(cards.map((c) => extractKeyPoints(c.answer).length)).toEqual([
      2, 1, 2, 2, 2, 2, 1, 3, 3, 1, 2, 2, 4, 2, 1, 1,
    ]);
    expect(points(1)[1]).toBe(
      'RNN是在输入样本之间保持状态的神经网络，RNN能利用以前的输入样本信息并使用这些信息来帮助当前输入样本的分类；RNN更适合处理时序数据',
    );
  });

  it('keeps math inside a point whole', () => {
    expect(points(3)[0]).toBe(
      'MLP在处理时间序列时，不考虑输入之间的时间关系，$t-1，t，t+1$时刻的数据被同等看待，无法利用到上下文信息；',
    );
    expect(points(11)[0]).toContain(
      'LSTM有两个传输状态$c_{t}$和$h_{t}$，$c_{t}$的梯度会无损地传递到$c_{t-1}$',
    );
    expect(points(12)[1]).toBe(
      'GRU不保留内部记忆$c_{t}$，GRU直接将hidden state传给下一单元，LSTM通过记忆单元将hidden state包装起来。',
    );
  });

  it('keeps inline emphasis as written, and an answer that is a picture is one point', () => {
    expect(points(13)[3]).toContain('强行把这个输入拉回标准正态分布*N~(0,1)。*这样');
    expect(points(16)).toEqual([cards[15]!.answer]);
  });
});

describe('extractKeyPoints', () => {
  it('takes list items only when there is a list; sub-items stay in their item, dedented', () => {
    const answer = [
      'Two reasons:',
      '',
      '1. Gradients vanish',
      "   - through $\\tanh'$",
      '   - over long $T$',
      '2. Gates help:',
      '',
      '   $$',
      '   c_t = f_t \\odot c_{t-1}',
      '   $$',
      '',
      'That is all.',
    ].join('\n');
    expect(extractKeyPoints(answer)).toEqual([
      "Gradients vanish\n- through $\\tanh'$\n- over long $T$",
      'Gates help:\n\n$$\nc_t = f_t \\odot c_{t-1}\n$$',
    ]);
  });

  it('else each paragraph or block; a display formula joins the point before it', () => {
    const answer =
      'First idea.\n\n$$\na = b\n$$\n\nSecond idea with $x$.\n\n```\ncode\n```\n\n## Aside\n\n---';
    expect(extractKeyPoints(answer)).toEqual([
      'First idea.\n\n$$\na = b\n$$',
      'Second idea with $x$.',
      '```\ncode\n```',
    ]);
    expect(extractKeyPoints('$$\nx\n$$\n\nthen words')).toEqual(['$$\nx\n$$', 'then words']);
  });

  it('none for an empty answer', () => {
    expect(extractKeyPoints('')).toEqual([]);
    expect(extractKeyPoints('  \n\n')).toEqual([]);
  });

  it('property: a bullet list of single-line items with math gives back exactly its items', () => {
    const item = fc
      .tuple(fc.stringMatching(/^[a-z\u4e00-\u4e10]{1,8}$/), fc.stringMatching(/^[a-z0-9+]{1,5}$/))
      .map(([word, tex]) => `${word} $${tex}$ ${word}`);
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), (items) => {
        expect(extractKeyPoints(items.map((i) => `- ${i}`).join('\n'))).toEqual(items);
      }),
      { numRuns: 40 },
    );
  });
});
