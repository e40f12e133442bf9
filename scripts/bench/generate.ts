// A synthetic deck in the seed's shape (`Q<n>：***…***` questions, Chinese and English mixed,
// list answers), for measuring the app at scale: a third of the answers carry KaTeX math (inline
// and display, all of it valid), one in seven a code block. The first card has no math, so the
// font check has a card without math to look at, and the second has some.
//
// Every answer ends with an `answer-<n>` tag, so the bench can count how many answers a page
// download carries.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TOPICS = [
  'RNN',
  'LSTM',
  'GRU',
  'Seq2Seq',
  'Attention',
  'Transformer',
  'BPTT',
  'Beam search',
  'Word embedding',
  'Bi-LSTM',
];
const CONCEPTS = [
  '遗忘门',
  '输入门',
  '输出门',
  '梯度裁剪',
  'hidden state',
  'teacher forcing',
  'layer normalization',
  '残差连接',
  'dropout',
  '注意力权重',
  '位置编码',
  'padding mask',
];
const MATH_INLINE = [
  String.raw`$h_t = \tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$`,
  String.raw`$f_t = \sigma(W_f \cdot [h_{t-1}, x_t] + b_f)$`,
  String.raw`$c_t = f_t \odot c_{t-1} + i_t \odot \tilde{c}_t$`,
  String.raw`$z_t = \sigma(W_z x_t + U_z h_{t-1})$`,
  String.raw`$\alpha_{ij} = \frac{\exp(e_{ij})}{\sum_k \exp(e_{ik})}$`,
];
const MATH_DISPLAY = [
  String.raw`$$\frac{\partial L}{\partial W} = \sum_{t=1}^{T} \frac{\partial L_t}{\partial h_t} \prod_{k=1}^{t} \frac{\partial h_k}{\partial h_{k-1}}$$`,
  String.raw`$$\mathrm{Attention}(Q, K, V) = \mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right) V$$`,
  String.raw`$$\tilde{h}_t = \tanh\big(W x_t + U (r_t \odot h_{t-1})\big)$$`,
];
const CODE = [
  '```python\nimport torch\nlstm = torch.nn.LSTM(input_size=128, hidden_size=256, batch_first=True)\noutput, (h_n, c_n) = lstm(x)\n```',
  '```python\nfor p in model.parameters():\n    p.grad.data.clamp_(-5, 5)\n```',
];

function card(i: number): string {
  const topic = TOPICS[i % TOPICS.length]!;
  const concept = CONCEPTS[(i * 7) % CONCEPTS.length]!;
  const question =
    i % 2 === 0
      ? `${topic}中的${concept}起什么作用？第${i + 1}题`
      : `How does ${concept} change the training of a ${topic} model? (card ${i + 1})`;
  const lines = [
    `- ${topic}在每个time step共享参数，${concept}决定了信息如何在序列中传递；这一点在长序列上尤其重要。`,
    `- In practice, ${concept} is tuned together with the learning rate and the batch size; a poor choice shows up as exploding or vanishing gradients.`,
  ];
  if (i % 3 === 1) {
    lines.push(`- 公式：${MATH_INLINE[i % MATH_INLINE.length]!}，其中各项的含义见上文。`);
    if (i % 2 === 1) lines.push('', MATH_DISPLAY[i % MATH_DISPLAY.length]!);
  }
  if (i % 7 === 3) lines.push('', CODE[i % CODE.length]!);
  lines.push('', `answer-${i}`);
  return [`Q${i + 1}：***${question}***`, '', ...lines].join('\n');
}

export interface SyntheticContent {
  dir: string;
  cards: number;
  remove: () => void;
}

/** Writes a deck of `cards` cards into a new temporary content folder. */
export function generateDeck(cards: number): SyntheticContent {
  const base = mkdtempSync(path.join(os.tmpdir(), 'rnn-bench-content-'));
  const dir = path.join(base, 'content');
  mkdirSync(dir);
  const body = Array.from({ length: cards }, (_, i) => card(i)).join('\n\n');
  writeFileSync(
    path.join(dir, 'synthetic.md'),
    `---\ntitle: Synthetic deck (${cards} cards)\nlang: zh\n---\n\n${body}\n`,
  );
  return { dir, cards, remove: () => rmSync(base, { recursive: true, force: true }) };
}

/** Distinct `answer-<n>` tags in `text`: how many answers it carries. */
export function answersIn(text: string, into: Set<number>): void {
  for (const m of text.matchAll(/answer-(\d+)/g)) into.add(Number(m[1]));
}
