// The equations deck (content/rnn-equations.md) states parameter counts and costs as numbers. This
// test recomputes every one of them from the formulas the cards give, so that a card and its
// formula cannot drift apart: an edited size or a typo in a figure fails here.
// Numbers in the deck are written outside math in one format: en-US digit grouping ("394,240").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeContent } from '../../src/deck/decode.ts';
import { parseDeck } from '../../src/deck/parse.ts';
import type { ParseResult } from '../../src/deck/parse.ts';
import type { ParsedCard } from '../../src/deck/types.ts';
import { validateDecks } from '../../src/deck/validate.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const FILE = 'content/rnn-equations.md';

/** The deck's one number format: 394240 → "394,240". */
const grouped = (n: number) => n.toLocaleString('en-US');
/** A rounded decimal as the deck writes it after "≈". */
const fixed = (x: number, digits: number) => x.toFixed(digits);

// Layer sizes used by every worked example in the deck.
const D = 128;
const H = 256;

/** One affine block h·(d+h) plus `biases` bias vectors of size h (1: single-bias; 2: PyTorch). */
const block = (d: number, h: number, biases: 1 | 2) => h * (d + h) + biases * h;
const rnnParams = (d: number, h: number, biases: 1 | 2) => block(d, h, biases);
const gruParams = (d: number, h: number, biases: 1 | 2) => 3 * block(d, h, biases);
const lstmParams = (d: number, h: number, biases: 1 | 2) => 4 * block(d, h, biases);
/** Multiply–accumulates per time step and sample: the matrix products of `gates` blocks. */
const macsPerStep = (gates: number, d: number, h: number) => gates * h * (d + h);
/** Activations kept per step and sample for BPTT: 4 gate/candidate vectors, c_t and h_t. */
const LSTM_SAVED_PER_STEP = 6;
const FLOAT32_BYTES = 4;
const MIB = 2 ** 20;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

const T = 1000;
const BATCH = 64;
const CHUNK = 50;

/** Every grouped number each card states, computed from the formulas; no others may appear. */
function expectedFigures(): Record<string, number[]> {
  const lstm1 = lstmParams(D, H, 1);
  const lstm2 = lstmParams(D, H, 2);
  const layer2 = lstmParams(H, H, 1);
  const biLayer2 = 2 * lstmParams(2 * H, H, 1);
  const macs = macsPerStep(4, D, H);
  const saved = LSTM_SAVED_PER_STEP * H * T * BATCH;
  const savedChunk = LSTM_SAVED_PER_STEP * H * CHUNK * BATCH;
  const vocab = 10_000;
  return {
    'rnn-equations/params-rnn': [rnnParams(D, H, 1), rnnParams(D, H, 2), H * vocab + vocab],
    'rnn-equations/params-lstm': [lstm1, lstm2, lstm2 - lstm1],
    'rnn-equations/params-gru': [gruParams(D, H, 1), gruParams(D, H, 2)],
    'rnn-equations/params-stacked-bidirectional': [
      lstm1,
      layer2,
      lstm1 + layer2,
      4 * H,
      lstmParams(D, H, 2) + lstmParams(H, H, 2),
      2 * lstm1,
      2 * lstm2,
      biLayer2,
      2 * lstmParams(2 * H, H, 2),
    ],
    'rnn-equations/bptt-time': [
      // Per step and sample; then forward over T steps and a batch; then forward + backward ≈ 3×.
      macs,
      2 * macs,
      macs * T * BATCH,
      2 * macs * T * BATCH,
      3 * 2 * macs * T * BATCH,
    ],
    'rnn-equations/bptt-memory': [saved, saved * FLOAT32_BYTES],
    'rnn-equations/truncated-bptt': [
      savedChunk,
      savedChunk * FLOAT32_BYTES,
      // Backward steps of TBPTT(k1, k2) = (T / k1)·k2, for k1 = 1 and for k1 = k2 = 50.
      (T / 1) * CHUNK,
      (T / CHUNK) * CHUNK,
    ],
    'rnn-equations/bahdanau': [50 * 50],
    'rnn-equations/beam-search': [4 * vocab, 4 * vocab * 20, vocab ** 3],
  };
}

let result: ParseResult;
let cards: ParsedCard[];

function card(id: string): ParsedCard {
  const found = cards.find((c) => c.id === id);
  if (!found) throw new Error(`no card ${id}`);
  return found;
}

beforeAll(() => {
  const text = decodeContent(readFileSync(path.join(repoRoot, FILE)), FILE);
  result = parseDeck(text, { file: FILE });
  cards = result.deck.cards;
});

describe('the formulas behind the figures', () => {
  it('match the hand-computed examples', () => {
    // 4·(256·(128+256)+256) and its PyTorch twin with two bias vectors, worked out by hand.
    expect(lstmParams(128, 256, 1)).toBe(394_240);
    expect(lstmParams(128, 256, 2)).toBe(395_264);
    expect(gruParams(128, 256, 1)).toBe(295_680);
    expect(rnnParams(128, 256, 1)).toBe(98_560);
    expect(macsPerStep(4, 128, 256)).toBe(393_216);
    expect(grouped(394_240)).toBe('394,240');
  });
});

describe('the equations deck content/rnn-equations.md', () => {
  it('holds 30 to 40 heading-form cards, Chinese, titled from its front matter', () => {
    expect(result.deck).toMatchObject({
      slug: 'rnn-equations',
      title: 'RNN 公式与推导',
      lang: 'zh',
      tags: ['rnn', 'equations'],
    });
    expect(cards.length).toBeGreaterThanOrEqual(30);
    expect(cards.length).toBeLessThanOrEqual(40);
    expect(cards.every((c) => c.number === undefined)).toBe(true);
  });

  it('pins every card id under the deck slug, so rewording keeps progress', () => {
    for (const c of cards) expect(c.id).toMatch(/^rnn-equations\/[a-z0-9-]+$/);
  });

  it('gives every card at least one source link and a tag of its own', () => {
    for (const c of cards) {
      expect(c.sources.length, c.id).toBeGreaterThanOrEqual(1);
      expect(c.tags.filter((t) => !result.deck.tags.includes(t)).length, c.id).toBeGreaterThan(0);
      for (const s of c.sources) {
        expect(s.url, c.id).toMatch(/^https:\/\//);
        expect(s.title, c.id).toBeTruthy();
      }
    }
  });

  it('has no parse warning and validates without a diagnostic (KaTeX included)', () => {
    expect(result.warnings).toEqual([]);
    expect(validateDecks([result.deck], { imageExists: () => false })).toEqual([]);
  });

  it('states every computed figure in its card, and no grouped figure that is not computed', () => {
    const figures = expectedFigures();
    for (const [id, numbers] of Object.entries(figures)) {
      const text = card(id).answerText;
      for (const n of numbers) expect(text, `${id} states ${grouped(n)}`).toContain(grouped(n));
    }
    for (const c of cards) {
      const written = c.answer.match(/(?<![\d{])\d{1,3}(?:,\d{3})+(?![\d}])/g) ?? [];
      const allowed = (figures[c.id] ?? []).map(grouped);
      for (const w of written) expect(allowed, `${c.id} writes ${w}`).toContain(w);
    }
  });

  it('states the memory figures in MiB as computed', () => {
    const saved = LSTM_SAVED_PER_STEP * H * T * BATCH * FLOAT32_BYTES;
    expect(saved / MIB).toBe(375);
    expect(card('rnn-equations/bptt-memory').answerText).toContain(`${saved / MIB} MiB`);
    const chunk = LSTM_SAVED_PER_STEP * H * CHUNK * BATCH * FLOAT32_BYTES;
    expect(card('rnn-equations/truncated-bptt').answerText).toContain(`${chunk / MIB} MiB`);
    expect(card('rnn-equations/truncated-bptt').answerText).toContain(`更新 ${T / CHUNK} 次`);
    expect(card('rnn-equations/truncated-bptt').answerText).toContain(
      `的 ${T / 1 / (T / CHUNK)} 倍`,
    );
  });

  it('states the forget-gate decay figures as computed', () => {
    const text = card('rnn-equations/forget-bias').answerText;
    const open = sigmoid(1);
    expect(text).toContain(`0.5^{10} \\approx ${fixed(0.5 ** 10, 6)}`);
    expect(text).toContain(`\\sigma(1) \\approx ${fixed(open, 3)}`);
    expect(text).toContain(`约 ${fixed(open ** 10, 4)}`);
    expect(text).toContain(`大了约 ${Math.round(open ** 10 / 0.5 ** 10)} 倍`);
  });

  it('states the eigenvalue powers and the clipped gradient as computed', () => {
    const eigen = card('rnn-equations/linear-eigen').answerText;
    expect(eigen).toContain(`0.9^{50} \\approx ${fixed(0.9 ** 50, 5)}`);
    expect(eigen).toContain(`1.1^{50} \\approx ${fixed(1.1 ** 50, 2)}`);
    const clip = card('rnn-equations/clip-by-norm').answerText;
    const g = [3, 4];
    const norm = Math.hypot(...g);
    const threshold = 1;
    expect(clip).toContain(`\\|g\\| = ${norm}`);
    expect(clip).toContain(`(${g.map((x) => (x * threshold) / norm).join(', ')})`);
  });
});
