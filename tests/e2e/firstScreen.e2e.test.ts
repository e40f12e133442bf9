// The first screen is in index.html: a first-time visitor sees the first question before any
// JavaScript runs; a returning learner never sees that card flash before their own due card.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appForFile } from './support/app.ts';
import { DESKTOP, newContext, START } from './support/phone.ts';

const app = appForFile();

const FIRST = 'RNN和CNN之间有什么区别？在哪些情况下分别使用彼此？';

/** Opens the app in `page` with its script held back; the function returned lets it load. */
async function openWithScriptHeld(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  // (The app's script holds the load event back: wait only for the page's HTML.)
  await page.goto(app.url, { waitUntil: 'commit' });
  await page.locator('#card-question').waitFor({ state: 'attached' });
  return release;
}

/** A desktop context for a learner past the introduction; its clock at START if asked. */
async function learnerContext(options: { clock?: boolean } = {}) {
  const context = await newContext(app.browser, {
    viewport: DESKTOP,
    preferences: { locale: 'en', introSeen: true },
    blockServiceWorkers: true,
  });
  if (options.clock) await context.clock.install({ time: START });
  return context;
}

const THIRD = '为什么在处理时间序列问题上，RNN会优于MLP？';

/** A new page of `context`, with its errors collected. */
async function pageWithErrors(context: BrowserContext) {
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, errors };
}

/** A new page with errors collected, the app opened and ready (on the context's clock). */
async function openApp(context: BrowserContext) {
  const { page, errors } = await pageWithErrors(context);
  await page.goto(app.url);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  return { page, errors };
}

/**
 * Grades `n` new cards Good from the keyboard, each once its question is shown, and waits for
 * each grade to be recorded (right after the next card is painted: then the counts change).
 */
async function gradeGood(page: Page, n: number) {
  const text = (selector: string) => () => page.locator(selector).textContent();
  for (let i = 0; i < n; i++) {
    const question = await text('#card-question')();
    const counts = await text('.counts')();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Good' }).waitFor();
    await page.keyboard.press('3');
    await expect.poll(text('#card-question')).not.toBe(question);
    await expect.poll(text('.counts')).not.toBe(counts);
  }
}

/** A new page with errors collected, the app opened with its script held back. */
async function openHeld(context: BrowserContext) {
  const { page, errors } = await pageWithErrors(context);
  const release = await openWithScriptHeld(page);
  return { page, errors, release };
}

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
    // (With the clock moved back, the first screen kept when they left cannot be trusted.)
    const context = await learnerContext({ clock: true });
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
    await context.clock.setSystemTime(START.getTime() - 60 * 60_000);
    const release = await openWithScriptHeld(page);
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

  it('shows a returning learner the card they left at once, and the app draws the same', async () => {
    const context = await learnerContext({ clock: true });
    const { page, errors } = await openApp(context);
    await gradeGood(page, 2);
    const counts = await page.locator('.counts').textContent();
    expect(counts).toMatch(/New\s*8\s*Learning\s*2\s*Review\s*0/);

    // Leaving and coming back: before any of the app's script, their card and counts are there.
    await context.clock.fastForward(5 * 60_000);
    const release = await openWithScriptHeld(page);
    expect(await page.locator('#card-question').textContent()).toBe(THIRD);
    expect(await page.locator('#card-question').isVisible()).toBe(true);
    expect(await page.locator('.counts').textContent()).toBe(counts);
    expect(await page.locator('.card-answer').textContent()).toBe('');
    // "Show answer" pressed now counts once the app listens.
    await page.getByRole('button', { name: 'Show answer' }).click();
    release();
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('.card-answer').isVisible()).toBe(true);
    expect(await page.locator('#card-question').textContent()).toBe(THIRD);
    expect(await page.locator('.counts').textContent()).toBe(counts);
    expect(errors).toEqual([]);

    // Once a learning card has come due (10 minutes after its grade), it is not shown again.
    await context.clock.fastForward(6 * 60_000);
    const later = await openWithScriptHeld(page);
    expect(await page.locator('#card-question').isVisible()).toBe(false);
    later();
    await expect.poll(() => page.locator('#card-question').textContent()).toBe(FIRST);
    await context.close();
  });

  it('shows a learner who comes back the next day that day’s first card at once', async () => {
    const context = await learnerContext({ clock: true });
    // (The code that draws the next days' screens comes once the page is idle.)
    const fetched: string[] = [];
    context.on('response', (response) => fetched.push(response.url()));
    const { page, errors } = await openApp(context);
    await gradeGood(page, 2);
    await expect
      .poll(() => fetched.some((url) => url.includes('/laterScreens-')), { timeout: 15_000 })
      .toBe(true);
    // A day later, without having studied in between: both learning cards are due, the first
    // graded first, and the day's new cards are back to the limit.
    await context.clock.fastForward(24 * 60 * 60_000);
    const release = await openWithScriptHeld(page);
    expect(await page.locator('#card-question').isVisible()).toBe(true);
    expect(await page.locator('#card-question').textContent()).toBe(FIRST);
    const counts = await page.locator('.counts').textContent();
    expect(counts).toMatch(/New\s*10\s*Learning\s*2\s*Review\s*0/);
    release();
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    expect(await page.locator('#card-question').textContent()).toBe(FIRST);
    expect(await page.locator('.counts').textContent()).toBe(counts);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('does not show the card a learner left in another time zone: its study days differ', async () => {
    const context = await learnerContext({ clock: true });
    const { page, errors } = await openApp(context);
    await gradeGood(page, 2);
    expect(errors).toEqual([]);
    // Left in Asia/Shanghai (the page goes away, as a closed tab does)…
    await page.goto('about:blank');
    const stored = await context.storageState();
    expect(JSON.stringify(stored)).toContain('rnn-flashcards/first-screen');
    await context.close();
    // …and opened five minutes later in New York, with the same storage.
    const abroad = await app.browser.newContext({
      viewport: DESKTOP,
      locale: 'en-US',
      timezoneId: 'America/New_York',
      serviceWorkers: 'block',
      storageState: stored,
    });
    await abroad.clock.install({ time: START.getTime() + 5 * 60_000 });
    const back = await openHeld(abroad);
    expect(await back.page.locator('#card-question').isVisible()).toBe(false);
    back.release();
    await expect.poll(() => back.page.locator('#card-question').isVisible()).toBe(true);
    expect(back.errors).toEqual([]);
    await abroad.close();
  });

  it('does not show the card a learner left once another tab has saved progress', async () => {
    const context = await learnerContext({ clock: true });
    const first = await openApp(context);
    await gradeGood(first.page, 2);
    await first.page.close();
    expect(first.errors).toEqual([]);
    // Another tab, still open, grades the card the first one left on.
    const second = await openApp(context);
    expect(await second.page.locator('#card-question').textContent()).toBe(THIRD);
    const kept = () =>
      second.page.evaluate(() => localStorage.getItem('rnn-flashcards/first-screen'));
    expect(await kept()).toContain('"card":"rnn/');
    await gradeGood(second.page, 1);
    expect(await kept()).toBeNull();
    const next = await second.page.locator('#card-question').textContent();
    expect(next).not.toBe(THIRD);

    const back = await openHeld(context);
    expect(await back.page.locator('#card-question').isVisible()).toBe(false);
    back.release();
    await expect.poll(() => back.page.locator('#card-question').textContent()).toBe(next);
    expect([...second.errors, ...back.errors]).toEqual([]);
    await context.close();
  });

  it('shows a first-time visitor the introduction at once, and the app takes over that very dialog', async () => {
    const context = await newContext(app.browser, { viewport: DESKTOP, blockServiceWorkers: true });
    const { page, errors, release } = await openHeld(context);
    const dialog = page.locator('dialog.intro');
    // Before any script: on screen over the card, not yet a modal dialog.
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('heading').textContent()).toBe('How it works');
    expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(false);
    await dialog.evaluate((d) => d.setAttribute('data-test-built-in', ''));
    const before = await dialog.boundingBox();
    release();
    // (Generous waits: on a loaded machine the app's scripts can take seconds to arrive.)
    await expect
      .poll(() => dialog.evaluate((d) => d.matches(':modal')), { timeout: 15_000 })
      .toBe(true);
    // The same element, in the same place (hydrated, not drawn again), with focus on "Next".
    expect(await dialog.getAttribute('data-test-built-in')).toBe('');
    expect(await dialog.boundingBox()).toEqual(before);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 15_000 })
      .toBe('Next');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('never shows the introduction to someone who has seen it', async () => {
    const context = await learnerContext();
    const { page, errors, release } = await openHeld(context);
    // Nothing stored but the preferences: the built-in card is theirs, the introduction is not.
    expect(await page.locator('#card-question').isVisible()).toBe(true);
    expect(await page.locator('dialog.intro').count()).toBe(1);
    expect(await page.locator('dialog.intro').isVisible()).toBe(false);
    release();
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('dialog.intro').count()).toBe(0);
    expect(await page.locator('#card-question').textContent()).toBe(FIRST);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a "Show answer" pressed before the app listens, and shows that answer once it does', async () => {
    const context = await learnerContext();
    const { page, errors, release } = await openHeld(context);
    // The built-in button, pressed while the app's script is still held back.
    await page.getByRole('button', { name: 'Show answer' }).click();
    expect(await page.locator('.card-answer').isVisible()).toBe(false);
    release();
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('.card-answer').isVisible()).toBe(true);
    expect(await page.locator('#card-question').textContent()).toBe(FIRST);
    await page.getByRole('button', { name: 'Good' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
