// What the browser actually downloads, watched in Chromium on a cold load (service workers
// allowed, as for a real first visit):
//   - the initial transfer of the review screen: every same-origin response until the network
//     is idle, its body gzipped here at level 9 (whatever the server's own compression, which
//     differs between hosts);
//   - what a service worker fetches by itself meanwhile (reported apart: it is not the page's);
//   - fonts requested for a card without math, after its answer is shown (there must be none),
//     and, for comparison, for the first card with math;
//   - every other screen reached from the navigation: it must bring code of its own, requested
//     only when it is opened;
//   - how many of the deck's answers the initial transfer carries (synthetic decks tag them).
import type { Browser, Request } from 'playwright-core';
import { openPage, settle, type ProbeWindow } from './browser.ts';
import { CPU_SLOWDOWN } from './timings.ts';
import { answersIn } from './generate.ts';
import { gzipSize } from './sizes.ts';

export interface Transfer {
  url: string;
  /** Path relative to the site root. */
  path: string;
  type: string;
  raw: number;
  gzip: number;
}

export interface ScreenLoad {
  route: string;
  /** Same-origin scripts and style sheets first requested when the screen opened. */
  files: Transfer[];
}

export interface LoadingReport {
  initial: Transfer[];
  initialGzip: number;
  /** By resource type: document, script, stylesheet, fetch… */
  initialByType: Record<string, number>;
  serviceWorker: { requests: number; raw: number; fonts: number };
  /** Fonts the page requested up to and including the first card's answer (no math there). */
  fontsWithoutMath: string[];
  firstCardHasMath: boolean;
  /** Fonts requested once a card with math was shown; null when none was reached. */
  fontsWithMath: string[] | null;
  screens: ScreenLoad[];
  /** Distinct answer tags in the initial transfer (synthetic decks only). */
  answersInitially: number;
  /** The first two cards as the app shows them, for the floor page. */
  cards: { question: string; answer: string }[];
}

const FONT = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;
/** Resource types that make up "HTML+JS+CSS" (and data fetched by script, should there be any). */
const CODE = ['document', 'script', 'stylesheet', 'fetch', 'xhr'];

export async function checkLoading(browser: Browser, url: string): Promise<LoadingReport> {
  const origin = new URL(url).origin;
  const { page, context, close } = await openPage(browser, { serviceWorkers: 'allow' });
  try {
    type Seen = { request: Request; fromWorker: boolean };
    const seen: Seen[] = [];
    context.on('request', (request) =>
      seen.push({ request, fromWorker: request.serviceWorker() !== null }),
    );
    const pageRequests = () => seen.filter((s) => !s.fromWorker).map((s) => s.request);
    const fonts = () =>
      pageRequests().filter((r) => FONT.test(r.url()) || r.resourceType() === 'font');

    await page.goto(`${url}#/review`, { waitUntil: 'load' });
    await page.locator('#card-question').waitFor({ state: 'visible' });
    await settle(page);

    // The initial transfer: same-origin responses to the page so far.
    const initial: Transfer[] = [];
    const answers = new Set<number>();
    for (const r of pageRequests()) {
      if (!r.url().startsWith(origin) || !CODE.includes(r.resourceType())) continue;
      const response = await r.response();
      if (!response || response.status() >= 300) continue;
      const body = await response.body().catch(() => null);
      if (!body) continue;
      answersIn(body.toString('utf8'), answers);
      initial.push({
        url: r.url(),
        path: new URL(r.url()).pathname.replace(/^\//, '') || 'index.html',
        type: r.resourceType(),
        raw: body.length,
        gzip: gzipSize(body),
      });
    }
    const initialByType: Record<string, number> = {};
    for (const t of initial) initialByType[t.type] = (initialByType[t.type] ?? 0) + t.gzip;

    // The first card's answer; its fonts.
    const cards: LoadingReport['cards'] = [];
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.locator('.card-answer').waitFor({ state: 'visible' });
    await settle(page);
    cards.push(await page.evaluate(() => (window as unknown as ProbeWindow).__bench.snapshot()));
    const firstCardHasMath = await page.evaluate(() =>
      (window as unknown as ProbeWindow).__bench.answerHasMath(),
    );
    const fontsWithoutMath = fonts().map((r) => r.url());

    // Walk on (grading Easy) to the first card with math, up to ten cards.
    let fontsWithMath: string[] | null = firstCardHasMath ? fontsWithoutMath : null;
    for (let i = 0; i < 10 && fontsWithMath === null; i++) {
      const before = await page.locator('#card-question').innerHTML();
      await page.getByRole('button', { name: 'Easy' }).click();
      await page.waitForFunction(
        (html) => document.querySelector('#card-question')?.innerHTML !== html,
        before,
      );
      await page.getByRole('button', { name: 'Show answer' }).click();
      await page.locator('.card-answer').waitFor({ state: 'visible' });
      await settle(page);
      if (cards.length < 2) {
        cards.push(
          await page.evaluate(() => (window as unknown as ProbeWindow).__bench.snapshot()),
        );
      }
      const math = await page.evaluate(() =>
        (window as unknown as ProbeWindow).__bench.answerHasMath(),
      );
      if (math) fontsWithMath = fonts().map((r) => r.url());
    }

    // Every other screen in the navigation: what opening it requests.
    const routes = await page
      .locator('nav a[href^="#/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!.slice(2)));
    const screens: ScreenLoad[] = [];
    for (const route of routes.filter((r) => r !== 'review')) {
      const from = seen.length;
      await page.evaluate((r) => (window.location.hash = `#/${r}`), route);
      await page.waitForTimeout(100);
      await settle(page);
      const files: Transfer[] = [];
      for (const { request, fromWorker } of seen.slice(from)) {
        if (fromWorker || !request.url().startsWith(origin)) continue;
        if (!['script', 'stylesheet'].includes(request.resourceType())) continue;
        const body = await (await request.response())?.body().catch(() => null);
        files.push({
          url: request.url(),
          path: new URL(request.url()).pathname.replace(/^\//, ''),
          type: request.resourceType(),
          raw: body?.length ?? 0,
          gzip: body ? gzipSize(body) : 0,
        });
      }
      screens.push({ route, files });
    }

    // What a service worker fetched on its own (precache), whatever the page did.
    const worker = seen.filter((s) => s.fromWorker).map((s) => s.request);
    let workerRaw = 0;
    for (const r of worker) {
      const sizes = await r.sizes().catch(() => null);
      workerRaw += sizes?.responseBodySize ?? 0;
    }

    return {
      initial,
      initialGzip: initial.reduce((n, t) => n + t.gzip, 0),
      initialByType,
      serviceWorker: {
        requests: worker.length,
        raw: workerRaw,
        fonts: worker.filter((r) => FONT.test(r.url())).length,
      },
      fontsWithoutMath,
      firstCardHasMath,
      fontsWithMath,
      screens,
      answersInitially: answers.size,
      cards,
    };
  } finally {
    await close();
  }
}

export interface FirstVisit {
  fcp: number | null;
  lcp: number | null;
  lcpElement: string | null;
  /** Main thread blocked after the first contentful paint, as Total Blocking Time counts it. */
  blocking: number | null;
}

/**
 * A true first visit (nothing stored, so the first-run introduction opens), as Lighthouse sees
 * the page: which element ends up as the Largest Contentful Paint, and when (4× CPU, one run).
 */
export async function firstVisit(browser: Browser, url: string): Promise<FirstVisit> {
  const { page, close } = await openPage(browser, {
    cpuSlowdown: CPU_SLOWDOWN,
    preferences: false,
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await settle(page);
    return await page.evaluate(() => (window as unknown as ProbeWindow).__bench.paints());
  } finally {
    await close();
  }
}
