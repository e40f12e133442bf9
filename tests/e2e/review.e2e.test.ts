import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForFile } from './support/app.ts';

// 10:00 in Shanghai on 27 Nov 2026; the study day rolls over at 04:00 local.
const START = new Date('2026-11-27T02:00:00Z');
const STORAGE_KEY = 'rnn-flashcards/progress';

const app = appForFile();

const question = (page: Page) => page.locator('#card-question');
const counts = (page: Page) => page.getByLabel('Cards left today');

async function review(page: Page, grade: 'Again' | 'Good' | 'Easy') {
  await page.keyboard.press('Space');
  await expect.poll(() => page.getByRole('button', { name: grade }).isVisible()).toBe(true);
  await page.keyboard.press({ Again: '1', Good: '3', Easy: '4' }[grade]);
}

/** A phone-sized page in Shanghai's time, in a fresh context, with its errors collected. */
async function newPhonePage() {
  const context = await app.browser.newContext({
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

describe('review loop in Chromium', () => {
  it('reviews three cards, keeps them over a reload, and brings due cards back a day later', async () => {
    const { context, page, errors } = await newPhonePage();
    await page.clock.install({ time: START });
    await page.goto(app.url);
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    // A first visit opens with the introduction: skip it (it is not shown again).
    await page.getByRole('button', { name: 'Skip' }).click();

    await expect
      .poll(() => question(page).textContent())
      .toBe('RNN和CNN之间有什么区别？在哪些情况下分别使用彼此？');
    expect(await counts(page).textContent()).toBe('New 10Learning 0Review 0');
    // Once the question is painted, its hidden answer is laid out, yet shows nothing, takes no
    // room and is no one's to read or press until "Show answer".
    const answer = page.locator('.card-answer');
    await page.locator('.card-answer[data-prepared]').waitFor({ state: 'attached' });
    expect(await answer.isVisible()).toBe(false);
    expect((await answer.boundingBox())?.height).toBe(0);
    expect(await page.getByRole('button', { name: 'Good' }).count()).toBe(0);
    await page.keyboard.press('Space');
    await expect.poll(() => answer.isVisible()).toBe(true);
    expect((await answer.boundingBox())?.height).toBeGreaterThan(50);
    await page.getByRole('button', { name: 'Good' }).waitFor();
    await page.reload(); // (question first again: nothing was graded)
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });

    await review(page, 'Again'); // Q1 → back in 1 minute
    await expect.poll(() => question(page).textContent()).toBe('RNN网络在NLP领域有什么运用？');
    await review(page, 'Good'); // Q2 → back in 10 minutes
    await review(page, 'Easy'); // Q3 → days away
    await expect
      .poll(() => question(page).textContent())
      .toBe('RNN的输入有几个维度？每个维度分别代表什么？RNN的输出呢？');

    // The counts change once the last grade is recorded (after the next card is painted).
    await expect.poll(() => counts(page).textContent()).toBe('New 7Learning 2Review 0');
    // Saved in localStorage: the meta record (version 3) and this week's log chunk, whose
    // entries encode grade × 4 + state in base 36: again/new, good/new, easy/new.
    const stored = await page.evaluate((key) => {
      const out: Record<string, string> = {};
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i)!;
        if (k.startsWith(key)) out[k] = localStorage.getItem(k)!;
      }
      return out;
    }, STORAGE_KEY);
    expect(JSON.parse(stored[STORAGE_KEY]!).version).toBe(3);
    const chunks = Object.keys(stored).filter((k) => k.startsWith(`${STORAGE_KEY}/log/`));
    expect(chunks).toHaveLength(1);
    const chunk = JSON.parse(stored[chunks[0]!]!) as { v: number; e: string };
    expect(chunk.v).toBe(3);
    expect(chunk.e.split(';').map((entry) => entry.split(',')[1])).toEqual(['0', '8', 'c']);

    await page.reload();
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    await expect.poll(() => counts(page).textContent()).toBe('New 7Learning 2Review 0');
    await expect
      .poll(() => question(page).textContent())
      .toBe('RNN的输入有几个维度？每个维度分别代表什么？RNN的输出呢？');

    // A day later: the learning cards are due again, first the one due earliest, and a new
    // study day brings a fresh allowance of new cards.
    await page.clock.fastForward('24:00:00');
    await page.reload();
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    await expect
      .poll(() => question(page).textContent())
      .toBe('RNN和CNN之间有什么区别？在哪些情况下分别使用彼此？');
    expect(await counts(page).textContent()).toBe('New 10Learning 2Review 0');

    // A grade is kept even when the page is left the moment it is given: the next card is
    // shown first, and the grade recorded after that frame, or as the page goes. With the
    // page's clock stopped no frame callback runs, so only leaving the page can record it.
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Easy' }).isVisible()).toBe(true);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    await page.keyboard.press('4');
    expect(await question(page).textContent()).toBe('RNN网络在NLP领域有什么运用？');
    expect(await counts(page).textContent()).toBe('New 10Learning 2Review 0');
    await page.reload();
    await page.clock.resume();
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    await expect.poll(() => counts(page).textContent()).toBe('New 10Learning 1Review 0');
    expect(await question(page).textContent()).toBe('RNN网络在NLP领域有什么运用？');
    expect(errors).toEqual([]);
    await context.close();
  });

  // Issue 12, 15: the introduction is drawn over the card before its code arrives to make it a
  // modal dialog; until then, keys and clicks must not reach the card behind it either.
  it('keeps keys and clicks from the card while the introduction is over it, before it is modal', async () => {
    const { context, page, errors } = await newPhonePage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/Onboarding-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(app.url);
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    const intro = page.locator('dialog.intro');
    expect(await intro.isVisible()).toBe(true);
    expect(await intro.evaluate((d) => d.matches(':modal'))).toBe(false);
    const answer = page.locator('.card-answer');
    const showAnswer = await page.locator('.btn-reveal').boundingBox();
    for (const key of ['Space', 'Enter', '3']) await page.keyboard.press(key);
    await page.mouse.click(showAnswer!.x + showAnswer!.width / 2, showAnswer!.y + 4);
    await page.waitForTimeout(100);
    expect(await answer.isVisible()).toBe(false);

    release();
    await expect.poll(() => intro.evaluate((d) => d.matches(':modal'))).toBe(true);
    await page.keyboard.press('Space'); // (on its focused Next button: the next step)
    await expect.poll(() => intro.getByRole('heading').textContent()).not.toBe('How it works');
    expect(await answer.isVisible()).toBe(false);
    await intro.getByRole('button', { name: 'Skip' }).click();
    await page.keyboard.press('Space');
    await expect.poll(() => answer.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
