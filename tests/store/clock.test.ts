import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CardProgressSchema, LogEntrySchema } from '../../src/store/codec.ts';
import { initialPersistedState } from '../../src/store/persisted.ts';
import { buildExport, mergeImport, parseImport } from '../../src/store/transfer.ts';
import type { PersistedState } from '../../src/store/persisted.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { DAY, MIN, T0, openStore } from './fixtures.ts';

/** Every number finite, nothing negative, and the log in time order. */
function expectSane(s: PersistedState) {
  for (const p of Object.values(s.progress)) {
    expect(v.is(CardProgressSchema, p), JSON.stringify(p)).toBe(true);
    expect(p.due).toBeGreaterThanOrEqual(p.lastReview ?? 0);
  }
  for (const e of s.log) {
    expect(v.is(LogEntrySchema, e), JSON.stringify(e)).toBe(true);
    expect(e.scheduledDays).toBeGreaterThanOrEqual(0);
    expect(e.elapsedDays).toBeGreaterThanOrEqual(0);
  }
  for (let i = 1; i < s.log.length; i++) {
    expect(s.log[i]!.reviewedAt).toBeGreaterThanOrEqual(s.log[i - 1]!.reviewedAt);
  }
  for (const r of Object.values(s.revs)) expect(Number.isFinite(r)).toBe(true);
}

describe('clock going backwards', () => {
  it('keeps both reviews when a card is graded, then graded again a day "earlier"', () => {
    const storage = new MemoryStorage();
    let clock = T0;
    const tab = openStore(storage, () => clock);
    tab.state().rate('rnn/a', 'good', T0);
    tab.state().rate('rnn/a', 'good', T0 + 10 * MIN); // graduates to review
    clock = T0 - DAY; // the device clock jumps back a day
    expect(() => tab.state().rate('rnn/a', 'again', T0 - DAY)).not.toThrow();
    expect(() => tab.state().rate('rnn/a', 'good', T0 - DAY + MIN)).not.toThrow();

    const s = tab.state();
    expectSane(s);
    expect(s.log.map((e) => e.grade)).toEqual(['good', 'good', 'again', 'good']);
    expect(s.progress['rnn/a']!.reps).toBe(4);
    expect(s.progress['rnn/a']!.lapses).toBe(1);
    // Reviews made "in the past" are recorded no earlier than the card's last review.
    expect(s.log[2]!.reviewedAt).toBeGreaterThan(T0 + 10 * MIN - 1);
    expect(s.log[2]!.elapsedDays).toBe(0);

    const reloaded = openStore(storage, () => clock).state();
    expectSane(reloaded);
    expect(reloaded.log).toEqual(s.log);
    expect(reloaded.progress).toEqual(s.progress);
  });

  it('keeps the order and every review when other cards are graded during the jump', () => {
    const storage = new MemoryStorage();
    let clock = T0;
    const tab = openStore(storage, () => clock);
    tab.state().rate('rnn/a', 'good', T0);
    tab.state().rate('rnn/b', 'good', T0 + MIN);
    clock = T0 - 3 * DAY;
    tab.state().rate('rnn/c', 'hard', T0 - 3 * DAY); // a new card: recorded when it happened
    tab.state().rate('rnn/a', 'again', T0 - 3 * DAY + MIN);
    const s = tab.state();
    expectSane(s);
    // a's second review goes right after its first; c, new, is recorded when it happened.
    expect(s.log.map((e) => [e.cardId, e.reviewedAt])).toEqual([
      ['rnn/c', T0 - 3 * DAY],
      ['rnn/a', T0],
      ['rnn/a', T0 + 1],
      ['rnn/b', T0 + MIN],
    ]);
    const reloaded = openStore(storage, () => clock).state();
    expect(reloaded.log).toEqual(s.log);
    expect(reloaded.progress).toEqual(s.progress);
  });

  it('orders two cards graded in the same millisecond by card, before and after a reload', () => {
    const storage = new MemoryStorage();
    const tab = openStore(storage);
    tab.state().rate('rnn/c', 'again', T0 + 13);
    tab.state().rate('rnn/a', 'again', T0 + 13);
    expect(tab.state().log.map((e) => e.cardId)).toEqual(['rnn/a', 'rnn/c']);
    expect(openStore(storage).state().log).toEqual(tab.state().log);
  });

  it('keeps a review graded again in the same millisecond after an undo', () => {
    const storage = new MemoryStorage();
    const tab = openStore(storage);
    tab.state().rate('rnn/a', 'good', T0);
    tab.state().rate('rnn/a', 'again', T0 + MIN);
    tab.state().undo();
    tab.state().rate('rnn/a', 'hard', T0 + MIN); // same instant as the undone grade
    expect(tab.state().log.map((e) => e.grade)).toEqual(['good', 'hard']);
    const reloaded = openStore(storage).state();
    expect(reloaded.log.map((e) => e.grade)).toEqual(['good', 'hard']);
    expect(reloaded.progress).toEqual(tab.state().progress);
  });

  it('keeps the reset and later reviews when the clock goes back after a reset', () => {
    const storage = new MemoryStorage();
    let clock = T0;
    const tab = openStore(storage, () => clock);
    tab.state().rate('rnn/a', 'good', T0);
    tab.state().resetProgress();
    clock = T0 - DAY;
    tab.state().rate('rnn/a', 'good', T0 - DAY);
    const s = tab.state();
    expectSane(s);
    expect(s.log).toHaveLength(1);
    // Anything before the reset is dropped on load: a review must not be dated before it.
    expect(s.log[0]!.reviewedAt).toBeGreaterThanOrEqual(s.resetAt);
    const reloaded = openStore(storage, () => clock).state();
    expect(reloaded.log).toEqual(s.log);
    expect(reloaded.progress).toEqual(s.progress);
  });
});

describe('reviews dated in the future', () => {
  it('keeps an imported future review, and grading afterwards gives nothing negative', () => {
    const storage = new MemoryStorage();
    const tab = openStore(storage);
    tab.state().rate('rnn/a', 'good', T0 - 2 * DAY);
    const future = T0 + 30 * DAY;
    // Another device whose clock ran a month ahead.
    const file = buildExport(
      {
        ...initialPersistedState(),
        progress: {
          'rnn/a': {
            due: future + 5 * DAY,
            stability: 5,
            difficulty: 5,
            scheduledDays: 5,
            learningSteps: 0,
            reps: 6,
            lapses: 0,
            state: 'review',
            lastReview: future,
          },
        },
        log: [
          {
            cardId: 'rnn/a',
            grade: 'good',
            reviewedAt: future,
            state: 'review',
            stability: 5,
            difficulty: 5,
            scheduledDays: 5,
            elapsedDays: 3,
            kind: 'review' as const,
            answerMs: null,
          },
          {
            cardId: 'rnn/b',
            grade: 'easy',
            reviewedAt: future + MIN,
            state: 'new',
            stability: 8,
            difficulty: 3,
            scheduledDays: 8,
            elapsedDays: 0,
            kind: 'review' as const,
            answerMs: null,
          },
        ],
      },
      future,
    );
    const parsed = parseImport(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    const merged = mergeImport(
      tab.store.persistedState(),
      parsed.data,
      new Set(['rnn/a', 'rnn/b']),
    );
    expect(merged.preview).toMatchObject({ cardsReplaced: 1, reviewsAdded: 2 });
    tab.state().applyMerged(merged.state, merged.changedIds);

    tab.state().rate('rnn/a', 'again', T0);
    tab.state().rate('rnn/b', 'good', T0); // no progress here: a new card
    tab.state().rate('rnn/a', 'good', T0 + 10 * MIN);
    const s = tab.state();
    expectSane(s);
    expect(s.log.filter((e) => e.reviewedAt >= future)).toHaveLength(4);
    expect(s.log.map((e) => [e.cardId, e.grade])).toEqual([
      ['rnn/a', 'good'],
      ['rnn/b', 'good'],
      ['rnn/a', 'good'],
      ['rnn/a', 'again'],
      ['rnn/a', 'good'],
      ['rnn/b', 'easy'],
    ]);
    expect(s.progress['rnn/a']!.reps).toBe(8);
    const reloaded = openStore(storage).state();
    expectSane(reloaded);
    expect(reloaded.log).toEqual(s.log);
    expect(reloaded.progress).toEqual(s.progress);
  });
});
