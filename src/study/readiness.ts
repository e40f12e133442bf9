// Interview readiness: the predicted share of an interview's cards recalled at its time.
import type { CardProgress } from '../scheduler/progress.ts';
import { recallOnDay, studyDayIndexer } from './days.ts';
import { isReview, type ProgressById, type StudyLogEntry } from './types.ts';

/** What a card's recall is predicted from. */
export type RecallState = Pick<CardProgress, 'state' | 'lastReview' | 'stability'>;
export type RecallById = Readonly<Record<string, RecallState | undefined>>;

/** Recall every card should reach by the interview, unless the learner sets another. */
export const DEFAULT_READINESS_TARGET = 0.9;

export interface CardRecall {
  cardId: string;
  recall: number;
}

export interface Readiness {
  /** Mean predicted recall at `at` over the cards (never seen: 0); null for no cards. */
  readiness: number | null;
  cards: number;
  /** Cards predicted below the target at `at`, weakest first (ties by id). */
  below: CardRecall[];
}

export interface ReadinessOptions {
  at: number;
  rolloverHour: number;
  target?: number;
}

/**
 * Readiness at `at` of the given cards (duplicates counted once). `dayOf`: a studyDayIndexer for
 * the same rollover hour, to share between calls.
 */
export function readinessAt(
  cardIds: readonly string[],
  progress: RecallById,
  { at, rolloverHour, target = DEFAULT_READINESS_TARGET }: ReadinessOptions,
  dayOf: (time: number) => number = studyDayIndexer(rolloverHour),
): Readiness {
  const day = dayOf(at);
  const ids = [...new Set(cardIds)];
  let sum = 0;
  const below: CardRecall[] = [];
  for (const cardId of ids) {
    const p = progress[cardId];
    const recall = recallOnDay(p, day, dayOf);
    sum += recall;
    if (recall < target) below.push({ cardId, recall });
  }
  below.sort(
    (a, b) => a.recall - b.recall || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0),
  );
  return { readiness: ids.length > 0 ? sum / ids.length : null, cards: ids.length, below };
}

/**
 * The readiness an interview had at its time `at`, from what was reviewed before it only (a review
 * after the interview must not raise it): each card as its last review before `at` left it. That
 * is its progress when its last review came before `at`, else its last review before `at` in the
 * log (the stability after it). Null when there are no cards, or when such a log entry has lost
 * its stability to storage compaction: no figure rather than a wrong one.
 */
export function readinessBefore(
  cardIds: readonly string[],
  progress: ProgressById,
  log: readonly StudyLogEntry[],
  options: ReadinessOptions,
): number | null {
  const { at } = options;
  const ids = new Set(cardIds);
  const then: Record<string, RecallState> = {};
  const lastBefore = new Map<string, StudyLogEntry>();
  for (const e of log) {
    if (!ids.has(e.cardId) || !isReview(e) || e.reviewedAt >= at) continue;
    const seen = lastBefore.get(e.cardId);
    if (seen === undefined || e.reviewedAt > seen.reviewedAt) lastBefore.set(e.cardId, e);
  }
  for (const id of ids) {
    const p = progress[id];
    if (p !== undefined && p.lastReview !== null && p.lastReview < at) {
      then[id] = p;
      continue;
    }
    const e = lastBefore.get(id);
    if (e === undefined) continue; // not studied before the interview: recall 0
    if (e.stability === null) return null;
    // Any state but new: recallOnDay asks only whether the card had been studied.
    then[id] = { state: 'review', lastReview: e.reviewedAt, stability: e.stability };
  }
  return readinessAt([...ids], then, options).readiness;
}
