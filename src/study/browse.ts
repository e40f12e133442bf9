// Browse: search, filter and sort every card. Pure: the screen builds the search entries once
// (when card bodies arrive) and runs `browseCards` on each keystroke over plain data.
//
// Search is a plain substring match over normalised text: NFKC folds full-width forms
// (`ｌｓｔｍ` → `lstm`) and compatibility characters, then lower case. No tokenizer, so Chinese
// (`梯度`) matches exactly the cards that contain it.
import { recallAt } from '../scheduler/fsrsMath.ts';
import type { CardProgress } from '../scheduler/progress.ts';
import { DEFAULT_LEECH_LAPSES, type FlagsById, type ProgressById } from './types.ts';

/** What search needs of a card (structural: the deck's Card fits). */
export interface SearchableCard {
  id: string;
  questionText: string;
  answerText: string;
  tags: readonly string[];
}

/** One card as search reads it, built once per card. */
export interface SearchEntry {
  id: string;
  /** The deck's slug. */
  deck: string;
  tags: readonly string[];
  /** Question and answer, normalised (see normaliseForSearch); '' while the body is missing. */
  text: string;
  /** Position in the content (deck after deck), for the default order and ties. */
  order: number;
}

export const BROWSE_STATES = [
  'new',
  'learning',
  'review',
  'leech',
  'starred',
  'suspended',
] as const;
export type BrowseState = (typeof BROWSE_STATES)[number];

export const BROWSE_SORTS = ['deck', 'due', 'difficulty', 'lapses', 'recall'] as const;
export type BrowseSort = (typeof BROWSE_SORTS)[number];

export interface BrowseQuery {
  text: string;
  /** A deck slug, or null for every deck. */
  deck: string | null;
  tag: string | null;
  state: BrowseState | null;
  sort: BrowseSort;
}

export interface BrowseContext {
  progress: ProgressById;
  flags: FlagsById;
  now: number;
  rolloverHour: number;
  /** Lapses from which a card is a leech. */
  leechLapses?: number;
}

/** Case- and width-insensitive form of a text: NFKC, then lower case. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Each body's normalised text, kept as long as the body is: built once per card, not per search. */
const normalised = new WeakMap<SearchableCard, string>();

function searchTextOf(card: SearchableCard): string {
  let text = normalised.get(card);
  if (text === undefined) {
    // A separator no query can hold, so no match spans question and answer.
    text = normaliseForSearch(`${card.questionText}\u0000${card.answerText}`);
    normalised.set(card, text);
  }
  return text;
}

/**
 * The search entries of the cards in content order; `cardOf` gives a body when it is here.
 * A card without its body yet has empty text and no tags: only filters by deck and state see it.
 */
export function searchEntries(
  ids: readonly string[],
  deckOf: (id: string) => string,
  cardOf: (id: string) => SearchableCard | undefined,
): SearchEntry[] {
  return ids.map((id, order) => {
    const card = cardOf(id);
    return {
      id,
      deck: deckOf(id),
      tags: card?.tags ?? [],
      text: card ? searchTextOf(card) : '',
      order,
    };
  });
}

/** Whether a card is in `state` (a leech: lapses at or above the threshold). */
export function inState(
  state: BrowseState,
  progress: CardProgress | undefined,
  flags: { starred?: boolean; suspended?: boolean } | undefined,
  leechLapses: number,
): boolean {
  switch (state) {
    case 'new':
      return progress === undefined || progress.state === 'new';
    case 'learning':
      return progress?.state === 'learning' || progress?.state === 'relearning';
    case 'review':
      return progress?.state === 'review';
    case 'leech':
      return (progress?.lapses ?? 0) >= leechLapses;
    case 'starred':
      return flags?.starred === true;
    case 'suspended':
      return flags?.suspended === true;
  }
}

/** A studied card's progress, or undefined for a card that is new. */
function studied(progress: CardProgress | undefined): CardProgress | undefined {
  return progress === undefined || progress.state === 'new' ? undefined : progress;
}

/**
 * Sort keys, smallest first; new cards (no key) go after every studied card, in content order.
 * - due: earliest first; difficulty: hardest first; lapses: most first (new cards count 0 and
 *   sort with the rest); recall: lowest predicted recall now first.
 */
function sortKey(sort: BrowseSort, p: CardProgress | undefined, ctx: BrowseContext): number | null {
  switch (sort) {
    case 'deck':
      return 0;
    case 'lapses':
      return -(p?.lapses ?? 0);
    case 'due':
      return studied(p)?.due ?? null;
    case 'difficulty':
      return studied(p) ? -p!.difficulty : null;
    case 'recall':
      return studied(p) ? recallAt(p!, ctx.now, ctx.rolloverHour) : null;
  }
}

/** The ids of the entries matching `query`, in its order. O(n·m) for the text match, O(k log k) sort. */
export function browseCards(
  entries: readonly SearchEntry[],
  query: BrowseQuery,
  ctx: BrowseContext,
): string[] {
  const needle = normaliseForSearch(query.text.trim());
  const leech = ctx.leechLapses ?? DEFAULT_LEECH_LAPSES;
  const hits: { entry: SearchEntry; key: number | null }[] = [];
  for (const entry of entries) {
    if (query.deck !== null && entry.deck !== query.deck) continue;
    if (query.tag !== null && !entry.tags.includes(query.tag)) continue;
    const p = ctx.progress[entry.id];
    if (query.state !== null && !inState(query.state, p, ctx.flags[entry.id], leech)) continue;
    if (needle !== '' && !entry.text.includes(needle)) continue;
    hits.push({ entry, key: sortKey(query.sort, p, ctx) });
  }
  hits.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      return a.key - b.key;
    }
    return a.entry.order - b.entry.order;
  });
  return hits.map((h) => h.entry.id);
}

/** Every tag of the entries, sorted (for the tag filter). */
export function tagsOf(entries: readonly SearchEntry[]): string[] {
  const tags = new Set<string>();
  for (const e of entries) for (const t of e.tags) tags.add(t);
  return [...tags].sort((a, b) => a.localeCompare(b));
}
