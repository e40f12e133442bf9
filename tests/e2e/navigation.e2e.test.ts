// The navigation on a 360 px phone (a tab bar at the foot) and on a desktop (the top bar), in
// both languages and themes, with its six screens (Review, Browse, Weak, Stats, Interview,
// Settings). Screenshots: test-results/screenshots/nav-*.png.
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

const SIX = {
  en: ['Review', 'Browse', 'Weak', 'Stats', 'Interview', 'Settings'],
  zh: ['复习', '浏览', '薄弱', '统计', '面试', '设置'],
};

interface Fit {
  count: number;
  /** Labels cut short (ellipsis) or spilling out of their link. */
  clipped: string[];
  /** Links outside the viewport or the page's column, or smaller than a 44 px tap target. */
  misplaced: string[];
  nav: { top: number; bottom: number };
}

function measure(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.nav a')];
    const clipped: string[] = [];
    const misplaced: string[] = [];
    for (const link of links) {
      const label = link.querySelector<HTMLElement>('.nav-label')!;
      const text = label.textContent ?? '';
      if (
        label.scrollWidth > label.clientWidth ||
        label.getBoundingClientRect().right > link.getBoundingClientRect().right + 0.5
      )
        clipped.push(text);
      const r = link.getBoundingClientRect();
      const column = document.querySelector('.shell')!.getBoundingClientRect();
      const outside =
        getComputedStyle(document.querySelector('.nav')!).position !== 'fixed' &&
        (r.left < column.left || r.right > column.right);
      if (outside || r.left < 0 || r.right > window.innerWidth || r.height < 44 || r.width < 44)
        misplaced.push(text);
    }
    const nav = document.querySelector('.nav')!.getBoundingClientRect();
    return { count: links.length, clipped, misplaced, nav: { top: nav.top, bottom: nav.bottom } };
  });
}

const cases = (['en', 'zh'] as const).flatMap((lang) =>
  (['light', 'dark'] as const).flatMap((theme) =>
    (['phone', 'desktop'] as const).map((device) => ({ lang, theme, device })),
  ),
);

describe('the navigation', () => {
  it.each(cases)('fits six screens: $device, $theme, $lang', async ({ lang, theme, device }) => {
    const viewport = device === 'phone' ? SMALL_PHONE : DESKTOP;
    const context = await newContext(app.browser, {
      viewport,
      colorScheme: theme,
      touch: device === 'phone',
      preferences: { locale: lang, introSeen: true },
    });
    const { page, errors } = await openApp(context, app.url);
    await page.locator('.card').waitFor();
    // The answer shown: the grade bar, Undo and the swipe hint are at the foot.
    await page.locator('.btn-primary').first().click();
    await page.locator('.grades').waitFor();
    const name = `nav-${device}-${theme}-${lang}`;
    await screenshot(page, name);

    const six = await measure(page);
    expect(await page.locator('.nav .nav-label').allTextContents()).toEqual(SIX[lang]);
    if (device === 'desktop') {
      // A narrow window: the navigation goes under the name, still whole.
      await page.setViewportSize({ width: 660, height: 800 });
      const narrow = await measure(page);
      await screenshot(page, `${name}-660`);
      expect(narrow.clipped).toEqual([]);
      expect(narrow.misplaced).toEqual([]);
      await page.setViewportSize(viewport);
    }
    expect(six.count).toBe(6);
    expect(six.clipped).toEqual([]);
    expect(six.misplaced).toEqual([]);
    expect(await pageOverflowsX(page)).toBe(false);

    if (device === 'phone') {
      // A tab bar at the foot; the review's controls sit above it, all in view.
      expect(six.nav.bottom).toBe(viewport.height);
      const foot = await page.locator('.actions').boundingBox();
      expect(foot!.y + foot!.height).toBeLessThanOrEqual(six.nav.top + 0.5);
      expect(
        await page.getByRole('button', { name: lang === 'en' ? 'Undo' : '撤销' }).isVisible(),
      ).toBe(true);
      expect(await page.locator('.swipe-hint').isVisible()).toBe(true);
    } else {
      // In the top bar, above the screen.
      expect(six.nav.bottom).toBeLessThanOrEqual(
        (await page.locator('.main').boundingBox())!.y + 0.5,
      );
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
