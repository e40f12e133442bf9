// Times the progress store on a realistic collection (5,000 cards, 20,000 reviews: a year of
// heavy interview preparation): load, and one grade with its save. Not a test (timings vary by
// machine); run it with `npx tsx tests/support/storeTiming.ts`.
import { performance } from 'node:perf_hooks';
import { loadEngine } from '../../src/scheduler/engine.ts';
import { createProgressStore } from '../../src/store/localProgressStore.ts';
import { simulateStudy, T0 } from '../store/fixtures.ts';
import { MemoryStorage } from './memoryStorage.ts';

const engine = await loadEngine();
const state = simulateStudy({ cards: 5000, perDay: 55, days: 364 });
const storage = new MemoryStorage();
const writer = createProgressStore({ storage, now: () => T0, engine: () => engine });
writer.getState().applyMerged(state, []);
console.log(
  `${Object.keys(state.progress).length} cards, ${state.log.length} reviews, ${storage.used} characters stored`,
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const loads: number[] = [];
const grades: number[] = [];
for (let run = 0; run < 15; run++) {
  let t = performance.now();
  const store = createProgressStore({ storage, now: () => T0 + run, engine: () => engine });
  loads.push(performance.now() - t);
  const id = Object.keys(state.progress)[run * 97]!;
  t = performance.now();
  store.getState().rate(id, 'good', T0 + run * 1000);
  grades.push(performance.now() - t);
}
console.log(`load: median ${median(loads).toFixed(1)} ms, max ${Math.max(...loads).toFixed(1)} ms`);
console.log(
  `first grade + save of a session: median ${median(grades).toFixed(2)} ms, max ${Math.max(...grades).toFixed(2)} ms`,
);

// A session of 400 grades, each saved: the figure that decides whether a grade fits in a frame.
const session = createProgressStore({ storage, now: () => T0, engine: () => engine });
const ids = Object.keys(state.progress);
const start = performance.now();
for (let i = 0; i < 400; i++) {
  session.getState().rate(ids[(i * 97) % ids.length]!, 'good', T0 + 60_000 + i * 1000);
}
console.log(`grade + save in a session: mean ${((performance.now() - start) / 400).toFixed(2)} ms`);
