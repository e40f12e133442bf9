// Markdown → ParsedDeck. Pure: text in, plain data out; no file system, no DOM, no Vite.
// Built on remark (mdast) so that Markdown structure — emphasis, lists, math, links — is read
// by a real parser; only the `Qn：` prefix and the source label are matched by pattern.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkFrontmatter from 'remark-frontmatter';
import { visit } from 'unist-util-visit';
import { parseDocument } from 'yaml';
import type { Heading, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Diagnostic } from './diagnostics.ts';
import { DeckError, pointAt } from './diagnostics.ts';
import { hash53, normaliseQuestion } from './hash.ts';
import type { LocatedImage, LocatedMath, ParsedCard, ParsedDeck, SourceLink } from './types.ts';

// Defined once: the processor is reused for every file.
const markdown = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkFrontmatter, ['yaml']);

const Q_PREFIX = /^\s*Q(\d+)\s*[:：]\s*/;
const SOURCE_LABEL = /^\s*(引用|来源|出处|参考|参考资料|sources?|references?)\s*[:：]\s*/i;
const DIRECTIVE = /^<!--\s*(id|tags)\s*:\s*([\s\S]*?)\s*-->$/i;
const PINNED_ID = /^[A-Za-z0-9][\w./-]*$/;
/** Ids are keys of plain objects in the app: these would collide with Object's own. */
const RESERVED_IDS = new Set(['constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);
const FRONT_MATTER_KEYS = new Set(['title', 'tags', 'lang', 'order']);

export interface ParseOptions {
  /** Path shown in messages and stored in `card.source.file`. */
  file: string;
  /** Deck slug, the prefix of hashed ids; defaults to the file name without `.md`. */
  slug?: string;
}

export interface ParseResult {
  deck: ParsedDeck;
  /** Warnings only: errors are thrown as one DeckError. */
  warnings: Diagnostic[];
}

/** `content/ml/rnn.md` relative to `content/` → `ml/rnn`. */
export function slugFromPath(relativePath: string): string {
  return relativePath
    .replace(/\\/g, '/')
    .replace(/\.md$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9/\u4e00-\u9fff-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface OpenCard {
  start: Paragraph | Heading;
  number: number | undefined;
  question: PhrasingContent[];
  /** Inline `<!-- id: … -->` found inside the question paragraph itself. */
  inlineDirectives: PhrasingContent[];
  body: RootContent[];
}

export function parseDeck(source: string, options: ParseOptions): ParseResult {
  const { file } = options;
  const slug = options.slug ?? slugFromPath(file.split('/').pop() ?? file);
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const at = (node: Nodes | undefined) => ({
    line: node?.position?.start.line ?? 1,
    column: node?.position?.start.column ?? 1,
  });
  const error = (node: Nodes | undefined, message: string) =>
    errors.push({ severity: 'error', file, ...at(node), message });
  const warn = (node: Nodes | undefined, message: string) =>
    warnings.push({ severity: 'warning', file, ...at(node), message });
  const slice = (from: Nodes, to: Nodes) =>
    source.slice(from.position?.start.offset ?? 0, to.position?.end.offset ?? 0).trim();

  if (source.trim() === '') {
    throw new DeckError([
      {
        severity: 'error',
        file,
        line: 1,
        column: 1,
        message: 'file is empty: a deck needs at least one card',
      },
    ]);
  }

  const tree: Root = markdown.parse(source);
  const children = tree.children;
  let title: string | undefined;
  let lang: string | undefined;
  let order: number | undefined;
  let deckTags: string[] = [];

  let index = 0;
  const first = children[0];
  if (first?.type === 'yaml') {
    index = 1;
    const meta = readFrontMatter(
      first.value,
      first.position?.start.line ?? 1,
      file,
      errors,
      warnings,
    );
    title = meta.title;
    lang = meta.lang;
    order = meta.order;
    deckTags = meta.tags;
  }

  const open: OpenCard[] = [];
  let current: OpenCard | undefined;
  let warnedPreamble = false;
  for (; index < children.length; index++) {
    const node = children[index]!;
    const start = cardStart(node);
    if (start) {
      current = start;
      open.push(start);
    } else if (node.type === 'heading' && node.depth === 1) {
      // A top-level heading titles the deck (the first one) and closes the card before it.
      if (title === undefined) title = plainText(node);
      current = undefined;
    } else if (current) {
      current.body.push(node);
    } else if (node.type !== 'html' && node.type !== 'definition' && !warnedPreamble) {
      warnedPreamble = true;
      warn(node, 'text outside any card is not shown; start a card with "Q1：" or "## question"');
    }
  }

  if (open.length === 0) {
    error(
      children[0],
      'no cards found: start each question with "Q1：…" or a "## question" heading',
    );
  }

  const cards: ParsedCard[] = [];
  const idLines = new Map<string, number>();
  let previousNumber: number | undefined;
  for (const card of open) {
    const location = at(card.start);

    if (card.number !== undefined) {
      const expected = (previousNumber ?? 0) + 1;
      if (card.number !== expected) {
        warn(card.start, `Q${card.number} is out of order: expected Q${expected}`);
      }
      previousNumber = card.number;
    }

    // Directives: `<!-- id: … -->` / `<!-- tags: … -->` inline or as blocks right after the question.
    const directives: { node: Nodes; key: string; value: string }[] = [];
    for (const node of card.inlineDirectives) {
      const m = node.type === 'html' ? DIRECTIVE.exec(node.value.trim()) : null;
      if (m) directives.push({ node, key: m[1]!.toLowerCase(), value: m[2]! });
    }
    while (card.body[0]?.type === 'html') {
      const m = DIRECTIVE.exec(card.body[0].value.trim());
      if (!m) break;
      directives.push({ node: card.body[0], key: m[1]!.toLowerCase(), value: m[2]! });
      card.body.shift();
    }

    const questionNodes = unwrapEmphasis(card.question);
    const questionFirst = questionNodes[0];
    const questionLast = questionNodes[questionNodes.length - 1];
    if (!questionFirst || !questionLast) {
      error(card.start, 'question is empty');
      continue;
    }
    const question = slice(questionFirst, questionLast);
    const questionText = phrasingText(questionNodes);

    // Trailing `引用：` / `Source:` paragraphs become links under the answer.
    const sources: SourceLink[] = [];
    for (;;) {
      const last = card.body[card.body.length - 1];
      if (last?.type !== 'paragraph' || !SOURCE_LABEL.test(plainText(last))) break;
      const links = linksIn(last);
      if (links.length === 0) {
        warn(last, 'source line has no link; it is kept as part of the answer');
        break;
      }
      sources.unshift(...links);
      card.body.pop();
    }

    const answerFirst = card.body[0];
    const answerLast = card.body[card.body.length - 1];
    // A body of only Unicode spaces (U+3000, NBSP, BOM) is a paragraph to Markdown but no answer.
    const answer = answerFirst && answerLast ? slice(answerFirst, answerLast) : '';
    if (answer === '') {
      error(card.start, `question has no answer: "${truncate(questionText)}"`);
      continue;
    }

    let id = `${slug}/${hash53(normaliseQuestion(questionText))}`;
    const tags = [...deckTags];
    for (const d of directives) {
      if (d.key === 'id') {
        if (RESERVED_IDS.has(d.value)) error(d.node, `id "${d.value}" is reserved: choose another`);
        else if (PINNED_ID.test(d.value)) id = d.value;
        else
          error(
            d.node,
            `invalid id "${d.value}": use letters, digits, "-", "_", "." or "/", starting with a letter or digit`,
          );
      } else {
        for (const tag of d.value.split(/[,，\s]+/)) if (tag && !tags.includes(tag)) tags.push(tag);
      }
    }

    const firstLine = idLines.get(id);
    if (firstLine !== undefined) {
      error(
        card.start,
        `duplicate card id "${id}" (also the card at line ${firstLine}); reword the question or pin an id with <!-- id: … -->`,
      );
      continue;
    }
    idLines.set(id, location.line);

    const images: LocatedImage[] = [];
    const math: LocatedMath[] = [];
    const scan = (node: Nodes) =>
      visit(node, (n) => {
        if (n.type === 'image') images.push({ url: n.url, alt: n.alt ?? '', ...at(n) });
        else if (n.type === 'inlineMath' || n.type === 'math')
          math.push({ tex: n.value, display: n.type === 'math', ...at(n) });
      });
    questionNodes.forEach(scan);
    card.body.forEach(scan);

    const parsed: ParsedCard = {
      id,
      deck: slug,
      question,
      answer,
      questionText,
      answerText: blocksText(card.body),
      sources,
      tags,
      source: { file, line: location.line },
      images,
      math,
    };
    if (card.number !== undefined) parsed.number = card.number;
    cards.push(parsed);
  }

  if (errors.length > 0) throw new DeckError(errors);

  const deck: ParsedDeck = { slug, title: title ?? slug, tags: deckTags, file, cards };
  if (lang !== undefined) deck.lang = lang;
  if (order !== undefined) deck.order = order;
  return { deck, warnings };
}

/** A `Qn：` paragraph or a `##` heading opens a card; anything else does not. */
function cardStart(node: RootContent): OpenCard | undefined {
  if (node.type === 'heading' && node.depth === 2) {
    return splitQuestion(node, false);
  }
  if (node.type === 'paragraph') return splitQuestion(node, true);
  return undefined;
}

function splitQuestion(node: Paragraph | Heading, prefixRequired: boolean): OpenCard | undefined {
  const [head, ...rest] = node.children;
  const match = head?.type === 'text' ? Q_PREFIX.exec(head.value) : null;
  if (!match && prefixRequired) return undefined;
  let question: PhrasingContent[] = node.children;
  if (match && head?.type === 'text') {
    const remaining = head.value.slice(match[0].length);
    question = rest;
    if (remaining !== '') {
      // Keep the text after the prefix, with a position that starts after it, for slicing.
      const offset = (head.position?.start.offset ?? 0) + match[0].length;
      const column = (head.position?.start.column ?? 1) + match[0].length;
      const line = head.position?.start.line ?? 1;
      question = [
        {
          type: 'text',
          value: remaining,
          position: {
            start: { line, column, offset },
            end: head.position?.end ?? { line, column, offset },
          },
        },
        ...rest,
      ];
    }
  }
  const inlineDirectives = question.filter(
    (n) => n.type === 'html' && DIRECTIVE.test(n.value.trim()),
  );
  question = question.filter((n) => !inlineDirectives.includes(n));
  return {
    start: node,
    number: match ? Number(match[1]) : undefined,
    question,
    inlineDirectives,
    body: [],
  };
}

/** `***question***` → `question`: emphasis that wraps the whole question is not part of it. */
function unwrapEmphasis(nodes: PhrasingContent[]): PhrasingContent[] {
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

function linksIn(paragraph: Paragraph): SourceLink[] {
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
function plainText(node: Nodes): string {
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

function phrasingText(nodes: PhrasingContent[]): string {
  return tidy(nodes.map(rawText).join(''));
}

function blocksText(nodes: RootContent[]): string {
  return tidy(nodes.map(plainText).join('\n'));
}

function tidy(text: string): string {
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

interface FrontMatter {
  title?: string;
  lang?: string;
  order?: number;
  tags: string[];
}

function readFrontMatter(
  yamlText: string,
  startLine: number,
  file: string,
  errors: Diagnostic[],
  warnings: Diagnostic[],
): FrontMatter {
  const meta: FrontMatter = { tags: [] };
  // The YAML body starts on the line after the opening `---`.
  const located = (line: number, column: number, message: string, severity: 'error' | 'warning') =>
    (severity === 'error' ? errors : warnings).push({
      severity,
      file,
      line: startLine + line,
      column,
      message,
    });
  const doc = parseDocument(yamlText, { prettyErrors: false });
  const problem = doc.errors[0];
  if (problem) {
    // `linePos` is only filled in with `prettyErrors: true`; locate the offset ourselves.
    const pos = pointAt(yamlText, problem.pos[0]);
    located(
      pos.line,
      pos.column,
      `front matter is not valid YAML: ${problem.message.split('\n')[0]}`,
      'error',
    );
    return meta;
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    // Well-formed YAML can still fail to resolve, e.g. an alias to an anchor that is not set.
    const message = e instanceof Error ? e.message : String(e);
    located(1, 1, `front matter is not valid YAML: ${message.split('\n')[0]}`, 'error');
    return meta;
  }
  if (data === null || data === undefined) return meta;
  if (typeof data !== 'object' || Array.isArray(data)) {
    located(1, 1, 'front matter must be a mapping such as "title: RNN"', 'error');
    return meta;
  }
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const line = lineOfKey(yamlText, key);
    if (!FRONT_MATTER_KEYS.has(key)) {
      located(
        line,
        1,
        `unknown front matter key "${key}" (known: title, tags, lang, order)`,
        'warning',
      );
    } else if (key === 'tags') {
      const list = typeof value === 'string' ? value.split(/[,，\s]+/).filter(Boolean) : value;
      if (
        Array.isArray(list) &&
        list.every((t) => typeof t === 'string' || typeof t === 'number')
      ) {
        meta.tags = list.map(String);
      } else {
        located(line, 1, 'front matter "tags" must be a list of words', 'error');
      }
    } else if (key === 'order') {
      if (typeof value === 'number' && Number.isInteger(value)) meta.order = value;
      else located(line, 1, 'front matter "order" must be a whole number', 'error');
    } else if (typeof value === 'string' && value.trim() !== '') {
      if (key === 'title') meta.title = value.trim();
      else meta.lang = value.trim();
    } else {
      located(line, 1, `front matter "${key}" must be a non-empty string`, 'error');
    }
  }
  return meta;
}

function lineOfKey(yamlText: string, key: string): number {
  const index = yamlText.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return index >= 0 ? index + 1 : 1;
}
