// Today's counts for the deck list: for every deck, and for all of them together, what studying
// it now would offer. Each is `buildQueue` over that deck's ids with the whole of today's log, so
// the daily limits are shared: reviews and new cards done in any deck use up the same limits, and
// the review screen (which builds the same queue for the chosen deck) shows the same figures.
import { buildQueue, type Queue, type QueueInput } from './queue.ts';
import { nextRollover, studyDayStart } from './studyDay.ts';

export interface DeckCountsInput extends Omit<QueueInput, 'ids'> {
  /** Every card, in content order (the "all decks" choice). */
  ids: readonly string[];
  /** Each deck's ids, in the order the list shows them. */
  decks: readonly (readonly string[])[];
}

export interface DeckCount extends Readonly<Queue['counts']> {
  /** Cards in the deck, whatever their state. */
  readonly cards: number;
}

export interface DeckCounts {
  all: DeckCount;
  decks: DeckCount[];
}

/**
 * The counts of `buildQueue` for all cards and for each deck at `now`. Rows do not add up to
 * the "all" row when a limit binds: each deck alone may use what is left of the shared limit.
 *
 * O(d·m + n + k log k) for d decks, m reviews today, n cards and k due cards.
 */
export function deckCounts(input: DeckCountsInput): DeckCounts {
  const { ids, decks, progress, log, now, settings } = input;
  const dayStart = studyDayStart(now, settings.dayRolloverHour);
  const dayEnd = nextRollover(now, settings.dayRolloverHour);
  // Only today's reviews count against the limits: found once, not once per deck.
  const today = log.filter((e) => e.reviewedAt >= dayStart && e.reviewedAt < dayEnd);
  const countOf = (deckIds: readonly string[]): DeckCount => ({
    cards: new Set(deckIds).size,
    ...buildQueue({ ids: deckIds, progress, log: today, now, settings }).counts,
  });
  return { all: countOf(ids), decks: decks.map(countOf) };
}
