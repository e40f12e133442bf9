import { describe, expect, it } from 'vitest';
import {
  draftFrom,
  isDirty,
  parseDraft,
  parseInteger,
  parseRetention,
  parseSteps,
} from '../../../src/features/settings/schedulerForm.ts';
import { DEFAULT_SETTINGS } from '../../../src/scheduler/settings.ts';

const defaults = () => ({
  ...DEFAULT_SETTINGS,
  learningSteps: [...DEFAULT_SETTINGS.learningSteps],
  relearningSteps: [...DEFAULT_SETTINGS.relearningSteps],
});

describe('learning steps', () => {
  it.each([
    ['1m 10m', ['1m', '10m']],
    ['  1m   10m ', ['1m', '10m']],
    ['10m, 1h, 1d', ['10m', '1h', '1d']],
    ['10M 2H', ['10m', '2h']],
    ['１０ｍ　１ｈ', ['10m', '1h']], // full-width, as a Chinese input method types them
    ['10m，1d', ['10m', '1d']],
    ['', []],
  ])('"%s" → %j', (text, steps) => {
    expect(parseSteps(text)).toEqual({ ok: true, value: steps });
  });

  it.each([
    ['1.5h', 'settings.error.stepFormat', { step: '1.5h' }],
    ['10', 'settings.error.stepFormat', { step: '10' }],
    ['10 m', 'settings.error.stepFormat', { step: '10' }],
    ['1m 10s', 'settings.error.stepFormat', { step: '10s' }],
    ['-1m', 'settings.error.stepFormat', { step: '-1m' }],
    ['0m', 'settings.error.stepRange', { step: '0m', max: 999 }],
    ['1000d', 'settings.error.stepRange', { step: '1000d', max: 999 }],
    ['1m '.repeat(11), 'settings.error.stepCount', { max: 10 }],
  ])('"%s" is refused', (text, key, params) => {
    expect(parseSteps(text)).toEqual({ ok: false, error: { key, params } });
  });
});

describe('numbers', () => {
  it('takes whole numbers within range only', () => {
    const range = { min: 0, max: 9999 };
    expect(parseInteger('0', range)).toEqual({ ok: true, value: 0 });
    expect(parseInteger(' 9999 ', range)).toEqual({ ok: true, value: 9999 });
    expect(parseInteger('２０', range)).toEqual({ ok: true, value: 20 });
    for (const bad of ['', '-1', '10000', '1.5', '1e3', 'ten', '0x10']) {
      expect(parseInteger(bad, range), bad).toEqual({
        ok: false,
        error: { key: 'settings.error.integer', params: range },
      });
    }
  });

  it('takes a retention from 0.70 to 0.99, to two decimals', () => {
    expect(parseRetention('0.9')).toEqual({ ok: true, value: 0.9 });
    expect(parseRetention('0.70')).toEqual({ ok: true, value: 0.7 });
    expect(parseRetention('.99')).toEqual({ ok: true, value: 0.99 });
    for (const bad of ['0.69', '1', '0.995', '', 'high']) {
      expect(parseRetention(bad).ok, bad).toBe(false);
    }
  });
});

describe('the whole form', () => {
  it('round-trips the saved settings', () => {
    expect(parseDraft(draftFrom(defaults()))).toEqual({
      ok: true,
      patch: {
        desiredRetention: 0.9,
        newCardsPerDay: 10,
        maxReviewsPerDay: 200,
        dayRolloverHour: 4,
        leechThreshold: 4,
        learningSteps: ['1m', '10m'],
        relearningSteps: ['10m'],
      },
    });
  });

  it('reports every invalid field and gives no patch', () => {
    const result = parseDraft({
      ...draftFrom(defaults()),
      newCardsPerDay: '-3',
      learningSteps: '1 minute',
      dayRolloverHour: '24',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual([
        'dayRolloverHour',
        'learningSteps',
        'newCardsPerDay',
      ]);
    }
  });

  it('is dirty only when a value really changes', () => {
    const settings = defaults();
    const draft = draftFrom(settings);
    expect(isDirty(draft, settings)).toBe(false);
    expect(isDirty({ ...draft, learningSteps: ' 1m   10m ' }, settings)).toBe(false);
    expect(isDirty({ ...draft, desiredRetention: '0.9' }, settings)).toBe(false);
    expect(isDirty({ ...draft, newCardsPerDay: '11' }, settings)).toBe(true);
  });
});
