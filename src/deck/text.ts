// Plain text out of Markdown trees: questions for ids and search, answers for search, and the
// links of a source line.
import { visit } from 'unist-util-visit';
import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { SourceLink } from './types.ts';

/** `***question***` → `question`: emphasis that wraps the whole question is not part of it. */
export function unwrapEmphasis(nodes: PhrasingContent[]): PhrasingContent[] {
  let inner = nodes.filter(
    (n) => !(n.type === 'text' && n.value.trim() === '') && n.type !== 'break',
  );
  while (inner.length === 1) {
    const only = inner[0]!;
    if (only.type !== 'emphasis' && only.type !== 'strong') break;
    inner = only.children.filter((n) => !(n.type === 'text' && n.value.trim() === ''));
  }
  // Leftover markers of unbalanced runs (e.g. `*****q*****` parses with stray `*` text).
  return inner.filter((n) => !(n.type === 'text' && /^[*_\s]+$/.test(n.value)));
}

export function linksIn(paragraph: Paragraph): SourceLink[] {
  const links: SourceLink[] = [];
  visit(paragraph, 'link', (link) => {
    const text = plainText(link).trim();
    links.push(text && text !== link.url ? { title: text, url: link.url } : { url: link.url });
  });
  return links;
}

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'listItem',
  'blockquote',
  'code',
  'math',
  'tableCell',
  'tableRow',
  'thematicBreak',
]);

/** Plain text for search: inline content joined as written, blocks separated by newlines. */
export function plainText(node: Nodes): string {
  return tidy(rawText(node));
}

/** Like plainText but untrimmed, so that inline pieces keep the spaces between them. */
function rawText(node: Nodes): string {
  const parts: string[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'inlineMath')
      parts.push(n.value);
    else if (n.type === 'code' || n.type === 'math') parts.push(n.value);
    else if (n.type === 'image') parts.push(n.alt ?? '');
    else if (n.type === 'break') parts.push('\n');
    if ('children' in n) for (const c of n.children) walk(c);
    if (BLOCK_TYPES.has(n.type)) parts.push('\n');
  };
  walk(node);
  return parts.join('');
}

export function phrasingText(nodes: PhrasingContent[]): string {
  return tidy(nodes.map(rawText).join(''));
}

export function blocksText(nodes: RootContent[]): string {
  return tidy(nodes.map(plainText).join('\n'));
}

function tidy(text: string): string {
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

export function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
