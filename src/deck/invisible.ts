// Invisible characters that exports from Notion, Typora and web pages leave in text: a zero-width
// space inside `Q1：` hides a card in the one before it, inside a question it changes the card's
// id, inside `$…$` KaTeX complains. They are removed before parsing and hashing.
//
// Always removed: soft hyphen U+00AD, zero-width space U+200B, word joiner and invisible math
// operators U+2060–U+2064, byte-order mark / zero-width no-break space U+FEFF.
// The joiners U+200C (ZWNJ) and U+200D (ZWJ) are kept where they mean something: ZWJ inside an
// emoji sequence (👩‍💻), and either one between two letters of a script that shapes with them
// (Arabic, Persian, Syriac, the Indic scripts, Sinhala, Myanmar, Khmer, Mongolian). Elsewhere
// (next to Latin, Han, digits, punctuation, spaces) they are removed like the rest.
import type { Point } from './diagnostics.ts';

const CANDIDATE = /[\u00AD\u200B-\u200D\u2060-\u2064\uFEFF]/g;
const JOINING_SCRIPT =
  /^[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Mongolian}]$/u;
const NAMES: Record<string, string> = {
  '\u00AD': 'soft hyphen',
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\uFEFF': 'zero-width no-break space',
};
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
/** What may sit between a pictograph and the ZWJ after it: VS16 and skin-tone modifiers. */
const EMOJI_TAIL = /^(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])$/u;

export interface StrippedText {
  text: string;
  /** How many characters were removed. */
  removed: number;
  /** What was removed, e.g. `zero-width space U+200B`, in code point order. */
  kinds: string[];
  /** Where the first removed character was, in the original text. */
  first?: Point;
  /** Column in the original text of `column` on `line` of the stripped text. */
  originalColumn: (line: number, column: number) => number;
}

/** Text-direction controls (embeddings, overrides, isolates): kept, but they can make text
 * display in another order than it is written, so an author is told where the first one is. */
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** The first direction control in `text`: where it is and its code point, or undefined. */
export function firstDirectionControl(text: string): (Point & { code: string }) | undefined {
  const match = DIRECTION_CONTROL.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  const line = before.split('\n').length;
  const column = match.index - before.lastIndexOf('\n');
  const code = `U+${match[0].charCodeAt(0).toString(16).toUpperCase()}`;
  return { line, column, code };
}

function codePointBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) return text.slice(index - 2, index);
  return text.slice(index - 1, index);
}

function codePointAfter(text: string, index: number): string {
  const cp = text.codePointAt(index);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** Whether the joiner at `index` is part of an emoji sequence or of a script that needs it. */
function joinerMeansSomething(text: string, index: number): boolean {
  const before = codePointBefore(text, index);
  const after = codePointAfter(text, index + 1);
  if (JOINING_SCRIPT.test(before) && JOINING_SCRIPT.test(after)) return true;
  if (text[index] !== '\u200D' || !PICTOGRAPHIC.test(after)) return false;
  if (PICTOGRAPHIC.test(before)) return true;
  return EMOJI_TAIL.test(before) && PICTOGRAPHIC.test(codePointBefore(text, index - before.length));
}

export function stripInvisible(text: string): StrippedText {
  const pieces: string[] = [];
  /** Per line of the stripped text: the stripped columns at which a character was removed. */
  const removedAt = new Map<number, number[]>();
  let removed = 0;
  let first: Point | undefined;
  let copiedTo = 0;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  let removedOnLine = 0;
  const kinds = new Set<string>();
  for (const match of text.matchAll(CANDIDATE)) {
    const index = match.index;
    if ((match[0] === '\u200C' || match[0] === '\u200D') && joinerMeansSomething(text, index))
      continue;
    for (
      let i = text.indexOf('\n', scanned);
      i !== -1 && i < index;
      i = text.indexOf('\n', i + 1)
    ) {
      line++;
      lineStart = i + 1;
      removedOnLine = 0;
    }
    scanned = index;
    const column = index - lineStart + 1;
    first ??= { line, column };
    const list = removedAt.get(line) ?? [];
    list.push(column - removedOnLine);
    removedAt.set(line, list);
    removedOnLine++;
    kinds.add(match[0]);
    removed++;
    pieces.push(text.slice(copiedTo, index));
    copiedTo = index + 1;
  }
  if (removed === 0) return { text, removed, kinds: [], originalColumn: (_, column) => column };
  pieces.push(text.slice(copiedTo));
  const result: StrippedText = {
    text: pieces.join(''),
    removed,
    kinds: [...kinds].sort().map((c) => {
      const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      return `${NAMES[c] ?? 'invisible operator'} ${code}`;
    }),
    originalColumn: (atLine, column) =>
      column + (removedAt.get(atLine)?.filter((c) => c <= column).length ?? 0),
  };
  if (first) result.first = first;
  return result;
}
