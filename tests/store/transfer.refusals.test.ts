// Import refusals: what is not an export of this app, damaged, or unsafe is refused with a reason.
import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  MAX_IMPORT_BYTES,
  buildExport,
  parseImport,
} from '../../src/store/transfer.ts';
import { T0 } from './fixtures.ts';
import { HERE, ROW, prog, text, valid } from './transferFixtures.ts';

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

  it.each([
    [
      'a step of 10^11 days',
      { learningSteps: ['1m', '99999999999d'] },
      'learningSteps.1',
      'a step is 1 to 999 minutes, hours or days',
    ],
    [
      'a step of 0 minutes',
      { relearningSteps: ['0m'] },
      'relearningSteps.0',
      'a step is 1 to 999 minutes, hours or days',
    ],
    [
      'eleven steps',
      { learningSteps: Array(11).fill('1m') },
      'learningSteps',
      'Invalid length: Expected <=10 but received 11',
    ],
    [
      'a retention of 0.5',
      { desiredRetention: 0.5 },
      'desiredRetention',
      'Invalid value: Expected >=0.7 but received 0.5',
    ],
    [
      '10^15 new cards a day',
      { newCardsPerDay: 1e15 },
      'newCardsPerDay',
      'Invalid value: Expected <=9999 but received 1000000000000000',
    ],
    [
      'a leech at 0 lapses',
      { leechThreshold: 0 },
      'leechThreshold',
      'Invalid value: Expected >=1 but received 0',
    ],
  ])('refuses settings the settings form would not take: %s', (_name, patch, at, why) => {
    refused(
      text({ settings: { ...HERE.settings, ...patch } }),
      `The file is damaged at settings.${at}: ${why}.`,
    );
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
    expect(Object.keys(r.data)).toEqual([
      'settings',
      'progress',
      'log',
      'flags',
      'interviews',
      'mocks',
    ]);
    expect(r.data.settings).toEqual(HERE.settings);
    // (answerMs is a time, not the card's answer)
    expect(JSON.stringify(r.data)).not.toMatch(/question|answer(?!Ms)|html|Q\?/);
  });
});
