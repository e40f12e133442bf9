// The app on a phone (390×844 and 360 px wide, touch screen) and by keyboard alone: reviewing
// by taps and swipes, settings by touch, no sideways page scrolling on any card of the seed
// deck, tap targets of at least 44 px, and a visible focus ring everywhere.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForFile } from './support/app.ts';
import {
  DESKTOP,
  PHONE,
  SMALL_PHONE,
  newContext,
  openApp,
  pageOverflowsX,
  swipe,
} from './support/phone.ts';

const app = appForFile();

const counts = (page: Page) => page.getByLabel('Cards left today').textContent();
const questionText = (page: Page) => page.locator('#card-question').textContent();
const answerShown = (page: Page) => page.locator('.card-answer').isVisible();
const feedback = (page: Page) => page.locator('.review-feedback').textContent();

describe('on a phone', () => {
  it('reviews by touch: swipe to reveal, → Good, ← Again, tap Undo and a grade', async () => {
    const context = await newContext(app.browser, { viewport: PHONE, touch: true });
    const { page, errors } = await openApp(context, app.url);

    // First run: the introduction, skipped by a tap, is not shown again.
    await page.getByRole('dialog').waitFor();
    await page.getByRole('button', { name: 'Skip' }).tap();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.reload();
    await page.locator('.card').waitFor();
    expect(await page.getByRole('dialog').isVisible()).toBe(false);

    // The hint is there on a touch screen.
    const hint = page.locator('.swipe-hint');
    expect(await hint.isVisible()).toBe(true);
    expect(await hint.textContent()).toBe('Swipe the card sideways to show the answer');

    const card = page.locator('.card');
    const q1 = await questionText(page);
    // Too short a swipe does nothing (and slow: 40 px in 20 steps).
    await swipe(page, card, { dx: -40 }, { steps: 20 });
    expect(await answerShown(page)).toBe(false);

    await swipe(page, card, { dx: -150 });
    await expect.poll(() => answerShown(page)).toBe(true);
    expect(await hint.textContent()).toBe('Swipe ← Again · → Good');

    // Scrolling up and down the answer is not a swipe.
    await swipe(page, card, { dx: 10, dy: -200 });
    expect(await page.locator('.grades').isVisible()).toBe(true);
    expect(await counts(page)).toBe('New 10Learning 0Review 0');

    await swipe(page, card, { dx: 150 }); // → Good
    await expect.poll(() => feedback(page)).toBe('Good · back in 10 minutes');
    expect(await counts(page)).toBe('New 9Learning 1Review 0');
    const q2 = await questionText(page);
    expect(q2).not.toBe(q1);

    await swipe(page, card, { dx: 150 }); // either way reveals
    await expect.poll(() => answerShown(page)).toBe(true);
    await swipe(page, card, { dx: -150 }); // ← Again
    await expect.poll(() => feedback(page)).toBe('Again · back in 1 minute');
    expect(await counts(page)).toBe('New 8Learning 2Review 0');

    await page.getByRole('button', { name: 'Undo' }).tap();
    await expect.poll(() => feedback(page)).toBe('Grade undone');
    expect(await questionText(page)).toBe(q2);
    expect(await answerShown(page)).toBe(false);
    expect(await counts(page)).toBe('New 9Learning 1Review 0');

    await page.getByRole('button', { name: 'Show answer' }).tap();
    await page.getByRole('button', { name: 'Easy' }).tap();
    await expect.poll(() => feedback(page)).toMatch(/^Easy · back in \d+ days$/);
    expect(await counts(page)).toBe('New 8Learning 1Review 0');

    // After a swipe the card is back in place and nothing is left scrolled sideways.
    expect(await card.getAttribute('data-swiping')).toBeNull();
    expect(await pageOverflowsX(page)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('changes settings by touch: language, theme and new cards per day', async () => {
    const context = await newContext(app.browser, {
      viewport: PHONE,
      touch: true,
      preferences: { introSeen: true },
    });
    const { page, errors } = await openApp(context, app.url);
    await page.getByRole('link', { name: 'Settings' }).tap();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();

    await page.getByRole('radio', { name: '简体中文' }).tap();
    await page.getByRole('heading', { name: '设置', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    await page.getByRole('radio', { name: '深色' }).tap();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(
      await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
    ).toBe('rgb(21, 23, 27)');

    const perDay = page.getByLabel('每天新卡片数量');
    await perDay.tap();
    await perDay.fill('abc');
    await page.getByRole('button', { name: '保存' }).tap();
    await page.getByText('请输入 0 到 9999 之间的整数。').waitFor();
    await perDay.fill('3');
    await page.getByRole('button', { name: '保存' }).tap();
    await page.getByText('已保存。新设置从下一次复习起生效。').waitFor();

    await page.getByRole('link', { name: '复习' }).tap();
    await expect
      .poll(() => page.getByLabel('今天剩余的卡片').textContent())
      .toBe('新卡片 3学习中 0待复习 0');

    // Remembered over a reload, applied before the first paint.
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByRole('button', { name: '显示答案' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    ['360', SMALL_PHONE],
    ['390', PHONE],
  ] as const)('never scrolls sideways on any of the 16 cards at %s px', async (_, viewport) => {
    const context = await newContext(app.browser, {
      viewport,
      touch: true,
      // The seed deck's 16 cards (the equations deck has its own, and its own e2e).
      preferences: { introSeen: true, deck: 'rnn' },
    });
    const { page, errors } = await openApp(context, app.url);
    await page.getByRole('link', { name: 'Settings' }).tap();
    await page.getByLabel('New cards per day').fill('20');
    await page.getByRole('button', { name: 'Save' }).tap();
    await page.getByText('Saved. New settings apply from your next review.').waitFor();
    expect(await pageOverflowsX(page)).toBe(false);
    await page.getByRole('link', { name: 'Review' }).tap();

    const seen = new Set<string>();
    for (let n = 1; n <= 16; n++) {
      await page
        .locator('.card-meta')
        .filter({ hasText: `Q${n}` })
        .waitFor();
      seen.add((await questionText(page)) ?? '');
      expect(await pageOverflowsX(page), `Q${n} question`).toBe(false);
      await page.getByRole('button', { name: 'Show answer' }).tap();
      await page.locator('.grades').waitFor();
      const images = page.locator('.card-answer img');
      for (let i = 0; i < (await images.count()); i++) {
        await images.nth(i).evaluate((img: HTMLImageElement) => img.decode());
      }
      expect(await pageOverflowsX(page), `Q${n} answer`).toBe(false);
      // Nothing inside the card sticks out of it either (wide things scroll in their own box).
      const overflowing = await page.evaluate(() => {
        const card = document.querySelector('.card')!.getBoundingClientRect();
        return [...document.querySelectorAll('.card *')]
          .filter((el) => !el.closest('pre, .katex-display, .scroll-x, table'))
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && (r.right > card.right + 0.5 || r.left < card.left - 0.5);
          })
          .map((el) => el.outerHTML.slice(0, 80));
      });
      expect(overflowing, `Q${n}`).toEqual([]);
      await page.getByRole('button', { name: 'Easy' }).tap();
    }
    expect(seen.size).toBe(16);
    await page.getByText('Done for today').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gives every control a tap target of at least 44×44 px', async () => {
    const context = await newContext(app.browser, { viewport: SMALL_PHONE, touch: true });
    const { page } = await openApp(context, app.url);

    // Controls, not links inside card text (those are inline, which WCAG 2.5.8 exempts).
    const small = () =>
      page.evaluate(() =>
        [
          ...document.querySelectorAll<HTMLElement>(
            'button, a[href]:not(.prose a), select, input:not([type=radio]), .segmented span',
          ),
        ]
          .filter((el) => el.offsetParent !== null || el.closest('dialog[open]'))
          // A visually hidden file input or a checkbox is reached through its label too, which
          // is then the target.
          .map((el) =>
            el.matches('label > input.visually-hidden, label > input[type=checkbox]')
              ? el.parentElement!
              : el,
          )
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
          .map(({ el, r }) => `${el.outerHTML.slice(0, 60)} ${r.width}×${r.height}`),
      );

    await page.getByRole('dialog').waitFor();
    expect(await small(), 'introduction').toEqual([]);
    await page.getByRole('button', { name: 'Next' }).tap();
    expect(await small(), 'introduction, step 2').toEqual([]);
    await page.getByRole('button', { name: 'Skip' }).tap();
    expect(await small(), 'question').toEqual([]);
    await page.getByRole('button', { name: 'Show answer' }).tap();
    expect(await small(), 'answer').toEqual([]);
    await page.getByRole('button', { name: 'Good' }).tap();
    await page.getByRole('link', { name: 'Settings' }).tap();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await small(), 'settings').toEqual([]);
    await page.getByRole('button', { name: 'Reset all progress…' }).tap();
    expect(await small(), 'reset').toEqual([]);
    await context.close();
  });
});

describe('by keyboard alone', () => {
  it('reaches every control with Tab, with a visible focus ring', async () => {
    const context = await newContext(app.browser, { viewport: DESKTOP });
    const { page, errors } = await openApp(context, app.url);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        // A radio shows its ring on the segment drawn for it.
        const shown = el.matches('.segmented input') ? el.nextElementSibling! : el;
        const style = getComputedStyle(shown);
        return {
          name:
            (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ??
            el.getAttribute('aria-label') ??
            el.textContent?.trim() ??
            '',
          tag: el.tagName,
          ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        };
      });

    // The introduction has the keyboard first (once the app has taken over the dialog that is
    // in the page from the start); Enter goes through it.
    await page.getByRole('dialog').waitFor();
    await expect.poll(async () => (await focused()).name).toBe('Next');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // Review by keys; then Tab to Settings.
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    await expect
      .poll(() => page.getByLabel('Cards left today').textContent())
      .toBe('New 9Learning 1Review 0');
    const names: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (f.tag === 'BODY') continue; // past the last control, before wrapping to the first
      expect(f.ring, `focus ring on ${f.name}`).toBe(true);
      names.push(f.name);
      if (f.name === 'Settings') break;
    }
    expect(names).toContain('Settings');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();

    // Every control of the settings screen has a focus ring.
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (f.tag === 'BODY' || (f.tag === 'A' && seen.length > 0)) break; // the end of the page
      expect(f.ring, `focus ring on ${f.name}`).toBe(true);
      seen.push(f.name);
    }
    expect(seen).toEqual(
      expect.arrayContaining([
        'English',
        'System',
        'Desired retention',
        'New cards per day',
        'Maximum reviews per day',
        'Next day starts at',
        'Learning steps',
        'Relearning steps',
        'Save',
        'Restore defaults',
        'Show the introduction',
        'Reset all progress…',
      ]),
    );

    // A radio group is one Tab stop; arrows choose.
    await page.getByRole('radio', { name: 'English' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: '设置', level: 1 }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
