// Limits on hostile or oversized content (src/deck/limits.ts): each one a located error, found
// fast, never a stack trace; and check time that grows with the size of a file, not its square.
import { readFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { DeckError, type Diagnostic } from '../../src/deck/diagnostics.ts';
import { LIMITS } from '../../src/deck/limits.ts';
import { parseDeck } from '../../src/deck/parse.ts';
import { validateDecks } from '../../src/deck/validate.ts';
import { repoRoot } from '../build/helpers.ts';

const FILE = 'content/x.md';

/** The diagnostics of parsing and validating `source`, and how long that took. */
function check(source: string): { diagnostics: Diagnostic[]; ms: number } {
  const started = performance.now();
  let diagnostics: Diagnostic[];
  try {
    const { deck, warnings } = parseDeck(source, { file: FILE });
    diagnostics = [...warnings, ...validateDecks([deck], { imageExists: () => true })];
  } catch (e) {
    if (!(e instanceof DeckError)) throw e;
    diagnostics = [...e.diagnostics];
  }
  return { diagnostics, ms: performance.now() - started };
}

const errors = (source: string) => check(source).diagnostics.filter((d) => d.severity === 'error');

describe('limits', () => {
  it('refuses math nested 3,000 deep with a located error, not a RangeError', () => {
    const tex = `${'{'.repeat(3000)}x${'}'.repeat(3000)}`;
    expect(errors(`Q1：q\n\nsee $${tex}$\n`)).toEqual([
      {
        severity: 'error',
        file: FILE,
        line: 3,
        column: 5,
        message: `formula has braces nested 3000 deep; the limit is ${LIMITS.mathNesting}: split or simplify it`,
      },
    ]);
  });

  it('refuses a formula of 200 KB with a located error', () => {
    const tex = 'x+'.repeat(100_000);
    expect(errors(`Q1：q\n\n$$\n${tex}\n$$\n`)).toEqual([
      expect.objectContaining({
        line: 3,
        column: 1,
        message: `formula has ${tex.length} characters; the limit is ${LIMITS.formulaChars}: split or simplify it`,
      }),
    ]);
  });

  it('refuses 20,000 nested quotes quickly with a located error', () => {
    const { diagnostics, ms } = check(`Q1：q\n\n${'>'.repeat(20_000)} a\n`);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        file: FILE,
        line: 3,
        column: LIMITS.nesting + 2,
        message: `lists and quotes are nested ${LIMITS.nesting + 1} deep here; the limit is ${LIMITS.nesting}`,
      },
    ]);
    expect(ms).toBeLessThan(2_000);
  });

  it('refuses lists nested by indentation past the limit', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item ${i}`);
    expect(errors(`Q1：q\n\n${lines.join('\n')}\n`)).toEqual([
      expect.objectContaining({
        line: 3 + LIMITS.nesting,
        message: `lists and quotes are nested ${LIMITS.nesting + 1} deep here; the limit is ${LIMITS.nesting}`,
      }),
    ]);
  });

  it('refuses 80 KB of nested emphasis in well under a second per kilobyte', () => {
    const n = 13_000;
    const { diagnostics, ms } = check(`Q1：q\n\n${'*a '.repeat(n)}b${' c*'.repeat(n)}\n`);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        file: FILE,
        line: 3,
        column: 3 * LIMITS.nesting + 1,
        message: `emphasis or brackets are nested (or left open) ${LIMITS.nesting + 1} deep here; the limit is ${LIMITS.nesting}`,
      },
    ]);
    expect(ms).toBeLessThan(5_000);
  });

  it('accepts ordinary emphasis, links and brackets, however many', () => {
    const line = '*a* **b** _c_ [d](https://e.example) `*f` $g_1 * h_2$ snake_case_name a * b [x] ';
    expect(errors(`Q1：q\n\n${line.repeat(200)}\n`)).toEqual([]);
  });

  it('refuses a file over the size limit at its first line', () => {
    const big = `Q1：q\n\n${'word '.repeat(LIMITS.fileChars / 5)}\n`;
    expect(errors(big)).toEqual([
      expect.objectContaining({
        line: 1,
        column: 1,
        message: expect.stringMatching(/^file has 2\.0 million characters; the limit is 2 million/),
      }),
    ]);
  });

  it('turns an unexpected exception while parsing into a located error for the file', () => {
    const normalize = vi.spyOn(String.prototype, 'normalize').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    onTestFinished(() => normalize.mockRestore());
    expect(errors('Q1：q\n\na\n')).toEqual([
      {
        severity: 'error',
        file: FILE,
        line: 1,
        column: 1,
        message:
          'this file could not be read (RangeError: Maximum call stack size exceeded); please report it with the file',
      },
    ]);
  });
});

describe('check time', () => {
  it('checks a 1 MB ordinary deck in seconds (the seed deck repeated)', { timeout: 60_000 }, () => {
    const seed = readFileSync(`${repoRoot}content/rnn.md`, 'utf8').replace(/^# .*$/m, '');
    let source = '# Big\n\n';
    for (let k = 1; source.length < 1_000_000; k++) {
      source += `${seed.replace(/Q(\d+)：/g, (_, n: string) => `Q${n}：(${k}) `)}\n`;
    }
    const { diagnostics, ms } = check(source);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // About 2 s on an idle laptop; a whole-file parse took over 100 s on a loaded machine.
    expect(ms).toBeLessThan(20_000);
  });
});
