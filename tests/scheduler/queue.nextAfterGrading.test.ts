// nextAfterGrading: the card the queue will offer next, named before the grade is recorded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardProgress, CardState } from '../../src/scheduler/progress.ts';
import { buildQueue, nextAfterGrading } from '../../src/scheduler/queue.ts';
import {
  card,
  DAY,
  entry,
  HOUR,
  input,
  MIN,
  NOW,
  range,
  SETTINGS,
  TOMORROW_START,
} from './fixtures.ts';

describe('nextAfterGrading', () => {
  const ids = ['l1', 'l2', 'r1', 'r2', 'n1', 'n2'];
  const progress = {
    l1: card('learning', NOW - 2 * MIN),
    l2: card('relearning', NOW - MIN),
    r1: card('review', NOW - DAY),
    r2: card('review', NOW - HOUR),
  };
  const q = buildQueue(input({ ids, progress }));
  const learnt = (due: number) => ({ state: 'learning' as const, due });
  const reviewed = (due: number) => ({ state: 'review' as const, due });

  it('is the card after the graded one, through learning, review and new cards', () => {
    expect(q.next).toBe('l1');
    expect(nextAfterGrading(q, NOW + 1000, learnt(NOW + 10 * MIN))).toBe('l2');
    const reviews = buildQueue(input({ ids: ['r1', 'r2', 'n1'], progress }));
    expect(nextAfterGrading(reviews, NOW, reviewed(NOW + 3 * DAY))).toBe('r2');
    const lastReview = buildQueue(input({ ids: ['r1', 'n1'], progress }));
    expect(nextAfterGrading(lastReview, NOW, reviewed(NOW + 3 * DAY))).toBe('n1');
  });

  it('cannot tell when the graded card is still on offer today, or nothing is left', () => {
    expect(nextAfterGrading(q, NOW + 1000, learnt(NOW + 1000))).toBeNull();
    expect(nextAfterGrading(q, NOW, reviewed(TOMORROW_START - 1))).toBeNull();
    expect(nextAfterGrading(q, NOW, reviewed(TOMORROW_START))).toBe('l2');
    const single = buildQueue(input({ ids: ['n1'] }));
    expect(nextAfterGrading(single, NOW, learnt(NOW + 10 * MIN))).toBeNull();
  });

  it('cannot tell once a learning card has come due, or the study day has ended', () => {
    const waiting = buildQueue(
      input({ ids: [...ids, 'l3'], progress: { ...progress, l3: card('learning', NOW + MIN) } }),
    );
    expect(waiting.learningDueAfterNow).toBe(NOW + MIN);
    expect(nextAfterGrading(waiting, NOW + MIN - 1, learnt(NOW + 10 * MIN))).toBe('l2');
    expect(nextAfterGrading(waiting, NOW + MIN, learnt(NOW + 10 * MIN))).toBeNull();
    expect(nextAfterGrading(q, TOMORROW_START, reviewed(TOMORROW_START + DAY))).toBeNull();
  });

  it('always names the card buildQueue offers once the grade is recorded', () => {
    const states: CardState[] = ['new', 'learning', 'review', 'relearning'];
    const deck = range(12, 'c');
    let told = 0;
    const arbitraryCard = fc.record({
      state: fc.constantFrom(...states),
      due: fc.integer({ min: NOW - 3 * DAY, max: NOW + 2 * DAY }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.option(arbitraryCard, { nil: undefined }), {
          minLength: deck.length,
          maxLength: deck.length,
        }),
        fc.array(
          fc.record({ card: fc.nat(11), state: fc.constantFrom(...states), ago: fc.nat(DAY) }),
        ),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 6 * HOUR }),
        fc.constantFrom(...states.slice(1)),
        fc.oneof(fc.integer({ min: -MIN, max: HOUR }), fc.integer({ min: -MIN, max: 3 * DAY })),
        (cards, reviews, newCardsPerDay, maxReviewsPerDay, later, gradedState, interval) => {
          const progress: Record<string, CardProgress> = {};
          cards.forEach((c, i) => {
            if (c) progress[deck[i]!] = card(c.state, c.due);
          });
          const log = reviews
            .map((r) => entry(deck[r.card]!, r.state, NOW - r.ago))
            .sort((a, b) => a.reviewedAt - b.reviewedAt);
          const settings = { ...SETTINGS, newCardsPerDay, maxReviewsPerDay };
          const before = buildQueue({ ids: deck, progress, log, now: NOW, settings });
          const graded = before.next;
          if (graded === null) return;
          const at = NOW + later;
          const after = buildQueue({
            ids: deck,
            progress: { ...progress, [graded]: card(gradedState, at + interval) },
            log: [...log, entry(graded, progress[graded]?.state ?? 'new', at)],
            now: at,
            settings,
          });
          const next = nextAfterGrading(before, at, { state: gradedState, due: at + interval });
          if (next === null) return;
          told++;
          expect(next).toBe(after.next);
        },
      ),
      { numRuns: 2000 },
    );
    // (and it does tell, often: the check above is not vacuous)
    expect(told).toBeGreaterThan(200);
  });
});
