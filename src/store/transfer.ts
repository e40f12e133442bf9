// Export and import of all progress and settings as a JSON file. An imported file is untrusted:
// it is size-checked, parsed and validated before anything is touched, and only progress, the
// review log, settings, interviews and finished mock interviews are taken from it — never card
// text. Pure.
import * as v from 'valibot';
import { MAX_ANSWER_MS, type CardProgress, type ReviewLogEntry } from '../scheduler/progress.ts';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '../scheduler/settings.ts';
import { CardProgressSchema, LogEntrySchema, MAX_TIME, SettingsSchema } from './codec.ts';
import { InterviewRecordsSchema, normaliseRecords } from './interviewCodec.ts';
import { mergeFlags, mergeInterviews, mergeLogs } from './merge.ts';
import { MOCK_HISTORY_LIMIT, readMockHistory } from './mockSessions.ts';
import type { MockSession } from '../study/mockInterview.ts';
import { logKey, type CardFlags, type InterviewRecord, type PersistedState } from './persisted.ts';

export const EXPORT_FORMAT = 'rnn-flashcards-export';
export const EXPORT_FORMAT_VERSION = 1;
/** Bigger than a decade of heavy use; anything larger is not ours. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** The log's columns in exports made before entries had a kind and an answer time. */
const LOG_COLUMNS_V2 = [
  'cardId',
  'grade',
  'state',
  'reviewedAt',
  'stability',
  'difficulty',
  'scheduledDays',
  'elapsedDays',
] as const;
const LOG_COLUMNS = [...LOG_COLUMNS_V2, 'kind', 'answerMs'] as const;

/** Names that would reach the prototype of a plain object used as a map. */
const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);
const RESERVED_MESSAGE = 'a card id may not be __proto__, prototype or constructor';

/** Ids as the parser makes them; this also keeps `__proto__` and friends out of our objects. */
const CardId = v.pipe(
  v.string(),
  v.maxLength(300),
  v.regex(/^[\p{L}\p{N}][\p{L}\p{N}_./-]*$/u),
  v.check((id) => !RESERVED_IDS.has(id), RESERVED_MESSAGE),
);
const finite = v.pipe(v.number(), v.finite());

/**
 * A record keyed by card id. valibot's record() silently skips `__proto__`, `prototype` and
 * `constructor` keys; an export never has them, so a file that does is refused instead.
 */
const byCardId = <S extends v.GenericSchema>(value: S) =>
  v.pipe(
    v.custom<Record<string, unknown>>(
      (x) =>
        typeof x === 'object' && x !== null && !Object.keys(x).some((k) => RESERVED_IDS.has(k)),
      RESERVED_MESSAGE,
    ),
    v.record(CardId, value),
  );

const ImportedLogEntry = v.object({
  ...LogEntrySchema.entries,
  cardId: CardId,
  // (Absent in older exports: every entry was a review, with no answer time.)
  kind: v.optional(v.picklist(['review', 'practice']), 'review'),
  answerMs: v.optional(
    v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_ANSWER_MS))),
    null,
  ),
});

const ImportedFlags = v.object({
  starred: v.boolean(),
  suspended: v.boolean(),
  rev: v.pipe(finite, v.minValue(0), v.maxValue(MAX_TIME)),
  starredRev: v.optional(v.pipe(finite, v.minValue(0), v.maxValue(MAX_TIME))),
  suspendedRev: v.optional(v.pipe(finite, v.minValue(0), v.maxValue(MAX_TIME))),
});

const ExportSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  formatVersion: v.literal(EXPORT_FORMAT_VERSION),
  exportedAt: v.string(),
  settings: v.partial(SettingsSchema),
  progress: v.pipe(
    byCardId(CardProgressSchema),
    v.check((r) => Object.keys(r).length <= 200_000),
  ),
  revs: v.optional(byCardId(finite), {}),
  logColumns: v.pipe(
    v.array(v.string()),
    v.check(
      (cols) => cols.join() === LOG_COLUMNS.join() || cols.join() === LOG_COLUMNS_V2.join(),
      `log columns must be ${LOG_COLUMNS.join(', ')}`,
    ),
  ),
  log: v.pipe(v.array(v.array(v.unknown())), v.maxLength(5_000_000)),
  flags: v.optional(byCardId(ImportedFlags), {}),
  // (Absent in exports made before interviews: none.)
  interviews: v.optional(InterviewRecordsSchema, {}),
  // Finished mock interviews, checked one by one as the mock store reads its own (an unreadable
  // one is left out, not the file). Absent in exports made before them: none.
  mocks: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(10 * MOCK_HISTORY_LIMIT)), []),
});

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  formatVersion: typeof EXPORT_FORMAT_VERSION;
  exportedAt: string;
  settings: SchedulerSettings;
  progress: Record<string, CardProgress>;
  revs: Record<string, number>;
  logColumns: typeof LOG_COLUMNS;
  log: unknown[][];
  flags: Record<string, CardFlags>;
  interviews: Record<string, InterviewRecord>;
  mocks: MockSession[];
}

/** The file for `state`, with the finished mock interviews (kept apart from progress). */
export function buildExport(
  state: PersistedState,
  now: number,
  mocks: readonly MockSession[] = [],
): ExportFile {
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings: state.settings,
    progress: state.progress,
    revs: state.revs,
    logColumns: LOG_COLUMNS,
    log: state.log.map((e) => LOG_COLUMNS.map((c) => e[c])),
    flags: state.flags,
    interviews: state.interviews,
    mocks: [...mocks],
  };
}

export function exportFileName(now: number): string {
  return `rnn-flashcards-progress-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export interface ImportedData {
  settings: SchedulerSettings;
  progress: Record<string, CardProgress>;
  log: ReviewLogEntry[];
  flags: Record<string, CardFlags>;
  interviews: Record<string, InterviewRecord>;
  mocks: MockSession[];
}

export type ImportResult = { ok: true; data: ImportedData } | { ok: false; error: string };

/** How far after `now` a stored time may lie (time zones, a clock a little fast). */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/**
 * Reads an export file's text. Never throws; says what is wrong in plain words. With `now`, a
 * review or change dated after it (beyond a day's slack) is refused: it would date the card's
 * next review after it, hide reviews behind it or schedule past the last time we can store.
 */
export function parseImport(
  text: string,
  byteLength = text.length,
  now: number | null = null,
): ImportResult {
  const result = parseImportUnchecked(text, byteLength);
  if (!result.ok || now === null) return result;
  const latest = now + FUTURE_SLACK_MS;
  const when = (t: number) => new Date(t).toISOString().slice(0, 10);
  const future = (what: string, t: number): ImportResult => ({
    ok: false,
    error: `The file is damaged: ${what} is dated ${when(t)}, after today. Check this computer's clock, or the file.`,
  });
  for (const [id, p] of Object.entries(result.data.progress)) {
    if (p.lastReview !== null && p.lastReview > latest) {
      return future(`the last review of ${id}`, p.lastReview);
    }
  }
  const review = result.data.log.findIndex((e) => e.reviewedAt > latest);
  if (review >= 0) return future(`review ${review + 1}`, result.data.log[review]!.reviewedAt);
  for (const [id, f] of Object.entries(result.data.flags)) {
    if (f.rev > latest) return future(`the flags of ${id}`, f.rev);
  }
  return result;
}

function parseImportUnchecked(text: string, byteLength: number): ImportResult {
  if (byteLength > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      error: `The file is too large (${Math.round(byteLength / 1e6)} MB); an export is far smaller.`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The file is not JSON: it is not an export of this app.' };
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { format?: unknown }).format !== EXPORT_FORMAT
  ) {
    return { ok: false, error: 'The file is not an export of this app.' };
  }
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (version !== EXPORT_FORMAT_VERSION) {
    return {
      ok: false,
      error:
        typeof version === 'number'
          ? `The file has export format ${version}; this app reads format ${EXPORT_FORMAT_VERSION}.`
          : `The file does not say which export format it is; this app reads format ${EXPORT_FORMAT_VERSION}.`,
    };
  }
  const parsed = v.safeParse(ExportSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return {
      ok: false,
      error: `The file is damaged${path ? ` at ${path}` : ''}: ${issue.message}.`,
    };
  }
  const log: ReviewLogEntry[] = [];
  const columns = parsed.output.logColumns;
  for (let i = 0; i < parsed.output.log.length; i++) {
    const row = parsed.output.log[i]!;
    if (row.length !== columns.length) {
      return {
        ok: false,
        error: `The file is damaged at log.${i}: Invalid length: Expected ${columns.length} but received ${row.length}.`,
      };
    }
    const entry = v.safeParse(
      ImportedLogEntry,
      Object.fromEntries(columns.map((c, k) => [c, row[k]])),
    );
    if (!entry.success) {
      return {
        ok: false,
        error: `The file is damaged at review ${i + 1}: ${entry.issues[0].message}.`,
      };
    }
    log.push(entry.output);
  }
  return {
    ok: true,
    data: {
      settings: { ...DEFAULT_SETTINGS, ...(parsed.output.settings as Partial<SchedulerSettings>) },
      progress: parsed.output.progress,
      log,
      flags: parsed.output.flags,
      interviews: normaliseRecords(parsed.output.interviews),
      mocks: readMockHistory(parsed.output.mocks),
    },
  };
}

export interface ImportPreview {
  /** Cards that have progress only in the file. */
  cardsAdded: number;
  /** Cards whose progress the file replaces (its history is longer). */
  cardsReplaced: number;
  /** Cards where this browser's history is kept (as long or longer). */
  cardsKept: number;
  reviewsAdded: number;
  /** Cards in the file that are not in the current content (kept, like any orphan). */
  unknownCards: number;
  settingsChanged: boolean;
}

/**
 * Merges imported data into `current`: per card the longer history (more reviews) wins, ties
 * keep what is here; review logs are unioned without duplicates; the file's settings are taken.
 */
export function mergeImport(
  current: PersistedState,
  // (Mock interviews are not progress: the mock store takes them, mergeMockHistory.)
  incoming: Omit<ImportedData, 'mocks'>,
  knownIds: ReadonlySet<string>,
): { state: PersistedState; preview: ImportPreview; changedIds: string[] } {
  const progress = { ...current.progress };
  const changedIds: string[] = [];
  let cardsAdded = 0;
  let cardsReplaced = 0;
  let cardsKept = 0;
  let unknownCards = 0;
  for (const [id, theirs] of Object.entries(incoming.progress)) {
    if (!knownIds.has(id)) unknownCards++;
    const ours = progress[id];
    if (ours === undefined) cardsAdded++;
    else if (theirs.reps > ours.reps) cardsReplaced++;
    else {
      cardsKept++;
      continue;
    }
    progress[id] = theirs;
    changedIds.push(id);
  }
  // A review undone here stays undone; one made before a reset here stays gone.
  const removed = new Set(current.removed);
  const have = new Set(current.log.map(logKey));
  const log = mergeLogs(current.log, incoming.log, removed, current.resetAt);
  // Counted once each: a file may list the same review twice; the merge keeps one.
  const added = new Set<string>();
  for (const e of incoming.log) {
    const key = logKey(e);
    if (!have.has(key) && !removed.has(key) && e.reviewedAt >= current.resetAt) added.add(key);
  }
  const reviewsAdded = added.size;
  const settingsChanged = JSON.stringify(incoming.settings) !== JSON.stringify(current.settings);
  return {
    state: {
      ...current,
      progress,
      log,
      settings: incoming.settings,
      flags: mergeFlags(current.flags, incoming.flags),
      // Per interview the newer change wins, as between tabs (a removal here stays removed).
      interviews: mergeInterviews(current.interviews, incoming.interviews),
    },
    preview: { cardsAdded, cardsReplaced, cardsKept, reviewsAdded, unknownCards, settingsChanged },
    changedIds,
  };
}
