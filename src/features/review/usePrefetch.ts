// Card bodies arrive a chunk at a time (src/content/deckContent.ts). The current card's chunk is
// fetched if it is not here yet; once its answer is shown, the chunks of the next few cards too,
// so that grading never waits for a download. KaTeX's CSS comes as soon as a card with math is
// near.
import { useEffect } from 'react';
import { loadMathStyles } from '../../components/mathStyles.ts';
import type { DeckContent } from '../../content/deckContent.ts';
import type { Queue } from '../../scheduler/queue.ts';

/** How many cards ahead, in each part of the queue, to fetch. */
const PREFETCH = 3;

/** The cards to have here: the current one, and with `withUpcoming` the next few of each kind. */
export function cardsToFetch(
  currentId: string | null,
  queue: Pick<Queue, 'learning' | 'review' | 'new'>,
  withUpcoming: boolean,
): string[] {
  return [
    ...(currentId !== null ? [currentId] : []),
    ...(withUpcoming
      ? [
          ...queue.learning.slice(0, PREFETCH),
          ...queue.review.slice(0, PREFETCH),
          ...queue.new.slice(0, PREFETCH),
        ]
      : []),
  ];
}

function fetchCards(content: DeckContent, ids: readonly string[]): void {
  content.load(ids).then(
    () => {
      if (ids.some((id) => content.card(id)?.hasMath)) void loadMathStyles();
    },
    () => {
      // Offline before the chunk was cached: the card shows its loading state; a later
      // render tries again.
    },
  );
}

/** Keeps the current card (and, once its answer is shown, the next few) on their way. */
export function usePrefetch(
  content: DeckContent,
  currentId: string | null,
  queue: Queue,
  answerShown: boolean,
): void {
  useEffect(
    () => fetchCards(content, cardsToFetch(currentId, queue, answerShown)),
    [content, currentId, queue, answerShown],
  );
}

/**
 * What to call at the very moment the answer is shown, before React has caught up (a quick
 * grade may come first): fetches the next few cards.
 */
export function upcomingFetcher(
  content: DeckContent,
  currentId: string | null,
  queue: Queue,
): () => void {
  return () => fetchCards(content, cardsToFetch(currentId, queue, true));
}
