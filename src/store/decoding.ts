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

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

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
