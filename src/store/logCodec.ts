// The review log in storage: one chunk per week, `…/log/<week>`. Versions 1 (arrays of numbers)
// and 2 (base-36 text, no kind or answer time) are read; version 3 is written. Every chunk is
// untrusted on the way in: decoding validates it and says what is wrong instead of throwing.
import * as v from 'valibot';
import { MAX_ANSWER_MS, type ReviewLogEntry } from '../scheduler/progress.ts';
import {
  GRADES_BY_CODE,
  STATES,
  WEEK_MS,
  checkParsed,
  finite,
  nonNegInt,
  parseJson,
  time,
  type Decoded,
} from './decoding.ts';
import { logKey, logOrder } from './persisted.ts';

/** Added to an entry's code for a practice entry (version 3). */
const PRACTICE_BIT = 16;

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

export interface LogChunk {
  entries: ReviewLogEntry[];
  /** logKey of each removed review. */
  removed: string[];
}

/**
 * Chunk version 3 (written): entries as one string, each
 * `card,code,gap,S,D,interval,elapsed,answer` in base 36 — `code` is grade×4+state, plus 16 for
 * practice; `gap` is the milliseconds since the previous entry (the first: since the week's
 * start); S and D are ×100; `answer` is the answer time in ms plus 1, 0 when not measured —
 * joined by `;`. Compacted entries leave out S and D. Removed reviews: `card,offset` joined by
 * `;`. Version 2 was the same without `answer` and the practice bit (every entry a review).
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
  const sorted = [...chunk.entries].sort(logOrder);
  const e = sorted
    .map((x) => {
      const code =
        GRADES_BY_CODE.indexOf(x.grade) * 4 +
        STATES.indexOf(x.state) +
        (x.kind === 'practice' ? PRACTICE_BIT : 0);
      const fields = [idx(x.cardId), code, x.reviewedAt - previous];
      previous = x.reviewedAt;
      if (!compact && x.stability !== null && x.difficulty !== null) {
        fields.push(Math.round(x.stability * 100), Math.round(x.difficulty * 100));
      }
      fields.push(x.scheduledDays, x.elapsedDays, x.answerMs === null ? 0 : x.answerMs + 1);
      return fields.map((n) => n.toString(36)).join(',');
    })
    .join(';');
  const x = chunk.removed
    .map((key) => {
      const bar = key.indexOf('|');
      return `${idx(key.slice(bar + 1)).toString(36)},${(Number(key.slice(0, bar)) - base).toString(36)}`;
    })
    .join(';');
  return JSON.stringify(x.length > 0 ? { v: 3, base, ids, e, x } : { v: 3, base, ids, e });
}

const ChunkV2Schema = v.object({
  v: v.picklist([2, 3]),
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
  const version = (json.value as { v?: unknown } | null)?.v;
  return version === 2 || version === 3 ? decodeChunkV2(json.value) : decodeChunkV1(json.value);
}

/**
 * The entries of a version 2 or 3 chunk, entry by entry: a bad entry is left out and reported,
 * never the good ones beside it. (Each entry's time is a gap from the previous one, so an entry
 * whose gap cannot be read leaves every later one of its week unplaced: those are set aside too.)
 */
function decodeChunkV2(json: unknown): Decoded<LogChunk> {
  const r = checkParsed(ChunkV2Schema, json);
  if (!r.ok) return r;
  const { base, ids, e, x = '' } = r.value;
  const v3 = r.value.v === 3;
  const entries: ReviewLogEntry[] = [];
  let at = base;
  const texts = () => (e === '' ? [] : e.split(';'));
  let groups = groups36(e);
  /** Index of the first entry whose fields could not be read at all. */
  let unplacedFrom = Infinity;
  if (!Array.isArray(groups)) {
    groups = [];
    for (const text of texts()) {
      const g = groups36(text);
      if (!Array.isArray(g) || g.length !== 1) break;
      groups.push(g[0]!);
    }
    unplacedFrom = groups.length;
  }
  const bad: number[] = [];
  let reason = '';
  const refuse = (k: number, why: string) => {
    bad.push(k);
    if (reason === '') reason = why;
  };
  for (let k = 0; k < groups.length; k++) {
    const f = groups[k]!;
    // (Version 3 adds the answer time at the end of both forms.)
    const full = f.length === (v3 ? 8 : 7);
    if (f.length < 3) {
      unplacedFrom = k;
      break;
    }
    at += f[2]!;
    const cardId = ids[f[0]!];
    const answer = v3 ? f[f.length - 1]! : 0;
    if (!full && f.length !== (v3 ? 6 : 5)) {
      refuse(k, `review ${k + 1} has the wrong number of fields`);
    } else if (cardId === undefined) refuse(k, `card index ${f[0]} out of range`);
    else if (f[1]! >= (v3 ? 2 * PRACTICE_BIT : PRACTICE_BIT)) {
      refuse(k, `review ${k + 1} has an unknown grade`);
    } else if (answer > MAX_ANSWER_MS + 1) {
      refuse(k, `review ${k + 1} has an answer time over the limit`);
    } else if (at >= base + WEEK_MS) refuse(k, `review ${k + 1} is outside its week`);
    else {
      entries.push({
        cardId,
        kind: f[1]! >= PRACTICE_BIT ? 'practice' : 'review',
        grade: GRADES_BY_CODE[Math.floor((f[1]! % PRACTICE_BIT) / 4)]!,
        state: STATES[f[1]! % 4]!,
        reviewedAt: at,
        stability: full ? f[3]! / 100 : null,
        difficulty: full ? f[4]! / 100 : null,
        scheduledDays: full ? f[5]! : f[3]!,
        elapsedDays: full ? f[6]! : f[4]!,
        answerMs: answer === 0 ? null : answer - 1,
      });
    }
  }
  const all = unplacedFrom === Infinity ? [] : texts();
  for (let k = unplacedFrom; k < all.length; k++) {
    refuse(k, `review ${k + 1} has the wrong number of fields`);
  }
  const removed: string[] = [];
  for (const f of readRemoved(x)) {
    const cardId = ids[f[0]!];
    if (f.length !== 2 || cardId === undefined || f[1]! >= WEEK_MS) {
      return { ok: false, reason: 'a removed review has the wrong fields' };
    }
    removed.push(logKey({ cardId, reviewedAt: base + f[1]! }));
  }
  const value = { entries, removed };
  if (bad.length === 0) return { ok: true, value };
  const rawTexts = texts();
  const raw = JSON.stringify({ v: r.value.v, base, ids, e: bad.map((k) => rawTexts[k]).join(';') });
  const total = Math.max(rawTexts.length, entries.length + bad.length);
  return { ok: true, value, damaged: { bad: bad.length, total, raw, reason } };
}

/** The removed reviews' groups; one unreadable group makes the whole list so. */
function readRemoved(x: string): number[][] {
  const groups = groups36(x);
  return Array.isArray(groups) ? groups : [[]];
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
      kind: 'review',
      grade: GRADES_BY_CODE[Math.floor(t[1] / 4)]!,
      state: STATES[t[1] % 4]!,
      reviewedAt: base + t[2],
      stability: full ? t[3] / 100 : null,
      difficulty: full ? t[4] / 100 : null,
      scheduledDays: full ? t[5] : t[3],
      elapsedDays: full ? t[6] : t[4],
      answerMs: null,
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
