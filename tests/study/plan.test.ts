import { describe, expect, it } from 'vitest';
import { MAX_TIME } from '../../src/store/decoding.ts';
import {
  PLAN_HORIZON_DAYS,
  newCardLeadDays,
  planInterviews,
  type PlanOptions,
} from '../../src/study/plan.ts';
import { readinessAt } from '../../src/study/readiness.ts';
import { DAY, HOUR, NOW, progress } from './helpers.ts';

// Today is study day Fri 27 Nov 2026 (index TODAY). R(t, S) = (1 + 0.98034649·t/S)^−0.1542.
// A new card answered Good through the default steps (1m, 10m) has S = w2 = 2.3065:
// R(1) = 0.9468475, R(2) = 0.90949326, R(3) = 0.88094796, so with target 0.9 it must be met
// at most 2 study days before the interview's day; a new card needs 1 day of lead.
const TODAY = Date.UTC(2026, 10, 27) / DAY;
const OPTIONS: PlanOptions = {
  now: NOW,
  rolloverHour: 4,
  dailyLimit: 10,
  learningSteps: ['1m', '10m'],
};
/** 10:00 local, `days` calendar days after today. */
const at = (days: number): number => NOW + days * DAY + HOUR;
const NEW_R1 = 0.9468475;
const NEW_R2 = 0.90949326;

describe('readinessAt', () => {
  it('averages recall at the time, never-seen cards as 0, and lists the cards below target', () => {
    const p = {
      a: progress({ stability: 2, lastReview: NOW - 2 * DAY }),
      b: progress({ stability: 100 }),
    };
    // a: R(3, 2) = 0.86982531; b: R(2, 100) = 0.99701035; c never seen: 0.
    const r = readinessAt(['a', 'b', 'c', 'a'], p, { at: at(1), rolloverHour: 4 });
    expect(r.cards).toBe(3);
    expect(r.readiness).toBeCloseTo((0.86982531 + 0.99701035) / 3, 12);
    expect(r.below).toEqual([
      { cardId: 'c', recall: 0 },
      { cardId: 'a', recall: 0.86982531 },
    ]);
    expect(readinessAt([], p, { at: at(1), rolloverHour: 4 }).readiness).toBeNull();
  });
});

describe('planInterviews', () => {
  it('one day left: everything today; a safe card is left alone', () => {
    const p = {
      safe: progress({ stability: 100, lastReview: NOW - DAY }), // R(2, 100) = 0.99701035
      weak: progress({ stability: 2, difficulty: 5, lastReview: NOW - 2 * DAY }), // R(3, 2) = 0.86982531
    };
    const plan = planInterviews(
      [{ id: 'i', at: at(1), cardIds: ['safe', 'weak', 'new'] }],
      p,
      {},
      OPTIONS,
    );
    expect(plan.days).toEqual([{ day: TODAY, cardIds: ['new', 'weak'] }]);
    // weak reviewed today, 2 days after its last review: S' = 7.76007869, R(1, S') = 0.98182263.
    expect(plan.planned).toEqual([
      {
        cardId: 'new',
        interviewId: 'i',
        deadline: at(1),
        isNew: true,
        earliestDay: TODAY,
        latestDay: TODAY,
        recallWithout: 0,
        recallWith: NEW_R1,
        reachesTarget: true,
        day: TODAY,
      },
      {
        cardId: 'weak',
        interviewId: 'i',
        deadline: at(1),
        isNew: false,
        earliestDay: TODAY,
        latestDay: TODAY,
        recallWithout: 0.86982531,
        recallWith: 0.98182263,
        reachesTarget: true,
        day: TODAY,
      },
    ]);
    expect(plan.unplaced).toEqual([]);
    const [outlook] = plan.interviews;
    expect(outlook).toMatchObject({ id: 'i', cards: 3, belowTarget: 2 });
    expect(outlook!.readiness).toBeCloseTo((0.99701035 + 0.86982531 + 0) / 3, 12);
    expect(outlook!.readinessIfFollowed).toBeCloseTo((0.99701035 + 0.98182263 + NEW_R1) / 3, 12);
    expect(outlook!.readinessIfAllDone).toBe(outlook!.readinessIfFollowed);
  });

  it('a target out of reach is still planned, flagged', () => {
    const plan = planInterviews(
      [{ id: 'i', at: at(1), cardIds: ['n'] }],
      {},
      {},
      { ...OPTIONS, target: 0.99 },
    );
    expect(plan.planned).toMatchObject([
      { cardId: 'n', day: TODAY, recallWith: NEW_R1, reachesTarget: false },
    ]);
  });

  it('cards already safe: no work, readiness unchanged', () => {
    const p = { s: progress({ stability: 100, lastReview: NOW }) };
    const plan = planInterviews([{ id: 'i', at: at(5), cardIds: ['s'] }], p, {}, OPTIONS);
    expect(plan.planned).toEqual([]);
    expect(plan.days.map((d) => d.cardIds.length)).toEqual([0, 0, 0, 0, 0]); // today … eve
    expect(plan.interviews[0]!.readinessIfFollowed).toBe(plan.interviews[0]!.readiness);
  });

  it('thirty days left: each card as late as its window allows', () => {
    // mid: S 10 reviewed today; R(30, 10) = 0.8093881 at the interview. A Good review k days
    // from now gives S' and R(30 − k, S'): k = 5: S' 22.92869563, R 0.89394894 (short);
    // k = 6: S' 24.97625809, R 0.90271577. So its window is [today + 6, today + 29].
    const p = { mid: progress({ stability: 10, difficulty: 5, lastReview: NOW - HOUR }) };
    const plan = planInterviews([{ id: 'i', at: at(30), cardIds: ['mid', 'n'] }], p, {}, OPTIONS);
    expect(plan.days).toHaveLength(30);
    expect(
      plan.planned.map((r) => [
        r.cardId,
        r.earliestDay - TODAY,
        r.latestDay - TODAY,
        r.day - TODAY,
      ]),
    ).toEqual([
      ['mid', 6, 29, 29],
      ['n', 28, 29, 29],
    ]);
    expect(plan.planned[0]!.recallWith).toBe(0.9971663); // k = 29: S' 52.78277032, R(1, S')
  });

  it('more work than the limit: packed backward, the rest returned with the reachable readiness', () => {
    const ids = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'];
    // Monday 30th is day +3; new cards fit on day +1 (R(2)) or day +2 (R(1)), two a day.
    const plan = planInterviews(
      [{ id: 'i', at: at(3), cardIds: ids }],
      {},
      {},
      { ...OPTIONS, dailyLimit: 2 },
    );
    expect(plan.days).toEqual([
      { day: TODAY, cardIds: [] },
      { day: TODAY + 1, cardIds: ['n2', 'n3'] },
      { day: TODAY + 2, cardIds: ['n0', 'n1'] },
    ]);
    expect(plan.unplaced.map((u) => u.cardId)).toEqual(['n4', 'n5', 'n6', 'n7']);
    expect(plan.unplaced[0]).toMatchObject({
      earliestDay: TODAY + 1,
      latestDay: TODAY + 2,
      recallWith: NEW_R1,
    });
    const o = plan.interviews[0]!;
    expect(o.readiness).toBe(0);
    expect(o.readinessIfFollowed).toBeCloseTo((2 * NEW_R1 + 2 * NEW_R2) / 8, 12); // 0.46408519
    expect(o.readinessIfAllDone).toBeCloseTo(NEW_R1, 12);
  });

  it('two interviews share one plan; each card due for the first one it is short for', () => {
    // I1 Mon 30th (day +3): x, y, w. I2 Mon 7 Dec (day +10): y, z, w.
    // w: S 5 reviewed yesterday: R(4, 5) = 0.91458592 at I1 (safe), R(11, 5) = 0.83756188 at I2.
    // Reviewed k days from now (k + 1 since its last): k = 0 gives R 0.88642106 at I2,
    // k = 1 gives 0.91332838, so its window is [+1, +9]; at +9, R(1, 24.4728247) = 0.99396179.
    const p = { w: progress({ stability: 5, difficulty: 5, lastReview: NOW - DAY }) };
    const interviews = [
      { id: 'I2', at: at(10), cardIds: ['y', 'z', 'w'] },
      { id: 'I1', at: at(3), cardIds: ['x', 'y', 'w'] },
    ];
    const plan = planInterviews(interviews, p, {}, OPTIONS);
    expect(
      plan.planned.map((r) => [r.cardId, r.interviewId, r.earliestDay - TODAY, r.day - TODAY]),
    ).toEqual([
      ['x', 'I1', 1, 2],
      ['y', 'I1', 1, 2],
      ['w', 'I2', 1, 9],
      ['z', 'I2', 8, 9],
    ]);
    expect(plan.days).toHaveLength(10);
    const [o1, o2] = plan.interviews;
    expect(o1!.id).toBe('I1');
    // I1: x and y learnt on day +2 (R(1)); w's review on day +9 is after I1: it stays 0.91458592.
    expect(o1!.readiness).toBeCloseTo(0.91458592 / 3, 12);
    expect(o1!.readinessIfFollowed).toBeCloseTo((2 * NEW_R1 + 0.91458592) / 3, 12);
    // I2: y learnt on day +2 is R(8, 2.3065) = 0.79574728 there; z R(1); w 0.99396179.
    expect(o2!.readiness).toBeCloseTo(0.83756188 / 3, 12);
    expect(o2!.readinessIfFollowed).toBeCloseTo((0.79574728 + NEW_R1 + 0.99396179) / 3, 12);
  });

  it('after the dates pass the plan is empty; an interview later today is planned for today', () => {
    const empty = { firstDay: TODAY, days: [], planned: [], unplaced: [], interviews: [] };
    expect(planInterviews([{ id: 'i', at: NOW - HOUR, cardIds: ['n'] }], {}, {}, OPTIONS)).toEqual(
      empty,
    );
    expect(planInterviews([{ id: 'i', at: NOW, cardIds: ['n'] }], {}, {}, OPTIONS)).toEqual(empty);
    const later = planInterviews(
      [{ id: 'i', at: at(3), cardIds: ['n'] }],
      {},
      {},
      { ...OPTIONS, now: NOW + 4 * DAY },
    );
    expect(later).toEqual({ ...empty, firstDay: TODAY + 4 });
    // Two hours from now: nothing earlier is left; within the study day R counts as 1.
    const today = planInterviews(
      [{ id: 'i', at: NOW + 2 * HOUR, cardIds: ['n'] }],
      {},
      {},
      OPTIONS,
    );
    expect(today.planned).toMatchObject([{ cardId: 'n', day: TODAY, recallWith: 1 }]);
  });

  it('leaves suspended cards out of the plan but not out of readiness', () => {
    const plan = planInterviews(
      [{ id: 'i', at: at(3), cardIds: ['a', 'b'] }],
      {},
      { b: { suspended: true } },
      OPTIONS,
    );
    expect(plan.planned.map((r) => r.cardId)).toEqual(['a']);
    expect(plan.interviews[0]!.cards).toBe(2);
    expect(plan.interviews[0]!.readinessIfFollowed).toBeCloseTo(NEW_R1 / 2, 12);
  });
});

describe('the plan horizon', () => {
  it('places reviews only within PLAN_HORIZON_DAYS, for any date storage holds', () => {
    expect(PLAN_HORIZON_DAYS).toBe(365);
    const p = { a: progress({ stability: 100 }) };
    const far = MAX_TIME; // 08:00 local on 31 Dec 9999, the last time storage holds
    const plan = planInterviews([{ id: 'i', at: far, cardIds: ['n', 'a'] }], p, {}, OPTIONS);
    // Every day up to the horizon, none planned: the windows open later, for a later plan.
    expect(plan.days).toHaveLength(PLAN_HORIZON_DAYS + 1);
    expect(plan.days.at(-1)).toEqual({ day: TODAY + PLAN_HORIZON_DAYS, cardIds: [] });
    expect(plan.planned).toEqual([]);
    expect(plan.unplaced).toEqual([]);
    const [o] = plan.interviews;
    expect(o!.day).toBe(Date.UTC(9999, 11, 31) / DAY);
    expect(o!.readinessIfFollowed).toBe(o!.readiness);
    expect(o!.readinessIfAllDone).toBeGreaterThan(o!.readiness!);
  });

  it('plans a new card on its interview’s eve inside the horizon, and leaves it past it', () => {
    const within = planInterviews([{ id: 'i', at: at(300), cardIds: ['n'] }], {}, {}, OPTIONS);
    expect(within.planned).toMatchObject([{ cardId: 'n', day: TODAY + 299 }]);
    expect(within.days).toHaveLength(300);
    const past = planInterviews([{ id: 'i', at: at(400), cardIds: ['n'] }], {}, {}, OPTIONS);
    expect(past.planned).toEqual([]);
    expect(past.unplaced).toEqual([]);
    expect(past.days).toHaveLength(PLAN_HORIZON_DAYS + 1);
    expect(past.interviews[0]!.day).toBe(TODAY + 400);
  });
});

describe('newCardLeadDays', () => {
  it('is 1 plus the whole days of learning steps', () => {
    expect(newCardLeadDays(['1m', '10m'])).toBe(1);
    expect(newCardLeadDays([])).toBe(1);
    expect(newCardLeadDays(['1m', '10m', '1d'])).toBe(2);
    expect(newCardLeadDays(['12h', '12h', '2d'])).toBe(4);
  });
});
