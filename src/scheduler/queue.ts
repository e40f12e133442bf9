// What to study now: Anki-like queues of learning, review and new cards for one study day.

import type { CardProgress, CardState, ReviewLogEntry } from './progress.ts';
import type { SchedulerSettings } from './settings.ts';
import { nextRollover, studyDayStart } from './studyDay.ts';

export interface QueueInput {
  /** Cards in deck order. */
  ids: readonly string[];
  progress: Readonly<Record<string, CardProgress | undefined>>;
  /**
   * Reviews to count against today's limits. Every entry counts, also those of cards not in
   * `ids`, so pass the log whose reviews should use up these limits (e.g. this deck's).
   */
  log: readonly ReviewLogEntry[];
  now: number;
  settings: SchedulerSettings;
  /**
   * Per-card marks: a suspended card is never queued, counted or waited for (absent: none is
   * suspended).
   */
  flags?: Readonly<Record<string, { suspended?: boolean } | undefined>>;
  /**
   * Today's slice of an interview plan (src/study/plan.ts), in the plan's order: brought in
   * beyond today's limits (the plan has its own). Absent or empty once every interview has
   * passed: the queue is plain FSRS again.
   */
  planned?: readonly string[];
}

export interface Queue {
  /** Learning and relearning cards due now (due <= now), earliest due first. */
  learning: string[];
  /**
   * Review cards due today (due before the next rollover), earliest first, within today's limit;
   * then those the plan brings.
   */
  review: string[];
  /** New cards in deck order, within today's limit, then those the plan brings. */
  new: string[];
  /**
   * The plan's cards added to `review` (at its end) and `new` (at its end): planned cards in
   * `ids`, in review or new state, not already offered and not studied today.
   */
  planned: string[];
  counts: {
    new: number;
    /**
     * Learning and relearning cards still to do today (due before the next rollover),
     * including those not yet due: it can be more than `learning.length`.
     */
    learning: number;
    review: number;
  };
  /** The card to show now: the first of `learning`, else of `review`, else of `new`. */
  next: string | null;
  /**
   * Only when `next` is null: when a card next becomes available. The earliest of: the earliest
   * learning due; the start of the study day of the earliest review due (no earlier than the
   * next rollover); the next rollover if new cards remain but today's limit is spent. Null if
   * nothing will ever be due (or `next` is not null).
   */
  nextDueAt: number | null;
  /**
   * When the first learning card not yet available (due > now) comes due; null if none. Until
   * then, and within the study day, the cards on offer change only by grading them.
   */
  learningDueAfterNow: number | null;
  /** The end of the study day the queue was built for (the next rollover): limits reset then. */
  dayEnd: number;
}

interface Due {
  id: string;
  due: number;
}

const byDue = (a: Due, b: Due): number => a.due - b.due;

/**
 * Id lists already found to hold no duplicate, so that later queues over the same list (the
 * review screen builds one per render, over 5,000 ids) skip the set that finds them.
 */
const withoutDuplicates = new WeakSet<readonly string[]>();

/**
 * Build the queues at `input.now`.
 *
 * - Learning/relearning cards are available when due <= now; they are not limited.
 * - Review cards are due when due < next rollover (any time today); at most
 *   `maxReviewsPerDay` minus the reviews of review-state cards already logged today.
 * - New cards (no progress, or state 'new') in deck order; at most `newCardsPerDay` minus the
 *   distinct cards first studied today (log entries with state 'new').
 * - Progress for ids not in `ids` (orphans) is ignored; duplicate ids count once.
 * - Suspended cards (`flags`) are left out of every list, count and wait.
 * - Practice entries in the log (kind 'practice') count for nothing.
 *
 * O(n + m + k log k) for n cards, m log entries and k due cards.
 */
export function buildQueue(input: QueueInput): Queue {
  const { ids, progress, log, now, settings, flags = {} } = input;
  const dayStart = studyDayStart(now, settings.dayRolloverHour);
  const dayEnd = nextRollover(now, settings.dayRolloverHour);

  // Today's work so far, from the log.
  let reviewsToday = 0;
  const introducedToday = new Set<string>();
  const studiedToday = new Set<string>();
  for (const entry of log) {
    if (entry.reviewedAt < dayStart || entry.reviewedAt >= dayEnd) continue;
    // Practice (cram, mock) leaves the schedule as it was: it spends none of today's limits.
    if (entry.kind === 'practice') continue;
    studiedToday.add(entry.cardId);
    if (entry.state === 'review') reviewsToday++;
    else if (entry.state === 'new') introducedToday.add(entry.cardId);
  }
  const reviewLimit = Math.max(0, settings.maxReviewsPerDay - reviewsToday);
  const newLimit = Math.max(0, settings.newCardsPerDay - introducedToday.size);

  const learningNow: Due[] = [];
  const reviewToday: Due[] = [];
  const newCards: string[] = [];
  let learningToday = 0;
  let newTotal = 0;
  let earliestLearning = Infinity;
  let earliestReview = Infinity;
  let upcomingLearning = Infinity;

  const seen = withoutDuplicates.has(ids) ? null : new Set<string>();
  for (const id of ids) {
    if (seen) {
      if (seen.has(id)) continue;
      seen.add(id);
    }
    if (flags[id]?.suspended === true) continue;
    const p = progress[id];
    if (p === undefined || p.state === 'new') {
      newTotal++;
      if (newCards.length < newLimit) newCards.push(id);
    } else if (p.state === 'review') {
      earliestReview = Math.min(earliestReview, p.due);
      if (p.due < dayEnd) reviewToday.push({ id, due: p.due });
    } else {
      earliestLearning = Math.min(earliestLearning, p.due);
      if (p.due < dayEnd) learningToday++;
      if (p.due <= now) learningNow.push({ id, due: p.due });
      else upcomingLearning = Math.min(upcomingLearning, p.due);
    }
  }

  if (seen && seen.size === ids.length) withoutDuplicates.add(ids);

  // Array.prototype.sort is stable: equal dues keep deck order.
  const learning = learningNow.sort(byDue).map((c) => c.id);
  const review = reviewToday
    .sort(byDue)
    .slice(0, reviewLimit)
    .map((c) => c.id);

  const planned = addPlanned(
    input.planned ?? [],
    ids,
    progress,
    flags,
    studiedToday,
    review,
    newCards,
  );
  const next = learning[0] ?? review[0] ?? newCards[0] ?? null;

  let nextDueAt: number | null = null;
  if (next === null) {
    let at = earliestLearning; // every learning card is in the future here
    if (earliestReview !== Infinity && settings.maxReviewsPerDay > 0) {
      // Either none is due today, or today's limit is spent: the earliest review becomes
      // available at the start of its study day, and never before the limits reset.
      at = Math.min(at, Math.max(studyDayStart(earliestReview, settings.dayRolloverHour), dayEnd));
    }
    if (newTotal > 0 && settings.newCardsPerDay > 0) at = Math.min(at, dayEnd);
    nextDueAt = at === Infinity ? null : at;
  }

  return {
    learning,
    review,
    new: newCards,
    planned,
    counts: { new: newCards.length, learning: learningToday, review: review.length },
    next,
    nextDueAt,
    learningDueAfterNow: upcomingLearning === Infinity ? null : upcomingLearning,
    dayEnd,
  };
}

/**
 * Appends the plan's cards (not suspended) to `review` and `new` (in place) and returns them. A card counts once
 * a day: one studied today has had its planned review (the plan, recomputed from progress, may
 * still name it for lack of a later day).
 */
function addPlanned(
  planned: readonly string[],
  ids: readonly string[],
  progress: QueueInput['progress'],
  flags: NonNullable<QueueInput['flags']>,
  studiedToday: ReadonlySet<string>,
  review: string[],
  newCards: string[],
): string[] {
  if (planned.length === 0) return [];
  const offered = new Set([...review, ...newCards]);
  const inDeck = new Set(ids);
  const added: string[] = [];
  for (const id of planned) {
    if (offered.has(id) || studiedToday.has(id) || !inDeck.has(id)) continue;
    if (flags[id]?.suspended === true) continue; // suspended: never queued, plan or not
    offered.add(id);
    const state = progress[id]?.state ?? 'new';
    if (state === 'review') review.push(id);
    else if (state === 'new') newCards.push(id);
    else continue; // learning: its steps bring it back today anyway
    added.push(id);
  }
  return added;
}

/**
 * The card `buildQueue` will offer once `queue.next` has been graded at `at`, told without
 * grading it, so the next card can be shown before the grade is recorded; null when that cannot
 * be told, or when nothing would be left (then grade, and build the queue again).
 *
 * `graded`: the graded card's state and due time after the grade (from the interval previews).
 * It can be told when the graded card leaves today's offer (a learning step that ends after
 * `at`, or a review due after today), no learning card has come due since the queue was built,
 * and the study day has not ended. Today's limits agree: a graded review or new card uses up the
 * place it held in its list.
 */
export function nextAfterGrading(
  queue: Queue,
  at: number,
  graded: { state: CardState; due: number },
): string | null {
  const id = queue.next;
  if (id === null || at >= queue.dayEnd) return null;
  if (queue.learningDueAfterNow !== null && queue.learningDueAfterNow <= at) return null;
  const leaves =
    graded.state === 'review'
      ? graded.due >= queue.dayEnd
      : graded.state !== 'new' && graded.due > at;
  if (!leaves) return null;
  for (const list of [queue.learning, queue.review, queue.new]) {
    for (const other of list) if (other !== id) return other;
  }
  return null;
}
