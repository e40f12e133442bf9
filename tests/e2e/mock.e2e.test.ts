// A mock interview of three questions in Chromium, with ticked key points and a reload in the
// middle, to its summary; then it is listed among past mock interviews.
import { describe, expect, it } from 'vitest';
import { appForFile } from './support/app.ts';
import { answerMockQuestions } from './support/mock.ts';
import { newContext, openApp, PHONE } from './support/phone.ts';

const app = appForFile();

describe('mock interview in Chromium', () => {
  it('runs three questions through a reload to the summary', async () => {
    const context = await newContext(app.browser, { viewport: PHONE, preferences: {} });
    const { page, errors } = await openApp(context, `${app.url}#/mock`);

    await page.getByLabel('Questions').fill('3');
    const start = page.getByRole('button', { name: 'Start mock interview' });
    await expect.poll(() => start.isEnabled()).toBe(true);
    await start.click();

    const times = await answerMockQuestions(page, 3, 2);
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
