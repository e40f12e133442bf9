// The content, parsed and rendered at build time by src/build/deckPlugin.ts.
declare module 'virtual:deck' {
  import type { Card, DeckIndex } from './deck/types.ts';
  /** Each deck's title and card ids, in content order. */
  export const decks: DeckIndex[];
  /** Chunks of card bodies that come with the index (the first one). */
  export const preloaded: Card[][];
  /** Chunk `chunk` (CHUNK_SIZE cards) of deck number `deck`. */
  export function loadChunk(deck: number, chunk: number): Promise<Card[]>;
}
