// Study-day indices for many times, cheaply. studyDayIndex does local-time Date work (a few µs);
// over thousands of cards and tens of thousands of log entries that dominates, so the indexer
// works it out once per UTC day touched and answers every other time in that day by comparing
// with the rollover instants inside it. Results are exactly studyDayIndex's.
import type { CardProgress } from '../scheduler/progress.ts';
import { forgettingCurve } from '../scheduler/fsrsMath.ts';
import { DAY_MS, nextRollover, studyDayIndex } from '../scheduler/studyDay.ts';

interface UtcDay {
  /** Study day index at the start of the UTC day. */
  first: number;
  /** Rollover instants within the UTC day, ascending, each with the index it starts. */
  rollovers: { at: number; index: number }[];
}

/** A function giving studyDayIndex(time, rolloverHour) for any time, in any order. */
export function studyDayIndexer(rolloverHour: number): (time: number) => number {
  const cache = new Map<number, UtcDay>();
  return (time) => {
    const bucket = Math.floor(time / DAY_MS);
    let day = cache.get(bucket);
    if (day === undefined) {
      const start = bucket * DAY_MS;
      const end = start + DAY_MS;
      day = { first: studyDayIndex(start, rolloverHour), rollovers: [] };
      for (
        let at = nextRollover(start, rolloverHour);
        at < end;
        at = nextRollover(at, rolloverHour)
      ) {
        day.rollovers.push({ at, index: studyDayIndex(at, rolloverHour) });
      }
      cache.set(bucket, day);
    }
    let index = day.first;
    for (const r of day.rollovers) if (time >= r.at) index = r.index;
    return index;
  };
}

/** retrievability on study day `day` (what recallAt gives at any time in it), via an indexer. */
export function recallOnDay(
  progress: Pick<CardProgress, 'state' | 'lastReview' | 'stability'> | undefined,
  day: number,
  dayOf: (time: number) => number,
): number {
  if (progress === undefined || progress.state === 'new' || progress.lastReview === null) return 0;
  return forgettingCurve(Math.max(0, day - dayOf(progress.lastReview)), progress.stability);
}
