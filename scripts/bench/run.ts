// `npm run bench`: builds the app, measures it in headless Chromium and checks the budgets of
// issue 5, for the seed deck and for a synthetic deck of 5,000 cards. Exit code 1 when a budget
// is broken, 2 when the bench itself could not run. Timings are reported, never judged, except
// grading at scale, which the issue makes a budget.
//
//   npm run bench                      seed deck, then 5,000 cards, then Lighthouse
//   npm run bench -- --cards 2000      another size for the synthetic deck (0: seed deck only)
//   npm run bench -- --runs 9          cold runs per timing figure (at least 5; default 7)
//   npm run bench -- --quick           no Lighthouse, 5 runs: for iterating locally
//   npm run bench -- --json out.json   every figure, also as JSON
//   npm run bench:search               only Browse's search at 5,000 cards (searchOnly.ts)
//   npm run bench:compare -- a b       builds side by side, run after run (compare.ts)
//
// One module per concern: app.ts (build, serve), browser.ts + probe.js (Chromium, the in-page
// probe), sizes.ts, loading.ts, guard.ts, timings.ts, floor.ts, generate.ts, history.ts,
// lighthouse.ts, search.ts, report.ts (output), deckReport.ts (one deck's report and budgets).
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { buildApp, serve } from './app.ts';
import { INTRO_SEEN, launchBrowser } from './browser.ts';
import { FLOOR_PAGE, writeFloorPages } from './floor.ts';
import { generateDeck } from './generate.ts';
import { proveGuard, scanForParsers } from './guard.ts';
import { builtCardIds, DAYS_AWAY, leftFromReview, storedHistory } from './history.ts';
import { DAY } from '../../tests/store/fixtures.ts';
import { runLighthouse, type LighthouseResult } from './lighthouse.ts';
import { checkLoading, firstVisit } from './loading.ts';
import { Budgets, Output, count, seconds } from './report.ts';
import { REALISTIC_REVIEWS, report, type Back, type DeckResult } from './deckReport.ts';
import { measureSearch, type SearchTimings } from './search.ts';
import { moduleShares, staticSizes } from './sizes.ts';
import { measure, type Timings } from './timings.ts';

/**
 * Reviews stored for the timings at scale: a year of heavy preparation, and a stress case. A
 * year is timed three times (`back`): after a few days away with nothing kept (the page waits for
 * the app); the same study day after leaving from the review screen; and a few days after leaving
 * from it (the first screens of the next days kept then).
 */
const HISTORIES: { reviews: number; back: Back }[] = [
  { reviews: REALISTIC_REVIEWS, back: 'nothing-kept' },
  { reviews: REALISTIC_REVIEWS, back: 'same-day' },
  { reviews: REALISTIC_REVIEWS, back: 'days-later' },
  { reviews: 100_000, back: 'nothing-kept' },
];

function options() {
  try {
    return parseArgs({
      options: {
        cards: { type: 'string', default: '5000' },
        runs: { type: 'string' },
        quick: { type: 'boolean', default: false },
        json: { type: 'string' },
      },
    }).values;
  } catch (e) {
    console.error(`bench: ${e instanceof Error ? e.message : e}`);
    process.exit(2);
  }
}
const args = options();
const CARDS = Number(args.cards);
const RUNS = Math.max(5, Number(args.runs ?? (args.quick ? 5 : 7)));
if (!Number.isInteger(CARDS) || CARDS < 0 || !Number.isInteger(RUNS)) {
  console.error(`bench: --cards and --runs take whole numbers (got ${args.cards}, ${args.runs})`);
  process.exit(2);
}

const started = performance.now();
const progress = (message: string) =>
  process.stderr.write(`[bench ${seconds(performance.now() - started).padStart(6)}] ${message}\n`);

async function benchDeck(
  browser: Browser,
  options: { label: string; contentDir?: string; cards?: number; lighthouse: boolean },
): Promise<DeckResult> {
  progress(`${options.label}: building`);
  const built = await buildApp(options.contentDir);
  try {
    progress(`${options.label}: built in ${seconds(built.buildMs)}`);
    const ids = options.cards !== undefined ? builtCardIds(built.outDir, 'synthetic') : [];
    if (options.cards !== undefined && ids.length !== options.cards) {
      throw new Error(
        `the build holds ${ids.length} synthetic card ids, not ${options.cards}: ` +
          `was DECK_CONTENT_DIR (${built.contentVia}) honoured?`,
      );
    }
    const sizes = staticSizes(built.outDir);
    const { hits: guardHits, files: jsFiles } = scanForParsers(built.outDir);
    const served = await serve(built.outDir);
    try {
      progress(`${options.label}: loading checks`);
      const loading = await checkLoading(browser, served.url);
      const first = await firstVisit(browser, served.url);
      writeFloorPages(built.outDir, loading.cards);
      const initialScripts = new Set(
        loading.initial.filter((t) => t.type === 'script').map((t) => t.path),
      );
      const shares = moduleShares(built.chunks, initialScripts, built.outDir);

      progress(`${options.label}: timings, ${RUNS} cold runs each of the app and the floor page`);
      const timings = (await measure(
        browser,
        {
          app: { url: `${served.url}#/review`, options: { storage: [INTRO_SEEN] } },
          floor: { url: `${served.url}${FLOOR_PAGE}` },
        },
        RUNS,
        (m) => progress(`${options.label}: ${m}`),
      )) as Record<'app' | 'floor', Timings>;

      const histories: DeckResult['histories'] = [];
      const simulated = new Map<number, ReturnType<typeof storedHistory>>();
      for (const { reviews, back } of options.cards === undefined ? [] : HISTORIES) {
        if (!simulated.has(reviews)) {
          progress(`${options.label}: simulating a year of ${count(reviews)} reviews`);
          simulated.set(reviews, storedHistory(ids, reviews));
        }
        const stored = simulated.get(reviews)!;
        // Many reviews over few cards (100,000 over 500) push every card beyond the visit:
        // a timed run needs a card to grade and one to show next.
        if (stored.toGrade < 2) {
          progress(
            `${options.label} + ${count(reviews)} reviews: skipped, ${stored.toGrade} card(s) left to grade`,
          );
          continue;
        }
        const start: [string, string][] = [...stored.items, INTRO_SEEN];
        const items =
          back === 'nothing-kept'
            ? start
            : await leftFromReview(
                browser,
                served.url,
                start,
                // Days later: left on the last day of the year of study, when it ended.
                back === 'days-later' ? Date.now() - DAYS_AWAY * DAY : undefined,
              );
        const label = `${options.label} + ${count(reviews)} reviews${back === 'nothing-kept' ? '' : `, ${back}`}`;
        progress(`${label}: timings`);
        const t = await measure(
          browser,
          { app: { url: `${served.url}#/review`, options: { storage: items } } },
          RUNS,
          (m) => progress(`${label}: ${m}`),
        );
        histories.push({
          requested: reviews,
          back,
          reviews: stored.reviews,
          cards: stored.cards,
          storedChars: stored.chars,
          keys: stored.items.length,
          timings: t.app!,
        });
      }

      let search: SearchTimings | null = null;
      if (options.cards !== undefined) {
        progress(
          `${options.label}: Browse search, ${RUNS} cold runs each of the app and its floor`,
        );
        search = await measureSearch(browser, served.url, built.outDir, RUNS, (m) =>
          progress(`${options.label}: ${m}`),
        );
      }

      let lighthouse: LighthouseResult | null = null;
      if (options.lighthouse) {
        progress(`${options.label}: Lighthouse`);
        lighthouse = await runLighthouse(served.url);
      }
      return {
        label: options.label,
        cards: options.cards ?? null,
        buildMs: built.buildMs,
        contentVia: built.contentVia,
        sizes,
        shares,
        guardHits,
        jsFiles,
        loading,
        firstVisit: first,
        timings,
        histories,
        search,
        lighthouse,
      };
    } finally {
      await served.close();
    }
  } finally {
    built.remove();
  }
}

async function main(): Promise<number> {
  const out = new Output();
  const budgets = new Budgets();
  progress('proving the parser check on a canary bundle');
  const proof = await proveGuard();
  const browser = await launchBrowser();
  const results: DeckResult[] = [];
  try {
    out.line(
      `rnn-flashcards bench — ${new Date().toISOString()} — Chromium ${browser.version()}, ` +
        `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ` +
        `load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    out.line(
      `parser check: ${proof.unproven.length === 0 ? 'every signature library recognised in a canary bundle of react-markdown + remark-math + rehype-katex' : `NOT proven for ${proof.unproven.join(', ')}`}`,
    );
    budgets.check(
      'parser check proven on a canary bundle',
      proof.unproven.length === 0,
      proof.unproven.length === 0
        ? 'every library recognised'
        : `unrecognised: ${proof.unproven.join(', ')}`,
    );
    results.push(
      await benchDeck(browser, { label: 'Seed deck (content/)', lighthouse: !args.quick }),
    );
    report(out, budgets, results[0]!, proof);
    console.log(out.flush());
    if (CARDS > 0) {
      progress(`generating ${count(CARDS)} cards`);
      const content = generateDeck(CARDS);
      try {
        results.push(
          await benchDeck(browser, {
            label: `Synthetic deck (${count(CARDS)} cards)`,
            contentDir: content.dir,
            cards: CARDS,
            lighthouse: false,
          }),
        );
      } finally {
        content.remove();
      }
      report(out, budgets, results[1]!, proof);
      console.log(out.flush());
    }
  } finally {
    await browser.close();
  }
  const [load] = os.loadavg();
  out.heading('Budgets');
  if (load! > os.cpus().length) {
    out.line(
      `(load average ${load!.toFixed(1)} on ${os.cpus().length} cores at the end: other work ` +
        'shared the machine, so the timings above are noisier than usual)',
    );
  }
  out.line(budgets.render());
  out.line();
  out.line(
    `${budgets.failed.length === 0 ? 'all budgets hold' : `${budgets.failed.length} budget(s) broken`}` +
      ` — bench took ${seconds(performance.now() - started)}`,
  );
  console.log(out.flush());
  if (args.json) {
    writeFileSync(args.json, JSON.stringify({ budgets: budgets.list, proof, results }, null, 2));
  }
  return budgets.failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(2);
  },
);
