// Shared helpers for the parseDeck tests: parse a source, catch its DeckError, build diagnostics.
import { DeckError } from '../../src/deck/diagnostics.ts';
import type { Diagnostic } from '../../src/deck/diagnostics.ts';
import { parseDeck } from '../../src/deck/parse.ts';
import type { ParseResult } from '../../src/deck/parse.ts';

const FILE = 'content/x.md';

export function parse(source: string, file = FILE): ParseResult {
  return parseDeck(source, { file });
}

/** The DeckError that parsing `source` throws; fails the test if it throws anything else. */
export function parseError(source: string, file = FILE): DeckError {
  try {
    parse(source, file);
  } catch (e) {
    if (e instanceof DeckError) return e;
    throw e;
  }
  throw new Error('expected parseDeck to throw a DeckError');
}

export function errorAt(line: number, column: number, message: string): Diagnostic {
  return { severity: 'error', file: FILE, line, column, message };
}

export function warningAt(line: number, column: number, message: string): Diagnostic {
  return { severity: 'warning', file: FILE, line, column, message };
}
