// Screenshots of every screen (first run, review question and answer, the LSTM diagram, done,
// settings, the reset confirmation) on a phone (390×844) and a desktop (1280×800), in light and
// dark, in English and Chinese: test-results/screenshots/<screen>-<device>-<theme>-<lang>.png,
// kept as artifacts (not committed) for a person to look at. Along the way it checks that each
// screen is in the right language and theme and never scrolls sideways.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForFile } from './support/app.ts';
import {
  DESKTOP,
  PHONE,
  newContext,
  openApp,
  pageOverflowsX,
  screenshot,
  UI_TEXT,
} from './support/phone.ts';

const app = appForFile();

const TEXT = UI_TEXT;

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

async function expectNoSidewaysScroll(page: Page, where: string) {
  expect(await pageOverflowsX(page), where).toBe(false);
}

const combos = (['phone', 'desktop'] as const).flatMap((device) =>
  (['light', 'dark'] as const).flatMap((theme) =>
    (['en', 'zh'] as const).map(
      (lang) => [`${device} ${theme} ${lang}`, { device, theme, lang }] as const,
    ),
  ),
);

describe('every screen, both themes, both languages, phone and desktop', () => {
  it.each(combos)('%s', { timeout: 120_000 }, async (_, { device, theme, lang }) => {
    const context = await newContext(app.browser, {
      viewport: device === 'phone' ? PHONE : DESKTOP,
      colorScheme: theme,
      locale: lang === 'zh' ? 'zh-CN' : 'en-US',
      touch: device === 'phone',
    });
    const { page, errors } = await openApp(context, app.url);
    const tx = TEXT[lang];
    const name = (screen: string) => `${screen}-${device}-${theme}-${lang}`;

    // First run: the language comes from the browser; the theme from the system.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(
      lang === 'zh' ? 'zh-CN' : 'en',
    );
    expect(await background(page)).toBe(
      theme === 'dark' ? 'rgb(21, 23, 27)' : 'rgb(247, 247, 245)',
    );
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await screenshot(page, name('first-run-1'));
    await dialog.getByRole('button', { name: tx.next }).click();
    await screenshot(page, name('first-run-2'));
    await dialog.getByRole('button', { name: tx.next }).click();
    await screenshot(page, name('first-run-3'));
    await dialog.getByRole('button', { name: tx.start }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Review: question, then answer.
    await page.getByRole('button', { name: tx.show }).waitFor();
    await screenshot(page, name('review-question'));
    await expectNoSidewaysScroll(page, 'question');
    await page.getByRole('button', { name: tx.show }).click();
    await page.locator('.grades').waitFor();
    await screenshot(page, name('review-answer'));
    await expectNoSidewaysScroll(page, 'answer');

    // Settings, with 16 new cards a day: every card of the seed deck (the first) comes today.
    await page.getByRole('navigation').getByRole('link', { name: tx.settings }).click();
    await page.getByLabel(tx.newPerDay).fill('16');
    await page.getByRole('button', { name: tx.save }).click();
    await page.locator('.form-status').filter({ hasText: /\S/ }).waitFor();
    await screenshot(page, name('settings'), true);
    await expectNoSidewaysScroll(page, 'settings');

    // Through the deck with Easy, to the last card (the LSTM diagram) and the done state.
    await page.getByRole('navigation').getByRole('link', { name: tx.review }).click();
    for (let n = 1; n <= 16; n++) {
      await page
        .locator('.card-meta')
        .filter({ hasText: `Q${n}` })
        .waitFor();
      await page.keyboard.press('Space');
      await page.locator('.grades').waitFor();
      if (n === 3) await screenshot(page, name('review-answer-math'));
      if (n === 16) {
        await page.locator('.card-answer img').evaluate((img: HTMLImageElement) => img.decode());
        await screenshot(page, name('review-answer-diagram'), true);
        // Tapped, the diagram opens at full size (small on a phone otherwise).
        await page.locator('.card-answer img').click();
        const zoom = page.locator('dialog.zoom');
        await zoom.waitFor();
        await screenshot(page, name('review-diagram-zoom'));
        await zoom.getByRole('button').click();
        await zoom.waitFor({ state: 'hidden' });
      }
      await expectNoSidewaysScroll(page, `Q${n}`);
      await page.keyboard.press('4');
    }
    await page.getByRole('status').filter({ hasText: tx.done }).waitFor();
    await screenshot(page, name('review-done'));
    await expectNoSidewaysScroll(page, 'done');

    // The reset confirmation names what would be lost.
    await page.getByRole('navigation').getByRole('link', { name: tx.settings }).click();
    await page.getByRole('button', { name: tx.reset }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(lang === 'zh' ? /16 次复习记录/ : /16 reviews/);
    await screenshot(page, name('settings-reset'));
    await confirm.getByRole('button', { name: tx.cancel }).click();

    expect(errors).toEqual([]);
    await context.close();
  });
});

/** The LSTM diagram of the last card, as shown: its pixels. */
async function diagram(system: 'light' | 'dark', forced: 'system' | 'light' | 'dark') {
  const context = await newContext(app.browser, {
    viewport: PHONE,
    colorScheme: system,
    touch: true,
    preferences: { theme: forced },
  });
  const { page, errors } = await openApp(context, app.url);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(
    forced === 'system' ? undefined : forced,
  );
  const dark = forced === 'dark' || (forced === 'system' && system === 'dark');
  expect(await background(page)).toBe(dark ? 'rgb(21, 23, 27)' : 'rgb(247, 247, 245)');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('New cards per day').fill('20');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Review' }).click();
  for (let n = 1; n < 16; n++) {
    await page
      .locator('.card-meta')
      .filter({ hasText: `Q${n}` })
      .waitFor();
    await page.keyboard.press('Space');
    await page.keyboard.press('4');
  }
  await page.locator('.card-meta').filter({ hasText: 'Q16' }).waitFor();
  await page.keyboard.press('Space');
  const img = page.locator('.card-answer img');
  await img.evaluate((el: HTMLImageElement) => el.decode());
  await screenshot(page, `diagram-${forced}-theme-on-${system}-system`);
  const pixels = await img.screenshot({ animations: 'disabled' });
  expect(errors).toEqual([]);
  await context.close();
  return pixels;
}

describe('the LSTM diagram follows the theme, also when it is forced', () => {
  it('is drawn for the chosen theme, not the system one', { timeout: 120_000 }, async () => {
    const systemLight = await diagram('light', 'system');
    const systemDark = await diagram('dark', 'system');
    expect(systemDark.equals(systemLight)).toBe(false);
    expect((await diagram('light', 'dark')).equals(systemDark)).toBe(true);
    expect((await diagram('dark', 'light')).equals(systemLight)).toBe(true);
  });
});
