// How far the predictions hold: FSRS's predicted recall at each review against what happened.
//
// For every review grade of a card that had been reviewed before (state before ≠ new), the
// prediction is the forgetting curve at the entry's elapsedDays (the study days the scheduler
// itself counted) with the stability left by the card's previous REVIEW entry in the log
// (practice grades do not change the schedule, so they are skipped). Outcome: Again 0, else 1.
// Left out and counted apart:
//   noPriorReview  the log holds no earlier review of the card (trimmed or imported log);
//   noStability    that earlier review's stability was dropped by compaction (null) or is corrupt;
//   sameDay        0 elapsed study days: the prediction is 1 by construction (recall is counted in
//                  whole study days), so learning steps would only flatter the figure. The
//                  srs-benchmark likewise scores reviews across days.
// Bins: `binCount` equal-width bins of predicted R over [0, 1] (R = 1 falls in the last).
// RMSE (bins), as srs-benchmark weighs it: sqrt(Σ nᵢ (p̄ᵢ − ȳᵢ)² / Σ nᵢ), where p̄ᵢ and ȳᵢ are the
// mean prediction and the mean outcome in bin i. (srs-benchmark bins by more than predicted R;
// with bins of R alone the figure is comparable, not identical.)
import { forgettingCurve } from '../scheduler/fsrsMath.ts';
import { isReview, type StudyLogEntry } from './types.ts';

export interface CalibrationBin {
  /** Predicted recall range [from, to). */
  from: number;
  to: number;
  count: number;
  /** Null when the bin is empty. */
  meanPredicted: number | null;
  meanRecalled: number | null;
}

export interface Calibration {
  bins: CalibrationBin[];
  /** Null when no review could be scored. */
  rmse: number | null;
  /** Reviews scored. */
  count: number;
  skipped: { noPriorReview: number; noStability: number; sameDay: number };
}

export function calibration(log: readonly StudyLogEntry[], binCount = 20): Calibration {
  const n = Math.max(1, Math.trunc(binCount));
  const counts = new Array<number>(n).fill(0);
  const predictedSum = new Array<number>(n).fill(0);
  const recalledSum = new Array<number>(n).fill(0);
  const skipped = { noPriorReview: 0, noStability: 0, sameDay: 0 };
  /** Stability after each card's latest review so far; null if unknown. */
  const stabilityAfter = new Map<string, number | null>();
  for (const entry of log) {
    if (!isReview(entry)) continue;
    const hadPrior = stabilityAfter.has(entry.cardId);
    const before = stabilityAfter.get(entry.cardId) ?? null;
    stabilityAfter.set(entry.cardId, entry.stability);
    if (entry.state === 'new') continue;
    if (!hadPrior) skipped.noPriorReview++;
    else if (before === null || !(before > 0) || !Number.isFinite(before)) skipped.noStability++;
    else if (!(entry.elapsedDays >= 1)) skipped.sameDay++;
    else {
      const p = forgettingCurve(entry.elapsedDays, before);
      const bin = Math.min(n - 1, Math.floor(p * n));
      counts[bin]!++;
      predictedSum[bin]! += p;
      recalledSum[bin]! += entry.grade === 'again' ? 0 : 1;
    }
  }
  let count = 0;
  let squares = 0;
  const bins = counts.map((c, i): CalibrationBin => {
    const meanPredicted = c > 0 ? predictedSum[i]! / c : null;
    const meanRecalled = c > 0 ? recalledSum[i]! / c : null;
    if (meanPredicted !== null && meanRecalled !== null) {
      count += c;
      squares += c * (meanPredicted - meanRecalled) ** 2;
    }
    return { from: i / n, to: (i + 1) / n, count: c, meanPredicted, meanRecalled };
  });
  return { bins, rmse: count > 0 ? Math.sqrt(squares / count) : null, count, skipped };
}
