// ts-fsrs, the largest piece of the scheduler, is not needed to show a question: only to preview
// the grades' intervals and to grade. It is fetched in parallel with the first screen (main.tsx
// starts the load at once) so that it never delays the first question, and is here long before
// anyone can read a question and press a grade. This module holds it once it has arrived; the
// app hands `currentEngine` and `onEngineLoaded` to the progress store (main.tsx), and screens
// reach the scheduler through the store, never through this module.
type Engine = typeof import('./rate.ts') & typeof import('./reschedule.ts');

/** What the app needs of the scheduler: grading, rescheduling and the grades' intervals. */
export type SchedulerEngine = Pick<
  Engine,
  'rateCard' | 'rescheduleForRetention' | 'previewIntervals'
>;

let engine: Engine | null = null;
let loading: Promise<Engine> | null = null;
const listeners = new Set<() => void>();

export function loadEngine(): Promise<Engine> {
  loading ??= Promise.all([import('./rate.ts'), import('./reschedule.ts')]).then(([rate, re]) => {
    const m: Engine = { ...rate, ...re };
    engine = m;
    for (const l of listeners) l();
    return m;
  });
  return loading;
}

/** The scheduler's rate/preview functions, or null while they are still on their way. */
export function currentEngine(): Engine | null {
  return engine;
}

export function onEngineLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
