// Study-day indices for many times in a row, cheaply: logs are in time order, so consecutive
// entries mostly fall in the same study day and one boundary check replaces the `Date` work.
import { nextRollover, studyDayIndex, studyDayStart } from '../scheduler/studyDay.ts';

/** A function giving the study day index (see studyDayIndex) of a time; fastest in time order. */
export function studyDayIndexer(rolloverHour: number): (time: number) => number {
  let start = Infinity;
  let end = -Infinity;
  let index = 0;
  return (time) => {
    if (time < start || time >= end) {
      start = studyDayStart(time, rolloverHour);
      end = nextRollover(time, rolloverHour);
      index = studyDayIndex(time, rolloverHour);
    }
    return index;
  };
}

/** The UTC-midnight Date of a study day index: read it with getUTC* methods. */
export function dateOfStudyDay(day: number): Date {
  return new Date(day * 86_400_000);
}
