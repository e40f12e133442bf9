// Every piece of interface text, in English and Simplified Chinese. Card content is not here: it
// is shown as written. English comes in two parts: the first screen's text here, in the page from
// the start, and the text of the parts that load on demand (Settings, the data notices, the
// first-run introduction) in messages.screens.ts, which loads with them (see catalogues.ts).
//
// - `{name}` is a placeholder, filled by `t(key, { name })`; TypeScript checks the names.
// - An object is a plural message, chosen with Intl.PluralRules by `plural(key, count)`;
//   `{count}` is the count, formatted for the locale. Chinese has only `other`.
// - `zh` must have exactly the keys of `en`, each of the same kind (text or plural): the type
//   `Catalogue` enforces it, and tests/i18n/messages.test.ts checks the placeholders match.

export interface PluralMessage {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

import type { enScreens } from './messages.screens.ts';

/** The English text of the first screen: the shell and the review screen. */
export const enFirstScreen = {
  // Shell
  'app.name': 'RNN flashcards',
  'app.documentTitle': 'RNN interview flashcards',
  'app.pageTitle': '{page} · RNN flashcards',
  'app.loading': 'Loading…',
  'nav.label': 'Main',
  'nav.review': 'Review',
  'nav.settings': 'Settings',
  'nav.decks': 'Decks',
  'nav.interview': 'Interview',

  // Review
  'review.label': 'Review',
  'review.counts': 'Cards left today',
  'review.count.new': 'New',
  'review.count.learning': 'Learning',
  'review.count.review': 'Review',
  'decks.all': 'All decks',
  'decks.gone': 'The deck you chose is gone: studying all decks.',
  'review.answer': 'Answer',
  'review.sources': 'Sources',
  'review.showAnswer': 'Show answer',
  'review.key.space': 'Space',
  'review.grades': 'Grade your answer',
  'review.undo': 'Undo',
  'review.loading': 'Loading the card…',
  'review.swipeHint.question': 'Swipe the card sideways to show the answer',
  'review.swipeHint.answer': 'Swipe ← Again · → Good',
  'review.graded': '{grade} · back in {interval}',
  'review.undone': 'Grade undone',
  'review.picture': 'Picture',
  'review.closePicture': 'Close',
  'grade.again': 'Again',
  'grade.hard': 'Hard',
  'grade.good': 'Good',
  'grade.easy': 'Easy',

  // Review: empty states
  'done.soon': 'Nothing due right now',
  'done.today': 'Done for today',
  'done.emptyTitle': 'No cards yet',
  'done.next': 'The next card is due in {interval} ({time}).',
  'done.keepOpen': 'Keep this tab open and it will appear by itself.',
  'done.comeBack': 'Come back then.',
  'done.moreNew': 'To learn more new cards today, raise the new cards per day in {settings}.',
  'done.newOff':
    'New cards are set to 0 a day, so nothing new will come. Raise the limit in {settings}.',
  'done.limitsOff':
    'Your daily limits are set to 0, so nothing is scheduled. Raise them in {settings}.',
  'done.settingsLink': 'Settings',
  'done.noCards':
    'There are no cards yet. Add a Markdown file of questions to the content folder and rebuild.',

  // weak: the navigation label, the practice screen's title, and starring on the review screen
  'nav.weak': 'Weak',
  'nav.practice': 'Practice',
  'review.star': 'Star',
  'review.unstar': 'Unstar',
  // browse
  'nav.browse': 'Browse',
  // stats
  'nav.stats': 'Stats',
  // mock
  'nav.mock': 'Mock interview',
} as const satisfies Record<string, string | PluralMessage>;

type English = typeof enFirstScreen & typeof enScreens;

export type MessageKey = keyof English;

/** Keys of the first screen's text, which is always loaded: all `useT()` offers. */
export type FirstScreenKey = keyof typeof enFirstScreen;

/** A catalogue: every key of English, each a string where English has one, a plural where it has one. */
export type Catalogue = {
  readonly [K in MessageKey]: English[K] extends string ? string : PluralMessage;
};

/** Keys of plain text messages. */
export type TextKey = {
  [K in MessageKey]: English[K] extends string ? K : never;
}[MessageKey];

/** Keys of plural messages. */
export type PluralKey = Exclude<MessageKey, TextKey>;

type PlaceholdersOf<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

/** The placeholder names of a message, as written in English (`count` excluded for plurals). */
export type Placeholders<K extends MessageKey> = English[K] extends string
  ? PlaceholdersOf<English[K]>
  : Exclude<PlaceholdersOf<English[K][keyof English[K]]>, 'count'>;

// Chinese lives in messages.zh.ts and is loaded only when it is the interface language
// (see catalogues.ts): English readers do not download it.
