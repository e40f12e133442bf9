import { describe, expect, it } from 'vitest';
import type { CardProgress, ReviewLogEntry } from '../../src/scheduler/progress.ts';
import { DEFAULT_SETTINGS } from '../../src/scheduler/settings.ts';
import { initialPersistedState, logKey, type PersistedState } from '../../src/store/persisted.ts';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  MAX_IMPORT_BYTES,
  buildExport,
  exportFileName,
  mergeImport,
  parseImport,
  type ImportedData,
} from '../../src/store/transfer.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { DAY, MIN, T0, openStore } from './fixtures.ts';

const prog = (reps: number, over: Partial<CardProgress> = {}): CardProgress => ({
  due: T0 + reps * DAY,
  stability: 2.5 * reps,
  difficulty: 5.123456,
  scheduledDays: reps,
  learningSteps: 0,
  reps,
  lapses: 0,
  state: 'review',
  lastReview: T0 - DAY,
  ...over,
});

const rev = (cardId: string, reviewedAt: number, over: Partial<ReviewLogEntry> = {}) => ({
  cardId,
  grade: 'good' as const,
  reviewedAt,
  state: 'review' as const,
  stability: 2.5,
  difficulty: 5.12,
  scheduledDays: 2,
  elapsedDays: 1,
  kind: 'review' as const,
  answerMs: null,
  ...over,
});

const HERE: PersistedState = {
  ...initialPersistedState(),
  progress: { 'rnn/a': prog(3), 'rnn/b': prog(2), 'rnn/c': prog(1), 'rnn/orphan': prog(5) },
  revs: { 'rnn/a': T0 - DAY, 'rnn/b': T0 - DAY, 'rnn/c': T0 - DAY, 'rnn/orphan': T0 - 9 * DAY },
  log: [
    rev('rnn/a', T0 - 3 * DAY, { state: 'new', stability: null, difficulty: null }),
    rev('rnn/a', T0 - 2 * DAY, { grade: 'again' }),
    rev('rnn/b', T0 - 2 * DAY + MIN),
    rev('rnn/a', T0 - DAY, { grade: 'easy', state: 'relearning' }),
  ],
  removed: [logKey({ cardId: 'rnn/c', reviewedAt: T0 - DAY + 5 * MIN })],
  settings: { ...DEFAULT_SETTINGS, newCardsPerDay: 20, learningSteps: ['2m', '15m'] },
  settingsRev: T0 - 5 * DAY,
  resetAt: T0 - 30 * DAY,
  seen: { 'rnn/a': { file: 'rnn.md', index: 0, text: 'SECRET QUESTION TEXT 什么是 RNN？' } },
};

const valid = () => buildExport(HERE, T0) as unknown as Record<string, unknown>;
const text = (over: Record<string, unknown>) => JSON.stringify({ ...valid(), ...over });
const ROW: unknown[] = ['rnn/a', 'good', 'review', T0, 1.2, 5, 1, 1, 'review', null];

describe('export', () => {
  it('writes a versioned file of progress, revisions, the log as rows, and settings', () => {
    const file = buildExport(HERE, T0);
    expect(file).toEqual({
      format: 'rnn-flashcards-export',
      formatVersion: 1,
      exportedAt: '2026-11-27T02:00:00.000Z',
      settings: HERE.settings,
      progress: HERE.progress,
      revs: HERE.revs,
      logColumns: [
        'cardId',
        'grade',
        'state',
        'reviewedAt',
        'stability',
        'difficulty',
        'scheduledDays',
        'elapsedDays',
        'kind',
        'answerMs',
      ],
      log: HERE.log.map((e) => [
        e.cardId,
        e.grade,
        e.state,
        e.reviewedAt,
        e.stability,
        e.difficulty,
        e.scheduledDays,
        e.elapsedDays,
        e.kind,
        e.answerMs,
      ]),
      flags: {},
      interviews: {},
    });
    expect(exportFileName(T0)).toBe('rnn-flashcards-progress-2026-11-27.json');
  });

  it('never carries card text', () => {
    const json = JSON.stringify(buildExport(HERE, T0));
    expect(json).not.toContain('SECRET');
    expect(json).not.toContain('什么');
    expect(json).not.toContain('rnn.md');
  });

  it('round-trips through JSON to exactly the progress, log and settings', () => {
    const r = parseImport(JSON.stringify(buildExport(HERE, T0)));
    expect(r).toEqual({
      ok: true,
      data: {
        settings: HERE.settings,
        progress: HERE.progress,
        log: HERE.log,
        flags: {},
        interviews: {},
      },
    });
  });

  it('round-trips an empty state', () => {
    const empty = initialPersistedState();
    expect(parseImport(JSON.stringify(buildExport(empty, T0)))).toEqual({
      ok: true,
      data: { settings: empty.settings, progress: {}, log: [], flags: {}, interviews: {} },
    });
  });
});

describe('import: refusals', () => {
  const refused = (t: string, error: string, bytes?: number) => {
    const r = bytes === undefined ? parseImport(t) : parseImport(t, bytes);
    expect(r).toEqual({ ok: false, error });
  };

  it('refuses what is not JSON', () => {
    const e = 'The file is not JSON: it is not an export of this app.';
    refused('', e);
    refused('hello', e);
    refused(text({}).slice(0, -10), e);
    refused('\u0000\u00ff\ud800', e);
  });

  it('refuses JSON that is not our format', () => {
    const e = 'The file is not an export of this app.';
    refused('null', e);
    refused('[]', e);
    refused('"rnn-flashcards-export"', e);
    refused('42', e);
    refused(JSON.stringify({ format: 'anki' }), e);
    refused(JSON.stringify({ ...valid(), format: undefined }), e);
  });

  it('refuses a format version from the future, or none', () => {
    refused(text({ formatVersion: 2 }), 'The file has export format 2; this app reads format 1.');
    const unsaid = 'The file does not say which export format it is; this app reads format 1.';
    refused(text({ formatVersion: '1' }), unsaid);
    refused(text({ formatVersion: undefined }), unsaid);
    refused(text({ formatVersion: null }), unsaid);
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(MAX_IMPORT_BYTES).toBe(64 * 1024 * 1024);
    refused(
      JSON.stringify(buildExport(HERE, T0)),
      'The file is too large (67 MB); an export is far smaller.',
      MAX_IMPORT_BYTES + 1,
    );
    refused('x', 'The file is too large (200 MB); an export is far smaller.', 200e6);
    // At the limit it is read.
    expect(parseImport(JSON.stringify(buildExport(HERE, T0)), MAX_IMPORT_BYTES).ok).toBe(true);
  });

  it('refuses a review with a bad grade, naming the review', () => {
    refused(
      text({ log: [ROW, ROW.with(1, 'great')] }),
      'The file is damaged at review 2: Invalid type: Expected ("again" | "hard" | "good" | "easy") but received "great".',
    );
    refused(
      text({ log: [ROW.slice(0, 9)] }),
      'The file is damaged at log.0: Invalid length: Expected 10 but received 9.',
    );
    refused(
      text({ logColumns: ['grade', 'cardId'] }),
      'The file is damaged at logColumns: log columns must be cardId, grade, state, reviewedAt, stability, difficulty, scheduledDays, elapsedDays, kind, answerMs.',
    );
  });

  it('refuses __proto__, prototype and constructor as card ids, and pollutes nothing', () => {
    const P = JSON.stringify(prog(1));
    const raw = (progress: string, log = '[]', revs = '{}') =>
      `{"format":"${EXPORT_FORMAT}","formatVersion":${EXPORT_FORMAT_VERSION},"exportedAt":"x",` +
      `"settings":{},"progress":${progress},"revs":${revs},` +
      `"logColumns":${JSON.stringify(valid().logColumns)},"log":${log}}`;
    for (const id of ['__proto__', 'constructor', 'prototype']) {
      for (const t of [
        raw(`{"${id}":${P}}`),
        raw(`{"rnn/a":${P},"${id}":${P}}`),
        raw('{}', JSON.stringify([ROW.with(0, id)])),
        raw('{}', '[]', `{"${id}":5}`),
      ]) {
        const r = parseImport(t);
        expect(r.ok, `${id}: ${t.slice(90, 160)}`).toBe(false);
        expect(r.ok ? '' : r.error).toMatch(/^The file is damaged at (progress|revs|review 1)\b/);
      }
    }
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).reps).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.constructor).toBe(Object);
    // A __proto__ key at the top level is simply not ours to read.
    const top = parseImport(`{"__proto__":{"polluted":1},${JSON.stringify(valid()).slice(1)}`);
    expect(top.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [
      'a negative rep count',
      { progress: { 'rnn/a': { ...prog(1), reps: -1 } } },
      'The file is damaged at progress.rnn/a.reps: Invalid value: Expected >=0 but received -1.',
    ],
    [
      'a fractional lapse count',
      { progress: { 'rnn/a': { ...prog(1), lapses: 0.5 } } },
      'The file is damaged at progress.rnn/a.lapses: Invalid integer: Received 0.5.',
    ],
    [
      'negative stability',
      { progress: { 'rnn/a': { ...prog(1), stability: -2 } } },
      'The file is damaged at progress.rnn/a.stability: Invalid value: Expected >=0 but received -2.',
    ],
    [
      '"NaN" as a number',
      { progress: { 'rnn/a': { ...prog(1), stability: 'NaN' } } },
      'The file is damaged at progress.rnn/a.stability: Invalid type: Expected number but received "NaN".',
    ],
    [
      'null for a time',
      { log: [ROW.with(3, null)] },
      'The file is damaged at review 1: Invalid type: Expected number but received null.',
    ],
    [
      'a negative elapsed-days count',
      { log: [ROW.with(7, -1)] },
      'The file is damaged at review 1: Invalid value: Expected >=0 but received -1.',
    ],
    [
      'an unknown state',
      { progress: { 'rnn/a': { ...prog(1), state: 'suspended' } } },
      'The file is damaged at progress.rnn/a.state: Invalid type: Expected ("new" | "learning" | "review" | "relearning") but received "suspended".',
    ],
    [
      'settings out of range',
      { settings: { desiredRetention: 5 } },
      'The file is damaged at settings.desiredRetention: Invalid value: Expected <=0.99 but received 5.',
    ],
  ])('refuses %s', (_name, over, error) => {
    refused(text(over), error);
  });

  it('refuses infinities (1e999 in the text) and negative times', () => {
    refused(
      text({ progress: { 'rnn/a': prog(1) } }).replace(`"due":${prog(1).due}`, '"due":1e999'),
      'The file is damaged at progress.rnn/a.due: Invalid finite: Received Infinity.',
    );
    refused(
      text({ log: [ROW] }).replace(`,${T0},`, ',-1e999,'),
      'The file is damaged at review 1: Invalid finite: Received -Infinity.',
    );
    const negative = [
      parseImport(text({ log: [ROW.with(3, -5)] })),
      parseImport(text({ progress: { 'rnn/a': prog(1, { due: -1 }) } })),
      parseImport(text({ progress: { 'rnn/a': prog(1, { lastReview: -1 }) } })),
    ];
    for (const r of negative) {
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.error).toMatch(
        /^The file is damaged at (review 1|progress\.rnn\/a\.(due|lastReview)): Invalid value: Expected >=0 but received -[15]\.$/,
      );
    }
  });

  it('refuses progress the scheduler cannot grade from, and dates no calendar has', () => {
    const memory =
      'The file is damaged at progress.rnn/a: stability and difficulty must both be 0, or at least 0.001 and 1 respectively.';
    refused(text({ progress: { 'rnn/a': prog(1, { stability: 0 }) } }), memory);
    refused(text({ progress: { 'rnn/a': prog(1, { difficulty: 0.5 }) } }), memory);
    refused(
      text({ log: [ROW.with(3, 1e300)] }),
      'The file is damaged at review 1: Invalid value: Expected <=253402214400000 but received 1e+300.',
    );
    refused(
      text({ progress: { 'rnn/a': prog(1, { lastReview: 1e16 }) } }),
      'The file is damaged at progress.rnn/a.lastReview: Invalid value: Expected <=253402214400000 but received 10000000000000000.',
    );
    // A card never reviewed has both at 0: that is fine.
    expect(
      parseImport(
        text({ progress: { 'rnn/a': prog(0, { stability: 0, difficulty: 0, state: 'new' }) } }),
      ).ok,
    ).toBe(true);
  });

  it('takes no card text: unknown fields anywhere are dropped', () => {
    const progress = { 'rnn/a': { ...prog(3), question: 'Q?', answer: 'A', html: '<b>x</b>' } };
    const r = parseImport(
      text({
        question: 'top',
        cards: [{ id: 'rnn/a', question: 'Q?' }],
        settings: { ...HERE.settings, question: 'in settings' },
        progress,
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.progress).toEqual({ 'rnn/a': prog(3) });
    expect(Object.keys(r.data)).toEqual(['settings', 'progress', 'log', 'flags', 'interviews']);
    expect(r.data.settings).toEqual(HERE.settings);
    // (answerMs is a time, not the card's answer)
    expect(JSON.stringify(r.data)).not.toMatch(/question|answer(?!Ms)|html|Q\?/);
  });
});

describe('import: merging', () => {
  const incoming: ImportedData = {
    flags: {},
    interviews: {},
    settings: { ...DEFAULT_SETTINGS, newCardsPerDay: 30 },
    progress: {
      'rnn/a': prog(2), // shorter history than here: ours kept
      'rnn/b': prog(2, { difficulty: 9 }), // as long: ours kept
      'rnn/c': prog(4), // longer: theirs
      'rnn/d': prog(1), // only there: added
      'rnn/gone': prog(2), // only there and not in the content: added, counted unknown
    },
    log: [
      rev('rnn/a', T0 - 3 * DAY, { state: 'new', stability: null, difficulty: null }), // have it
      rev('rnn/c', T0 - 4 * DAY),
      rev('rnn/c', T0 - DAY + 5 * MIN), // undone here: stays removed
      rev('rnn/d', T0 - 60 * DAY), // before the reset here: stays gone
      rev('rnn/d', T0 - 2 * DAY),
      rev('rnn/gone', T0 - 2 * DAY + 2 * MIN),
      rev('rnn/gone', T0 - 2 * DAY + 2 * MIN), // the same review twice in the file
    ],
  };
  const known = new Set(['rnn/a', 'rnn/b', 'rnn/c', 'rnn/d']);

  it('keeps the longer history per card, ties to ours, and counts exactly', () => {
    const { state, preview, changedIds } = mergeImport(HERE, incoming, known);
    expect(state.progress).toEqual({
      'rnn/a': prog(3),
      'rnn/b': prog(2),
      'rnn/c': prog(4),
      'rnn/d': prog(1),
      'rnn/gone': prog(2),
      'rnn/orphan': prog(5),
    });
    expect(state.progress['rnn/a']).toBe(HERE.progress['rnn/a']);
    expect(changedIds.sort()).toEqual(['rnn/c', 'rnn/d', 'rnn/gone']);
    expect(preview).toEqual({
      cardsAdded: 2,
      cardsReplaced: 1,
      cardsKept: 2,
      reviewsAdded: 3,
      unknownCards: 1,
      settingsChanged: true,
    });
  });

  it('unions the logs without duplicates, keeps undone reviews out, and sorts', () => {
    const { state } = mergeImport(HERE, incoming, known);
    expect(state.log.map(logKey)).toEqual([
      `${T0 - 4 * DAY}|rnn/c`,
      `${T0 - 3 * DAY}|rnn/a`,
      `${T0 - 2 * DAY}|rnn/a`,
      `${T0 - 2 * DAY}|rnn/d`,
      `${T0 - 2 * DAY + MIN}|rnn/b`,
      `${T0 - 2 * DAY + 2 * MIN}|rnn/gone`,
      `${T0 - DAY}|rnn/a`,
    ]);
    // Our own entries are kept as objects (undo relies on identity).
    expect(state.log[1]).toBe(HERE.log[0]);
    expect(state.removed).toEqual(HERE.removed);
    expect(state.resetAt).toBe(HERE.resetAt);
  });

  it('takes the file’s settings, and says when they differ', () => {
    expect(mergeImport(HERE, incoming, known).state.settings).toEqual(incoming.settings);
    const same = mergeImport(HERE, { ...incoming, settings: { ...HERE.settings } }, known);
    expect(same.preview.settingsChanged).toBe(false);
  });

  it('never takes card text, and leaves what it does not merge as it was', () => {
    const { state } = mergeImport(HERE, incoming, known);
    expect(state.seen).toBe(HERE.seen);
    expect(state.revs).toBe(HERE.revs);
    expect(state.settingsRev).toBe(HERE.settingsRev);
  });

  it('changes nothing when importing its own export', () => {
    const parsed = parseImport(JSON.stringify(buildExport(HERE, T0)));
    if (!parsed.ok) throw new Error(parsed.error);
    const { state, preview, changedIds } = mergeImport(HERE, parsed.data, known);
    expect(preview).toEqual({
      cardsAdded: 0,
      cardsReplaced: 0,
      cardsKept: 4,
      reviewsAdded: 0,
      unknownCards: 1,
      settingsChanged: false,
    });
    expect(changedIds).toEqual([]);
    expect(state.progress).toEqual(HERE.progress);
    expect(state.log).toEqual(HERE.log);
  });

  it('through the store: imported progress and reviews are saved and survive a reload', () => {
    const storage = new MemoryStorage();
    const first = openStore(storage);
    first.state().rate('rnn/a', 'good', T0 - 2 * DAY);
    first.state().rate('rnn/a', 'good', T0 - DAY);
    const before = structuredClone(first.state().progress);
    const file = buildExport(
      {
        ...initialPersistedState(),
        progress: { 'rnn/a': prog(1), 'rnn/z': prog(6) },
        revs: { 'rnn/a': 1, 'rnn/z': 1 },
        log: [rev('rnn/z', T0 - 7 * DAY), rev('rnn/a', T0 - 2 * DAY)],
      },
      T0,
    );
    const parsed = parseImport(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    const merged = mergeImport(first.state(), parsed.data, new Set(['rnn/a', 'rnn/z']));
    expect(merged.preview).toMatchObject({ cardsAdded: 1, cardsKept: 1, reviewsAdded: 1 });
    first.state().applyMerged(merged.state, merged.changedIds);

    const reloaded = openStore(storage).state();
    expect(reloaded.progress['rnn/a']).toEqual(before['rnn/a']);
    expect(reloaded.progress['rnn/z']).toEqual(prog(6));
    expect(reloaded.log.map((e) => [e.cardId, e.reviewedAt])).toEqual([
      ['rnn/z', T0 - 7 * DAY],
      ['rnn/a', T0 - 2 * DAY],
      ['rnn/a', T0 - DAY],
    ]);
    // The imported card counts as changed now, so it wins over a stale tab's copy.
    expect(reloaded.revs['rnn/z']).toBe(T0);
  });
});

describe('import: exports made before version 3', () => {
  it('reads the eight columns of older exports as reviews with no answer time', () => {
    const old = text({
      // The columns before kind and answerMs were added.
      logColumns: (valid().logColumns as string[]).slice(0, 8),
      log: [ROW.slice(0, 8)],
      flags: undefined,
    });
    const r = parseImport(old);
    expect(r.ok && r.data.log).toEqual([
      {
        cardId: 'rnn/a',
        grade: 'good',
        state: 'review',
        reviewedAt: T0,
        stability: 1.2,
        difficulty: 5,
        scheduledDays: 1,
        elapsedDays: 1,
        kind: 'review',
        answerMs: null,
      },
    ]);
    expect(r.ok && r.data.flags).toEqual({});
  });

  it('takes flags, and refuses an answer time over the cap', () => {
    const flags = { 'rnn/a': { starred: true, suspended: false, rev: T0 } };
    const r = parseImport(text({ flags }));
    expect(r.ok && r.data.flags).toEqual(flags);
    const slow = parseImport(text({ log: [ROW.with(9, 60_001)] }));
    expect(slow.ok).toBe(false);
  });
});
