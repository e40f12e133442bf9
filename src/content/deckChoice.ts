// Which cards the learner is studying: one deck (by its slug, as the preferences remember it) or
// all of them. A remembered deck that has left the content falls back to all decks, and says so.
import type { DeckIndex } from '../deck/types.ts';
import type { DeckContent } from './deckContent.ts';

export interface DeckChoice {
  /** The deck being studied; null for all decks. */
  deck: DeckIndex | null;
  /** Its cards (or every card), in content order. */
  ids: readonly string[];
  /** The remembered slug when no deck has it any more (then all decks are studied). */
  gone: string | null;
}

export function deckChoice(
  content: Pick<DeckContent, 'decks' | 'ids'>,
  slug: string | null,
): DeckChoice {
  const deck = slug === null ? undefined : content.decks.find((d) => d.slug === slug);
  return deck
    ? { deck, ids: deck.ids, gone: null }
    : { deck: null, ids: content.ids, gone: slug };
}
