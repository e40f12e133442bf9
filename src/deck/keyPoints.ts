// Key points of an answer, for ticking what one said in a mock interview: each top-level list
// item of the answer or, when the answer has no top-level list, each top-level block (paragraph,
// code, table, quote). With a list, paragraphs beside it (a lead-in, a closing remark) are
// context, not points. A display formula ($$…$$) on its own joins the point before it, so that
// math inside a point is kept whole with the text it belongs to.
//
// Pure, build time: Markdown in (ParsedCard.answer), Markdown fragments out, cut from the source
// by the parser's positions so nothing is re-serialised; render each with renderMarkdown.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { ListItem, Root, RootContent } from 'mdast';

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

/** Blocks that are neither a point nor part of one. */
const NOT_POINTS = new Set<RootContent['type']>(['heading', 'thematicBreak', 'definition', 'html']);

function sourceOf(source: string, first: RootContent, last: RootContent): string {
  const start = first.position?.start.offset;
  const end = last.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/** An item's content without its marker, its continuation lines dedented to the marker's width. */
function itemSource(source: string, item: ListItem): string {
  const first = item.children[0];
  const last = item.children[item.children.length - 1];
  if (first === undefined || last === undefined) return '';
  const indent = (first.position?.start.column ?? 1) - 1;
  const strip = new RegExp(`^ {0,${indent}}`);
  return sourceOf(source, first, last)
    .split('\n')
    .map((line, i) => (i === 0 ? line : line.replace(strip, '')))
    .join('\n');
}

/** The answer's key points as Markdown fragments, in order; none for an empty answer. */
export function extractKeyPoints(answerMarkdown: string): string[] {
  const tree = markdown.parse(answerMarkdown) as Root;
  const lists = tree.children.filter((n) => n.type === 'list');
  if (lists.length > 0) {
    return lists
      .flatMap((list) => list.children.map((item) => itemSource(answerMarkdown, item).trim()))
      .filter((point) => point !== '');
  }
  const points: string[] = [];
  for (const block of tree.children) {
    if (NOT_POINTS.has(block.type)) continue;
    const text = sourceOf(answerMarkdown, block, block).trim();
    if (text === '') continue;
    if (block.type === 'math' && points.length > 0) points[points.length - 1] += `\n\n${text}`;
    else points.push(text);
  }
  return points;
}
