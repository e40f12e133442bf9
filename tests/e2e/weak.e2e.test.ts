// Weak in Chromium: one card forgotten again and again across moved clock days becomes a leech,
// first on Weak; starring with * shows there; Drill weak runs to its summary.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForFile } from './support/app.ts';
import { DESKTOP, newContext, openApp } from './support/phone.ts';

const SHARD_PREFIX = 'rnn-flashcards/progress/p/';

const app = appForFile();

const question = (page: Page) => page.locator('#card-question');

/** The due time of the one card with progress, read from the stored progress shards. */
function dueOfOnlyCard(page: Page): Promise<number> {
  return page.evaluate((prefix) => {
    const dues: number[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (!key.startsWith(prefix)) continue;
      const shard = JSON.parse(localStorage.getItem(key)!) as { c: Record<string, number[]> };
      for (const tuple of Object.values(shard.c)) if (tuple.length > 1) dues.push(tuple[1]!);
    }
    if (dues.length !== 1) throw new Error(`expected one card with progress, found ${dues.length}`);
    return dues[0]!;
  }, SHARD_PREFIX);
}

/** Moves the clock to just after the card is due, and waits for it on screen. */
async function untilDue(page: Page, text: string) {
  const due = await dueOfOnlyCard(page);
  const now = await page.evaluate(() => Date.now());
  if (due > now) await page.clock.fastForward(due - now + 60_000);
  await expect.poll(() => question(page).textContent()).toBe(text);
}

async function grade(page: Page, name: 'Again' | 'Good' | 'Easy') {
  await page.keyboard.press('Space');
  await page.getByRole('button', { name }).waitFor();
  await page.keyboard.press({ Again: '1', Good: '3', Easy: '4' }[name]);
}

describe('Weak in Chromium', () => {
  it('finds a card forgotten four times first on Weak as a leech, starred, and drills it', async () => {
    const context = await newContext(app.browser, { viewport: DESKTOP });
    const { page, errors } = await openApp(context, app.url);
    await page.getByRole('button', { name: 'Skip' }).click();

    // One card only: no new cards after it.
    await page.goto(`${app.url}#/settings`);
    const newPerDay = page.getByLabel('New cards per day');
    await newPerDay.fill('1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.goto(`${app.url}#/review`);

    const first = (await question(page).textContent())!;
    // Starred from the review screen with *: the button says so.
    await page.keyboard.press('*');
    await page.getByRole('button', { name: 'Unstar' }).waitFor();
    await grade(page, 'Easy'); // straight to review, days away
    await expect.poll(() => question(page).count()).toBe(0);
    await page.goto(`${app.url}#/settings`);
    await newPerDay.fill('0');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.goto(`${app.url}#/review`);

    for (let lapse = 1; lapse <= 4; lapse++) {
      await untilDue(page, first);
      await grade(page, 'Again'); // forgotten: a lapse, relearning for 10 minutes
      if (lapse === 4) break;
      await untilDue(page, first);
      await grade(page, 'Good'); // back to review
    }

    await page.getByRole('link', { name: 'Weak' }).click();
    const row = page.locator('.weak-row').first();
    await expect.poll(() => row.locator('.weak-question').textContent()).toBe(first);
    expect(await row.locator('.weak-reasons li').allTextContents()).toEqual(
      expect.arrayContaining(['Forgotten 4 times', 'Starred', 'Leech']),
    );
    expect(await row.getAttribute('class')).toContain('is-leech');
    expect(await page.locator('.weak-summary').textContent()).toBe('1 card reviewed · leeches: 1');

    // Drill weak: the one leech, not due (relearning in 10 minutes), so practice.
    await page.getByRole('link', { name: 'Drill weak' }).click();
    await expect.poll(() => page.url()).toContain('#/practice/weak');
    await expect.poll(() => page.locator('.practice-progress').textContent()).toContain('1 / 1');
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Hard' }).waitFor();
    await page.keyboard.press('2');
    await page.getByText('Session done').waitFor();
    expect(await page.getByText('1 card graded · 0 counted as reviews').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
