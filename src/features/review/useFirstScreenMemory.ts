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
import type { LaterScreensInput } from './laterScreens.tsx';

type LaterScreensModule = typeof import('./laterScreens.tsx');

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
  // Once a card is up, the code that draws the next days' screens (not in the first download)
  // and their first cards are sent for, so that leaving finds them. Leaving before they are
  // here keeps today's screen alone.
  const { content } = screen;
  const later = useRef<LaterScreensModule | null>(null);
  useEffect(() => {
    if (!drawn) return;
    let current = true;
    const cancel = whenIdle(() => {
      import('./laterScreens.tsx').then(
        (module) => {
          later.current = module;
          const kept = latest.current;
          if (!current || !kept) return;
          const ids = module.firstCardsAhead(kept.input).flatMap((day) => day.queue.next ?? []);
          content.load(ids).catch(() => undefined);
        },
        // Offline before it was cached: only today's screen is kept.
        () => undefined,
      );
    }, 2000);
    return () => {
      current = false;
      cancel();
    };
  }, [content, drawn]);
  // Closing a tab fires both `visibilitychange` and `pagehide`: with no render in between,
  // the screens written the first time still hold, and drawing them again costs 60–130 ms at
  // 4× CPU. Kept: what was last written, and whether the next days' screens were in it.
  const written = useRef<{ kept: typeof latest.current; withLater: boolean } | null>(null);
  return useCallback(
    (unmounting: boolean) => {
      const recorded = flushPending();
      const kept = latest.current;
      if (recorded || !kept) return;
      const withLater = !unmounting && later.current !== null;
      const last = written.current;
      if (last?.kept === kept && (last.withLater || !withLater)) return;
      const screens = withLater && later.current ? later.current.laterScreens(kept.input) : [];
      rememberFirstScreen(kept.moment, screens, {
        prefsKey: PREFERENCES_KEY,
      });
      written.current = { kept, withLater };
    },
    [flushPending],
  );
}
