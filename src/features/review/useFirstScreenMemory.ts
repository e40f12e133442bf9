// Leaving the review screen keeps it as the next visit's first screen (src/platform/firstScreen.ts)
// when the screen shows what the queue itself offers: not a card an undo pinned, not while a
// grade was still being recorded (the screen then shows a queue older than the store), not
// while an interview is ahead (its plan adds cards, after the first screen, which has none).
// The first screens of the next study days come with it (laterScreens).
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { whenIdle } from '../../platform/frame.ts';
import { rememberFirstScreen, type FirstScreenMoment } from '../../platform/firstScreen.ts';
import { PREFERENCES_KEY } from '../../preferences/preferencesStore.ts';
import type { Queue } from '../../scheduler/queue.ts';
import { queueHoldsUntil } from '../../scheduler/queuesAhead.ts';
import { useProgress } from '../../store/context.tsx';
import { firstCardsAhead, laterScreens, type LaterScreensInput } from './laterScreens.tsx';

export interface ScreenNow extends Omit<LaterScreensInput, 'progress' | 'flags' | 'settings'> {
  queue: Queue;
  currentId: string | null;
  /** The current card is drawn. */
  drawn: boolean;
}

/**
 * The screen's leave handler: `flushPending` (records a waiting grade; true if there was one),
 * then the first screens kept if the one on screen is the queue's own. `unmounting`: the screen
 * is going away; the next days' screens, which React would have to draw, are left out then.
 */
export function useFirstScreenMemory(
  screen: ScreenNow,
  flushPending: () => boolean,
): (unmounting: boolean) => void {
  const progress = useProgress((s) => s.progress);
  const flags = useProgress((s) => s.flags);
  const settings = useProgress((s) => s.settings);
  const interviewAhead = useProgress((s) =>
    Object.values(s.interviews).some((r) => r.value !== null && r.value.at > screen.now),
  );
  const { queue, now, currentId, drawn } = screen;
  const latest = useRef<{ moment: FirstScreenMoment; input: LaterScreensInput } | null>(null);
  useLayoutEffect(() => {
    latest.current =
      drawn && currentId !== null && currentId === queue.next && !interviewAhead
        ? {
            moment: { card: currentId, at: now, until: queueHoldsUntil(queue) },
            input: { ...screen, progress, flags, settings },
          }
        : null;
  });
  // Once a card is up, the next days' first cards are sent for, so that leaving finds them.
  const { content } = screen;
  useEffect(() => {
    if (!drawn) return;
    return whenIdle(() => {
      const kept = latest.current;
      if (!kept) return;
      const ids = firstCardsAhead(kept.input).flatMap((day) => day.queue.next ?? []);
      content.load(ids).catch(() => undefined);
    }, 2000);
  }, [content, drawn]);
  return useCallback(
    (unmounting: boolean) => {
      const recorded = flushPending();
      const kept = latest.current;
      if (recorded || !kept) return;
      rememberFirstScreen(kept.moment, unmounting ? [] : laterScreens(kept.input), {
        prefsKey: PREFERENCES_KEY,
      });
    },
    [flushPending],
  );
}
