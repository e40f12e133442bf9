// The first screens of the next study days, for a learner who comes back on one of them without
// having studied in between (src/platform/firstScreen.ts keeps them): their queues as time alone
// makes them (src/scheduler/queuesAhead.ts), each first card drawn off-screen by the review
// screen's own components, so that the page shows exactly what the app will draw.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { DeckContent } from '../../content/deckContent.ts';
import type { Card } from '../../deck/types.ts';
import { screenParts, type KeptScreen } from '../../platform/firstScreen.ts';
import type { CardProgress } from '../../scheduler/progress.ts';
import type { Queue } from '../../scheduler/queue.ts';
import { queuesAhead } from '../../scheduler/queuesAhead.ts';
import type { SchedulerSettings } from '../../scheduler/settings.ts';
import type { CardFlags } from '../../store/persisted.ts';
import { ReviewCard } from './ReviewCard.tsx';
import { ReviewTop } from './ReviewTop.tsx';

/** A week: the usual gaps between study sessions. */
export const DAYS_AHEAD = 7;

export interface LaterScreensInput {
  content: DeckContent;
  /** The cards being studied, in content order. */
  ids: readonly string[];
  progress: Readonly<Record<string, CardProgress | undefined>>;
  flags: Readonly<Record<string, CardFlags | undefined>>;
  settings: SchedulerSettings;
  now: number;
  deckTitle: string | undefined;
}

/** The queues of the next study days: each one's `next` is that day's first card (or null). */
export function firstCardsAhead(
  input: LaterScreensInput,
): { at: number; until: number; queue: Queue }[] {
  const { ids, progress, flags, settings, now } = input;
  return queuesAhead({ ids, progress, flags, settings, now }, DAYS_AHEAD);
}

/**
 * The next study days' first screens whose card is here; those whose card is not yet are sent
 * for, for the next time. A day with nothing to study gets none (the page waits for the app).
 */
export function laterScreens(input: LaterScreensInput): KeptScreen[] {
  const { content, flags, deckTitle } = input;
  const screens: KeptScreen[] = [];
  const missing: string[] = [];
  for (const { at, until, queue } of firstCardsAhead(input)) {
    if (queue.next === null) continue;
    const card = content.card(queue.next);
    if (!card) {
      missing.push(queue.next);
      continue;
    }
    const starred = flags[card.id]?.starred === true;
    const parts = drawScreen(card, content, queue.counts, starred, deckTitle);
    if (parts) screens.push({ card: card.id, at, until, parts });
  }
  if (missing.length > 0) content.load(missing).catch(() => undefined);
  return screens;
}

const noRef = { current: null };
const ignore = () => undefined;
const NO_SWIPE = {
  onPointerDown: ignore,
  onPointerMove: ignore,
  onPointerUp: ignore,
  onPointerCancel: ignore,
};

/** The screen's parts for `card` and `counts`, drawn at once in a detached element. */
function drawScreen(
  card: Card,
  content: DeckContent,
  counts: Queue['counts'],
  starred: boolean,
  deckTitle: string | undefined,
): string[] | null {
  const host = document.createElement('div');
  const root = createRoot(host);
  try {
    flushSync(() =>
      root.render(
        <section className="review">
          <ReviewTop counts={counts} deckTitle={deckTitle} />
          <ReviewCard
            card={card}
            place={content.place(card.id)}
            fadeIn={false}
            cardRef={noRef}
            answerRef={noRef}
            swipe={NO_SWIPE}
            onZoom={ignore}
            starred={starred}
            onToggleStar={ignore}
          />
        </section>,
      ),
    );
    return screenParts(host);
  } finally {
    root.unmount();
  }
}
