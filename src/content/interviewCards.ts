// An interview's cards from the deck as the browser holds it: with a tag scope, the bodies of its
// decks are fetched first (card tags live in the bodies; see src/study/interviewCards.ts). For the
// interview screen, the review queue's plan, cram and mock interviews.
import { interviewCardIds, needsCardTags, scopeDecks } from '../study/interviewCards.ts';
import type { InterviewScope } from '../study/interviewCards.ts';
import type { DeckContent } from './deckContent.ts';

/** Each interview's card ids, in content order, by interview id. */
export async function loadInterviewCards(
  content: DeckContent,
  interviews: readonly { id: string; scope: InterviewScope }[],
): Promise<Map<string, string[]>> {
  const wanted = new Set<string>();
  for (const i of interviews) {
    if (!needsCardTags(i)) continue;
    for (const deck of scopeDecks(i, content.decks)) for (const id of deck.ids) wanted.add(id);
  }
  if (wanted.size > 0) await content.load([...wanted]);
  const tagsOf = (id: string) => content.card(id)?.tags;
  return new Map(interviews.map((i) => [i.id, interviewCardIds(i, content.decks, tagsOf)]));
}
