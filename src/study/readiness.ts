// Interview readiness: the predicted share of an interview's cards recalled at its time.
import { recallOnDay, studyDayIndexer } from './days.ts';
import type { ProgressById } from './types.ts';

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
  progress: ProgressById,
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
