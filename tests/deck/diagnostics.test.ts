import { describe, expect, it } from 'vitest';
import { DeckError, formatDiagnostic, pointAt } from '../../src/deck/diagnostics.ts';
import type { Diagnostic } from '../../src/deck/diagnostics.ts';

const error: Diagnostic = {
  severity: 'error',
  file: 'content/x.md',
  line: 3,
  column: 1,
  message: 'question has no answer: "a"',
};
const warning: Diagnostic = {
  severity: 'warning',
  file: 'content/x.md',
  line: 5,
  column: 1,
  message: 'Q3 is out of order: expected Q2',
};

describe('formatDiagnostic', () => {
  it('prints errors as file:line:col: message', () => {
    expect(formatDiagnostic(error)).toBe('content/x.md:3:1: question has no answer: "a"');
  });

  it('marks warnings', () => {
    expect(formatDiagnostic(warning)).toBe(
      'content/x.md:5:1: warning: Q3 is out of order: expected Q2',
    );
  });
});

describe('DeckError', () => {
  it('carries every diagnostic and prints one per line', () => {
    const e = new DeckError([error, { ...error, line: 7, message: 'question is empty' }]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DeckError');
    expect(e.diagnostics).toHaveLength(2);
    expect(e.message).toBe(
      'content/x.md:3:1: question has no answer: "a"\ncontent/x.md:7:1: question is empty',
    );
  });
});

describe('pointAt', () => {
  it('turns a UTF-16 offset into a 1-based line and column', () => {
    const text = 'ab\n问题\n\n😀x';
    expect(pointAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(pointAt(text, 2)).toEqual({ line: 1, column: 3 });
    expect(pointAt(text, 3)).toEqual({ line: 2, column: 1 });
    expect(pointAt(text, 5)).toEqual({ line: 2, column: 3 });
    expect(pointAt(text, 7)).toEqual({ line: 4, column: 1 });
    expect(pointAt(text, 9)).toEqual({ line: 4, column: 3 });
  });
});
