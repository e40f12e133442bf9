// Timing figures, each from cold runs (a fresh browser context: empty cache and storage) with the
// CPU slowed down 4× through the DevTools protocol:
//   first question   navigation start → the question painted;
//   reveal           click on "Show answer" → the answer painted;
//   grade            click on "Good" → the next question painted, with the localStorage
//                    characters that grade wrote.
// "Painted" is measured twice by probe.js: by Element Timing (the browser's paint time) and by a
// frame probe (a fallback, which a long task after the frame can make late).
// The clicks are dispatched inside the page once it has settled (network idle, main thread idle),
// so the figures hold the page's own work, not the harness's round trips.
import type { Browser } from 'playwright-core';
import { fillStorage, openPage, settle, type Painted, type ProbeWindow } from './browser.ts';

export const CPU_SLOWDOWN = 4;

export interface RunResult {
  firstQuestion: Painted;
  /** The browser's First Contentful Paint. */
  fcp: number | null;
  /** The browser's Largest Contentful Paint (its last candidate before the first click). */
  lcp: number | null;
  lcpElement: string | null;
  /** Main thread blocked (long tasks beyond 50 ms) from the first question's paint to settled. */
  blocking: number | null;
  reveal: Painted;
  grade: Painted;
  /** Click → the grade's last localStorage write; null for a page that saves nothing. */
  gradeSaved: number | null;
  gradeChars: number;
  gradeKeys: number;
}

export interface RunOptions {
  /** localStorage items to put in place before the page is opened. */
  storage?: readonly [string, string][];
}

/** One cold run of `url`. */
export async function coldRun(
  browser: Browser,
  url: string,
  options: RunOptions = {},
): Promise<RunResult> {
  const { page, close } = await openPage(browser, { cpuSlowdown: CPU_SLOWDOWN });
  try {
    if (options.storage) await fillStorage(page, url, options.storage);
    await page.goto(url, { waitUntil: 'commit' });
    const first = await page.evaluate(() =>
      (window as unknown as ProbeWindow).__bench.firstQuestion(),
    );
    await settle(page);
    const since = first.paint ?? first.frame;
    const paints = await page.evaluate(
      (t) => (window as unknown as ProbeWindow).__bench.paints(t),
      since,
    );
    const reveal = await page.evaluate(() => (window as unknown as ProbeWindow).__bench.reveal());
    await settle(page);
    const grade = await page.evaluate(() =>
      (window as unknown as ProbeWindow).__bench.grade('Good'),
    );
    return {
      firstQuestion: first,
      fcp: paints.fcp,
      lcp: paints.lcp,
      lcpElement: paints.lcpElement,
      blocking: paints.blocking,
      reveal,
      grade: { paint: grade.paint, frame: grade.frame },
      gradeSaved: grade.saved,
      gradeChars: grade.chars,
      gradeKeys: grade.keys.length,
    };
  } finally {
    await close();
  }
}

export interface Series {
  values: number[];
  median: number;
  min: number;
  max: number;
}

export function series(values: readonly number[]): Series {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length === 0
      ? NaN
      : sorted.length % 2
        ? sorted[mid]!
        : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { values: [...values], median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}

/** One figure over the runs: by paint timing (null unless every run had it), by frame probe. */
export interface Figure {
  paint: Series | null;
  frame: Series;
}

export interface Timings {
  runs: number;
  firstQuestion: Figure;
  reveal: Figure;
  grade: Figure;
  fcp: Series | null;
  lcp: Series | null;
  /** The LCP element of each run (they should agree). */
  lcpElements: string[];
  blocking: Series | null;
  gradeSaved: Series | null;
  gradeChars: Series;
  gradeKeys: Series;
}

/** Series of `values`, or null if some run did not report one. */
function complete(values: readonly (number | null)[]): Series | null {
  return values.every((t) => t !== null) ? series(values as number[]) : null;
}

function figure(painted: readonly Painted[]): Figure {
  return {
    paint: complete(painted.map((p) => p.paint)),
    frame: series(painted.map((p) => p.frame)),
  };
}

function summarise(results: readonly RunResult[]): Timings {
  return {
    runs: results.length,
    firstQuestion: figure(results.map((r) => r.firstQuestion)),
    reveal: figure(results.map((r) => r.reveal)),
    grade: figure(results.map((r) => r.grade)),
    fcp: complete(results.map((r) => r.fcp)),
    lcp: complete(results.map((r) => r.lcp)),
    lcpElements: [...new Set(results.map((r) => r.lcpElement ?? 'none'))],
    blocking: complete(results.map((r) => r.blocking)),
    gradeSaved: complete(results.map((r) => r.gradeSaved)),
    gradeChars: series(results.map((r) => r.gradeChars)),
    gradeKeys: series(results.map((r) => r.gradeKeys)),
  };
}

/**
 * `runs` cold runs of each target, interleaved (a, b, a, b…) so that a noisy moment of the
 * machine falls on both; one discarded warm-up run of each first. A run that fails (a timeout
 * on a loaded machine) is tried once more; failing again, it is left out of the figures (they
 * say how many runs they hold). The bench gives up only when every run of a target failed.
 */
export async function measure(
  browser: Browser,
  targets: Record<string, { url: string; options?: RunOptions }>,
  runs: number,
  onProgress: (message: string) => void = () => undefined,
): Promise<Record<string, Timings>> {
  const names = Object.keys(targets);
  const results: Record<string, RunResult[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = -1; i < runs; i++) {
    for (const name of names) {
      const { url, options } = targets[name]!;
      let result: RunResult | null = null;
      for (let attempt = 1; attempt <= 2 && result === null; attempt++) {
        try {
          result = await coldRun(browser, url, options);
        } catch (e) {
          const what = attempt === 1 ? 'once more' : 'left out of the figures';
          onProgress(`${name}: run failed (${e instanceof Error ? e.message : e}), ${what}`);
        }
      }
      if (i >= 0 && result !== null) results[name]!.push(result);
    }
    onProgress(i < 0 ? 'warm-up done' : `run ${i + 1}/${runs}`);
  }
  for (const name of names) {
    if (results[name]!.length === 0) throw new Error(`${name}: every timed run failed`);
  }
  return Object.fromEntries(names.map((n) => [n, summarise(results[n]!)]));
}
