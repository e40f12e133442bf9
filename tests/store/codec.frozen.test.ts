// The codec's frozen version-2 layout: every field reads back, by itself and through the store.
import { describe, expect, it } from 'vitest';
import { decodeChunk, decodeMeta, decodeSeen, decodeShard } from '../../src/store/codec.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { openStore } from './fixtures.ts';

describe('codec: a frozen version-2 layout reads back every field', () => {
  // Written by this version of the app; any later layout must still read these strings.
  const FROZEN: Record<string, string> = {
    'rnn-flashcards/progress':
      '{"version":2,"state":{"settings":{"desiredRetention":0.85,"learningSteps":["1m","10m"],"relearningSteps":["10m"],"enableFuzz":false,"maximumIntervalDays":365,"dayRolloverHour":5,"newCardsPerDay":12,"maxReviewsPerDay":150},"settingsRev":1795999000000,"resetAt":1790000000000}}',
    'rnn-flashcards/progress/p/5':
      '{"v":1,"c":{"rnn/a":[1795831200001,1796090400000,3.17,5.28,3,0,4,1,2,1795831200001]}}',
    'rnn-flashcards/progress/p/1': '{"v":1,"c":{"rnn/gone":[1795831260000]}}',
    'rnn-flashcards/progress/log/2969':
      '{"v":1,"base":1795651200000,"ids":["rnn/a","rnn/b"],"e":[[0,8,180000000,231,528,0,0],[1,5,180060000,3,1],[0,10,180000001,317,530,3,2]],"x":[[1,180070000]]}',
    'rnn-flashcards/progress/cards': '{"v":1,"c":{"rnn/a":["rnn.md",4,"什么是梯度消失？"]}}',
  };

  it('decodes each key as the documented fields', () => {
    const meta = decodeMeta(FROZEN['rnn-flashcards/progress']!);
    expect(meta).toEqual({
      ok: true,
      value: {
        settings: {
          desiredRetention: 0.85,
          learningSteps: ['1m', '10m'],
          relearningSteps: ['10m'],
          enableFuzz: false,
          maximumIntervalDays: 365,
          dayRolloverHour: 5,
          newCardsPerDay: 12,
          maxReviewsPerDay: 150,
          // Added after version 2 was written: a layout without them gets the defaults.
          leechThreshold: 4,
          readinessTarget: 0.9,
          planDailyLimit: 30,
        },
        settingsRev: 1795999000000,
        resetAt: 1790000000000,
        version: 2,
      },
    });
    expect(decodeShard(FROZEN['rnn-flashcards/progress/p/1']!)).toEqual({
      ok: true,
      value: new Map([['rnn/gone', { rev: 1795831260000, progress: null }]]),
    });
    expect(decodeShard(FROZEN['rnn-flashcards/progress/p/5']!)).toEqual({
      ok: true,
      value: new Map([
        [
          'rnn/a',
          {
            rev: 1795831200001,
            progress: {
              due: 1796090400000,
              stability: 3.17,
              difficulty: 5.28,
              scheduledDays: 3,
              learningSteps: 0,
              reps: 4,
              lapses: 1,
              state: 'review',
              lastReview: 1795831200001,
            },
          },
        ],
      ]),
    });
    const base = 1795651200000;
    expect(decodeChunk(FROZEN['rnn-flashcards/progress/log/2969']!)).toEqual({
      ok: true,
      value: {
        entries: [
          {
            cardId: 'rnn/a',
            grade: 'good',
            state: 'new',
            reviewedAt: base + 180000000,
            stability: 2.31,
            difficulty: 5.28,
            scheduledDays: 0,
            elapsedDays: 0,
            kind: 'review' as const,
            answerMs: null,
          },
          {
            cardId: 'rnn/b',
            grade: 'hard',
            state: 'learning',
            reviewedAt: base + 180060000,
            stability: null,
            difficulty: null,
            scheduledDays: 3,
            elapsedDays: 1,
            kind: 'review' as const,
            answerMs: null,
          },
          {
            cardId: 'rnn/a',
            grade: 'good',
            state: 'review',
            reviewedAt: base + 180000001,
            stability: 3.17,
            difficulty: 5.3,
            scheduledDays: 3,
            elapsedDays: 2,
            kind: 'review' as const,
            answerMs: null,
          },
        ],
        removed: [`${base + 180070000}|rnn/b`],
      },
    });
    expect(decodeSeen(FROZEN['rnn-flashcards/progress/cards']!)).toEqual({
      ok: true,
      value: { 'rnn/a': { file: 'rnn.md', index: 4, text: '什么是梯度消失？' } },
    });
  });

  it('loads into the store with every field, in time order', () => {
    const storage = new MemoryStorage();
    for (const [k, val] of Object.entries(FROZEN)) storage.setItem(k, val);
    const { state, problems } = openStore(storage);
    expect(problems.at(-1)).toEqual([]);
    expect(state().settings.desiredRetention).toBe(0.85);
    expect(state().settingsRev).toBe(1795999000000);
    expect(state().resetAt).toBe(1790000000000);
    expect(state().revs).toEqual({ 'rnn/a': 1795831200001, 'rnn/gone': 1795831260000 });
    expect(Object.keys(state().progress)).toEqual(['rnn/a']);
    expect(state().log.map((e) => [e.cardId, e.reviewedAt - 1795651200000])).toEqual([
      ['rnn/a', 180000000],
      ['rnn/a', 180000001],
      ['rnn/b', 180060000],
    ]);
    expect(state().removed).toEqual(['1795831270000|rnn/b']);
    expect(state().seen).toEqual({
      'rnn/a': { file: 'rnn.md', index: 4, text: '什么是梯度消失？' },
    });
  });
});
