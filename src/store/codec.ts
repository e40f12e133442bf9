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
import { firstReviewFrom, type CardProgress, type ReviewLogEntry } from '../scheduler/progress.ts';
import {
  GRADES_BY_CODE,
  STATES,
  WEEK_MS,
  check,
  finite,
  nonNegInt,
  time,
  type Decoded,
} from './decoding.ts';

export { MAX_TIME, WEEK_MS, type Decoded } from './decoding.ts';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '../scheduler/settings.ts';
import type { SeenCard } from './orphans.ts';
import type { CardFlags, PersistedStateV1 } from './persisted.ts';

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
const step = v.pipe(v.string(), v.regex(/^\d+[mhd]$/));

export const SettingsSchema = v.object({
  desiredRetention: v.pipe(finite, v.minValue(0.5), v.maxValue(0.99)),
  learningSteps: v.array(step),
  relearningSteps: v.array(step),
  enableFuzz: v.boolean(),
  maximumIntervalDays: v.pipe(nonNegInt, v.minValue(1)),
  dayRolloverHour: v.pipe(nonNegInt, v.maxValue(23)),
  newCardsPerDay: nonNegInt,
  maxReviewsPerDay: nonNegInt,
  readinessTarget: v.pipe(finite, v.minValue(0.5), v.maxValue(0.99)),
  planDailyLimit: v.pipe(nonNegInt, v.maxValue(10_000)),
});

export const MetaSchema = v.object({
  version: v.picklist([2, 3]),
  state: v.object({
    settings: v.partial(SettingsSchema),
    settingsRev: time,
    resetAt: time,
  }),
});

// Tuples are strict: a loose tuple would strip extra items, so a damaged progress tuple would
// pass as a deletion marker and a damaged full log entry as a compacted one.

/** [rev, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview] */
const ProgressTuple = v.pipe(
  v.strictTuple([
    time,
    time,
    v.pipe(finite, v.minValue(0)),
    v.pipe(finite, v.minValue(0)),
    nonNegInt,
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

export const ShardSchema = v.object({
  v: v.literal(1),
  c: v.record(v.string(), v.union([ProgressTuple, DeletedTuple])),
});

export const CardProgressSchema = v.pipe(
  v.object({
    due: time,
    stability: v.pipe(finite, v.minValue(0)),
    difficulty: v.pipe(finite, v.minValue(0)),
    scheduledDays: nonNegInt,
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
  stability: v.nullable(finite),
  difficulty: v.nullable(finite),
  scheduledDays: nonNegInt,
  elapsedDays: nonNegInt,
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
}

export function encodeMeta(meta: Meta): string {
  return JSON.stringify({ version: 3, state: meta });
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

export function decodeShard(raw: string): Decoded<Map<string, ProgressRecord>> {
  const r = check(ShardSchema, raw);
  if (!r.ok) return r;
  const records = r.value.c;
  const out = new Map<string, ProgressRecord>();
  for (const [id, t] of Object.entries(records)) {
    if (t.length === 1) {
      out.set(id, { rev: t[0], progress: null });
      continue;
    }
    out.set(id, {
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
    });
  }
  return { ok: true, value: out };
}

export { decodeChunk, encodeChunk, type LogChunk } from './logCodec.ts';

// ---- where cards with progress were last seen ----

const SeenSchema = v.object({
  v: v.literal(1),
  c: v.record(v.string(), v.tuple([v.string(), nonNegInt, v.string()])),
});

export function encodeSeen(seen: Readonly<Record<string, SeenCard>>): string {
  const c: Record<string, [string, number, string]> = {};
  for (const [id, s] of Object.entries(seen)) c[id] = [s.file, s.index, s.text];
  return JSON.stringify({ v: 1, c });
}

export function decodeSeen(raw: string): Decoded<Record<string, SeenCard>> {
  const r = check(SeenSchema, raw);
  if (!r.ok) return r;
  const out: Record<string, SeenCard> = {};
  for (const [id, [file, index, text]] of Object.entries(r.value.c))
    out[id] = { file, index, text };
  return { ok: true, value: out };
}

// ---- card flags ----

const STARRED = 1;
const SUSPENDED = 2;

/** `c`: card id → [rev, bits] with bit 1 starred, bit 2 suspended. */
const FlagsSchema = v.object({
  v: v.literal(1),
  c: v.record(v.string(), v.strictTuple([time, v.pipe(nonNegInt, v.maxValue(3))])),
});

export function encodeFlags(flags: Readonly<Record<string, CardFlags>>): string {
  const c: Record<string, [number, number]> = {};
  for (const [id, f] of Object.entries(flags)) {
    c[id] = [f.rev, (f.starred ? STARRED : 0) | (f.suspended ? SUSPENDED : 0)];
  }
  return JSON.stringify({ v: 1, c });
}

export function decodeFlags(raw: string): Decoded<Record<string, CardFlags>> {
  const r = check(FlagsSchema, raw);
  if (!r.ok) return r;
  const out: Record<string, CardFlags> = {};
  for (const [id, [rev, bits]] of Object.entries(r.value.c)) {
    out[id] = { starred: (bits & STARRED) !== 0, suspended: (bits & SUSPENDED) !== 0, rev };
  }
  return { ok: true, value: out };
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

// ---- reading keys back ----

/** The shard a progress or seen shard key names (`…/p/a` → 10). */
export const shardOfKey = (key: string) => Number.parseInt(key.slice(key.lastIndexOf('/') + 1), 16);
/** The week a log chunk key names (`…/log/2969` → 2969). */
export const weekOfKey = (key: string) => Number(key.slice(key.lastIndexOf('/') + 1));
/** The time of a removed review's key (see logKey). */
export const removedTime = (key: string) => Number(key.slice(0, key.indexOf('|')));

/** The entries of one week, found by binary search: the log is kept in time order. */
export function entriesInWeek(log: readonly ReviewLogEntry[], week: number): ReviewLogEntry[] {
  return log.slice(
    firstReviewFrom(log, week * WEEK_MS),
    firstReviewFrom(log, (week + 1) * WEEK_MS),
  );
}
