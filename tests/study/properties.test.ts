// Stored and imported logs can hold anything the types allow: these hold for all of it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardProgress } from '../../src/scheduler/progress.ts';
import { reviewHeatmap, timeSpentPerDay } from '../../src/study/activity.ts';
import { calibration } from '../../src/study/calibration.ts';
import { planInterviews } from '../../src/study/plan.ts';
import { weeklyRetention } from '../../src/study/stats.ts';
import type { StudyLogEntry } from '../../src/study/types.ts';
import { rankWeak } from '../../src/study/weak.ts';
import { DAY, NOW, progress } from './helpers.ts';

const ID = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const entryArb: fc.Arbitrary<StudyLogEntry> = fc.record(
  {
    cardId: ID,
    grade: fc.constantFrom('again', 'hard', 'good', 'easy'),
    reviewedAt: fc.integer({ min: NOW - 400 * DAY, max: NOW + 3 * DAY }),
    state: fc.constantFrom('new', 'learning', 'review', 'relearning'),
    stability: fc.option(fc.double({ min: -1, max: 400, noNaN: false })),
    difficulty: fc.option(fc.double({ min: 0, max: 11 })),
    scheduledDays: fc.integer({ min: 0, max: 400 }),
    elapsedDays: fc.integer({ min: 0, max: 400 }),
    kind: fc.constantFrom('review', 'practice'),
    answerMs: fc.option(fc.double({ min: -1000, max: 200_000, noNaN: false })),
  },
  {
    requiredKeys: [
      'cardId',
      'grade',
      'reviewedAt',
      'state',
      'stability',
      'difficulty',
      'scheduledDays',
      'elapsedDays',
    ],
  },
);
const logArb = fc.array(entryArb, { maxLength: 60 });
const progressArb: fc.Arbitrary<Record<string, CardProgress>> = fc.dictionary(
  ID,
  fc
    .record({
      state: fc.constantFrom('new', 'learning', 'review', 'relearning'),
      stability: fc.double({ min: 0, max: 500, noNaN: true }),
      difficulty: fc.double({ min: 0, max: 11, noNaN: true }),
      lapses: fc.nat(10),
      ago: fc.option(fc.integer({ min: -2 * DAY, max: 200 * DAY })),
    })
    .map(({ ago, ...rest }) => progress({ ...rest, lastReview: ago === null ? null : NOW - ago })),
);

describe('study functions over arbitrary data', () => {
  it('heatmap, time, retention and calibration count what they were given, nothing else', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        const h = reviewHeatmap(log, { now: NOW, rolloverHour: 4 });
        const total = h.reviews.reduce((a, b) => a + b, 0) + h.practice.reduce((a, b) => a + b, 0);
        expect(total).toBeLessThanOrEqual(log.length);
        expect(h.longestStreak).toBeGreaterThanOrEqual(h.currentStreak);
        const t = timeSpentPerDay(log, { now: NOW, rolloverHour: 4, days: 365 });
        expect(t.timed.reduce((a, b) => a + b, 0) + t.untimed.reduce((a, b) => a + b, 0)).toBe(
          total,
        );
        for (const ms of t.knownMs) expect(Number.isFinite(ms)).toBe(true);
        for (const w of weeklyRetention(log, { rolloverHour: 4 })) {
          expect(w.young.passed).toBeLessThanOrEqual(w.young.reviews);
          expect(w.mature.passed).toBeLessThanOrEqual(w.mature.reviews);
        }
        const c = calibration(log);
        expect(c.bins.reduce((a, b) => a + b.count, 0)).toBe(c.count);
        if (c.rmse !== null) expect(c.rmse).toBeGreaterThanOrEqual(0);
        if (c.rmse !== null) expect(c.rmse).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });

  it('weak ranking: finite scores, weakest first', () => {
    fc.assert(
      fc.property(progressArb, logArb, (p, log) => {
        const r = rankWeak(p, log, {}, { now: NOW, rolloverHour: 4 });
        for (const c of r) expect(Number.isFinite(c.score) && c.score >= 0).toBe(true);
        for (let i = 1; i < r.length; i++)
          expect(r[i - 1]!.score).toBeGreaterThanOrEqual(r[i]!.score);
      }),
      { numRuns: 150 },
    );
  });

  it('plan: within the limit and windows, every card once, reviews only help', () => {
    fc.assert(
      fc.property(
        progressArb,
        fc.array(
          fc.record({
            days: fc.integer({ min: -2, max: 40 }),
            cards: fc.subarray(['a', 'b', 'c', 'd', 'e', 'f']),
          }),
          { maxLength: 3 },
        ),
        fc.integer({ min: 0, max: 3 }),
        (p, specs, limit) => {
          const interviews = specs.map((s, i) => ({
            id: `i${i}`,
            at: NOW + s.days * DAY + 1000,
            cardIds: s.cards,
          }));
          const plan = planInterviews(
            interviews,
            p,
            {},
            {
              now: NOW,
              rolloverHour: 4,
              dailyLimit: limit,
              learningSteps: ['1m', '10m'],
            },
          );
          for (const d of plan.days) expect(d.cardIds.length).toBeLessThanOrEqual(limit);
          const ids = [...plan.planned, ...plan.unplaced].map((x) => x.cardId);
          expect(new Set(ids).size).toBe(ids.length);
          for (const r of plan.planned) {
            expect(r.day).toBeGreaterThanOrEqual(r.earliestDay);
            expect(r.day).toBeLessThanOrEqual(r.latestDay);
            expect(r.reachesTarget || r.day === r.latestDay).toBe(true);
          }
          for (const o of plan.interviews) {
            if (o.readiness === null) continue;
            expect(o.readinessIfFollowed!).toBeGreaterThanOrEqual(o.readiness - 1e-12);
            expect(o.readinessIfAllDone!).toBeGreaterThanOrEqual(o.readinessIfFollowed! - 1e-12);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
