// A deadline-aware study plan: which cards to review on which study day so that each interview's
// cards are above the target recall when it comes. Pure: recomputed from progress whenever the
// screen or the queue asks, so it follows what was actually reviewed and, once every interview
// has passed, is empty: scheduling is plain FSRS again by itself.
//
// The model, in whole study days (as retrievability counts them):
// - A card's deadline is the earliest upcoming interview covering it at which its predicted
//   recall is below target (a card safe for Tuesday but not for Friday is planned for Friday).
//   One review per card per plan; the plan after the first deadline passes covers the next.
// - Work is a Good review (FSRS-6 stability after success, fsrsMath.ts). Its predicted recall at
//   the deadline grows with the review day d (later review: less time to forget, and a bigger
//   gain from a lower R at review), so the days that reach the target form a window
//   [earliestDay, latestDay]. latestDay is the eve of the interview's study day (a review on the
//   day itself would count as recall 1 however late it came), or today if the interview is today.
//   A stable card may be done weeks ahead; a fragile one only at the end.
// - A new card is introduced (Good through its learning steps) at least `lead` study days before
//   the interview's day: 1, plus one per whole day of learning steps; its stability afterwards is
//   that of stabilityAfterLearning.
// - A card that cannot reach the target even on latestDay is still planned there (reachesTarget
//   false): the review raises its recall all the same.
// - Packing: backward from the last day, at most `dailyLimit` cards a day. Each day takes, of the
//   cards whose window contains it, those whose window starts latest (they have no earlier day
//   to go to), then the weakest. What does not fit is returned in `unplaced`, never dropped; the
//   readiness reachable is `readinessIfFollowed`, beside `readinessIfAllDone` (no limit).
// - Suspended cards are not planned (they are never queued) but count in readiness.
// - The plan covers PLAN_HORIZON_DAYS study days from today: a card whose window opens later is
//   left for a later plan (neither planned nor unplaced), so any interview date costs the same.
import {
  forgettingCurve,
  stabilityAfterGood,
  stabilityAfterLearning,
} from '../scheduler/fsrsMath.ts';
import type { CardProgress } from '../scheduler/progress.ts';
import type { Step } from '../scheduler/settings.ts';
import { recallOnDay, studyDayIndexer } from './days.ts';
import { DEFAULT_READINESS_TARGET, readinessAt } from './readiness.ts';
import type { FlagsById, ProgressById } from './types.ts';

export interface InterviewCards {
  id: string;
  /** Epoch ms of the interview. */
  at: number;
  cardIds: readonly string[];
}

export interface PlanOptions {
  now: number;
  rolloverHour: number;
  /** Most plan reviews on one study day. */
  dailyLimit: number;
  /** The scheduler's learning steps (how long a new card takes to learn). */
  learningSteps: readonly Step[];
  target?: number;
}

export interface PlanItem {
  cardId: string;
  /** The interview whose deadline this review is for. */
  interviewId: string;
  deadline: number;
  isNew: boolean;
  /** Study day indices of the window in which a Good review reaches the target. */
  earliestDay: number;
  latestDay: number;
  /** Predicted recall at the deadline without the review, and after it on `day` (or latestDay). */
  recallWithout: number;
  recallWith: number;
  reachesTarget: boolean;
}

export interface PlannedReview extends PlanItem {
  day: number;
}

export interface InterviewOutlook {
  id: string;
  at: number;
  /** The interview's study day index. */
  day: number;
  cards: number;
  /** Readiness at the interview if nothing more is studied; null for no cards. */
  readiness: number | null;
  /** … if the planned reviews are done (what is reachable under the daily limit). */
  readinessIfFollowed: number | null;
  /** … if every card needing work were done on its latest day, ignoring the limit. */
  readinessIfAllDone: number | null;
  /** Cards below target at the interview if nothing more is studied. */
  belowTarget: number;
}

export interface StudyPlan {
  /** Today's study day index. */
  firstDay: number;
  /** Every study day from today to the last one planned for (within the horizon), oldest first. */
  days: { day: number; cardIds: string[] }[];
  planned: PlannedReview[];
  unplaced: PlanItem[];
  interviews: InterviewOutlook[];
}

const STEP_MINUTES = { m: 1, h: 60, d: 1440 } as const;

/**
 * Study days after today the plan places reviews on. The plan is made again every day from what
 * was reviewed, so a review placed a year ahead would be moved many times before it came; the
 * bound keeps the work and the plan's table small for any interview date storage accepts.
 */
export const PLAN_HORIZON_DAYS = 365;

/** Study days before the interview's day that a new card must be introduced: 1 + step days. */
export function newCardLeadDays(learningSteps: readonly Step[]): number {
  let minutes = 0;
  for (const step of learningSteps) {
    const unit = step.slice(-1) as keyof typeof STEP_MINUTES;
    minutes += (Number.parseInt(step, 10) || 0) * (STEP_MINUTES[unit] ?? 0);
  }
  return 1 + Math.floor(minutes / 1440);
}

/** Recall at the deadline's study day after a Good review (or introduction) on `day`. */
type RecallAfter = (day: number) => number;

function recallAfterFor(
  p: CardProgress | undefined,
  lead: number,
  newStability: number,
  dayOf: (time: number) => number,
) {
  if (p === undefined || p.state === 'new' || p.lastReview === null) {
    return (deadlineDay: number, day: number) =>
      forgettingCurve(Math.max(0, deadlineDay - day - (lead - 1)), newStability);
  }
  const lastDay = dayOf(p.lastReview);
  const d = Math.min(10, Math.max(1, p.difficulty));
  return (deadlineDay: number, day: number) =>
    forgettingCurve(
      Math.max(0, deadlineDay - day),
      stabilityAfterGood(d, p.stability, Math.max(0, day - lastDay)),
    );
}

/** Smallest day in [from, to] where `ok` holds, given it is monotone; `to` if none does. */
function earliestWhere(from: number, to: number, ok: RecallAfter, target: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ok(mid) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A binary max-heap by `before` (true when a should come out before b). */
class Heap<T> {
  private items: T[] = [];
  private readonly before: (a: T, b: T) => boolean;
  constructor(before: (a: T, b: T) => boolean) {
    this.before = before;
  }
  get size(): number {
    return this.items.length;
  }
  push(item: T): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

interface Work extends PlanItem {
  after: (deadlineDay: number, day: number) => number;
}

const byId = (a: { cardId: string }, b: { cardId: string }): number =>
  a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0;

export function planInterviews(
  interviews: readonly InterviewCards[],
  progress: ProgressById,
  flags: FlagsById,
  options: PlanOptions,
): StudyPlan {
  const { now, rolloverHour: hour, learningSteps } = options;
  const target = options.target ?? DEFAULT_READINESS_TARGET;
  const limit = Math.max(0, Math.floor(options.dailyLimit));
  const dayOf = studyDayIndexer(hour);
  const today = dayOf(now);
  const upcoming = interviews
    .filter((i) => i.at > now)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lead = newCardLeadDays(learningSteps);
  const newStability = stabilityAfterLearning(Math.max(1, learningSteps.length));
  const lastDayFor = (at: number, isNew: boolean): number =>
    Math.max(today, dayOf(at) - (isNew ? lead : 1));

  // Each card's deadline: the first upcoming interview covering it at which it is below target.
  const work = new Map<string, Work>();
  for (const interview of upcoming) {
    const deadlineDay = dayOf(interview.at);
    for (const cardId of interview.cardIds) {
      if (work.has(cardId) || flags[cardId]?.suspended === true) continue;
      const p = progress[cardId];
      const recallWithout = recallOnDay(p, deadlineDay, dayOf);
      if (recallWithout >= target) continue;
      const isNew = p === undefined || p.state === 'new' || p.lastReview === null;
      const after = recallAfterFor(p, lead, newStability, dayOf);
      const latestDay = lastDayFor(interview.at, isNew);
      const atDeadline = (day: number): number => after(deadlineDay, day);
      const earliestDay = earliestWhere(today, latestDay, atDeadline, target);
      const best = atDeadline(latestDay);
      work.set(cardId, {
        cardId,
        interviewId: interview.id,
        deadline: interview.at,
        isNew,
        earliestDay,
        latestDay,
        recallWithout,
        recallWith: best,
        reachesTarget: best >= target,
        after,
      });
    }
  }

  // Pack backward: latest windows enter first; the heap yields the latest-starting, weakest.
  // A window opening past the horizon is left to a later plan.
  const horizon = today + PLAN_HORIZON_DAYS;
  const items = [...work.values()]
    .filter((w) => w.earliestDay <= horizon)
    .sort((a, b) => b.latestDay - a.latestDay || byId(a, b));
  const heap = new Heap<Work>(
    (a, b) =>
      a.earliestDay > b.earliestDay ||
      (a.earliestDay === b.earliestDay &&
        (a.recallWithout < b.recallWithout ||
          (a.recallWithout === b.recallWithout && byId(a, b) < 0))),
  );
  let lastDay = today;
  for (const i of upcoming) lastDay = Math.max(lastDay, lastDayFor(i.at, false));
  for (const w of items) lastDay = Math.max(lastDay, w.latestDay);
  lastDay = Math.min(lastDay, horizon);
  const planned: PlannedReview[] = [];
  const unplaced: Work[] = [];
  const byDay = new Map<number, string[]>();
  let next = 0;
  for (let day = lastDay; day >= today; day--) {
    while (next < items.length && items[next]!.latestDay >= day) heap.push(items[next++]!);
    const cardIds: string[] = [];
    while (cardIds.length < limit && heap.size > 0) {
      const item = heap.pop()!;
      if (item.earliestDay > day) {
        unplaced.push(item);
        continue;
      }
      const deadlineDay = dayOf(item.deadline);
      planned.push({ ...strip(item, item.after(deadlineDay, day)), day });
      cardIds.push(item.cardId);
    }
    byDay.set(day, cardIds);
  }
  for (let item = heap.pop(); item !== undefined; item = heap.pop()) unplaced.push(item);
  const plannedDay = new Map(planned.map((p) => [p.cardId, p.day]));

  const outlook = (interview: InterviewCards): InterviewOutlook => {
    const base = readinessAt(
      interview.cardIds,
      progress,
      { at: interview.at, rolloverHour: hour, target },
      dayOf,
    );
    const deadlineDay = dayOf(interview.at);
    const ids = [...new Set(interview.cardIds)];
    const mean = (reviewDay: (w: Work) => number | undefined): number | null => {
      if (ids.length === 0) return null;
      let sum = 0;
      for (const id of ids) {
        const w = work.get(id);
        const day = w === undefined ? undefined : reviewDay(w);
        // A review for a later interview helps this one only if it comes before this one's day.
        const applies =
          w !== undefined && day !== undefined && (day < deadlineDay || w.deadline <= interview.at);
        sum += applies ? w.after(deadlineDay, day) : recallOnDay(progress[id], deadlineDay, dayOf);
      }
      return sum / ids.length;
    };
    return {
      id: interview.id,
      at: interview.at,
      day: deadlineDay,
      cards: base.cards,
      readiness: base.readiness,
      readinessIfFollowed: mean((w) => plannedDay.get(w.cardId)),
      readinessIfAllDone: mean((w) => w.latestDay),
      belowTarget: base.below.length,
    };
  };

  const days: StudyPlan['days'] = [];
  if (upcoming.length > 0)
    for (let d = today; d <= lastDay; d++) days.push({ day: d, cardIds: byDay.get(d) ?? [] });
  return {
    firstDay: today,
    days,
    planned: planned.sort((a, b) => a.day - b.day || byId(a, b)),
    unplaced: unplaced.map((w) => strip(w)).sort((a, b) => a.latestDay - b.latestDay || byId(a, b)),
    interviews: upcoming.map(outlook),
  };
}

/** The plain item, without the function (spelt out: this runs per card). */
function strip(w: Work, recallWith: number = w.recallWith): PlanItem {
  return {
    cardId: w.cardId,
    interviewId: w.interviewId,
    deadline: w.deadline,
    isNew: w.isNew,
    earliestDay: w.earliestDay,
    latestDay: w.latestDay,
    recallWithout: w.recallWithout,
    recallWith,
    reachesTarget: w.reachesTarget,
  };
}
