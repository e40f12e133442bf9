// A returning learner's first screen, as they left it: the review screen's card and counts,
// which the page itself shows on their next visit while the app's code loads and reads their
// progress (the boot script of src/build/pageScripts.ts puts it in place of the built-in card).
// Without it a returning learner sees nothing until the app has drawn their card: about 2 s at
// 4x CPU with a year of reviews stored, against 0.8 s for the page's own first screen.
//
// Written when the learner leaves the review screen (the tab hidden, the page left): that screen,
// and the first screens of the next study days as time alone will make them, for a learner who
// comes back tomorrow or after a few days without having studied in between. Each is shown only
// while it must still be right:
//   - nothing stored has changed since: any save of progress removes it (main.tsx gives this key
//     to the repository as a view of progress), in whichever tab;
//   - the same build (the boot script's module), preferences and interface language, English
//     (the rest of the built-in screen, navigation and buttons, is in English);
//   - the clock within its [at, until): `at` is the time the card was chosen for (a later day's
//     start), `until` the first moment time alone could change the queue (a learning card coming
//     due, the study day's end: src/scheduler/queuesAhead.ts);
//   - the same UTC offsets at `at` and `until`: study days end at a local hour, so a learner who
//     has changed time zone has other days. (Intl would name the zone, but its first use costs
//     170–270 ms at 4x CPU before the page is shown; getTimezoneOffset costs nothing.)
//   - no math in it (see hasMath).
// Otherwise the page stays hidden until the app has drawn the right card, as it always did.
import type { KeyValueStorage } from '../store/repository.ts';
import { browserStorage } from './storage.ts';

export const FIRST_SCREEN_KEY = 'rnn-flashcards/first-screen';

/** The parts of the review screen that hold the card and the counts, in the page's order. */
export const FIRST_SCREEN_PARTS = ['.review-top', '.card-head', '#card-question'] as const;

/** One screen and the span of time it is right for. */
export interface KeptScreen {
  card: string;
  at: number;
  until: number;
  /** outerHTML of each of FIRST_SCREEN_PARTS. */
  parts: string[];
}

/** A screen as stored, with the time zone it was computed in. */
export interface StoredScreen extends KeptScreen {
  /** Date#getTimezoneOffset at `at` and at `until`. */
  offsets: [number, number];
}

export interface FirstScreen {
  v: 2;
  /** The app's entry module (the boot script's data-src): markup changes between builds. */
  build: string;
  /** The stored preferences, as they were (deck, language, theme…). */
  prefs: string | null;
  /** The page's language. */
  lang: string;
  /** The screen on leaving, then those of the next study days; the spans do not overlap. */
  screens: StoredScreen[];
}

export interface FirstScreenMoment {
  card: string;
  at: number;
  until: number;
}

/**
 * Math needs KaTeX's style sheet, which the app loads only when a card has math: shown before
 * that, it would read twice over (its MathML and its HTML). Such a screen waits for the app.
 */
const hasMath = (screen: KeptScreen) => screen.parts.some((part) => part.includes('katex'));

/**
 * Keeps the review screen on `doc`, for `moment`, and `later` (the screens of the next study
 * days), as the next visit's first screen. Nothing is written when the page was not started by
 * the built page's boot script (development), when a part is missing, or when storage refuses
 * (the next visit simply waits for the app).
 */
export function rememberFirstScreen(
  moment: FirstScreenMoment,
  later: readonly KeptScreen[],
  options: { prefsKey: string; storage?: KeyValueStorage; doc?: Document },
): void {
  const doc = options.doc ?? document;
  const storage = options.storage ?? browserStorage().storage;
  const build = doc.getElementById('boot')?.dataset['src'];
  if (!build) return;
  const parts = screenParts(doc.querySelector('.review'));
  if (!parts) return;
  const screens = [{ ...moment, parts }, ...later]
    .filter((screen) => !hasMath(screen))
    .map((screen): StoredScreen => ({ ...screen, offsets: offsetsOf(screen) }));
  if (screens.length === 0) return;
  try {
    const screen: FirstScreen = {
      v: 2,
      build,
      prefs: storage.getItem(options.prefsKey),
      lang: doc.documentElement.lang,
      screens,
    };
    storage.setItem(FIRST_SCREEN_KEY, JSON.stringify(screen));
  } catch {
    // Full or unusable storage: no first screen next time, nothing else lost.
  }
}

/** The UTC offsets, in minutes, at a span's two ends, in the zone the page runs in. */
export const offsetsOf = (span: { at: number; until: number }): [number, number] => [
  new Date(span.at).getTimezoneOffset(),
  new Date(span.until).getTimezoneOffset(),
];

/** The outerHTML of each of FIRST_SCREEN_PARTS within `root`; null if one is missing. */
export function screenParts(root: ParentNode | null): string[] | null {
  const parts: string[] = [];
  for (const selector of FIRST_SCREEN_PARTS) {
    const el = root?.querySelector(selector);
    if (!el) return null;
    parts.push(el.outerHTML);
  }
  return parts;
}

/** The card the page showed from a remembered first screen, if it did. */
export function rememberedCardShown(doc: Document = document): string | null {
  return doc.getElementById('boot')?.dataset['card'] ?? null;
}
