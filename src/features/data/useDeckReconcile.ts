// On start and whenever the content changes (the app runs it when there is progress without a
// card): progress whose card left the content is matched
// against the card now at the place it was last seen (see src/store/orphans.ts); when the
// question is only edited, the progress is carried over. Only the chunks holding those places
// are fetched, and only when there is such progress at all.
import type { DeckContent } from '../../content/deckContent.ts';
import type { DeckCardRef } from '../../store/orphans.ts';
import type { ProgressStore } from '../../store/progressStore.ts';
import type { StorageStatusStore } from '../../store/storageStatus.ts';

/** The cards now at the places where the given orphans were last seen, as refs. */
function candidatesAt(content: DeckContent, orphanIds: readonly string[], seenOf: ProgressStore) {
  const { seen } = seenOf.getState();
  const ids: string[] = [];
  for (const id of orphanIds) {
    const last = seen[id];
    const deck = last && content.decks.find((d) => d.file === last.file);
    const there = deck?.ids[last!.index];
    if (there !== undefined) ids.push(there);
  }
  return ids;
}

export function refOf(content: DeckContent, id: string): DeckCardRef | undefined {
  const place = content.place(id);
  const card = content.card(id);
  if (!place || !card) return undefined;
  return { id, file: place.deck.file, index: place.index, text: card.questionText };
}

export async function reconcileDeck(
  store: ProgressStore,
  status: StorageStatusStore,
  content: DeckContent,
): Promise<void> {
  const { progress } = store.getState();
  const orphanIds = Object.keys(progress).filter((id) => !content.place(id));
  if (orphanIds.length === 0) return;
  const candidates = candidatesAt(content, orphanIds, store).filter(
    (id) => store.getState().progress[id] === undefined,
  );
  if (candidates.length === 0) return;
  await content.load(candidates);
  const refs = candidates
    .map((id) => refOf(content, id))
    .filter((r): r is DeckCardRef => r !== undefined);
  const { seen } = store.getState();
  // Matching code loads only when there is progress without a card.
  const { findOrphans } = await import('../../store/orphans.ts');
  const { moves } = findOrphans(refs, orphanIds, seen);
  for (const move of moves) {
    store.getState().moveProgress(move.from, move.to);
    const ref = refs.find((r) => r.id === move.to);
    if (ref) store.getState().noteDeck([ref]);
  }
  if (moves.length > 0) {
    status.setState((s) => ({ carriedOver: s.carriedOver + moves.length }));
  }
}
