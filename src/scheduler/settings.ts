// Scheduler settings: plain, JSON-safe data that the store persists and the UI edits.

/**
 * A (re)learning step as ts-fsrs understands it: a whole number of minutes, hours or days.
 * ts-fsrs parses the number with `parseInt`, so write `90m`, not `1.5h`.
 * A step of a day or more graduates the card to review with that interval.
 */
export type Step = `${number}m` | `${number}h` | `${number}d`;

export interface SchedulerSettings {
  /** Target probability of recall when a review card falls due, in (0, 1]. */
  desiredRetention: number;
  /** Steps a new card goes through before it graduates to review. */
  learningSteps: Step[];
  /** Steps a lapsed review card goes through before it returns to review. */
  relearningSteps: Step[];
  /** Spread review intervals a little (deterministically per card) so cards do not clump. */
  enableFuzz: boolean;
  /** Longest review interval ts-fsrs may give, in days. */
  maximumIntervalDays: number;
  /** Local hour (0–23) at which a new study day starts, like Anki's "next day starts at". */
  dayRolloverHour: number;
  /** New cards introduced per study day. */
  newCardsPerDay: number;
  /** Reviews of review-state cards per study day. Learning cards are never limited. */
  maxReviewsPerDay: number;
  /** Lapses at which a card counts as a leech (flagged on Weak, always drilled). */
  leechThreshold: number;
  /** Recall every card of an upcoming interview should have at its time, in (0, 1). */
  readinessTarget: number;
  /** Most cards an interview plan adds to one study day's queue. */
  planDailyLimit: number;
}

/**
 * What the settings form accepts, and so what stored or imported settings may hold: a value
 * outside these (a step of 10^11 days, say) is damage, and grading with it would store a card
 * whose due date is not a date.
 */
export const SETTINGS_LIMITS = {
  retention: { min: 0.7, max: 0.99, step: 0.01 },
  newPerDay: { min: 0, max: 9999 },
  maxReviews: { min: 0, max: 99999 },
  rollover: { min: 0, max: 23 },
  leech: { min: 1, max: 99 },
  /** The largest number in a step ("999d"). */
  stepValueMax: 999,
  /** Steps in one list. */
  stepsMax: 10,
} as const;

/**
 * The defaults. The object is frozen; its step arrays are not (their type is the mutable
 * `Step[]` the settings type asks for), so copy them before changing them.
 */
export const DEFAULT_SETTINGS: Readonly<SchedulerSettings> = Object.freeze<SchedulerSettings>({
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  enableFuzz: true,
  maximumIntervalDays: 36500,
  dayRolloverHour: 4,
  newCardsPerDay: 10,
  maxReviewsPerDay: 200,
  // Anki's 8 suits years of study; an interview horizon is weeks.
  leechThreshold: 4,
  readinessTarget: 0.9,
  planDailyLimit: 30,
});
