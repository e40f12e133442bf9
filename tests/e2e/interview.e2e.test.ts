import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForFile } from './support/app.ts';
import { DESKTOP, newContext, openApp } from './support/phone.ts';
import { answerMockQuestions } from './support/mock.ts';

/** What storage holds under a prefix, by key: progress records (due dates among them), log chunks. */
const stored = (page: Page, prefix: string) =>
  page.evaluate(
    (p) =>
      Object.fromEntries(
        Object.keys(localStorage)
          .filter((key) => key.startsWith(p))
          .sort()
          .map((key) => [key, localStorage.getItem(key)]),
      ),
    prefix,
  );
const PROGRESS = 'rnn-flashcards/progress/p/';
const LOG = 'rnn-flashcards/progress/log/';

const app = appForFile();

describe('interview mode in Chromium', () => {
  it('sets an interview three days ahead, reviews five cards, sees readiness and the plan change, rehearses it and crams', async () => {
    const context = await newContext(app.browser, { viewport: DESKTOP });
    const { page, errors } = await openApp(context, app.url);
    await page.getByRole('button', { name: 'Skip' }).click();

    await page.getByRole('link', { name: 'Interview' }).click();
    await page.getByLabel('Name').fill('Acme');
    // The form starts three days ahead, on the next whole hour: 30 Nov, 11:00.
    expect(await page.getByLabel('Date').inputValue()).toBe('2026-11-30');
    expect(await page.getByLabel('Time').inputValue()).toBe('11:00');
    await page.getByRole('button', { name: 'Add interview' }).click();
    const card = page.getByRole('article', { name: 'Acme' });
    await expect.poll(() => card.getByTestId('readiness').textContent()).toBe('0%');
    await expect.poll(() => card.getByText('in 3 days').count()).toBe(1);
    const planBefore = await card.getByRole('table').textContent();
    const followedBefore = await card.getByTestId('readiness-plan').textContent();

    await page.getByRole('link', { name: 'Review' }).click();
    for (let i = 0; i < 5; i++) {
      await page.locator('#card-question').waitFor();
      await page.keyboard.press('Space');
      await expect.poll(() => page.getByRole('button', { name: 'Good' }).isVisible()).toBe(true);
      await page.keyboard.press('3');
    }

    await page.getByRole('link', { name: 'Interview' }).click();
    await expect.poll(() => card.getByTestId('readiness').textContent()).not.toBe('0%');
    // The plan follows: bound by the daily limit its days may keep their counts, but what
    // following it reaches moves with the five cards now studied.
    const planAfter = await card.getByRole('table').textContent();
    const followedAfter = await card.getByTestId('readiness-plan').textContent();
    expect(followedBefore).toMatch(/^\d+%$/);
    expect(`${planAfter} ${followedAfter}`).not.toBe(`${planBefore} ${followedBefore}`);

    // A mock interview of three of its questions, through a reload, to its summary.
    await card.getByRole('link', { name: 'Mock interview' }).click();
    await page.getByRole('heading', { name: 'Mock interview: Acme' }).waitFor();
    await page.getByLabel('Questions').fill('3');
    await page.getByRole('button', { name: 'Start mock interview' }).click();
    await answerMockQuestions(page, 3, 2);
    expect(await page.locator('.mock-result').count()).toBe(3);
    await page.getByText(/^You recalled \d+% of the key points\.$/).waitFor();

    // A cram over its cards: each graded, none of their schedules moved.
    const before = await stored(page, PROGRESS);
    const logBefore = await stored(page, LOG);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Interview' }).click();
    await card.getByRole('link', { name: 'Cram its cards' }).click();
    await page.getByText('Interview: Acme').waitFor();
    const progress = await page.locator('.practice-progress').textContent();
    const total = Number(/Card 1 of (\d+)/.exec(progress ?? '')?.[1]);
    expect(total).toBeGreaterThan(5);
    for (let n = 1; n <= total; n++) {
      await page.locator('#practice-question').waitFor();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Again' }).waitFor();
      await page.keyboard.press(String(1 + (n % 4)));
    }
    await page.getByText('Session done').waitFor();
    expect(await stored(page, PROGRESS)).toEqual(before);
    expect(await stored(page, LOG)).not.toEqual(logBefore); // the grades are logged, as practice
    expect(errors).toEqual([]);
    await context.close();
  });
});
