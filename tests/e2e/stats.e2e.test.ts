import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForFile } from './support/app.ts';
import { SMALL_PHONE, newContext, openApp } from './support/phone.ts';

// The clock starts at 10:00 in Shanghai on 27 Nov 2026 (START, support/phone.ts); the study day
// rolls over at 04:00 local.
const app = appForFile();

async function gradeGood(page: Page) {
  await page.keyboard.press('Space');
  await expect.poll(() => page.getByRole('button', { name: 'Good' }).isVisible()).toBe(true);
  const question = await page.locator('#card-question').textContent();
  await page.keyboard.press('3');
  // The next card (or the learning step of this one) is on screen.
  await expect.poll(() => page.locator('#card-question').textContent()).not.toBe(question);
}

describe('Stats in Chromium', () => {
  it('counts the reviews of two days and their streak', async () => {
    const context = await newContext(app.browser, { viewport: SMALL_PHONE });
    const { page, errors } = await openApp(context, app.url);
    await page.getByRole('button', { name: 'Skip' }).click();

    // Day one: three new cards; day two (a day later): two more.
    for (let i = 0; i < 3; i++) await gradeGood(page);
    await page.clock.fastForward('24:00:00');
    await page.reload();
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    for (let i = 0; i < 2; i++) await gradeGood(page);

    await page.getByRole('link', { name: 'Stats' }).click();
    await expect.poll(() => page.getByTestId('stats-reviews').textContent()).toBe('5');
    expect(await page.getByTestId('stats-streak').textContent()).toBe('2 days');
    expect(await page.locator('#stats-activity + figure figcaption').textContent()).toContain(
      'Last 12 months: reviews 5, practice 0, days studied 2.',
    );
    // The heatmap fits the phone by scrolling in its own box, not the page.
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(360);
    expect(await page.title()).toBe('Stats · RNN flashcards');
    expect(errors).toEqual([]);
    await context.close();
  });
});
