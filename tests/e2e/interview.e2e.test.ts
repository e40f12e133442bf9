import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app.ts';

// 10:00 in Shanghai on 27 Nov 2026.
const START = new Date('2026-11-27T02:00:00Z');

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('interview mode in Chromium', () => {
  it('sets an interview three days ahead, reviews five cards, and sees readiness and the plan change', async () => {
    const context = await app.browser.newContext({
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.clock.install({ time: START });
    await page.goto(app.url);
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
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
    expect(errors).toEqual([]);
    await context.close();
  });
});
