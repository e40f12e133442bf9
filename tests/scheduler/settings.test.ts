import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/scheduler/settings.ts';

describe('DEFAULT_SETTINGS', () => {
  it('has the documented defaults and is frozen', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      desiredRetention: 0.9,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      enableFuzz: true,
      maximumIntervalDays: 36500,
      dayRolloverHour: 4,
      newCardsPerDay: 10,
      maxReviewsPerDay: 200,
      leechThreshold: 4,
      readinessTarget: 0.9,
      planDailyLimit: 30,
    });
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });
});
