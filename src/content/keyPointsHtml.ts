// Key points of a rendered answer, derived in the browser from `answerHtml`: the same rule as
// src/deck/keyPoints.ts (each top-level list item, else each top-level block; a display formula
// on its own joins the point before it; headings and rules are not points).
//
// Why derive them here and not ship them from the build: card bodies already carry the answer
// as HTML, so the points cost no byte of download — storing the points (or their boundaries)
// in the chunks would grow every chunk, the preloaded first one included, whose first-load
// budget is full. The code lives with the screens that use it (mock interview, the review
// checklist), which load on demand. tests/content/keyPointsHtml.test.ts checks it against
// extractKeyPoints on the seed deck.

/** Top-level elements that are neither a point nor part of one. */
const NOT_POINTS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR']);

const isDisplayMath = (el: Element): boolean =>
  el.tagName === 'SPAN' && el.classList.contains('katex-display');

/**
 * The answer's key points as HTML fragments (inner HTML of each list item, outer HTML of each
 * block), in order; none for an empty answer. `doc`: the document to parse with (a <template>
 * keeps the fragment inert: no image loads, no script runs).
 */
export function keyPointsFromHtml(answerHtml: string, doc: Document = document): string[] {
  const template = doc.createElement('template');
  template.innerHTML = answerHtml;
  const blocks = [...template.content.children];
  const lists = blocks.filter((el) => el.tagName === 'UL' || el.tagName === 'OL');
  if (lists.length > 0) {
    return lists
      .flatMap((list) => [...list.children].filter((li) => li.tagName === 'LI'))
      .map((li) => li.innerHTML.trim())
      .filter((point) => point !== '');
  }
  const points: string[] = [];
  for (const block of blocks) {
    if (NOT_POINTS.has(block.tagName)) continue;
    const html = block.outerHTML;
    if ((block.textContent ?? '').trim() === '' && block.querySelector('img') === null) continue;
    if (isDisplayMath(block) && points.length > 0) points[points.length - 1] += html;
    else points.push(html);
  }
  return points;
}
