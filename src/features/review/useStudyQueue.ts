// What is due now: the study clock and the queue built from the store's progress at that time.
// The clock moves when the learner acts, when the next card comes due, and when the tab comes
// back into view (see usePageLeave); it is not a ticking timer.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DeckContent } from '../../content/deckContent.ts';
import { now as clockNow } from '../../platform/clock.ts';
import { firstReviewFrom, type ReviewLogEntry } from '../../scheduler/progress.ts';
import { buildQueue, type Queue } from '../../scheduler/queue.ts';
import { studyDayStart } from '../../scheduler/studyDay.ts';
import { useProgress } from '../../store/context.tsx';
import { useTodaysPlan } from './useTodaysPlan.ts';

/** Longest single wait before re-checking the queue (timers drift; tabs sleep). */
const MAX_WAIT_MS = 60 * 60 * 1000;

export interface StudyQueue {
  now: number;
  queue: Queue;
  /** The card on screen: the queue's next, or the one an undo or a shown grade pinned. */
  currentId: string | null;
  /** Shows this card whatever the queue would pick (null: back to the queue's choice). */
  pin: (id: string | null) => void;
  /** Moves the clock to this time (a grade's), or to the clock's time now. */
  setNow: (at?: number) => void;
}

/** `ids`: the cards being studied (one deck's, or all), in content order. */
export function useStudyQueue(content: DeckContent, ids: readonly string[]): StudyQueue {
  const progress = useProgress((s) => s.progress);
  // Today's reviews are among the recent ones (RECENT_REVIEW_DAYS).
  const log = useProgress((s) => s.recentReviews);
  const settings = useProgress((s) => s.settings);
  const flags = useProgress((s) => s.flags);

  const [now, setNowState] = useState(clockNow);
  // After an undo, the card it restored is shown again even if the queue would pick another.
  const [pinned, pin] = useState<string | null>(null);
  const setNow = useCallback((at?: number) => setNowState(at ?? clockNow()), []);

  // Only today's reviews count against today's limits, whichever deck they were in (the limits
  // are shared by all decks, as the deck list counts them: src/scheduler/deckCounts.ts): found by binary search in the log
  // (kept in time order), so the queue costs the same with a year of reviews as with none.
  const dayStart = studyDayStart(now, settings.dayRolloverHour);
  const todayLog = useMemo(() => reviewsSince(log, dayStart), [log, dayStart]);
  // While an interview is ahead, today's slice of its plan joins the queue.
  const planned = useTodaysPlan(content, now);
  const queue = useMemo(
    () => buildQueue({ ids, progress, log: todayLog, now, settings, flags, planned }),
    [ids, progress, todayLog, now, settings, flags, planned],
  );
  const currentId = pinned !== null && content.place(pinned) ? pinned : queue.next;

  // Wake up when the next card comes due (learning steps, the next study day).
  useEffect(() => {
    if (queue.next !== null || queue.nextDueAt === null) return;
    const wait = Math.min(Math.max(queue.nextDueAt - now, 0) + 50, MAX_WAIT_MS);
    const timer = window.setTimeout(() => setNowState(clockNow()), wait);
    return () => window.clearTimeout(timer);
  }, [queue.next, queue.nextDueAt, now]);

  return { now, queue, currentId, pin, setNow };
}

/** The reviews at or after `since`, from a log in time order. */
function reviewsSince(log: readonly ReviewLogEntry[], since: number): readonly ReviewLogEntry[] {
  const start = firstReviewFrom(log, since);
  return start === 0 ? log : log.slice(start);
}
