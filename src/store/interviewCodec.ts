// Interviews in storage and in export files: one small key (few learners keep more than a
// handful), validated on the way in like every stored value. A removal stays as a record with
// no value, so that a merge with another tab's or a file's copy does not bring it back.
import * as v from 'valibot';
import { check, checkParsed, finite, readRecords, time, type Decoded } from './decoding.ts';
import type { Interview, InterviewRecord } from './persisted.ts';

export const interviewsKey = (name: string) => `${name}/interviews`;

/** Names that would reach the prototype of a plain object used as a map. */
const RESERVED = new Set(['__proto__', 'prototype', 'constructor']);
export const InterviewId = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/),
  v.check(
    (id) => !RESERVED.has(id),
    'an interview id may not be __proto__, prototype or constructor',
  ),
);
const Names = v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(1000));

export const InterviewSchema = v.object({
  id: InterviewId,
  name: v.pipe(v.string(), v.maxLength(200)),
  at: time,
  scope: v.object({ decks: Names, tags: Names }),
  createdAt: time,
  readinessAtPast: v.optional(v.pipe(finite, v.minValue(0), v.maxValue(1))),
});

export const InterviewRecordSchema = v.object({
  rev: time,
  value: v.nullable(InterviewSchema),
});

/** An id → record map that refuses prototype keys rather than skipping them silently. */
export const InterviewRecordsSchema = v.pipe(
  v.custom<Record<string, unknown>>(
    (x) => typeof x === 'object' && x !== null && !Object.keys(x).some((k) => RESERVED.has(k)),
    'an interview id may not be __proto__, prototype or constructor',
  ),
  v.record(InterviewId, InterviewRecordSchema),
  v.check(
    (r) => Object.entries(r).every(([id, rec]) => rec.value === null || rec.value.id === id),
    'an interview is filed under another id',
  ),
  v.check((r) => Object.keys(r).length <= 10_000, 'too many interviews'),
);

/** The stored key's envelope; its records are checked one by one (decodeInterviews). */
const StoredEnvelope = v.object({
  v: v.literal(1),
  i: v.pipe(
    v.custom<Record<string, unknown>>(
      (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
      'the interviews must be an object',
    ),
    v.check((r) => Object.keys(r).length <= 10_000, 'too many interviews'),
  ),
});

/** Drops the optional field when absent, so decoded records equal the ones written. */
function normalised(i: v.InferOutput<typeof InterviewSchema>): Interview {
  const out: Interview = {
    id: i.id,
    name: i.name,
    at: i.at,
    scope: { decks: i.scope.decks, tags: i.scope.tags },
    createdAt: i.createdAt,
  };
  if (i.readinessAtPast !== undefined) out.readinessAtPast = i.readinessAtPast;
  return out;
}

export function normaliseRecords(
  records: v.InferOutput<typeof InterviewRecordsSchema>,
): Record<string, InterviewRecord> {
  const out: Record<string, InterviewRecord> = {};
  for (const [id, r] of Object.entries(records)) {
    out[id] = { rev: r.rev, value: r.value === null ? null : normalised(r.value) };
  }
  return out;
}

export function encodeInterviews(records: Readonly<Record<string, InterviewRecord>>): string {
  return JSON.stringify({ v: 1, i: records });
}

/** One stored record under `id`, or why it cannot be read. */
function checkRecord(id: string, value: unknown): Decoded<InterviewRecord> {
  const key = checkParsed(InterviewId, id);
  if (!key.ok) return key;
  const r = checkParsed(InterviewRecordSchema, value);
  if (!r.ok) return r;
  if (r.value.value !== null && r.value.value.id !== id)
    return { ok: false, reason: 'unexpected shape: an interview is filed under another id' };
  return {
    ok: true,
    value: { rev: r.value.rev, value: r.value.value && normalised(r.value.value) },
  };
}

/**
 * Record by record, like the other keys of records (readRecords): a bad interview is left out
 * and reported, with a value holding only the bad ones for a backup, never the good ones beside it.
 */
export function decodeInterviews(raw: string): Decoded<Record<string, InterviewRecord>> {
  const envelope = check(StoredEnvelope, raw);
  if (!envelope.ok) return envelope;
  const r = readRecords(Object.entries(envelope.value.i), 'i', checkRecord);
  return r.ok ? { ...r, value: Object.fromEntries(r.value) } : r;
}
