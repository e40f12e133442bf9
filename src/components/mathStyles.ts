// KaTeX's stylesheet (and through it, its fonts), fetched once and only when a card with math is
// about to be shown: most cards have none. Shared by every screen that draws card HTML.

let mathStyles: Promise<unknown> | null = null;

export function loadMathStyles(): Promise<unknown> {
  mathStyles ??= import('katex/dist/katex.min.css');
  return mathStyles;
}
