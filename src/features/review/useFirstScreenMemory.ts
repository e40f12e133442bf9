// Leaving the review screen keeps it as the next visit's first screen (src/platform/firstScreen.ts)
// when the screen shows what the queue itself offers: not a card an undo pinned, not while a
// grade was still being recorded (the screen then shows a queue older than the store), not
// while an interview plan adds cards (they arrive after the first screen, which has none).
import { useCallback, useLayoutEffect, useRef } from 'react';
import { rememberFirstScreen, type FirstScreenMoment } from '../../platform/firstScreen.ts';
import { PREFERENCES_KEY } from '../../preferences/preferencesStore.ts';
import type { Queue } from '../../scheduler/queue.ts';

/**
 * The screen's leave handler: `flushPending` (records a waiting grade; true if there was one),
 * then the first screen kept if it is the queue's own.
 */
export function useFirstScreenMemory(
  state: { queue: Queue; now: number; currentId: string | null; drawn: boolean },
  flushPending: () => boolean,
): () => void {
  const moment = useRef<FirstScreenMoment | null>(null);
  const { queue, now, currentId, drawn } = state;
  useLayoutEffect(() => {
    moment.current =
      drawn && currentId !== null && currentId === queue.next && queue.planned.length === 0
        ? { card: currentId, at: now, until: firstScreenUntil(queue) }
        : null;
  });
  return useCallback(() => {
    const recorded = flushPending();
    if (!recorded && moment.current)
      rememberFirstScreen(moment.current, { prefsKey: PREFERENCES_KEY });
  }, [flushPending]);
}

/**
 * The first moment time alone can change what `queue` offers: a learning card not yet due
 * coming due, or the study day ending (limits reset, tomorrow's reviews come due). Until then
 * the same stored progress gives the same queue.
 */
export function firstScreenUntil(queue: Queue): number {
  return Math.min(queue.learningDueAfterNow ?? Infinity, queue.dayEnd);
}
