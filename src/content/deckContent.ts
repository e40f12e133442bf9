// The deck as the browser holds it: an index of every card id up front, and card bodies
// (question, answer, sources) fetched a chunk at a time when a card is about to be shown.
// The first chunk comes with the index, so the first question never waits for a download.
import { useSyncExternalStore } from 'react';
import { contentLanguage } from '../deck/language.ts';
import { CHUNK_SIZE, type Card, type Deck, type DeckIndex } from '../deck/types.ts';

export interface CardPlace {
  deck: DeckIndex;
  deckNumber: number;
  /** Position among the deck's cards, from 0. */
  index: number;
}

export interface DeckContent {
  readonly decks: readonly DeckIndex[];
  /** Every card id, deck after deck, in content order. */
  readonly ids: readonly string[];
  place(id: string): CardPlace | undefined;
  /** The card's body if it has arrived. */
  card(id: string): Card | undefined;
  /** Fetches the chunks holding these cards (at most once each); resolves when they are here. */
  load(ids: readonly string[]): Promise<void>;
  subscribe(listener: () => void): () => void;
  /** Changes whenever bodies arrive, for useSyncExternalStore. */
  version(): number;
}

export type ChunkLoader = (deck: number, chunk: number) => Promise<readonly Card[]>;

export function createDeckContent(
  decks: readonly DeckIndex[],
  loadChunk: ChunkLoader,
  preloaded: readonly (readonly Card[])[] = [],
): DeckContent {
  const places = new Map<string, CardPlace>();
  const ids: string[] = [];
  decks.forEach((deck, deckNumber) => {
    deck.ids.forEach((id, index) => {
      places.set(id, { deck, deckNumber, index });
      ids.push(id);
    });
  });
  const bodies = new Map<string, Card>();
  const pending = new Map<string, Promise<void>>();
  const listeners = new Set<() => void>();
  let version = 0;

  const add = (cards: readonly Card[]) => {
    for (const c of cards) bodies.set(c.id, c);
    version++;
    for (const l of listeners) l();
  };
  for (const chunk of preloaded) add(chunk);

  const loadOne = (deckNumber: number, chunk: number): Promise<void> => {
    const key = `${deckNumber}/${chunk}`;
    let p = pending.get(key);
    if (!p) {
      p = loadChunk(deckNumber, chunk).then(add, (error: unknown) => {
        // A failed fetch (offline, a new deploy) may be retried on the next request.
        pending.delete(key);
        throw error;
      });
      pending.set(key, p);
    }
    return p;
  };

  return {
    decks,
    ids,
    place: (id) => places.get(id),
    card: (id) => bodies.get(id),
    async load(wanted) {
      const chunks = new Map<string, [number, number]>();
      for (const id of wanted) {
        if (bodies.has(id)) continue;
        const place = places.get(id);
        if (!place) continue;
        const chunk = Math.floor(place.index / CHUNK_SIZE);
        chunks.set(`${place.deckNumber}/${chunk}`, [place.deckNumber, chunk]);
      }
      await Promise.all([...chunks.values()].map(([d, c]) => loadOne(d, c)));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
  };
}

/** Index and bodies of fully loaded decks (tests, and the build-time first screen). */
export function indexOf(deck: Deck, file = deck.cards[0]?.source.file ?? `${deck.slug}.md`): DeckIndex {
  const index: DeckIndex = {
    slug: deck.slug,
    title: deck.title,
    tags: deck.tags,
    file,
    ids: deck.cards.map((c) => c.id),
  };
  const lang = contentLanguage(deck);
  if (lang !== undefined) index.lang = lang;
  return index;
}

export function contentFromDecks(decks: readonly Deck[]): DeckContent {
  return createDeckContent(
    decks.map((d) => indexOf(d)),
    () => Promise.resolve([]),
    decks.map((d) => d.cards),
  );
}

/** The body of a card, re-rendering when it arrives. */
export function useCard(content: DeckContent, id: string | null): Card | undefined {
  useSyncExternalStore(content.subscribe, content.version, content.version);
  return id === null ? undefined : content.card(id);
}
