// The bench's report of one deck: sizes, what loads when, timings against the floor page, the
// timings with reviews stored, Browse's search and Lighthouse, with the budgets and aims they
// are held to. run.ts measures; this writes it down.
import type { GuardHit, GuardProof } from './guard.ts';
import type { BuiltApp } from './app.ts';
import { CATEGORIES, type LighthouseResult } from './lighthouse.ts';
import type { FirstVisit, LoadingReport } from './loading.ts';
import { Budgets, Output, chars, count, diff, kB, ms, seconds, spread, table } from './report.ts';
import { reportSearch, type SearchTimings } from './search.ts';
import type { ModuleShare, StaticSizes } from './sizes.ts';
import { CPU_SLOWDOWN, type Figure, type Series, type Timings } from './timings.ts';

/** Reviews in a year of heavy interview preparation: timings with this many stored have aims. */
export const REALISTIC_REVIEWS = 20_000;

/** How a learner with reviews stored comes back (scripts/bench/history.ts). */
export type Back = 'nothing-kept' | 'same-day' | 'days-later';

const BACK: Record<Back, string> = {
  'nothing-kept': 'back after days away: nothing kept',
  'same-day': 'back the same day from the review screen: its first screen kept',
  'days-later': 'back days after leaving from the review screen: that day’s first screen kept',
};

export const BUDGET = {
  seedInitial: 100_000,
  scaleInitial: 160_000,
  /** Grade → next question, above the floor page, with a year of reviews in storage. */
  scaleGradeOverFloor: 16,
  /** localStorage characters one grade may write ("not megabytes"). */
  gradeWrite: 256_000,
};
export const AIM = { firstQuestion: 100, reveal: 16, grade: 16 };
export interface DeckResult {
  label: string;
  cards: number | null;
  buildMs: number;
  contentVia: BuiltApp['contentVia'];
  sizes: StaticSizes;
  shares: ModuleShare[];
  guardHits: GuardHit[];
  jsFiles: number;
  loading: LoadingReport;
  firstVisit: FirstVisit;
  timings: Record<'app' | 'floor', Timings>;
  /** Timings with reviews stored (synthetic deck only): the realistic year first. */
  histories: {
    /** The reviews asked of the simulation (`reviews`: what it made, a few more). */
    requested: number;
    back: Back;
    reviews: number;
    cards: number;
    storedChars: number;
    keys: number;
    timings: Timings;
  }[];
  /** Browse: type a search → results painted (synthetic deck only). */
  search: SearchTimings | null;
  lighthouse: LighthouseResult | null;
}

/** A table row for a figure the browser may not report (null: missing in some run). */
const optionalRow = (name: string, app: Series | null, floor: Series | null): string[] => [
  name,
  app ? spread(app) : 'n/a',
  floor ? spread(floor) : 'n/a',
  app && floor ? diff(app.median, floor.median) : '',
  '',
  'browser',
];
/**
 * Click "Good" → the grade's last localStorage write. The app shows the next card first and
 * records the grade after that frame: this is when the whole grade is done. (The floor page
 * saves nothing.) A table without the aim column takes `aim: false`.
 */
const savedRow = (saved: Series | null, aim = true): string[] => [
  'click "Good" → grade saved',
  saved ? spread(saved) : 'n/a',
  'saves nothing',
  '',
  ...(aim ? [''] : []),
  'storage writes',
];
/**
 * The app's and the floor's series measured the same way: the browser's paint timing when both
 * have it in every run, else the frame probe.
 */
const pick = (app: Figure, floor: Figure): { a: Series; f: Series; by: string } =>
  app.paint && floor.paint
    ? { a: app.paint, f: floor.paint, by: 'paint timing' }
    : { a: app.frame, f: floor.frame, by: 'frame probe' };

export function report(out: Output, budgets: Budgets, r: DeckResult, proof: GuardProof): void {
  out.heading(r.label);
  out.line(`Build: ${seconds(r.buildMs)} (vite build, wall clock; content: ${r.contentVia})`);

  out.section('No Markdown parser, no KaTeX JavaScript');
  const byFile = [...new Set(r.guardHits.map((h) => `${h.file}: ${h.library} (${h.string})`))];
  out.block(
    r.guardHits.length === 0
      ? `none of ${proof.unproven.length === 0 ? 'the' : 'the (partly unproven)'} signatures in the build's ${r.jsFiles} JavaScript files`
      : `FOUND:\n${byFile.join('\n')}`,
  );
  budgets.check(
    `${r.label}: no Markdown parser / KaTeX JS in the browser`,
    r.guardHits.length === 0 && proof.unproven.length === 0,
    r.guardHits.length === 0
      ? `clean (${r.jsFiles} JS files)`
      : `${[...new Set(r.guardHits.map((h) => h.library))].join(', ')} in ${[...new Set(r.guardHits.map((h) => h.file))].join(', ')}`,
  );

  out.section('Initial transfer of the review screen (gzip -9)');
  const l = r.loading;
  out.block(
    table(
      ['file', 'type', 'raw', 'gzip'],
      l.initial.map((t) => [t.path, t.type, kB(t.raw), kB(t.gzip)]),
    ),
  );
  out.line();
  out.block(
    `measured in Chromium (same-origin HTML/JS/CSS/data until network idle): ${kB(l.initialGzip)}` +
      ` (${Object.entries(l.initialByType)
        .map(([type, n]) => `${type} ${kB(n)}`)
        .join(', ')})`,
  );
  out.block(
    `named by index.html (the HTML, its style sheets, and the modules and preloads its boot script adds): ${kB(r.sizes.totalGzip)}`,
  );
  const limit = r.cards === null ? BUDGET.seedInitial : BUDGET.scaleInitial;
  const within = r.cards === null ? '≤' : '<';
  // The budget is on what the page needs before it can show the review screen: the HTML and
  // what it names (scripts, preloads, styles). What loads after, in parallel (the scheduler's
  // ts-fsrs, the next cards' bodies), is the browser-measured figure, printed beside it.
  budgets.check(
    `${r.label}: initial HTML+JS+CSS ${within} ${kB(limit)} gzipped`,
    r.cards === null ? r.sizes.totalGzip <= limit : r.sizes.totalGzip < limit,
    `${kB(r.sizes.totalGzip)} named by index.html (${kB(l.initialGzip)} fetched until the network is idle)`,
  );
  if (r.cards !== null) {
    out.block(`answers in the initial transfer: ${count(l.answersInitially)} of ${count(r.cards)}`);
    budgets.check(
      `${r.label}: first question does not wait for all answers`,
      l.answersInitially < r.cards,
      `${count(l.answersInitially)} of ${count(r.cards)} answers in the initial transfer`,
    );
  }

  out.section('Initial JavaScript by module (estimated share of gzip)');
  const totalJs = r.shares.reduce((n, s) => n + s.gzipEstimate, 0);
  out.block(
    table(
      ['module group', 'rendered', '≈ gzip', 'share'],
      r.shares
        .slice(0, 12)
        .map((s) => [
          s.group,
          kB(s.rendered),
          kB(s.gzipEstimate),
          `${((100 * s.gzipEstimate) / (totalJs || 1)).toFixed(0)} %`,
        ]),
    ),
  );

  out.section('Screens loaded on demand');
  if (l.screens.length === 0) out.block('(no other screen in the navigation)');
  for (const s of l.screens) {
    const gz = s.files.reduce((n, f) => n + f.gzip, 0);
    out.block(
      `#/${s.route}: ${s.files.length} file(s), ${kB(gz)}, first requested on opening it` +
        (s.files.length ? ` (${s.files.map((f) => f.path).join(', ')})` : ''),
    );
    budgets.check(
      `${r.label}: #/${s.route} loaded on demand`,
      s.files.some((f) => f.type === 'script'),
      s.files.length
        ? `${s.files.length} file(s), ${kB(gz)} requested on opening it`
        : 'opening it requested no code: it is in the initial bundle',
    );
  }

  out.section('Fonts');
  out.block(
    `card without math (first card, answer shown): ${l.fontsWithoutMath.length} font file(s)` +
      (l.firstCardHasMath ? ' — but the first card has math' : ''),
  );
  out.block(
    l.fontsWithMath === null
      ? 'card with math: none reached in the first ten cards'
      : `first card with math, answer shown: ${l.fontsWithMath.length} font file(s)` +
          (l.fontsWithMath.length
            ? ` (${l.fontsWithMath.map((u) => u.split('/').pop()).join(', ')})`
            : ''),
  );
  out.block(
    `service worker, on its own: ${l.serviceWorker.requests} request(s), ${kB(l.serviceWorker.raw)}` +
      ` uncompressed, ${l.serviceWorker.fonts} font(s) (precache; not the page's initial transfer)`,
  );
  budgets.check(
    `${r.label}: no font fetched for a card without math`,
    !l.firstCardHasMath && l.fontsWithoutMath.length === 0,
    l.firstCardHasMath
      ? 'the first card has math: nothing to check'
      : `${l.fontsWithoutMath.length} font file(s) requested by the page`,
  );

  out.section(
    `Timings: ${CPU_SLOWDOWN}× CPU slowdown, ${r.timings.app.runs} cold runs, median (min–max)`,
  );
  const { app, floor } = r.timings;
  const figures = [
    ['navigation → first question painted', 'firstQuestion', AIM.firstQuestion],
    ['click "Show answer" → answer painted', 'reveal', AIM.reveal],
    ['click "Good" → next question painted', 'grade', AIM.grade],
  ] as const;
  out.block(
    table(
      ['figure', 'app', 'floor page', 'difference', 'aim', 'by'],
      [
        ...figures.map(([name, key, aim]) => {
          const { a, f, by } = pick(app[key], floor[key]);
          return [
            name,
            spread(a),
            spread(f),
            diff(a.median, f.median),
            `≤ +${aim} ms ${a.median - f.median <= aim ? '(met)' : '(missed)'}`,
            by,
          ];
        }),
        savedRow(app.gradeSaved),
        optionalRow('first contentful paint', app.fcp, floor.fcp),
        optionalRow('largest contentful paint', app.lcp, floor.lcp),
        optionalRow('main thread blocked after the first question', app.blocking, floor.blocking),
      ],
    ),
  );
  out.block(
    `frame probe (see probe.js), medians app / floor: ${figures
      .map(([, key]) => `${key} ${ms(app[key].frame.median)} / ${ms(floor[key].frame.median)}`)
      .join('; ')}`,
  );
  out.block(
    `LCP element: app ${app.lcpElements.join(' | ')}; floor ${floor.lcpElements.join(' | ')}`,
  );
  out.block(
    `one grade wrote ${chars(app.gradeChars.median)} to localStorage (median; ${app.gradeKeys.median} key(s))`,
  );
  const fv = r.firstVisit;
  out.block(
    `true first visit (nothing stored: the introduction opens; one run): FCP ${ms(fv.fcp ?? NaN)}, ` +
      `LCP ${ms(fv.lcp ?? NaN)} on ${fv.lcpElement ?? 'an element no longer in the page'}; ` +
      `main thread blocked after FCP ${ms(fv.blocking ?? NaN)}`,
  );

  for (const h of r.histories) {
    const back = BACK[h.back];
    out.section(
      `With ${count(h.reviews)} reviews of ${count(h.cards)} cards stored (${chars(h.storedChars)} in ${h.keys} keys), ${back}`,
    );
    const t = h.timings;
    out.block(
      table(
        ['figure', 'app', 'floor page', 'difference', 'by'],
        [
          ...figures.map(([name, key]) => {
            const { a, f, by } = pick(t[key], floor[key]);
            return [name, spread(a), spread(f), diff(a.median, f.median), by];
          }),
          savedRow(t.gradeSaved, false),
          [
            'localStorage written by one grade',
            `${chars(t.gradeChars.median)} (max ${count(t.gradeChars.max)})`,
            '',
            '',
            '',
          ],
        ],
      ),
    );
    // A year of heavy preparation is held to the aims; larger logs are figures.
    if (h.requested === REALISTIC_REVIEWS) {
      for (const [name, key, aim] of [
        ['first question', 'firstQuestion', AIM.firstQuestion],
        ['grade', 'grade', BUDGET.scaleGradeOverFloor],
      ] as const) {
        const { a, f, by } = pick(t[key], floor[key]);
        budgets.aim(
          `${r.label}: ${name} with ${count(h.reviews)} reviews${h.back === 'nothing-kept' ? '' : `, ${h.back}`} ≤ floor + ${aim} ms`,
          a.median - f.median <= aim,
          `${ms(a.median)} vs floor ${ms(f.median)} (${diff(a.median, f.median)}, ${CPU_SLOWDOWN}× CPU, ${by})`,
        );
      }
    }
    budgets.check(
      `${r.label}: one grade writes < ${count(BUDGET.gradeWrite)} chars of localStorage`,
      t.gradeChars.max < BUDGET.gradeWrite,
      `at most ${chars(t.gradeChars.max)} of ${chars(h.storedChars)} stored`,
    );
  }

  if (r.search) reportSearch(out, budgets, r.label, r.search);

  if (r.lighthouse) {
    const lh = r.lighthouse;
    out.section(
      `Lighthouse ${lh.attempts[0]?.version ?? ''} (mobile, simulated throttling), ${lh.attempts.length} attempt(s)`,
    );
    if (lh.error) out.block(`could not run: ${lh.error}`);
    out.block(CATEGORIES.map((c) => `${c} ${lh.scores[c]}`).join(' · '));
    for (const [i, a] of lh.attempts.entries()) {
      out.block(
        `attempt ${i + 1}: ${CATEGORIES.map((c) => `${c} ${a.scores[c]}`).join(', ')}; ` +
          Object.entries(a.metrics)
            .map(([k, v]) => `${k} ${v}`)
            .join(', '),
      );
      for (const f of a.failing) out.block(`  - ${f}`);
      if (a.errored.length) {
        out.block(`  (could not run against this Chromium, unscored: ${a.errored.join(', ')})`);
      }
    }
    // Accessibility, best practices and SEO are audits of the page: they must be 100.
    // Performance is a simulated timing: reported against the aim of 100.
    const audits = CATEGORIES.filter((c) => c !== 'performance');
    budgets.check(
      `${r.label}: Lighthouse 100 in ${audits.join(', ')}`,
      lh.attempts.length > 0 && audits.every((c) => lh.scores[c] === 100),
      lh.error ?? audits.map((c) => `${c} ${lh.scores[c]}`).join(', '),
    );
    budgets.aim(
      `${r.label}: Lighthouse performance 100`,
      lh.attempts.length > 0 && lh.scores.performance === 100,
      lh.error ?? `performance ${lh.scores.performance}`,
    );
  }
}
