// The first screen is in index.html: a first-time visitor sees the first question before any
// JavaScript runs; a returning learner never sees that card flash before their own due card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app.ts';
import { DESKTOP, newContext, START } from './support/phone.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const FIRST = 'RNN和CNN之间有什么区别？在哪些情况下分别使用彼此？';

describe('the first screen', () => {
  it('shows the first question, with its answer already in the page, without JavaScript', async () => {
    const context = await app.browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(app.url);
    await expect(page.locator('#card-question').textContent()).resolves.toBe(FIRST);
    expect(await page.locator('#card-question').isVisible()).toBe(true);
    // The answer is there, hidden: revealing it is a change of style, not a render.
    const answer = page.locator('.card-answer');
    expect(await answer.count()).toBe(1);
    expect(await answer.isVisible()).toBe(false);
    expect(await answer.textContent()).toContain('CNN对数据执行卷积操作');
    await context.close();
  });

  it('hides the built-in card from a returning learner until their own due card is drawn', async () => {
    const context = await newContext(app.browser, {
      viewport: DESKTOP,
      preferences: { locale: 'en', introSeen: true },
      blockServiceWorkers: true,
    });
    await context.clock.install({ time: START });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    // Grade the first two cards, so the third is due first next time.
    for (const key of ['4', '4']) {
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Good' }).waitFor();
      await page.keyboard.press(key);
    }
    await expect
      .poll(() => page.locator('#card-question').textContent())
      .toBe('为什么在处理时间序列问题上，RNN会优于MLP？');

    // Next visit: hold the app's script back and look at the page as it is before it runs.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // (A module script holds DOMContentLoaded back: wait only for the page's HTML.)
    await page.goto(app.url, { waitUntil: 'commit' });
    await page.locator('#card-question').waitFor({ state: 'attached' });
    expect(await page.locator('#root').getAttribute('data-prerendered')).toBe('');
    expect(await page.locator('#card-question').textContent()).toBe(FIRST);
    // In the page, but not visible: the built-in first card is not this learner's.
    expect(await page.locator('#card-question').isVisible()).toBe(false);
    release();
    await expect
      .poll(() => page.locator('#card-question').textContent())
      .toBe('为什么在处理时间序列问题上，RNN会优于MLP？');
    expect(await page.locator('#card-question').isVisible()).toBe(true);
    await context.close();
  });
});
