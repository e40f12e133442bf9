// Browse in the built app: a card found by a Chinese word, opened with its history, suspended,
// and gone from the review queue's counts; then screenshots of the screen and of an opened card
// (phone 360×740 and desktop, light and dark, English and Chinese): test-results/screenshots/
// browse-*.png.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForFile } from './support/app.ts';
import {
  DESKTOP,
  SMALL_PHONE,
  newContext,
  openApp,
  pageOverflowsX,
  screenshot,
} from './support/phone.ts';

const app = appForFile();

const counts = (page: Page) => page.getByLabel('Cards left today');
const FIRST_QUESTION = 'RNN和CNN之间有什么区别？在哪些情况下分别使用彼此？';

/** Grades the card on screen (Space shows the answer, then the grade's key). */
async function grade(page: Page, key: '1' | '3') {
  await page.keyboard.press('Space');
  await page.locator(key === '1' ? '.btn-grade.grade-again' : '.btn-grade.grade-good').waitFor();
  await page.keyboard.press(key);
}

describe('Browse', () => {
  it('finds a card by a Chinese word, shows its history, and suspending it takes it out of the queue', async () => {
    const context = await newContext(app.browser, {
      viewport: SMALL_PHONE,
      preferences: { introSeen: true },
    });
    const { page, errors } = await openApp(context, app.url);
    await expect.poll(() => page.locator('#card-question').textContent()).toBe(FIRST_QUESTION);
    await grade(page, '1');
    await expect.poll(() => counts(page).textContent()).toBe('New 9Learning 1Review 0');

    await page.getByRole('link', { name: 'Browse' }).click();
    const search = page.getByRole('searchbox', { name: 'Search questions and answers' });
    await search.fill('彼此');
    await expect.poll(() => page.locator('.browse-count').textContent()).toBe('1 card matches');
    const row = page.getByRole('button', { name: /RNN和CNN之间有什么区别/ });
    await row.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'RNN · Q1' });
    await dialog.waitFor();
    const history = dialog.locator('.browse-history tbody tr');
    await expect.poll(() => history.count()).toBe(1);
    // (The answer time is "—" until the review screen records one, or a figure in seconds.)
    const cells = await history.locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['Nov 27, 2026, 10:00 AM', 'Again', 'Review']);
    expect(cells[3]).toMatch(/^(—|[\d.]+ sec)$/);
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await dialog.getByRole('button', { name: 'Unsuspend' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await row.textContent()).toContain('Suspended');

    await page.getByRole('link', { name: 'Review' }).click();
    await expect.poll(() => counts(page).textContent()).toBe('New 9Learning 0Review 0');
    // It stays out after a reload: the flag is stored.
    await page.reload();
    await expect.poll(() => counts(page).textContent()).toBe('New 9Learning 0Review 0');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws the list and an opened card on a phone and a desktop, light and dark, in both languages', async () => {
    for (const locale of ['en', 'zh'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        for (const [size, viewport] of [
          ['phone', SMALL_PHONE],
          ['desktop', DESKTOP],
        ] as const) {
          const context = await newContext(app.browser, {
            viewport,
            preferences: { introSeen: true, locale, theme },
          });
          const { page, errors } = await openApp(context, app.url);
          // Some history: two cards graded.
          await page.locator('#card-question').waitFor();
          await grade(page, '1');
          await grade(page, '3');
          await page.locator('.nav a[href="#/browse"]').click();
          await page.locator('.browse-count').waitFor();
          const name = `browse-${size}-${theme}-${locale}`;
          expect(await pageOverflowsX(page)).toBe(false);
          await screenshot(page, `${name}-list`);
          await page.locator('.browse-row').first().click();
          await page.locator('.browse-history').waitFor();
          await screenshot(page, `${name}-card`);
          expect(errors).toEqual([]);
          await context.close();
        }
      }
    }
  }, 300_000);
});
