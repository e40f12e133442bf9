// Limits that keep checking a deck fast and its build small, checked on the text before the
// Markdown parser sees it (deep nesting makes that parser slow, then overflow its stack), and
// the card boundaries at which a file is parsed in pieces (one parse of a whole file costs time
// that grows with the square of its lists and quotes).
import type { Diagnostic } from './diagnostics.ts';

export const LIMITS = {
  /** A deck file, in characters (about 2 MB): bigger decks are split into several files. */
  fileChars: 2_000_000,
  /** Lists and quotes inside each other, and emphasis or brackets open at once. */
  nesting: 50,
  /** One `$…$` or `$$…$$`: KaTeX turns each character into about 100 of HTML. */
  formulaChars: 4_000,
  /** Braces inside each other in one formula. */
  mathNesting: 50,
  /**
   * The largest size a formula may ask for, in ems (KaTeX's maxSize): `\rule{100000em}{1em}` is
   * drawn 20em wide instead of a black box that pushes the card's buttons out of reach.
   */
  mathSizeEm: 20,
} as const;

const PIECE_CHARS = 2_000;

/** Multi-line blocks in which a blank line and a line at column 1 do not end anything. */
const FENCE = /^ {0,3}(`{3,}|~{3,}|\${2,})/;
const HTML_BLOCK: [RegExp, RegExp][] = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, /<\/(script|pre|style|textarea)>/i],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];
/** A line that may start a card: `Q1：…` or a heading. */
const CARD_LINE = /^(Q\d+\s*[:：]|#{1,6}(\s|$))/;
const CONTAINER = /^(>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

export interface ScannedText {
  /** Offsets at which the text can be parsed in separate pieces, 0 first. */
  pieces: number[];
  errors: Diagnostic[];
}

/** Offsets of the start of each line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function scanText(text: string, file: string): ScannedText {
  const pieces = [0];
  const errors: Diagnostic[] = [];
  const reported = new Set<string>();
  const error = (kind: string, line: number, column: number, message: string) => {
    // The first place of each kind is enough to find it; a hostile file would print thousands.
    if (reported.has(kind)) return;
    reported.add(kind);
    errors.push({ severity: 'error', file, line, column, message });
  };
  const starts = lineStarts(text);
  let closer: RegExp | undefined;
  let fence: { char: string; length: number } | undefined;
  let previousBlank = true;
  let inline = 0;
  for (let n = 0; n < starts.length; n++) {
    const start = starts[n]!;
    const line = text.slice(start, (starts[n + 1] ?? text.length + 1) - 1).replace(/\r$/, '');
    const blank = line.trim() === '';
    if (n === 0 && line === '---') {
      closer = /^(---|\.\.\.)\s*$/;
      previousBlank = false;
      continue;
    }
    if (closer) {
      if (closer.test(line)) closer = undefined;
      previousBlank = false;
      continue;
    }
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length)
        fence = undefined;
      previousBlank = false;
      continue;
    }
    // Pieces of some kilobytes: each parse has a fixed cost, and within a piece the square is small.
    if (previousBlank && start - pieces[pieces.length - 1]! >= PIECE_CHARS && CARD_LINE.test(line))
      pieces.push(start);
    const open = FENCE.exec(line);
    if (open && !(open[1]![0] === '`' && line.slice(open[0].length).includes('`'))) {
      const rest = line.slice(open[0].length);
      // `$$x$$` on one line opens nothing.
      if (!(open[1]![0] === '$' && rest.includes(open[1]!))) {
        fence = { char: open[1]![0]!, length: open[1]!.length };
      }
    } else {
      const html = HTML_BLOCK.find(([o]) => o.test(line));
      if (html && !html[1].test(line.replace(html[0], ''))) closer = html[1];
    }
    if (blank) inline = 0;
    else {
      const depth = containerDepth(line);
      if (depth.depth > LIMITS.nesting)
        error(
          'blocks',
          n + 1,
          depth.column,
          `lists and quotes are nested ${depth.depth} deep here; the limit is ${LIMITS.nesting}`,
        );
      inline = inlineDepth(line, inline, (column, depth) =>
        error(
          'inline',
          n + 1,
          column,
          `emphasis or brackets are nested (or left open) ${depth} deep here; the limit is ${LIMITS.nesting}`,
        ),
      );
    }
    previousBlank = blank;
  }
  return { pieces, errors };
}

/** Containers a line opens or continues: its `>` and list markers, and its indentation by 2. */
function containerDepth(line: string): { depth: number; column: number } {
  let i = 0;
  let markers = 0;
  let indent = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') {
      indent += line[i] === '\t' ? 4 : 1;
      i++;
    }
    const m = CONTAINER.exec(line.slice(i, i + 12));
    if (!m) break;
    markers++;
    i += m[0].length;
    if (markers + Math.floor(indent / 2) > LIMITS.nesting) break;
  }
  return { depth: markers + Math.floor(indent / 2), column: i + 1 };
}

const CODE_OR_MATH = /(`+)[^`]*?\1|\$+[^$]*?\$+/g;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * Emphasis and brackets still open after `line`, starting from `open`: an estimate (a closer
 * closes the nearest opener) that is exact for the nesting that costs the parser time.
 */
function inlineDepth(
  rawLine: string,
  open: number,
  tooDeep: (column: number, depth: number) => void,
): number {
  const line = rawLine.replace(CODE_OR_MATH, (m) => ' '.repeat(m.length));
  let depth = open;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '*' || c === '_') {
      let end = i;
      while (line[end + 1] === c) end++;
      const before = line[i - 1] ?? ' ';
      const after = line[end + 1] ?? ' ';
      const space = (x: string) => /\s/.test(x);
      const left =
        !space(after) && (!PUNCTUATION.test(after) || space(before) || PUNCTUATION.test(before));
      const right =
        !space(before) && (!PUNCTUATION.test(before) || space(after) || PUNCTUATION.test(after));
      const run = end - i + 1;
      if (left && (!right || (c === '*' && depth === 0))) depth += run;
      else if (right) depth = Math.max(0, depth - run);
      i = end;
    }
    if (depth > LIMITS.nesting) {
      tooDeep(i + 1, depth);
      return 0;
    }
  }
  return depth;
}
