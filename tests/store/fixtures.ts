// Shared builders for the storage tests: a seeded random source, realistic card ids, a simulated
// year of study through the real scheduler, and a store opened on an in-memory Storage.
import { currentEngine } from '../../src/scheduler/engine.ts';
import { hash53 } from '../../src/deck/hash.ts';
import {
  newProgress,
  type CardProgress,
  type Grade,
  type ReviewLogEntry,
} from '../../src/scheduler/progress.ts';
import { rateCard } from '../../src/scheduler/rate.ts';
import { DEFAULT_SETTINGS } from '../../src/scheduler/settings.ts';
import {
  initialPersistedState,
  roundForLog,
  type PersistedState,
} from '../../src/store/persisted.ts';
import { createProgressStore } from '../../src/store/localProgressStore.ts';
import type { StorageProblem } from '../../src/store/repository.ts';
import type { MemoryStorage } from '../support/memoryStorage.ts';

/** 10:00 on 27 November 2026 in Asia/Shanghai, the test time zone. */
export const T0 = Date.UTC(2026, 10, 27, 2, 0);
export const MIN = 60_000;
export const DAY = 24 * 60 * MIN;

/** mulberry32: a small seeded PRNG, so every "random" year is the same year. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DECKS = ['rnn', 'lstm', 'gru', 'seq2seq'];

/** Ids shaped as the parser makes them: `<deck>/<11-character hash of the question>`. */
export function cardIds(n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) => `${DECKS[i % DECKS.length]!}/${hash53(`question ${i}`)}`,
  );
}

function pickGrade(rnd: () => number, learning: boolean): Grade {
  const r = rnd();
  // New and learning cards are forgotten a little more often than review cards.
  const again = learning ? 0.15 : 0.1;
  if (r < again) return 'again';
  if (r < again + 0.12) return 'hard';
  if (r < 0.9) return 'good';
  return 'easy';
}

/**
 * A year (or `days`) of study as the store would have recorded it: each day a session starting
 * between 09:00 and 11:00 local time, `perDay` reviews 5–25 s apart, always the card due
 * soonest first (learning steps come back within the session), new cards when nothing is due.
 */
export function simulateStudy(options: {
  cards: number;
  perDay: number;
  days: number;
  end?: number;
  seed?: number;
}): PersistedState {
  const rnd = random(options.seed ?? 1);
  const ids = cardIds(options.cards);
  const progress: Record<string, CardProgress> = {};
  const revs: Record<string, number> = {};
  const log: ReviewLogEntry[] = [];
  // Introduced cards by due time (a binary min-heap of [due, id]).
  const heap: [number, string][] = [];
  const push = (item: [number, string]) => {
    heap.push(item);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (heap[parent]![0] <= heap[i]![0]) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  };
  const pop = (): [number, string] => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l]![0] < heap[m]![0]) m = l;
        if (r < heap.length && heap[r]![0] < heap[m]![0]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i]!, heap[m]!];
        i = m;
      }
    }
    return top;
  };
  let nextNew = 0;
  const firstDay = (options.end ?? T0) - options.days * DAY;
  for (let d = 0; d < options.days; d++) {
    // 01:00 UTC is 09:00 in Asia/Shanghai.
    const midnight = firstDay + d * DAY - ((firstDay + d * DAY) % DAY);
    let t = midnight + 60 * MIN + Math.floor(rnd() * 2 * 60 * MIN);
    for (let k = 0; k < options.perDay; k++) {
      let id: string;
      const soonest = heap[0];
      if ((soonest === undefined || soonest[0] > t) && nextNew < ids.length) id = ids[nextNew++]!;
      else id = pop()[1];
      const before = progress[id] ?? newProgress(t);
      const grade = pickGrade(rnd, before.state !== 'review');
      const r = rateCard(id, before, grade, t, DEFAULT_SETTINGS);
      progress[id] = r.progress;
      push([r.progress.due, id]);
      revs[id] = t;
      log.push({
        ...r.log,
        stability: roundForLog(r.log.stability),
        difficulty: roundForLog(r.log.difficulty),
      });
      t += 5_000 + Math.floor(rnd() * 20_000);
    }
  }
  return { ...initialPersistedState(), progress, revs, log };
}

export function openStore(storage: MemoryStorage, now: () => number = () => T0) {
  const problems: StorageProblem[][] = [];
  const store = createProgressStore({
    engine: currentEngine,
    storage,
    now,
    onProblems: (p) => problems.push(p),
  });
  return { store, state: () => ({ ...store.getState(), ...store.persistedState() }), problems };
}
