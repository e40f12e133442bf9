// Helpers for the phone, theme and language end-to-end tests: browser contexts with a given
// viewport, scheme and language, saved preferences, real touch swipes, and screenshots kept
// under test-results/screenshots/ (gitignored) for a person to look at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export const PREFERENCES_KEY = 'rnn-flashcards/preferences';
/** 10:00 in Shanghai on 27 Nov 2026, as in review.e2e.test.ts. */
export const START = new Date('2026-11-27T02:00:00Z');
export const SCREENSHOT_DIR = path.resolve(
  import.meta.dirname,
  '../../../test-results/screenshots',
);

export const PHONE = { width: 390, height: 844 } as const;
export const SMALL_PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

export interface ContextOptions {
  viewport: { width: number; height: number };
  /** The system's scheme (prefers-color-scheme). */
  colorScheme?: 'light' | 'dark';
  /** The browser's language: navigator.language(s). */
  locale?: string;
  /** A touch screen (pointer: coarse, touch events). */
  touch?: boolean;
  /** Saved preferences, written before the app's first load (not on later reloads). */
  preferences?: {
    locale?: 'en' | 'zh';
    theme?: 'system' | 'light' | 'dark';
    introSeen?: boolean;
    /** The deck being studied (its slug); all decks when absent. */
    deck?: string;
  };
  blockServiceWorkers?: boolean;
}

export async function newContext(browser: Browser, options: ContextOptions) {
  const context = await browser.newContext({
    viewport: options.viewport,
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    timezoneId: 'Asia/Shanghai',
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
    deviceScaleFactor: 1,
    // Requests answered by a service worker cannot be intercepted; tests that route opt out.
    ...(options.blockServiceWorkers ? { serviceWorkers: 'block' as const } : {}),
  });
  if (options.preferences) {
    const state = { locale: 'en', theme: 'system', introSeen: true, ...options.preferences };
    await context.addInitScript(
      ({ key, value }) => {
        if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
      },
      { key: PREFERENCES_KEY, value: JSON.stringify({ state, version: 1 }) },
    );
  }
  return context;
}

/** A page at START with errors collected, the app loaded. */
export async function openApp(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.clock.install({ time: START });
  await page.goto(url);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  return { page, errors };
}

/**
 * A real touch swipe through the DevTools protocol (touchstart, moves, touchend), so the browser
 * applies `touch-action` and turns it into pointer events as on a phone.
 */
export async function swipe(
  page: Page,
  target: Locator,
  delta: { dx: number; dy?: number },
  options: { steps?: number; from?: { x: number; y: number } } = {},
) {
  const box = await target.boundingBox();
  if (!box) throw new Error('swipe target is not visible');
  const x0 = options.from?.x ?? box.x + box.width / 2;
  const y0 = options.from?.y ?? box.y + Math.min(box.height / 2, 200);
  const steps = options.steps ?? 12;
  const cdp = await page.context().newCDPSession(page);
  const point = (x: number, y: number) => [{ x, y }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(x0, y0) });
  for (let i = 1; i <= steps; i++) {
    const x = x0 + (delta.dx * i) / steps;
    const y = y0 + ((delta.dy ?? 0) * i) / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x, y) });
  }
  const end = { x: x0 + delta.dx, y: y0 + (delta.dy ?? 0) };
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchMove',
    touchPoints: point(end.x, end.y),
  });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  // Chromium turns a tap that comes right after a fast swipe into "stop the fling" and sends no
  // click (a phone does the same): leave a person's pause before whatever comes next.
  await new Promise((resolve) => setTimeout(resolve, 400));
  await cdp.detach();
}

export async function screenshot(page: Page, name: string, fullPage = false) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({
    path: path.join(SCREENSHOT_DIR, `${name}.png`),
    fullPage,
    animations: 'disabled',
    caret: 'hide',
  });
}

/** Whether the page scrolls sideways (it never should). */
export function pageOverflowsX(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

/** Interface words the end-to-end tests look for, in both languages. */
export const UI_TEXT = {
  en: {
    next: 'Next',
    start: 'Start reviewing',
    show: 'Show answer',
    settings: 'Settings',
    review: 'Review',
    newPerDay: 'New cards per day',
    save: 'Save',
    reset: 'Reset all progress…',
    cancel: 'Cancel',
    done: 'Done for today',
  },
  zh: {
    next: '下一步',
    start: '开始复习',
    show: '显示答案',
    settings: '设置',
    review: '复习',
    newPerDay: '每天新卡片数量',
    save: '保存',
    reset: '重置全部进度…',
    cancel: '取消',
    done: '今天的复习完成了',
  },
} as const;
