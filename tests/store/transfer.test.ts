// Export, and reading exports made before version 3.
import { describe, expect, it } from 'vitest';
import { initialPersistedState } from '../../src/store/persisted.ts';
import { buildExport, exportFileName, parseImport } from '../../src/store/transfer.ts';
import { T0 } from './fixtures.ts';
import { HERE, ROW, text, valid } from './transferFixtures.ts';

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
      mocks: [],
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
        mocks: [],
      },
    });
  });

  it('round-trips an empty state', () => {
    const empty = initialPersistedState();
    expect(parseImport(JSON.stringify(buildExport(empty, T0)))).toEqual({
      ok: true,
      data: {
        settings: empty.settings,
        progress: {},
        log: [],
        flags: {},
        interviews: {},
        mocks: [],
      },
    });
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
