// The content, parsed and rendered at build time by src/build/deckPlugin.ts.
declare module 'virtual:deck' {
  import type { Deck } from './deck/types.ts';
  export const decks: Deck[];
}
