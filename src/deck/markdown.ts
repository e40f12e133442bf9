// The Markdown parser (remark with GFM, math and front matter), fed a file in pieces.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkFrontmatter from 'remark-frontmatter';
import { visit } from 'unist-util-visit';
import type { Root, RootContent } from 'mdast';

// Defined once: the processor is reused for every file.
const markdown = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkFrontmatter, ['yaml']);

export /**
 * The top-level nodes of `source`, parsed piece by piece (pieces start at card boundaries that
 * no Markdown block crosses) with positions in the whole text. One parse of a whole large file
 * takes time that grows with the square of its size.
 */
function parsePieces(source: string, pieces: number[]): RootContent[] {
  const out: RootContent[] = [];
  let line = 1;
  let counted = 0;
  pieces.forEach((start, i) => {
    for (
      let n = source.indexOf('\n', counted);
      n !== -1 && n < start;
      n = source.indexOf('\n', n + 1)
    )
      line++;
    counted = start;
    const tree: Root = markdown.parse(source.slice(start, pieces[i + 1] ?? source.length));
    if (start > 0) {
      visit(tree, (node) => {
        for (const point of [node.position?.start, node.position?.end]) {
          if (!point) continue;
          point.line += line - 1;
          if (point.offset !== undefined) point.offset += start;
        }
      });
    }
    out.push(...tree.children);
  });
  return out;
}
