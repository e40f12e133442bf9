// Checks that need more than one file's text: ids unique across decks, images present,
// every formula accepted by KaTeX. Pure: the file system is reached only through `imageExists`.
import katex from 'katex';
import type { Diagnostic } from './diagnostics.ts';
import { LIMITS } from './limits.ts';
import { imageUrlKind } from './urls.ts';
import type { ParsedDeck } from './types.ts';

export interface ValidateOptions {
  /** Whether a local image URL, as written in `deckFile`, points at an existing file. */
  imageExists: (deckFile: string, url: string) => boolean;
}

export { isExternalUrl } from './urls.ts';

export function validateDecks(
  decks: readonly ParsedDeck[],
  options: ValidateOptions,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const deck of decks) {
    for (const card of deck.cards) {
      const where = { file: deck.file, line: card.source.line, column: 1 };
      const first = seen.get(card.id);
      if (first !== undefined) {
        out.push({
          severity: 'error',
          ...where,
          message: `duplicate card id "${card.id}" (also used at ${first})`,
        });
      } else {
        seen.set(card.id, `${deck.file}:${card.source.line}`);
      }

      for (const image of card.images) {
        const at = { file: deck.file, line: image.line, column: image.column };
        const kind = imageUrlKind(image.url);
        if (kind.kind === 'refused') {
          out.push({ severity: kind.severity, ...at, message: kind.reason });
        } else if (kind.kind === 'local' && !options.imageExists(deck.file, image.url)) {
          out.push({ severity: 'error', ...at, message: `image not found: ${image.url}` });
        }
        if (image.alt.trim() === '') {
          out.push({
            severity: 'warning',
            ...at,
            message: `image ${image.url} has no text alternative: write one in ![…](…)`,
          });
        }
      }

      for (const math of card.math) {
        const at = { file: deck.file, line: math.line, column: math.column };
        out.push(...checkMath(math.tex, math.display, at));
      }
    }
  }
  return out;
}

/** Renders one formula with KaTeX: parse failures are errors, strict-mode complaints warnings. */
export function checkMath(
  tex: string,
  display: boolean,
  at: { file: string; line: number; column: number },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const depth = braceDepth(tex);
  const tooBig =
    depth > LIMITS.mathNesting
      ? `formula has braces nested ${depth} deep; the limit is ${LIMITS.mathNesting}`
      : tex.length > LIMITS.formulaChars
        ? `formula has ${tex.length} characters; the limit is ${LIMITS.formulaChars}`
        : undefined;
  if (tooBig) return [{ severity: 'error', ...at, message: `${tooBig}: split or simplify it` }];
  try {
    katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      maxSize: LIMITS.mathSizeEm,
      strict: (code: string, message: string) => {
        // KaTeX complains once per occurrence and per output format: report each kind once.
        const text = `KaTeX (${code}): ${message} in $${tex}$`;
        if (!out.some((d) => d.message === text))
          out.push({ severity: 'warning', ...at, message: text });
        return 'ignore';
      },
    });
  } catch (e) {
    if (!(e instanceof katex.ParseError)) {
      // KaTeX failing in another way (its stack, a bug) is still this formula's problem.
      const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      out.push({ severity: 'error', ...at, message: `math could not be checked (${reason})` });
      return out;
    }
    // KaTeX counts from the formula's first character; the `$` opener comes before it.
    const position = (e as { position?: number }).position;
    const column =
      position !== undefined && !display && !tex.slice(0, position).includes('\n')
        ? at.column + 1 + position
        : at.column;
    const reason = e.message.replace(/^KaTeX parse error: /, '');
    out.push({ severity: 'error', ...at, column, message: `math does not render: ${reason}` });
  }
  return out;
}

/** How deep `{…}` groups go in a formula (escaped `\{` is a brace character, not a group). */
function braceDepth(tex: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') i++;
    else if (c === '{') max = Math.max(max, ++depth);
    else if (c === '}') depth = Math.max(0, depth - 1);
  }
  return max;
}
