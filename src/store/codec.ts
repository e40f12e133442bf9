// How the state is laid out in localStorage, and the compact encodings that make a year of
// reviews fit: one small "meta" record, progress in 16 shards by card id, and the review log in
// one chunk per week. Every stored value is untrusted on the way in: decoding validates it with a
// schema and reports what is wrong instead of throwing.
//
// Footprint (measured by tests/store/codec.test.ts on a simulated year: 2,000 cards, 73,000
// reviews, keys included):
//   progress  ~98 characters per card, whatever its history;
//   review    ~23 characters per review (card index, grade+state, time gap, S, D, interval,
//             elapsed in base 36, and the week's list of card ids), ~17 once compacted.
//   A year of 200 reviews a day across 2,000 cards: about 1.9 million characters.
//   A year: ~2.69 million characters as written, ~2.12 million with every old week compacted.
import * as v from 'valibot';
import type { CardProgress } from '../scheduler/progress.ts';
import {
  GRADES_BY_CODE,
  MAX_DAYS,
  MAX_STABILITY,
  STATES,
  WEEK_MS,
  check,
  decodeRecords,
  finite,
  nonNegInt,
  time,
  type Decoded,
} from './decoding.ts';

export { MAX_TIME, WEEK_MS, type Decoded } from './decoding.ts';
import {
  DEFAULT_SETTINGS,
  SETTINGS_LIMITS,
  type SchedulerSettings,
} from '../scheduler/settings.ts';
import type { SeenCard } from './orphans.ts';
import { cardFlags, type CardFlags, type PersistedStateV1 } from './persisted.ts';

export { roundForLog } from './persisted.ts';

export const PROGRESS_SHARDS = 16;

export const progressShardKey = (name: string, shard: number) => `${name}/p/${shard.toString(16)}`;
export const logChunkKey = (name: string, week: number) => `${name}/log/${week}`;
/** Where cards were seen, as earlier versions kept it: one record for every card. */
export const seenKey = (name: string) => `${name}/cards`;
/** Where cards were seen, by the progress shards' grouping: a card's first grade rewrites one. */
export const seenShardKey = (name: string, shard: number) => `${name}/cards/${shard.toString(16)}`;
export const isSeenShardKey = (name: string, key: string) => key.startsWith(`${name}/cards/`);
export const isProgressShardKey = (name: string, key: string) => key.startsWith(`${name}/p/`);
/** Every card's flags (starred, suspended): few cards have any, so one small record. */
export const flagsKey = (name: string) => `${name}/flags`;
export const isLogChunkKey = (name: string, key: string) => key.startsWith(`${name}/log/`);

/** FNV-1a of the id, folded into a shard number: stable across versions, cheap. */
export function shardOf(cardId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < cardId.length; i++) {
    h ^= cardId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % PROGRESS_SHARDS;
}

export function weekOf(time: number): number {
  return Math.floor(time / WEEK_MS);
}

// ---- schemas (what a stored value must look like) ----

/**
 * A memory state ts-fsrs can schedule from: never reviewed (both 0), or stability at least
 * ts-fsrs's minimum (0.001) and difficulty at least 1. Anything else makes grading throw.
 */
const schedulable = (stability: number, difficulty: number) =>
  (stability === 0 && difficulty === 0) || (stability >= 0.001 && difficulty >= 1);
const MEMORY_STATE_MESSAGE =
  'stability and difficulty must both be 0, or at least 0.001 and 1 respectively';
const L = SETTINGS_LIMITS;
/** A step as the settings form writes it (1 to stepValueMax minutes, hours or days). */
const step = v.pipe(
  v.string(),
  v.regex(/^\d+[mhd]$/),
  v.check((text) => {
    const n = Number.parseInt(text, 10);
    return n >= 1 && n <= L.stepValueMax;
  }, `a step is 1 to ${L.stepValueMax} minutes, hours or days`),
);
const steps = v.pipe(v.array(step), v.maxLength(L.stepsMax));
const within = (range: { min: number; max: number }) =>
  v.pipe(nonNegInt, v.minValue(range.min), v.maxValue(range.max));
/** Stability in days: bounded so that every value the app keeps encodes and decodes the same. */
const stability = v.pipe(finite, v.minValue(0), v.maxValue(MAX_STABILITY));
/** FSRS difficulty lies in [1, 10]; the bound leaves room and keeps the encoding exact. */
const difficulty = v.pipe(finite, v.minValue(0), v.maxValue(100));
const days = v.pipe(nonNegInt, v.maxValue(MAX_DAYS));

export const SettingsSchema = v.object({
  desiredRetention: v.pipe(finite, v.minValue(L.retention.min), v.maxValue(L.retention.max)),
  learningSteps: steps,
  relearningSteps: steps,
  enableFuzz: v.boolean(),
  // ts-fsrs's own bound: a longer interval could schedule past the last time we can store.
  maximumIntervalDays: v.pipe(nonNegInt, v.minValue(1), v.maxValue(36_500)),
  dayRolloverHour: within(L.rollover),
  newCardsPerDay: within(L.newPerDay),
  maxReviewsPerDay: within(L.maxReviews),
  leechThreshold: within(L.leech),
  readinessTarget: v.pipe(finite, v.minValue(0.5), v.maxValue(0.99)),
  planDailyLimit: v.pipe(nonNegInt, v.maxValue(10_000)),
});

export const MetaSchema = v.object({
  version: v.picklist([2, 3]),
  state: v.object({
    settings: v.partial(SettingsSchema),
    settingsRev: time,
    resetAt: time,
    /** Which reset is the latest (absent: the one at resetAt); see PersistedState. */
    resetRev: v.optional(time),
  }),
});

// Tuples are strict: a loose tuple would strip extra items, so a damaged progress tuple would
// pass as a deletion marker and a damaged full log entry as a compacted one.

/** [rev, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview] */
const ProgressTuple = v.pipe(
  v.strictTuple([
    time,
    time,
    stability,
    difficulty,
    days,
    nonNegInt,
    nonNegInt,
    nonNegInt,
    v.pipe(nonNegInt, v.maxValue(3)),
    v.nullable(time),
  ]),
  v.check((t) => schedulable(t[2], t[3]), MEMORY_STATE_MESSAGE),
);

/** [rev] alone: the card's progress was deleted (its first review undone) at rev. */
const DeletedTuple = v.strictTuple([time]);

/** (Said in words: valibot's own message for a union of two tuples is "Expected Array but
 * received Array".) */
const ProgressRecordSchema = v.union(
  [ProgressTuple, DeletedTuple],
  'a card is [revision] or [revision, due, stability, difficulty, interval, step, reps, lapses, state, last review], each a number in range (last review may be null)',
);

export const ShardSchema = v.object({
  v: v.literal(1),
  c: v.record(v.string(), ProgressRecordSchema),
});

export const CardProgressSchema = v.pipe(
  v.object({
    due: time,
    stability,
    difficulty,
    scheduledDays: days,
    learningSteps: nonNegInt,
    reps: nonNegInt,
    lapses: nonNegInt,
    state: v.picklist(STATES),
    lastReview: v.nullable(time),
  }),
  v.check((p) => schedulable(p.stability, p.difficulty), MEMORY_STATE_MESSAGE),
);

export const LogEntrySchema = v.object({
  cardId: v.string(),
  grade: v.picklist(GRADES_BY_CODE),
  reviewedAt: time,
  state: v.picklist(STATES),
  stability: v.nullable(stability),
  difficulty: v.nullable(difficulty),
  scheduledDays: days,
  elapsedDays: days,
});

/** Version 1 kept everything under one key, as zustand's persist writes it. */
export const V1Schema = v.object({
  version: v.literal(1),
  state: v.object({
    progress: v.record(v.string(), CardProgressSchema),
    log: v.array(LogEntrySchema),
    settings: v.optional(v.partial(SettingsSchema)),
  }),
});

export function decodeV1(raw: string): Decoded<PersistedStateV1> {
  const r = check(V1Schema, raw);
  if (!r.ok) return r;
  const { progress, log, settings } = r.value.state;
  return {
    ok: true,
    value: {
      progress,
      // v1 entries also carried the due date before the review: the schema drops it.
      log,
      settings: { ...DEFAULT_SETTINGS, ...(settings as Partial<SchedulerSettings>) },
    },
  };
}

// ---- meta ----

export interface Meta {
  settings: SchedulerSettings;
  settingsRev: number;
  resetAt: number;
  resetRev?: number | undefined;
}

export function encodeMeta({ settings, settingsRev, resetAt, resetRev }: Meta): string {
  const state =
    resetRev === undefined || resetRev === resetAt
      ? { settings, settingsRev, resetAt }
      : { settings, settingsRev, resetAt, resetRev };
  return JSON.stringify({ version: 3, state });
}

/** The meta record, and the storage version that wrote it. */
export function decodeMeta(raw: string): Decoded<Meta & { version: number }> {
  const r = check(MetaSchema, raw);
  if (!r.ok) return r;
  const s = r.value.state;
  return {
    ok: true,
    value: {
      settings: { ...DEFAULT_SETTINGS, ...(s.settings as Partial<SchedulerSettings>) },
      settingsRev: s.settingsRev,
      resetAt: s.resetAt,
      ...(s.resetRev === undefined ? {} : { resetRev: s.resetRev }),
      version: r.value.version,
    },
  };
}

// ---- progress shards ----

export interface ProgressRecord {
  /** Null: deleted at `rev`. */
  progress: CardProgress | null;
  rev: number;
}

export function encodeShard(records: ReadonlyMap<string, ProgressRecord>): string {
  const c: Record<string, unknown[]> = {};
  for (const [id, { progress: p, rev }] of records) {
    if (p === null) {
      c[id] = [rev];
      continue;
    }
    c[id] = [
      rev,
      p.due,
      p.stability,
      p.difficulty,
      p.scheduledDays,
      p.learningSteps,
      p.reps,
      p.lapses,
      STATES.indexOf(p.state),
      p.lastReview,
    ];
  }
  return JSON.stringify({ v: 1, c });
}

/** Record by record: a damaged card's record is left out and reported, never its neighbours. */
export function decodeShard(raw: string): Decoded<Map<string, ProgressRecord>> {
  return decodeRecords(raw, ProgressRecordSchema, (t): ProgressRecord => {
    if (t.length === 1) return { rev: t[0], progress: null };
    return {
      rev: t[0],
      progress: {
        due: t[1],
        stability: t[2],
        difficulty: t[3],
        scheduledDays: t[4],
        learningSteps: t[5],
        reps: t[6],
        lapses: t[7],
        state: STATES[t[8]]!,
        lastReview: t[9],
      },
    };
  });
}

export { decodeChunk, encodeChunk, type LogChunk } from './logCodec.ts';

// ---- where cards with progress were last seen ----

export function encodeSeen(seen: Readonly<Record<string, SeenCard>>): string {
  const c: Record<string, [string, number, string]> = {};
  for (const [id, s] of Object.entries(seen)) c[id] = [s.file, s.index, s.text];
  return JSON.stringify({ v: 1, c });
}

export function decodeSeen(raw: string): Decoded<Record<string, SeenCard>> {
  const r = decodeRecords(
    raw,
    v.tuple([v.string(), nonNegInt, v.string()]),
    ([file, index, text]): SeenCard => ({ file, index, text }),
  );
  return r.ok ? { ...r, value: Object.fromEntries(r.value) } : r;
}

// ---- card flags ----

const STARRED = 1;
const SUSPENDED = 2;

/**
 * `c`: card id → [starredRev, bits, suspendedRev] with bit 1 starred, bit 2 suspended; each flag
 * has its own revision, so two tabs changing different flags of one card both keep theirs.
 * Written before per-flag revisions: [rev, bits], both flags changed at rev.
 */
const FlagTuple = v.union([
  v.strictTuple([time, v.pipe(nonNegInt, v.maxValue(3))]),
  v.strictTuple([time, v.pipe(nonNegInt, v.maxValue(3)), time]),
]);

export function encodeFlags(flags: Readonly<Record<string, CardFlags>>): string {
  const c: Record<string, number[]> = {};
  for (const [id, f] of Object.entries(flags)) {
    const bits = (f.starred ? STARRED : 0) | (f.suspended ? SUSPENDED : 0);
    c[id] =
      f.starredRev === undefined && f.suspendedRev === undefined
        ? [f.rev, bits]
        : [f.starredRev ?? f.rev, bits, f.suspendedRev ?? f.rev];
  }
  return JSON.stringify({ v: 1, c });
}

export function decodeFlags(raw: string): Decoded<Record<string, CardFlags>> {
  const r = decodeRecords(raw, FlagTuple, (t) =>
    cardFlags((t[1] & STARRED) !== 0, (t[1] & SUSPENDED) !== 0, t[0], t.length === 3 ? t[2] : t[0]),
  );
  return r.ok ? { ...r, value: Object.fromEntries(r.value) } : r;
}

/** Whether `raw` looks like a version-1 value (one key holding everything, `version: 1`). */
export function isV1(raw: string): boolean {
  try {
    const parsed = JSON.parse(raw) as unknown;
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as { version?: unknown }).version === 1
    );
  } catch {
    return false;
  }
}
