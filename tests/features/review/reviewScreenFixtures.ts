// The two-card test deck and the answer lookup shared by the ReviewScreen tests.
import { screen } from '@testing-library/react';
import type { Card } from '../../../src/deck/types.ts';

export const T0 = Date.UTC(2026, 10, 27, 2, 0); // 10:00 local (Asia/Shanghai)

/** Card `n` of the test deck (the first cites a source). */
export function card(n: number, question: string, answer: string): Card {
  return {
    id: `test/q${n}`,
    deck: 'test',
    number: n,
    questionHtml: `<p>${question}</p>`,
    answerHtml: `<p>${answer}</p>`,
    questionText: question,
    answerText: answer,
    sources: n === 1 ? [{ url: 'https://example.com/lstm' }] : [],
    tags: [],
    source: { file: 'content/test.md', line: n },
    hasMath: false,
  };
}

export const CARDS = [
  card(1, 'What does the forget gate do?', 'It scales the previous cell state.'),
  card(2, 'Why do RNN gradients vanish?', 'Repeated multiplication by small factors.'),
];

export const answerOf = (text: string) => screen.getByText(text).closest('.card-answer');
