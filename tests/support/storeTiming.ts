// Times the progress store on a realistic collection (5,000 cards, 20,000 reviews: a year of
// heavy interview preparation): load, and one grade with its save. Not a test (timings vary by
// machine); run it with `npx tsx tests/support/storeTiming.ts`.
import { performance } from 'node:perf_hooks';
import { loadEngine } from '../../src/scheduler/engine.ts';
import { createProgressStore } from '../../src/store/progressStore.ts';
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
  `grade + save: median ${median(grades).toFixed(2)} ms, max ${Math.max(...grades).toFixed(2)} ms`,
);
