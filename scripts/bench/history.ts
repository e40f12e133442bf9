// A year of study over the built deck, as the app itself would have stored it: simulated with the
// real scheduler (the year-of-study helper of the store tests), loaded into the project's own
// progress store over an in-memory storage, and read back key by key, ready to be copied into a
// page's localStorage.
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import path from 'node:path';
import { FIRST_SCREEN_KEY } from '../../src/platform/firstScreen.ts';
import { memoryStorage } from '../../src/platform/storage.ts';
import { buildQueue } from '../../src/scheduler/queue.ts';
import type { PersistedState } from '../../src/store/persisted.ts';
import { createProgressStore } from '../../src/store/localProgressStore.ts';
import { DAY, cardIds, simulateStudy } from '../../tests/store/fixtures.ts';
import { fillStorage, openPage, settle } from './browser.ts';
import { BLANK_PAGE } from './floor.ts';

/**
 * Card ids of deck `slug` as the build shipped them (`slug/hash` in its JavaScript, however the
 * minifier quotes or joins them), in order of first appearance. Read from the output so that the
 * content is not parsed again.
 */
export function builtCardIds(outDir: string, slug: string): string[] {
  const ids = new Set<string>();
  const pattern = new RegExp(`(?<![\\w/-])(${slug}/[0-9a-z]+)(?![\\w/-])`, 'g');
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(pattern)) ids.add(m[1]!);
  }
  return [...ids];
}

export interface StoredHistory {
  items: [string, string][];
  reviews: number;
  cards: number;
  /** Characters of keys + values, as browsers count localStorage use. */
  chars: number;
  /** Cards today's queue offers on the timed visits: a run grades one and shows the next. */
  toGrade: number;
}

/** The learner comes back after a few days away, so that cards are due (a simulated learner
 * who studied every day up to now would have nothing left to review). */
export const DAYS_AWAY = 3;

/**
 * About `reviews` reviews over a year that ended DAYS_AWAY days ago, spread over `ids`, as
 * localStorage items.
 */
export function storedHistory(ids: readonly string[], reviews: number): StoredHistory {
  const days = 365;
  const simulated = simulateStudy({
    cards: ids.length,
    perDay: Math.ceil(reviews / days),
    days,
    end: Date.now() - DAYS_AWAY * DAY,
    seed: 5,
  });
  // The simulation names its cards itself: give them the deck's ids.
  const rename = new Map(cardIds(ids.length).map((id, i) => [id, ids[i]!]));
  const to = (id: string) => rename.get(id) ?? id;
  const state: PersistedState = {
    ...simulated,
    progress: Object.fromEntries(Object.entries(simulated.progress).map(([k, v]) => [to(k), v])),
    revs: Object.fromEntries(Object.entries(simulated.revs).map(([k, v]) => [to(k), v])),
    log: simulated.log.map((e) => ({ ...e, cardId: to(e.cardId) })),
  };
  const storage = memoryStorage();
  const store = createProgressStore({ storage, now: () => Date.now(), engine: () => null });
  store.getState().applyMerged(state, Object.keys(state.progress));
  const items: [string, string][] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)!;
    items.push([key, storage.getItem(key)!]);
  }
  return {
    items,
    reviews: store.getState().reviewCount,
    cards: Object.keys(state.progress).length,
    chars: items.reduce((n, [k, v]) => n + k.length + v.length, 0),
    toGrade: cardsToGrade(ids, state),
  };
}

/** The cards today's queue offers now, as the review screen would build it. */
function cardsToGrade(ids: readonly string[], state: PersistedState): number {
  const queue = buildQueue({ ...state, ids, now: Date.now() });
  return queue.learning.length + queue.review.length + queue.new.length;
}

/**
 * `items` as the app leaves them after a visit that ends on the review screen: with the first
 * screens it keeps for the next visit (src/platform/firstScreen.ts): its own, valid for the rest of
 * the study day unless a learning card comes due first, and those of the next study days. The
 * visit is made at `at` (default: now) on the page's clock, and lasts until the page has settled
 * (the next days' cards have arrived); then the page is left for a blank one of the same origin, as
 * a learner closes the tab, and storage is read back whole.
 */
export async function leftFromReview(
  browser: Browser,
  url: string,
  items: readonly [string, string][],
  at?: number,
): Promise<[string, string][]> {
  const { page, close } = await openPage(browser);
  try {
    if (at !== undefined) await page.clock.install({ time: at });
    await fillStorage(page, url, items);
    await page.goto(`${url}#/review`);
    await page.locator('html[data-app="ready"] #card-question').waitFor({ state: 'visible' });
    await settle(page);
    await page.goto(new URL(BLANK_PAGE, url).href);
    const stored = await page.evaluate(() =>
      Object.keys(localStorage).map((k): [string, string] => [k, localStorage.getItem(k)!]),
    );
    if (!stored.some(([k]) => k === FIRST_SCREEN_KEY)) {
      throw new Error('the app kept no first screen on leaving the review screen');
    }
    return stored;
  } finally {
    await close();
  }
}
