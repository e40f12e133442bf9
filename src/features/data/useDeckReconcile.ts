// On start and whenever the content changes: remember where cards with progress sit, and carry
// the progress of edited cards over to their new wording (see src/store/orphans.ts).
import { useEffect, useMemo } from 'react';
import type { Card } from '../../deck/types.ts';
import { findOrphans, type DeckCardRef } from '../../store/orphans.ts';
import type { ProgressStore } from '../../store/progressStore.ts';
import type { StorageStatusStore } from '../../store/storageStatus.ts';

/** Each card with its file and its position among that file's cards. */
export function deckCardRefs(cards: readonly Card[]): DeckCardRef[] {
  const counters = new Map<string, number>();
  return cards.map((c) => {
    const index = counters.get(c.source.file) ?? 0;
    counters.set(c.source.file, index + 1);
    return { id: c.id, file: c.source.file, index, text: c.questionText };
  });
}

export function reconcileDeck(
  store: ProgressStore,
  status: StorageStatusStore,
  refs: readonly DeckCardRef[],
): void {
  const { progress, seen } = store.getState();
  const { moves } = findOrphans(refs, Object.keys(progress), seen);
  for (const move of moves) store.getState().moveProgress(move.from, move.to);
  store.getState().noteDeck(refs);
  if (moves.length > 0) {
    status.setState((s) => ({ carriedOver: s.carriedOver + moves.length }));
  }
}

export function useDeckReconcile(
  store: ProgressStore,
  status: StorageStatusStore,
  cards: readonly Card[],
): readonly DeckCardRef[] {
  const refs = useMemo(() => deckCardRefs(cards), [cards]);
  useEffect(() => {
    reconcileDeck(store, status, refs);
  }, [store, status, refs]);
  return refs;
}
