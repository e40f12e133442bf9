// The deck as the parser produces it and as the app receives it.
// Plain data only: these objects cross the build → browser boundary as JSON.

export interface SourceLink {
  /** Link text when it differs from the URL. */
  title?: string;
  url: string;
}

export interface SourceLocation {
  /** Path of the Markdown file, relative to the project root (e.g. `content/rnn.md`). */
  file: string;
  /** 1-based line of the card's question. */
  line: number;
}

/** A card straight out of the parser: Markdown source plus a plain-text form for search. */
export interface ParsedCard {
  id: string;
  deck: string;
  /** The `n` of a `Qn:` line; absent for heading-form cards. */
  number?: number;
  question: string;
  answer: string;
  questionText: string;
  answerText: string;
  sources: SourceLink[];
  tags: string[];
  source: SourceLocation;
  /** Images as written in the question or answer, in order, located for validation. */
  images: LocatedImage[];
  /** Every `$…$` and `$$…$$` in the card, located so that validation can point at it. */
  math: LocatedMath[];
}

export interface LocatedImage {
  url: string;
  alt: string;
  line: number;
  column: number;
}

export interface LocatedMath {
  tex: string;
  display: boolean;
  line: number;
  column: number;
}

export interface ParsedDeck {
  slug: string;
  title: string;
  lang?: string;
  /** Front matter `order`: decks are listed (and their new cards offered) by it, then by file. */
  order?: number;
  tags: string[];
  file: string;
  cards: ParsedCard[];
}

/** What the browser gets: rendered HTML beside the search text, no Markdown source. */
export interface Card {
  id: string;
  deck: string;
  number?: number;
  questionHtml: string;
  answerHtml: string;
  questionText: string;
  answerText: string;
  sources: SourceLink[];
  tags: string[];
  source: SourceLocation;
  /** Only cards with math need KaTeX's fonts. */
  hasMath: boolean;
}

export interface Deck {
  slug: string;
  title: string;
  lang?: string;
  tags: string[];
  cards: Card[];
}

/**
 * What the browser gets up front: each deck's title and card ids in order, no card text. Card
 * bodies come in chunks of CHUNK_SIZE cards (see src/content/deckContent.ts).
 */
export interface DeckIndex {
  slug: string;
  title: string;
  /** The language the cards are written in (front matter, else guessed at build time). */
  lang?: string;
  tags: string[];
  /** The Markdown file, as in `card.source.file`. */
  file: string;
  ids: string[];
}

/** Cards per body chunk: small enough that the first question never waits on many answers. */
export const CHUNK_SIZE = 32;
