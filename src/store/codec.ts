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
import type { CardProgress, CardState, Grade, ReviewLogEntry } from '../scheduler/progress.ts';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '../scheduler/settings.ts';
import type { SeenCard } from './orphans.ts';
import { logKey, type PersistedStateV1 } from './persisted.ts';

export { roundForLog } from './persisted.ts';

export const PROGRESS_SHARDS = 16;
export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const STATES: readonly CardState[] = ['new', 'learning', 'review', 'relearning'];
const GRADES_BY_CODE: readonly Grade[] = ['again', 'hard', 'good', 'easy'];

export const progressShardKey = (name: string, shard: number) => `${name}/p/${shard.toString(16)}`;
export const logChunkKey = (name: string, week: number) => `${name}/log/${week}`;
/** Where cards were seen, as earlier versions kept it: one record for every card. */
export const seenKey = (name: string) => `${name}/cards`;
/** Where cards were seen, by the progress shards' grouping: a card's first grade rewrites one. */
export const seenShardKey = (name: string, shard: number) => `${name}/cards/${shard.toString(16)}`;
export const isSeenShardKey = (name: string, key: string) => key.startsWith(`${name}/cards/`);
export const isProgressShardKey = (name: string, key: string) => key.startsWith(`${name}/p/`);
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

const finite = v.pipe(v.number(), v.finite());
const nonNegInt = v.pipe(v.number(), v.integer(), v.minValue(0));
/** The latest time we accept: any time of ours plus the longest interval is still a Date. */
export const MAX_TIME = Date.UTC(9999, 11, 31);
/** Epoch ms of a real moment. Anything else is damage: scheduling from it would give NaN. */
const time = v.pipe(finite, v.minValue(0), v.maxValue(MAX_TIME));

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
});

export const MetaSchema = v.object({
  version: v.literal(2),
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

/** Milliseconds after the start of the chunk's week. */
const inWeek = v.pipe(finite, v.minValue(0), v.ltValue(WEEK_MS));

/** Full entry: [card, grade*4+state, ms after base, S×100, D×100, interval days, elapsed days];
 *  compacted entry: the same without S and D. */
const EntryTuple = v.union([
  v.strictTuple([
    nonNegInt,
    v.pipe(nonNegInt, v.maxValue(15)),
    inWeek,
    nonNegInt,
    nonNegInt,
    nonNegInt,
    nonNegInt,
  ]),
  v.strictTuple([nonNegInt, v.pipe(nonNegInt, v.maxValue(15)), inWeek, nonNegInt, nonNegInt]),
]);

const ChunkSchema = v.object({
  v: v.literal(1),
  base: v.pipe(time, v.multipleOf(WEEK_MS)),
  ids: v.array(v.string()),
  e: v.array(EntryTuple),
  /** Removed (undone) reviews: [card, ms after base]. */
  x: v.optional(v.array(v.strictTuple([nonNegInt, inWeek]))),
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

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

function parseJson(raw: string): Decoded<unknown> {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
}

function check<S extends v.GenericSchema>(schema: S, raw: string): Decoded<v.InferOutput<S>> {
  const json = parseJson(raw);
  return json.ok ? checkParsed(schema, json.value) : json;
}

/** `check` for a value already parsed from JSON. */
function checkParsed<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
): Decoded<v.InferOutput<S>> {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, reason: `unexpected shape${path ? ` at ${path}` : ''}: ${issue.message}` };
}

// ---- meta ----

export interface Meta {
  settings: SchedulerSettings;
  settingsRev: number;
  resetAt: number;
}

export function encodeMeta(meta: Meta): string {
  return JSON.stringify({ version: 2, state: meta });
}

export function decodeMeta(raw: string): Decoded<Meta> {
  const r = check(MetaSchema, raw);
  if (!r.ok) return r;
  const s = r.value.state;
  return {
    ok: true,
    value: {
      settings: { ...DEFAULT_SETTINGS, ...(s.settings as Partial<SchedulerSettings>) },
      settingsRev: s.settingsRev,
      resetAt: s.resetAt,
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

// ---- review log chunks ----

export interface LogChunk {
  entries: ReviewLogEntry[];
  /** logKey of each removed review. */
  removed: string[];
}

/**
 * Chunk version 2 (written): entries as one string, each `card,code,gap,S,D,interval,elapsed`
 * in base 36 — `gap` is the milliseconds since the previous entry (the first: since the week's
 * start), S and D are ×100 — joined by `;`. Compacted entries leave out S and D. Removed
 * reviews: `card,offset` joined by `;`. About 22 characters a review instead of 34 in version 1.
 */
export function encodeChunk(week: number, chunk: LogChunk, compact = false): string {
  const base = week * WEEK_MS;
  const ids: string[] = [];
  const index = new Map<string, number>();
  const idx = (id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.push(id) - 1;
      index.set(id, i);
    }
    return i;
  };
  let previous = base;
  const sorted = [...chunk.entries].sort((a, b) => a.reviewedAt - b.reviewedAt);
  const e = sorted
    .map((x) => {
      const code = GRADES_BY_CODE.indexOf(x.grade) * 4 + STATES.indexOf(x.state);
      const fields = [idx(x.cardId), code, x.reviewedAt - previous];
      previous = x.reviewedAt;
      if (!compact && x.stability !== null && x.difficulty !== null) {
        fields.push(Math.round(x.stability * 100), Math.round(x.difficulty * 100));
      }
      fields.push(x.scheduledDays, x.elapsedDays);
      return fields.map((n) => n.toString(36)).join(',');
    })
    .join(';');
  const x = chunk.removed
    .map((key) => {
      const bar = key.indexOf('|');
      return `${idx(key.slice(bar + 1)).toString(36)},${(Number(key.slice(0, bar)) - base).toString(36)}`;
    })
    .join(';');
  return JSON.stringify(x.length > 0 ? { v: 2, base, ids, e, x } : { v: 2, base, ids, e });
}

const ChunkV2Schema = v.object({
  v: v.literal(2),
  base: v.pipe(time, v.multipleOf(WEEK_MS)),
  ids: v.array(v.string()),
  // (characters other than 0-9, a-z, ',' and ';' are refused by groups36)
  e: v.string(),
  x: v.optional(v.string()),
});

/**
 * The `;`-separated groups of `,`-separated base-36 fields in `text`, or the index of the first
 * group with a field empty, too long to be ours or holding anything but 0–9 and a–z.
 * One pass over the characters, kept because measured: a year of 20,000 reviews decodes in
 * about 20 ms with it and 90–200 ms by splitting into strings (tests/support/storeTiming.ts).
 */
function groups36(text: string): number[][] | { bad: number } {
  const groups: number[][] = [];
  if (text === '') return groups;
  let fields: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 59; // the end closes the last group
    if (c === 44 || c === 59) {
      // ',' or ';'
      if (digits === 0 || digits > 10) return { bad: groups.length };
      fields.push(value);
      value = 0;
      digits = 0;
      if (c === 59) {
        groups.push(fields);
        fields = [];
      }
    } else {
      const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : -1;
      if (digit < 0) return { bad: groups.length };
      value = value * 36 + digit;
      digits++;
    }
  }
  return groups;
}

export function decodeChunk(raw: string): Decoded<LogChunk> {
  // Parsed once: a year of chunks is megabytes of JSON.
  const json = parseJson(raw);
  if (!json.ok) return json;
  return (json.value as { v?: unknown } | null)?.v === 2
    ? decodeChunkV2(json.value)
    : decodeChunkV1(json.value);
}

function decodeChunkV2(json: unknown): Decoded<LogChunk> {
  const r = checkParsed(ChunkV2Schema, json);
  if (!r.ok) return r;
  const { base, ids, e, x = '' } = r.value;
  const entries: ReviewLogEntry[] = [];
  let at = base;
  const groups = groups36(e);
  if (!Array.isArray(groups)) {
    return { ok: false, reason: `review ${groups.bad + 1} has the wrong number of fields` };
  }
  for (let k = 0; k < groups.length; k++) {
    const f = groups[k]!;
    if (f.length !== 7 && f.length !== 5) {
      return { ok: false, reason: `review ${k + 1} has the wrong number of fields` };
    }
    const cardId = ids[f[0]!];
    if (cardId === undefined) return { ok: false, reason: `card index ${f[0]} out of range` };
    if (f[1]! > 15) return { ok: false, reason: `review ${k + 1} has an unknown grade` };
    at += f[2]!;
    if (at >= base + WEEK_MS) return { ok: false, reason: `review ${k + 1} is outside its week` };
    const full = f.length === 7;
    entries.push({
      cardId,
      grade: GRADES_BY_CODE[Math.floor(f[1]! / 4)]!,
      state: STATES[f[1]! % 4]!,
      reviewedAt: at,
      stability: full ? f[3]! / 100 : null,
      difficulty: full ? f[4]! / 100 : null,
      scheduledDays: full ? f[5]! : f[3]!,
      elapsedDays: full ? f[6]! : f[4]!,
    });
  }
  const removed: string[] = [];
  const removedGroups = groups36(x);
  if (!Array.isArray(removedGroups)) {
    return { ok: false, reason: 'a removed review has the wrong fields' };
  }
  for (const f of removedGroups) {
    if (f.length !== 2) return { ok: false, reason: 'a removed review has the wrong fields' };
    const cardId = ids[f[0]!];
    if (cardId === undefined) return { ok: false, reason: `card index ${f[0]} out of range` };
    if (f[1]! >= WEEK_MS) return { ok: false, reason: 'a removed review is outside its week' };
    removed.push(logKey({ cardId, reviewedAt: base + f[1]! }));
  }
  return { ok: true, value: { entries, removed } };
}

/** Version 1 chunks: arrays of numbers (read, never written any more). */
function decodeChunkV1(json: unknown): Decoded<LogChunk> {
  const r = checkParsed(ChunkSchema, json);
  if (!r.ok) return r;
  const { base, ids, e, x = [] } = r.value;
  const entries: ReviewLogEntry[] = [];
  for (const t of e) {
    const cardId = ids[t[0]];
    if (cardId === undefined) return { ok: false, reason: `card index ${t[0]} out of range` };
    const full = t.length === 7;
    entries.push({
      cardId,
      grade: GRADES_BY_CODE[Math.floor(t[1] / 4)]!,
      state: STATES[t[1] % 4]!,
      reviewedAt: base + t[2],
      stability: full ? t[3] / 100 : null,
      difficulty: full ? t[4] / 100 : null,
      scheduledDays: full ? t[5] : t[3],
      elapsedDays: full ? t[6] : t[4],
    });
  }
  const removed: string[] = [];
  for (const [i, dt] of x) {
    const cardId = ids[i];
    if (cardId === undefined) return { ok: false, reason: `card index ${i} out of range` };
    removed.push(logKey({ cardId, reviewedAt: base + dt }));
  }
  return { ok: true, value: { entries, removed } };
}

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
