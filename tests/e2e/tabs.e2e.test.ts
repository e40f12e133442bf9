// Two tabs of the app on one browser profile, reviewing in turns: every review made in either
// tab ends up in both, and in storage.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForFile } from './support/app.ts';
import { DESKTOP, newContext, START } from './support/phone.ts';

const app = appForFile();

const question = (page: Page) => page.locator('#card-question').textContent();
const counts = (page: Page) => page.getByLabel('Cards left today').textContent();

async function grade(page: Page, key: '1' | '3' | '4') {
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Good' }).waitFor();
  await page.keyboard.press(key);
}

describe('two tabs', () => {
  it('interleave reviews and both end up with every review', async () => {
    const context = await newContext(app.browser, {
      viewport: DESKTOP,
      preferences: { locale: 'en', introSeen: true },
    });
    await context.clock.install({ time: START });
    const a = await context.newPage();
    const b = await context.newPage();
    await a.goto(app.url);
    await b.goto(app.url);
    for (const p of [a, b])
      await p.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    await expect.poll(() => question(a)).toBe('RNN和CNN之间有什么区别？在哪些情况下分别使用彼此？');
    await expect.poll(() => question(b)).toBe('RNN和CNN之间有什么区别？在哪些情况下分别使用彼此？');

    await grade(a, '3'); // A: Q1 Good
    // B hears of it through the storage event and moves on to Q2 by itself.
    await expect.poll(() => question(b)).toBe('RNN网络在NLP领域有什么运用？');
    await grade(b, '1'); // B: Q2 Again
    await expect.poll(() => counts(a)).toBe('New 8Learning 2Review 0');
    await expect.poll(() => question(a)).toBe('为什么在处理时间序列问题上，RNN会优于MLP？');
    await grade(a, '4'); // A: Q3 Easy
    await expect
      .poll(() => question(b))
      .toBe('RNN的输入有几个维度？每个维度分别代表什么？RNN的输出呢？');
    await grade(b, '4'); // B: Q4 Easy
    await expect.poll(() => question(a)).toBe('RNN和传统的全连接网络之间有什么差别？');
    await grade(a, '3'); // A: Q5 Good

    for (const page of [a, b]) {
      await expect.poll(() => counts(page)).toBe('New 5Learning 3Review 0');
      await page.goto(`${app.url}#/settings`);
      await expect
        .poll(() => page.getByText(/^This browser holds/).textContent())
        .toBe('This browser holds 5 reviews and the progress of 5 cards.');
    }
    // And a fresh tab reads the same from storage.
    const c = await context.newPage();
    await c.goto(`${app.url}#/settings`);
    await expect
      .poll(() => c.getByText(/^This browser holds/).textContent())
      .toBe('This browser holds 5 reviews and the progress of 5 cards.');
    await context.close();
  });

  it('finish mock interviews in turns and both keep every one', async () => {
    const context = await newContext(app.browser, {
      viewport: DESKTOP,
      preferences: { locale: 'en', introSeen: true },
    });
    const a = await context.newPage();
    const b = await context.newPage();
    const past = (page: Page) => page.locator('.mock-history li').count();
    async function oneQuestionMock(page: Page) {
      await page.getByLabel('Questions').fill('1');
      await page.getByRole('button', { name: 'Start mock interview' }).click();
      await page.getByRole('button', { name: 'Show answer' }).click();
      await page.getByRole('button', { name: 'See the summary' }).click();
      await page.getByRole('heading', { name: 'Summary' }).waitFor();
    }
    for (const page of [a, b]) {
      await page.goto(`${app.url}#/mock`);
      await page.getByRole('heading', { name: 'Past mock interviews' }).waitFor();
    }

    await oneQuestionMock(a);
    // B hears of it without a reload.
    await expect.poll(() => past(b)).toBe(1);
    await oneQuestionMock(b);
    await a.getByRole('button', { name: 'New mock interview' }).click();
    await expect.poll(() => past(a)).toBe(2);
    const c = await context.newPage();
    await c.goto(`${app.url}#/mock`);
    await expect.poll(() => past(c)).toBe(2);
    await context.close();
  });
});
