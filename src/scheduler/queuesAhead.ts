// What time alone does to the queue: until when the queue of now holds, and the queues of the
// next study days for a learner who studies nothing more before then. A returning learner's
// first screen (src/platform/firstScreen.ts) is kept for each of those spans.
import { buildQueue, type Queue, type QueueInput } from './queue.ts';
import { nextRollover } from './studyDay.ts';

/**
 * The first moment time alone can change what `queue` offers: a learning card not yet due
 * coming due, or the study day ending (limits reset, the next day's reviews come due). Until
 * then the same progress gives the same queue.
 */
export function queueHoldsUntil(queue: Queue): number {
  return Math.min(queue.learningDueAfterNow ?? Infinity, queue.dayEnd);
}

export interface QueueAhead {
  /** The start of the study day. */
  at: number;
  /** Until when `queue` holds (queueHoldsUntil): that day's end, or a learning card's due. */
  until: number;
  queue: Queue;
}

/**
 * The queues of the `days` study days after the one of `input.now`, each from its start. No
 * review is logged on those days yet, so no log is needed; an interview plan changes by day and
 * is not part of it.
 */
export function queuesAhead(
  input: Omit<QueueInput, 'log' | 'planned'>,
  days: number,
): QueueAhead[] {
  const ahead: QueueAhead[] = [];
  let at = nextRollover(input.now, input.settings.dayRolloverHour);
  for (let i = 0; i < days; i++) {
    const queue = buildQueue({ ...input, log: [], now: at });
    ahead.push({ at, until: queueHoldsUntil(queue), queue });
    at = queue.dayEnd;
  }
  return ahead;
}
