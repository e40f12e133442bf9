// Browse at scale: "type a search → results painted". The app's Browse screen, all card bodies
// loaded, gets SEARCH_QUERY typed as one input event (probe.js `search`); the figure is the
// first frame that shows the new match count and rows. The floor page does the least any page
// must to show the same result: on `input` it writes the count and swaps in the same rows,
// already known, with no search and no framework. Both cold, with the CPU slowed down as for
// the other timings, interleaved so that a noisy moment falls on both.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { openPage, settle, type ProbeWindow } from './browser.ts';
import { Budgets, Output, diff, ms, spread, table } from './report.ts';
import { CPU_SLOWDOWN, series, type Series } from './timings.ts';

export const SEARCH_FLOOR_PAGE = 'bench-search-floor.html';
/** A word of the synthetic deck (generate.ts): in one card in twelve, Chinese, no tokenizer. */
export const SEARCH_QUERY = '梯度裁剪';
/** Results painted within one frame (at 60 Hz) of the floor page. */
const AIM_MS = 16;
/** How long Browse may take to fetch every body at 4× CPU before the run counts as failed. */
const LOAD_TIMEOUT_MS = 120_000;

export interface SearchTimings {
  runs: number;
  app: Series;
  floor: Series;
  /** The app's match count after the search, and rows drawn (the same in every run). */
  count: string;
  rows: number;
}

interface SearchRun {
  frame: number;
  count: string;
  rows: number;
  /** The rows' questions as drawn (for the floor page). */
  questions: string[];
}

async function runApp(browser: Browser, url: string): Promise<SearchRun> {
  const { page, close } = await openPage(browser, { cpuSlowdown: CPU_SLOWDOWN });
  try {
    await page.goto(`${url}#/browse`);
    await page.locator('.browse-count').waitFor({ timeout: LOAD_TIMEOUT_MS });
    await settle(page);
    const result = await page.evaluate(
      (query) => (window as unknown as ProbeWindow).__bench.search(query),
      SEARCH_QUERY,
    );
    const questions = await page.locator('.browse-row-question').allTextContents();
    return { ...result, questions };
  } finally {
    await close();
  }
}

async function runFloor(browser: Browser, url: string): Promise<number> {
  const { page, close } = await openPage(browser, { cpuSlowdown: CPU_SLOWDOWN });
  try {
    await page.goto(`${url}${SEARCH_FLOOR_PAGE}`);
    await settle(page);
    const result = await page.evaluate(
      (query) => (window as unknown as ProbeWindow).__bench.search(query),
      SEARCH_QUERY,
    );
    return result.frame;
  } finally {
    await close();
  }
}

/** The floor page: a search box, a count and the rows the app drew for the query. */
function writeSearchFloor(outDir: string, count: string, questions: readonly string[]): void {
  const data = JSON.stringify({ count, questions }).replace(/</g, '\\u003c');
  writeFileSync(
    path.join(outDir, SEARCH_FLOOR_PAGE),
    `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Search floor</title>
<style>body { margin: 0 auto; max-width: 40rem; padding: 1rem; font: 16px/1.6 system-ui, sans-serif; }</style>
</head>
<body>
<main>
<input type="search" aria-label="Search">
<p class="browse-count">all cards</p>
<ul class="browse-list"></ul>
</main>
<script>
const result = ${data};
const input = document.querySelector('input');
const count = document.querySelector('.browse-count');
const list = document.querySelector('.browse-list');
input.addEventListener('input', () => {
  count.textContent = result.count;
  const rows = document.createDocumentFragment();
  for (const q of result.questions) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = q;
    li.append(b);
    rows.append(li);
  }
  list.replaceChildren(rows);
});
</script>
</body>
</html>
`,
  );
}

/**
 * `runs` cold runs of the app's search and of the floor page's (after one warm-up run of the
 * app, which also tells the floor page which rows to draw).
 */
export async function measureSearch(
  browser: Browser,
  url: string,
  outDir: string,
  runs: number,
  onProgress: (message: string) => void = () => undefined,
): Promise<SearchTimings> {
  const warm = await runApp(browser, url);
  writeSearchFloor(outDir, warm.count, warm.questions);
  const app: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runApp(browser, url);
    if (run.count !== warm.count || run.rows !== warm.rows) {
      throw new Error(`search found "${run.count}" (${run.rows} rows), before "${warm.count}"`);
    }
    app.push(run.frame);
    floor.push(await runFloor(browser, url));
    onProgress(`search run ${i + 1}/${runs}`);
  }
  return {
    runs,
    app: series(app),
    floor: series(floor),
    count: warm.count,
    rows: warm.rows,
  };
}

/** Browse's search figure: the app against its floor page, aimed at one frame above it. */
export function reportSearch(out: Output, budgets: Budgets, label: string, s: SearchTimings): void {
  out.section(`Browse: type a search, ${CPU_SLOWDOWN}× CPU slowdown, ${s.runs} cold runs`);
  const over = s.app.median - s.floor.median;
  out.block(
    table(
      ['figure', 'app', 'floor page', 'difference', 'aim', 'by'],
      [
        [
          `type "${SEARCH_QUERY}" → results painted`,
          spread(s.app),
          spread(s.floor),
          diff(s.app.median, s.floor.median),
          `≤ +${AIM_MS} ms ${over <= AIM_MS ? '(met)' : '(missed)'}`,
          'frame probe',
        ],
      ],
    ),
  );
  out.block(`result: ${s.count}, ${s.rows} rows drawn`);
  budgets.aim(
    `${label}: search results ≤ floor + ${AIM_MS} ms`,
    over <= AIM_MS,
    `${ms(s.app.median)} vs floor ${ms(s.floor.median)} (${diff(s.app.median, s.floor.median)}, ${CPU_SLOWDOWN}× CPU)`,
  );
}
