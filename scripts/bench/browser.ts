// Debian's Chromium through playwright-core (the binary and flags of the end-to-end tests), and
// the one way the bench opens a page: a fresh context (empty cache, empty storage: a cold load),
// the preferences of a learner past the first-run introduction, the in-page probe (probe.js),
// and optionally the CPU slowed down through the DevTools protocol.
//
// Pages prefer reduced motion: a new card then appears at once instead of fading in for 160 ms,
// so "the next question painted" is the frame that first shows it (the browser reports text
// paint only once a fade-in is over, which would add the animation's length to the figure).
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/e2e/support/app.ts';
import { BLANK_PAGE } from './floor.ts';

export { CHROMIUM, CHROMIUM_ARGS };

/** A phone-sized viewport, as in the end-to-end tests. */
export const VIEWPORT = { width: 390, height: 844 };

/**
 * The introduction already seen: it is a modal dialog over a first visit's card and holds every
 * key and click until it closes, so a run that reveals and grades starts past it. Nothing else is
 * stored, so the page is still the one built into index.html.
 */
export const INTRO_SEEN: [string, string] = [
  'rnn-flashcards/preferences',
  JSON.stringify({ state: { locale: 'en', theme: 'system', introSeen: true }, version: 1 }),
];

/** English UI (the names the probe looks for), the introduction already seen. */
const PREFERENCES_SCRIPT = `try {
  if (localStorage.getItem('rnn-flashcards/preferences') === null)
    localStorage.setItem('rnn-flashcards/preferences',
      '{"state":{"locale":"en","theme":"system","introSeen":true},"version":1}');
} catch {}`;

const PROBE_SCRIPT = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

/** When something was painted: the browser's paint timing (null if none came), the frame probe. */
export interface Painted {
  paint: number | null;
  frame: number;
}

/** What probe.js puts on `window`. */
export interface Probe {
  idle(): Promise<void>;
  firstQuestion(): Promise<Painted>;
  paints(since?: number): {
    fcp: number | null;
    lcp: number | null;
    lcpElement: string | null;
    blocking: number | null;
  };
  reveal(): Promise<Painted>;
  grade(name: string): Promise<Painted & { saved: number | null; chars: number; keys: string[] }>;
  search(text: string): Promise<{ frame: number; count: string; rows: number }>;
  answerHasMath(): boolean;
  snapshot(): { question: string; answer: string };
}

/**
 * `window` as the probe sees it. Callbacks given to page.evaluate run in the page, so they can
 * reach the probe only through `(window as unknown as ProbeWindow).__bench`, and they must stay
 * plain anonymous arrows (tsx wraps named inner functions in a helper the page does not have).
 */
export interface ProbeWindow {
  __bench: Probe;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface BenchPageOptions {
  /** CPU slow-down factor for Emulation.setCPUThrottlingRate (1: none). */
  cpuSlowdown?: number;
  /** False: a true first visit, with no preferences stored (the introduction opens). */
  preferences?: boolean;
  /**
   * Blocked by default: a timing run measures the page, not a background precache competing
   * with it for the same cores. The loading checks allow them and report what they fetch.
   */
  serviceWorkers?: 'allow' | 'block';
}

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

export async function openPage(
  browser: Browser,
  options: BenchPageOptions = {},
): Promise<BenchPage> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-US',
    reducedMotion: 'reduce',
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  if (options.preferences !== false) await context.addInitScript({ content: PREFERENCES_SCRIPT });
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  const rate = options.cpuSlowdown ?? 1;
  if (rate > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
  return { context, page, close: () => context.close() };
}

/** Waits for the network to be quiet, then for two frames and an idle main thread. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => (window as unknown as ProbeWindow).__bench.idle());
}

/**
 * Puts exactly `items` in the localStorage of `url`'s origin, from a blank page of that origin
 * (so that the navigation measured next carries no multi-megabyte init script).
 */
export async function fillStorage(
  page: Page,
  url: string,
  items: readonly (readonly [string, string])[],
): Promise<void> {
  await page.goto(new URL(BLANK_PAGE, url).href);
  await page.evaluate((all) => {
    localStorage.clear();
    for (const [k, v] of all) localStorage.setItem(k, v);
  }, items);
}
