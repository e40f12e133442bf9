// The seed deck (content/rnn.md) is real-world input: its quirks — `***…***` and `*****…*****`
// questions, full-width colons, `引用：` lines with a link or a bare URL, a formula with full-width
// commas — are exactly what the parser has to take.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeContent } from '../../src/deck/decode.ts';
import { formatDiagnostic } from '../../src/deck/diagnostics.ts';
import type { Diagnostic } from '../../src/deck/diagnostics.ts';
import { hash53, normaliseQuestion } from '../../src/deck/hash.ts';
import { parseDeck } from '../../src/deck/parse.ts';
import type { ParseResult } from '../../src/deck/parse.ts';
import type { ParsedCard } from '../../src/deck/types.ts';
import { validateDecks } from '../../src/deck/validate.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const FILE = 'content/rnn.md';

const QUESTIONS = [
  'RNN和CNN之间有什么区别？在哪些情况下分别使用彼此？',
  'RNN网络在NLP领域有什么运用？',
  '为什么在处理时间序列问题上，RNN会优于MLP？',
  'RNN的输入有几个维度？每个维度分别代表什么？RNN的输出呢？',
  'RNN和传统的全连接网络之间有什么差别？',
  '训练RNN时会碰到哪些困难？怎么解决？',
  '在机器翻译领域，为什么encoder-decoder结构的RNN取代了seq2seq RNN？',
  'Stateful RNN与Stateless RNN有什么区别？两种RNN结构有什么利弊？',
  '分别在什么时候选用MLP、CNN、RNN？',
  '解释RNN中梯度消失的原因？',
  '讲讲LSTM的基础结构，相对RNN做了哪些改进？',
  'LSTM和GRU结构上的区别有哪些？',
  '还有哪些其它的解决梯度消失或梯度爆炸的方法？',
  'LSTM模型中存在sigmoid和tanh函数，两者分别用于哪里？',
  '为什么LSTM具有长时记忆能力？',
  '画出LSTM的结构',
];

const QUESTION_LINES = [3, 8, 12, 17, 22, 27, 32, 38, 46, 54, 58, 63, 68, 75, 80, 86];

// Progress is stored under these ids: if one changes, learners silently lose that card's history.
const SEED_IDS = [
  'rnn/0wqk8mq2x15',
  'rnn/08i648n8juy',
  'rnn/1lqoh95k1sg',
  'rnn/1o6dsly3cx8',
  'rnn/1agxatdyegl',
  'rnn/1pqgd2hkigp',
  'rnn/0zhngzngznk',
  'rnn/01zvfvyy5ny',
  'rnn/147wh8sauy4',
  'rnn/1mekngip1vr',
  'rnn/12v7ddieupd',
  'rnn/0jd2pqo2ldl',
  'rnn/0dng3m16xhp',
  'rnn/0idd9pns8tn',
  'rnn/20gzdqq1duk',
  'rnn/16lgx1gxjbj',
];

const Q3_WARNING: Diagnostic = {
  severity: 'warning',
  file: FILE,
  line: 14,
  column: 28,
  message:
    'KaTeX (unicodeTextInMathMode): Unicode text character "，" used in math mode in $t-1，t，t+1$',
};

let result: ParseResult;
let cards: ParsedCard[];

function card(n: number): ParsedCard {
  const found = cards.find((c) => c.number === n);
  if (!found) throw new Error(`no card Q${n}`);
  return found;
}

beforeAll(() => {
  const text = decodeContent(readFileSync(path.join(repoRoot, FILE)), FILE);
  result = parseDeck(text, { file: FILE });
  cards = result.deck.cards;
});

describe('the seed deck content/rnn.md', () => {
  it('titles the deck from its "# RNN" heading and slugs it from the file name', () => {
    expect(result.deck).toMatchObject({ slug: 'rnn', title: 'RNN', tags: [], file: FILE });
    expect(result.deck.lang).toBeUndefined();
  });

  it('yields exactly its 16 questions, in order, without emphasis markers', () => {
    expect(cards.map((c) => c.question)).toEqual(QUESTIONS);
    expect(cards.map((c) => c.questionText)).toEqual(QUESTIONS);
  });

  it('numbers the cards 1..16 and locates each at its Q line', () => {
    expect(cards.map((c) => c.number)).toEqual(QUESTIONS.map((_, i) => i + 1));
    expect(cards.map((c) => c.source)).toEqual(
      QUESTION_LINES.map((line) => ({ file: FILE, line })),
    );
  });

  it('reads the *****…***** question of Q13 and the **…** question of Q16', () => {
    expect(card(13).question).toBe('还有哪些其它的解决梯度消失或梯度爆炸的方法？');
    expect(card(16).question).toBe('画出LSTM的结构');
  });

  it('keeps each answer as its Markdown source', () => {
    expect(card(1).answer).toBe(
      '- CNN对数据执行卷积操作，提取其中的特征；CNN最适用于需要位置不变性的情况（无论目标在输入样本中的什么位置，您都希望捕获相似的特征）\n' +
        '- RNN是在输入样本之间保持状态的神经网络，RNN能利用以前的输入样本信息并使用这些信息来帮助当前输入样本的分类；RNN更适合处理时序数据',
    );
    expect(card(3).answer).toBe(
      '- MLP在处理时间序列时，不考虑输入之间的时间关系，$t-1，t，t+1$时刻的数据被同等看待，无法利用到上下文信息；\n' +
        '- 而在 RNN 中，先前时间步状态的输出作为当前时间步状态的输入传递，RNN能更好地利用到时间序列中的历史信息。',
    );
    expect(card(7).answer).toBe(
      '- seq2seq RNN一次只能翻译一个词汇，而encoder-decoder RNN能处理变长的输入/输出，一次网络推理能翻译一整句话',
    );
    expect(card(15).answer).toBe(
      '- 因为遗忘门控制上一时间步的记忆细胞 $C_{t-1}$是否传递到当前时间步，如果遗忘门的输出一直近似1且输入门一直近似0，过去的记忆细胞$C_{t-1}$将一直通过时间保持到当前时间步$C_{t}$，这样可以捕捉到时间序列中时间步跨度较大的依赖关系，也可以应对RNN的梯度衰减',
    );
  });

  it('keeps the stray emphasis inside Q13’s last bullet as written', () => {
    const answer = card(13).answer;
    expect(answer.startsWith('- 梯度裁剪gradient clipping，')).toBe(true);
    expect(answer).toContain('强行把这个输入拉回标准正态分布*N~(0,1)。*这样使得激活输入值');
    expect(answer.endsWith('加快模型的训练速度。')).toBe(true);
    expect(answer.split('\n')).toHaveLength(4);
  });

  it('gives plain search text without Markdown markers', () => {
    expect(card(3).answerText).toBe(
      'MLP在处理时间序列时，不考虑输入之间的时间关系，t-1，t，t+1时刻的数据被同等看待，无法利用到上下文信息；\n' +
        '而在 RNN 中，先前时间步状态的输出作为当前时间步状态的输入传递，RNN能更好地利用到时间序列中的历史信息。',
    );
  });

  it('turns the 引用： paragraphs of Q7, Q8, Q9 and Q15 into sources', () => {
    const withSources = cards.filter((c) => c.sources.length > 0).map((c) => [c.number, c.sources]);
    expect(withSources).toEqual([
      [7, [{ url: 'https://quizlet.com/284587332/deep-learning-midterm-2-flash-cards/' }]],
      [8, [{ url: 'https://towardsai.net/p/l/stateless-vs-stateful-lstms' }]],
      [
        9,
        [
          {
            url: 'https://machinelearningmastery.com/when-to-use-mlp-cnn-and-rnn-neural-networks/',
          },
        ],
      ],
      [15, [{ url: 'https://www.zhihu.com/question/317594964/answer/641226608' }]],
    ]);
  });

  it('leaves the 引用： paragraphs out of the answers', () => {
    for (const c of cards) {
      expect(c.answer).not.toContain('引用');
      expect(c.answerText).not.toContain('引用');
      for (const s of c.sources) expect(c.answer).not.toContain(s.url);
    }
  });

  it('locates every formula, starting with Q3’s $t-1，t，t+1$ at 14:28', () => {
    expect(card(3).math).toEqual([{ tex: 't-1，t，t+1', display: false, line: 14, column: 28 }]);
    expect(card(11).math.map((m) => m.tex)).toEqual(['c_{t}', 'h_{t}', 'c_{t}', 'c_{t-1}']);
    expect(card(12).math.map((m) => m.tex)).toEqual(['c_{t}']);
    expect(card(15).math.map((m) => m.tex)).toEqual(['C_{t-1}', 'C_{t-1}', 'C_{t}']);
    expect(cards.filter((c) => c.math.length > 0).map((c) => c.number)).toEqual([3, 11, 12, 15]);
  });

  it('points Q16’s image at images/lstm-cell.svg, with a text alternative', () => {
    const [image, ...rest] = card(16).images;
    expect(rest).toEqual([]);
    expect(image).toMatchObject({ url: 'images/lstm-cell.svg', line: 88, column: 1 });
    expect(image?.alt).toMatch(/^LSTM/);
    expect(card(16).answer).toMatch(/^!\[LSTM[^\]]*\]\(images\/lstm-cell\.svg\)$/);
    expect(cards.filter((c) => c.images.length > 0).map((c) => c.number)).toEqual([16]);
  });

  it('gives every card a hashed id of its normalised question under the deck slug', () => {
    expect(cards.map((c) => c.id)).toEqual(
      QUESTIONS.map((q) => `rnn/${hash53(normaliseQuestion(q))}`),
    );
  });

  it('keeps the ids that stored progress is keyed by', () => {
    expect(cards.map((c) => c.id)).toEqual(SEED_IDS);
  });

  it('has no tags and no parse warnings', () => {
    expect(cards.every((c) => c.tags.length === 0 && c.deck === 'rnn')).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('validates with a single KaTeX warning at content/rnn.md:14:28 and no error', () => {
    const diagnostics = validateDecks([result.deck], {
      imageExists: (deckFile, url) => existsSync(path.join(repoRoot, path.dirname(deckFile), url)),
    });
    expect(diagnostics).toEqual([Q3_WARNING]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'content/rnn.md:14:28: warning: KaTeX (unicodeTextInMathMode): Unicode text character "，" used in math mode in $t-1，t，t+1$',
    ]);
  });
});
