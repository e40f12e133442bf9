// Build time only: Markdown → HTML with react-markdown + remark-math + rehype-katex through
// react-dom/server, so the browser ships no Markdown parser and no KaTeX JavaScript.
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PluggableList } from 'unified';
import { LIMITS } from '../deck/limits.ts';
import type { Card, ParsedCard, ParsedDeck, Deck } from '../deck/types.ts';
import { imageUrlKind, isExternalUrl, isSafeLink } from '../deck/urls.ts';

// Module-level plugin lists: built once, reused for every card.
const remarkPlugins: PluggableList = [remarkGfm, remarkMath];
// Strict-mode complaints were already reported as located warnings by validation.
const rehypePlugins: PluggableList = [
  [rehypeKatex, { strict: 'ignore', maxSize: LIMITS.mathSizeEm }],
];

const keepUrl = (url: string) => url;

/** Maps an image URL as written in a deck to the URL the page should load. */
export type ImageResolver = (url: string) => string;

/**
 * `zoomable`: pictures with a text alternative become buttons (their alt is the name) that the
 * review screen opens full size, by keyboard as well as by a click: in answers.
 */
export function renderMarkdown(
  markdown: string,
  resolveImage: ImageResolver,
  { zoomable = false }: { zoomable?: boolean } = {},
): string {
  const components: Components = {
    img: ({ src, alt }) => {
      const url = typeof src === 'string' ? src : '';
      const kind = imageUrlKind(url).kind;
      // A refused URL (javascript:, a big data: picture) shows its text alternative instead.
      if (kind === 'refused') return alt ? <span className="image-alt">{alt}</span> : null;
      const img = (
        <img
          src={kind === 'local' ? resolveImage(url) : url}
          alt={alt ?? ''}
          loading="lazy"
          decoding="async"
        />
      );
      return zoomable && alt ? (
        <button type="button" className="zoom-trigger" aria-haspopup="dialog">
          {img}
        </button>
      ) : (
        img
      );
    },
    // Unsafe links (javascript:, data:, …) are text: validation warned about them.
    a: ({ href, children }) =>
      !href || !isSafeLink(href) ? (
        <span>{children}</span>
      ) : isExternalUrl(href) ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      ) : (
        <a href={href}>{children}</a>
      ),
    // Wide tables and code scroll inside their own box rather than the page.
    table: ({ children }) => (
      <div className="scroll-x">
        <table>{children}</table>
      </div>
    ),
  };
  return renderToStaticMarkup(
    <Markdown
      remarkPlugins={remarkPlugins}
      rehypePlugins={rehypePlugins}
      components={components}
      // URLs are judged in `components` above, by the same rules validation reported.
      urlTransform={keepUrl}
    >
      {markdown}
    </Markdown>,
  );
}

export function renderCard(card: ParsedCard, resolveImage: ImageResolver): Card {
  const out: Card = {
    id: card.id,
    deck: card.deck,
    questionHtml: renderMarkdown(card.question, resolveImage),
    answerHtml: renderMarkdown(card.answer, resolveImage, { zoomable: true }),
    questionText: card.questionText,
    answerText: card.answerText,
    sources: card.sources,
    tags: card.tags,
    source: card.source,
    hasMath: card.math.length > 0,
  };
  if (card.number !== undefined) out.number = card.number;
  return out;
}

export function renderDeck(deck: ParsedDeck, resolveImage: ImageResolver): Deck {
  const out: Deck = {
    slug: deck.slug,
    title: deck.title,
    tags: deck.tags,
    cards: deck.cards.map((c) => renderCard(c, resolveImage)),
  };
  if (deck.lang !== undefined) out.lang = deck.lang;
  return out;
}
