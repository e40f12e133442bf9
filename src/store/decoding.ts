// The pieces every stored or imported value is checked with: number shapes, the grade and state
// codes, and decoding that reports what is wrong instead of throwing.
import * as v from 'valibot';
import type { CardState, Grade } from '../scheduler/progress.ts';

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export const STATES: readonly CardState[] = ['new', 'learning', 'review', 'relearning'];
export const GRADES_BY_CODE: readonly Grade[] = ['again', 'hard', 'good', 'easy'];

export const finite = v.pipe(v.number(), v.finite());
export const nonNegInt = v.pipe(v.number(), v.integer(), v.minValue(0));
/** The latest time we accept: any time of ours plus the longest interval is still a Date. */
export const MAX_TIME = Date.UTC(9999, 11, 31);
/** Epoch ms of a real moment. Anything else is damage: scheduling from it would give NaN. */
export const time = v.pipe(finite, v.minValue(0), v.maxValue(MAX_TIME));

/**
 * Records a value held that could not be read, when the rest of it could: `raw` is a value of
 * the same shape holding only the bad records, for a backup.
 */
export interface Damage {
  bad: number;
  total: number;
  raw: string;
  reason: string;
}

export type Decoded<T> = { ok: true; value: T; damaged?: Damage } | { ok: false; reason: string };

/** The bound on stored and imported stability (days): ts-fsrs never goes past 36,500. */
export const MAX_STABILITY = 1_000_000;
/** The bound on stored and imported day counts: more days than MAX_TIME holds. */
export const MAX_DAYS = 10_000_000;

export function parseJson(raw: string): Decoded<unknown> {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
}

export function check<S extends v.GenericSchema>(
  schema: S,
  raw: string,
): Decoded<v.InferOutput<S>> {
  const json = parseJson(raw);
  return json.ok ? checkParsed(schema, json.value) : json;
}

/** A stored record of records (`{ v: 1, c: { id: record } }`), checked record by record. */
const RecordsEnvelope = v.object({
  v: v.literal(1),
  c: v.record(v.string(), v.unknown()),
});

/**
 * Decodes `{ v: 1, c: { id: item } }` record by record: a bad record is left out and reported
 * (with a value holding only the bad ones, for a backup), never the good ones beside it.
 */
export function decodeRecords<S extends v.GenericSchema, T>(
  raw: string,
  item: S,
  convert: (value: v.InferOutput<S>) => T,
): Decoded<Map<string, T>> {
  const envelope = check(RecordsEnvelope, raw);
  if (!envelope.ok) return envelope;
  return readRecords(Object.entries(envelope.value.c), 'c', (_id, value) => {
    const r = checkParsed(item, value);
    return r.ok ? { ok: true, value: convert(r.value) } : r;
  });
}

/**
 * The records of a stored `{ v: 1, [field]: { id: record } }`, each read by `read`: the bad ones
 * are left out and reported, the first one's reason said where it is (`unexpected shape at
 * <field>.<id>…`), and kept in a value of the same shape holding only them, for a backup.
 */
export function readRecords<T>(
  entries: readonly [string, unknown][],
  field: string,
  read: (id: string, value: unknown) => Decoded<T>,
): Decoded<Map<string, T>> {
  const out = new Map<string, T>();
  // No prototype: a bad record filed under `__proto__` stays a key, never becomes a prototype.
  const bad = Object.create(null) as Record<string, unknown>;
  let reason = '';
  for (const [id, value] of entries) {
    const r = read(id, value);
    if (r.ok) out.set(id, r.value);
    else {
      // Said as the whole value's check would: where in it, and what.
      if (reason === '') {
        reason = r.reason.replace(
          /^unexpected shape( at )?/,
          (_all, at?: string) => `unexpected shape at ${field}.${id}${at ? '.' : ''}`,
        );
      }
      bad[id] = value;
    }
  }
  const badCount = entries.length - out.size;
  if (badCount === 0) return { ok: true, value: out };
  const damaged = {
    bad: badCount,
    total: entries.length,
    raw: JSON.stringify({ v: 1, [field]: bad }),
    reason,
  };
  return { ok: true, value: out, damaged };
}

/** `check` for a value already parsed from JSON. */
export function checkParsed<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
): Decoded<v.InferOutput<S>> {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, reason: `unexpected shape${path ? ` at ${path}` : ''}: ${issue.message}` };
}
