// A mock interview of three questions in Chromium, with ticked key points and a reload in the
// middle, to its summary; then it is listed among past mock interviews.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app.ts';

const START = new Date('2026-11-27T02:00:00Z');

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('mock interview in Chromium', () => {
  it('runs three questions through a reload to the summary', async () => {
    const context = await app.browser.newContext({
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.clock.install({ time: START });
    await page.goto(`${app.url}#/mock`);
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    const skip = page.getByRole('button', { name: 'Skip' });
    if (await skip.isVisible()) await skip.click();

    await page.getByLabel('Questions').fill('3');
    const start = page.getByRole('button', { name: 'Start mock interview' });
    await expect.poll(() => start.isEnabled()).toBe(true);
    await start.click();

    const times: string[] = [];
    for (let n = 1; n <= 3; n++) {
      await page.getByText(`Question ${n} of 3`, { exact: true }).first().waitFor();
      if (n === 2) {
        await page.reload(); // the session, its question and its clock survive
        await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
        await page.getByText('Question 2 of 3', { exact: true }).first().waitFor();
      }
      // The clock starts once the question is drawn.
      await page.getByRole('timer').waitFor();
      await page.clock.runFor(20_000);
      await expect.poll(() => page.getByRole('timer').textContent()).toMatch(/^0:2\d/);
      times.push((await page.getByRole('timer').textContent())!.slice(0, 4));
      await page.getByRole('button', { name: 'Show answer' }).click();
      const boxes = page.getByRole('checkbox');
      await boxes.first().waitFor();
      await boxes.first().check();
      await page.getByRole('button', { name: n < 3 ? 'Next question' : 'See the summary' }).click();
    }

    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    expect(await page.locator('.mock-result').count()).toBe(3);
    expect(times[0]).toBe('0:20');
    const overall = await page.getByText(/^You recalled \d+% of the key points\.$/).textContent();
    expect(overall).toMatch(/^You recalled \d+%/);
    // Never reviewed: the app predicted no recall for these cards.
    expect(await page.getByText('The app predicted 0% recall for these cards.').count()).toBe(1);
    const timeCells = await page
      .locator('.mock-result-figures div:nth-child(2) dd')
      .allTextContents();
    expect(timeCells[0]).toBe('0:20');

    await page.getByRole('button', { name: 'New mock interview' }).click();
    await page.getByRole('heading', { name: 'Past mock interviews' }).waitFor();
    expect(await page.locator('.mock-history li').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
