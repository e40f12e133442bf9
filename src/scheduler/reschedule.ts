// On the learner's request only: review cards' next dates recomputed for the current desired
// retention. Each card's interval is FSRS's interval for its stability at that retention, counted
// from its last review; stability, difficulty and the review history stay as they are. Pure.
import { fsrsFor } from './fsrsEngine.ts';
import type { CardProgress } from './progress.ts';
import type { SchedulerSettings } from './settings.ts';
import { DAY_MS } from './studyDay.ts';

/** The review cards whose due date changes, with their new progress. */
export function rescheduleForRetention(
  progress: Readonly<Record<string, CardProgress>>,
  settings: SchedulerSettings,
): Record<string, CardProgress> {
  // Without fuzz: the same card always gets the same date for the same retention.
  const fsrs = fsrsFor({ ...settings, enableFuzz: false });
  const changed: Record<string, CardProgress> = {};
  for (const [id, p] of Object.entries(progress)) {
    if (p.state !== 'review' || p.lastReview === null || p.stability <= 0) continue;
    const days = fsrs.next_interval(p.stability, 0);
    const due = p.lastReview + days * DAY_MS;
    if (due !== p.due) changed[id] = { ...p, due, scheduledDays: days };
  }
  return changed;
}
