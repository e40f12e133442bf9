// The language a deck is written in, for the `lang` attribute around its cards: it picks the
// right CJK glyphs and the screen reader's voice whatever the interface language is. The
// deck's own `lang` (front matter) wins; otherwise a deck whose questions are mostly Han
// characters is Chinese. Nothing about the content itself changes. Decided at build time, so the
// browser gets it with the deck's index and needs no card text for it.
import type { Deck } from './types.ts';

const HAN = /\p{Script=Han}/gu;
const LETTER = /\p{L}/gu;

export function contentLanguage(
  deck: Pick<Deck, 'lang'> & { cards: readonly { questionText: string }[] },
): string | undefined {
  if (deck.lang) return deck.lang;
  let han = 0;
  let letters = 0;
  for (const card of deck.cards) {
    han += card.questionText.match(HAN)?.length ?? 0;
    letters += card.questionText.match(LETTER)?.length ?? 0;
  }
  return letters > 0 && han / letters >= 0.3 ? 'zh-CN' : undefined;
}
