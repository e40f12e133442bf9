// Markdown → ParsedDeck. Pure: text in, plain data out; no file system, no DOM, no Vite.
// Built on remark (mdast) so that Markdown structure — emphasis, lists, math, links — is read
// by a real parser (markdown.ts); only the `Qn：` prefix and the source label are matched by pattern.
import { visit } from 'unist-util-visit';
import type { Heading, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Diagnostic } from './diagnostics.ts';
import { DeckError } from './diagnostics.ts';
import { readFrontMatter } from './frontMatter.ts';
import { hash53, normaliseQuestion } from './hash.ts';
import { firstDirectionControl, stripInvisible } from './invisible.ts';
import { LIMITS, scanText } from './limits.ts';
import { parsePieces } from './markdown.ts';
import { slugFromPath } from './slug.ts';
import { isSafeLink, urlScheme } from './urls.ts';
import type { LocatedImage, LocatedMath, ParsedCard, ParsedDeck, SourceLink } from './types.ts';
import { blocksText, linksIn, phrasingText, plainText, truncate, unwrapEmphasis } from './text.ts';

const Q_PREFIX = /^\s*Q(\d+)\s*[:：]\s*/;
const SOURCE_LABEL = /^\s*(引用|来源|出处|参考|参考资料|sources?|references?)\s*[:：]\s*/i;
const DIRECTIVE = /^<!--\s*(id|tags)\s*:\s*([\s\S]*?)\s*-->$/i;
const PINNED_ID = /^[A-Za-z0-9][\w./-]*$/;
/** Ids are keys of plain objects in the app: these would collide with Object's own. */
const RESERVED_IDS = new Set(['constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);

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

export { slugFromPath } from './slug.ts';

interface OpenCard {
  start: Paragraph | Heading;
  number: number | undefined;
  question: PhrasingContent[];
  /** Inline `<!-- id: … -->` found inside the question paragraph itself. */
  inlineDirectives: PhrasingContent[];
  body: RootContent[];
}

/**
 * Parses one deck file. Every problem, even an unexpected exception, is thrown as a DeckError
 * located in the file. Invisible characters are removed first (see invisible.ts), with one
 * warning; columns in messages count them as the author's editor does.
 */
export function parseDeck(rawSource: string, options: ParseOptions): ParseResult {
  const { file } = options;
  const stripped = stripInvisible(rawSource);
  const located = (d: Diagnostic): Diagnostic => ({
    ...d,
    column: stripped.originalColumn(d.line, d.column),
  });
  try {
    const result = parseStripped(stripped.text, options);
    for (const card of result.deck.cards) {
      for (const item of [...card.images, ...card.math])
        item.column = stripped.originalColumn(item.line, item.column);
    }
    const warnings = result.warnings.map(located);
    if (stripped.first) {
      const n = stripped.removed;
      warnings.unshift({
        severity: 'warning',
        file,
        ...stripped.first,
        message: `removed ${n} invisible character${n === 1 ? '' : 's'} (${stripped.kinds.join(', ')}), first here; ids and math ignore them`,
      });
    }
    const direction = firstDirectionControl(rawSource);
    if (direction) {
      const { code, ...at } = direction;
      warnings.push({
        severity: 'warning',
        file,
        ...at,
        message: `text-direction control ${code}, first here: it can show text in another order than it is written; remove it unless a right-to-left passage needs it`,
      });
    }
    return { deck: result.deck, warnings };
  } catch (e) {
    if (e instanceof DeckError) throw new DeckError(e.diagnostics.map(located));
    // A parser or library failure on strange input: still this file's error, not a crash.
    const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new DeckError([
      {
        severity: 'error',
        file,
        line: 1,
        column: 1,
        message: `this file could not be read (${reason.split('\n')[0]}); please report it with the file`,
      },
    ]);
  }
}

function parseStripped(source: string, options: ParseOptions): ParseResult {
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

  if (source.length > LIMITS.fileChars) {
    const size = `${(source.length / 1e6).toFixed(1)} million characters`;
    const limit = `${LIMITS.fileChars / 1e6} million`;
    throw new DeckError([
      {
        severity: 'error',
        file,
        line: 1,
        column: 1,
        message: `file has ${size}; the limit is ${limit}: split it into several decks`,
      },
    ]);
  }
  const scanned = scanText(source, file);
  if (scanned.errors.length > 0) throw new DeckError(scanned.errors);
  const children = parsePieces(source, scanned.pieces);
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
      const links = linksIn(last).filter((link) => {
        if (isSafeLink(link.url)) return true;
        warn(last, `source link to a "${urlScheme(link.url)}:" URL is left out`);
        return false;
      });
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
        else if ((n.type === 'link' || n.type === 'definition') && !isSafeLink(n.url))
          warn(n, `link to a "${urlScheme(n.url)}:" URL is shown as text, not as a link`);
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
