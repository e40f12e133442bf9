// Accessibility of every screen, checked two ways in the built app:
//  - axe-core (its default WCAG 2.0/2.1/2.2 A and AA rules and best practices) finds nothing on
//    the first-run introduction, the review question and answer (also the math card Q11 and the
//    LSTM diagram card Q16, its picture enlarged too), the done state, the deck list, Settings
//    and its reset confirmation: in light and dark, English and Chinese, on a phone and a desktop;
//  - by keyboard alone, Tab reaches every control of each of those screens and each control shows
//    a focus indicator that it does not show unfocused (an outline or shadow of its own, or on
//    the element drawn for it), in a colour that stands out from the background (3:1).
// tests/e2e/phone.e2e.test.ts goes through the app by keys; this adds every screen, both themes,
// and the comparison with the unfocused control.
import { describe, expect, it } from 'vitest';
import type { JSHandle, Page } from 'playwright-core';
import { appForFile } from './support/app.ts';
import { axe, combos, settle } from './support/axe.ts';
import { DESKTOP, PHONE, newContext, openApp, UI_TEXT } from './support/phone.ts';

const app = appForFile();

const TEXT = UI_TEXT;

describe('axe-core finds no violations', () => {
  it.each(combos)(
    'on every screen: %s',
    { timeout: 60_000 },
    async (_, { device, theme, lang }) => {
      const context = await newContext(app.browser, {
        viewport: device === 'phone' ? PHONE : DESKTOP,
        colorScheme: theme,
        locale: lang === 'zh' ? 'zh-CN' : 'en-US',
        touch: device === 'phone',
      });
      const { page, errors } = await openApp(context, app.url);
      const tx = TEXT[lang];
      const found: string[] = [];
      const check = async (where: string) => found.push(...(await axe(page, where)));

      // The first-run introduction, its three steps.
      const intro = page.getByRole('dialog');
      await intro.waitFor();
      await check('introduction 1/3');
      await intro.getByRole('button', { name: tx.next }).click();
      await check('introduction 2/3');
      await intro.getByRole('button', { name: tx.next }).click();
      await check('introduction 3/3');
      await intro.getByRole('button', { name: tx.start }).click();
      await intro.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: tx.show }).waitFor();
      await check('review question');
      await page.keyboard.press('Space');
      await page.locator('.grades').waitFor();
      await check('review answer');

      // The deck list, one tap from Review. Choosing the seed deck (the first after "All
      // decks") goes back to Review with its 16 cards only, which the done state below expects.
      await page.locator('a.deck-link').click();
      await page.locator('.deck-row').first().waitFor();
      await check('decks');
      await page.locator('.deck-row').nth(1).click();
      await page.getByRole('button', { name: tx.show }).waitFor();

      // Settings, with 20 new cards a day so that every card of the deck comes today.
      await page.getByRole('navigation').getByRole('link', { name: tx.settings }).click();
      await page.getByLabel(tx.newPerDay).fill('20');
      await page.getByRole('button', { name: tx.save }).click();
      await page.locator('.form-status').filter({ hasText: /\S/ }).waitFor();
      await check('settings');

      await page.getByRole('navigation').getByRole('link', { name: tx.review }).click();
      for (let n = 1; n <= 16; n++) {
        await page
          .locator('.card-meta')
          .filter({ hasText: `Q${n}` })
          .waitFor();
        await page.keyboard.press('Space');
        await page.locator('.grades').waitFor();
        if (n === 11) await check('review answer Q11 (math)');
        if (n === 16) {
          await check('review answer Q16 (diagram)');
          await page.locator('.card-answer img').click();
          const zoom = page.locator('dialog.zoom');
          await zoom.waitFor();
          await check('Q16 diagram enlarged');
          await zoom.getByRole('button').click();
          await zoom.waitFor({ state: 'hidden' });
        }
        await page.keyboard.press('4');
      }
      await page.getByRole('status').filter({ hasText: tx.done }).waitFor();
      await check('done for today');

      await page.getByRole('navigation').getByRole('link', { name: tx.settings }).click();
      await page.getByRole('button', { name: tx.reset }).click();
      const confirm = page.getByRole('alertdialog');
      await confirm.waitFor();
      await check('settings, reset confirmation');
      await confirm.getByRole('button', { name: tx.cancel }).click();

      expect(found.length, `axe-core found:\n\n${found.join('\n\n')}\n`).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

/** How an element and what is drawn for it look now (an outline or shadow, on each part). */
function looks(el: Element) {
  const parts = [el, el.nextElementSibling, el.parentElement, el.closest('label')];
  return parts.map((part) => {
    if (!(part instanceof HTMLElement)) return null;
    const s = getComputedStyle(part);
    const box = part.getBoundingClientRect();
    return {
      ring: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.outlineOffset} | ${s.boxShadow}`,
      outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? s.outlineColor : null,
      // A part that cannot be seen (a transparent radio over its segment, a visually hidden
      // file input inside its label) shows nothing, whatever its outline.
      seen:
        box.width >= 4 &&
        box.height >= 4 &&
        part.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
      // What the outline is drawn on: the first opaque background outside the part.
      behind: (() => {
        for (let e = part.parentElement; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (!/rgba\(.*, 0\)$|transparent/.test(bg)) return bg;
        }
        return getComputedStyle(document.documentElement).backgroundColor;
      })(),
    };
  });
}
type Looks = ReturnType<typeof looks>;

function contrast(a: string, b: string) {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number) as [
      number,
      number,
      number,
    ];
    const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** Problems with a focus indicator: none seen, or one that does not stand out (3:1). */
function indicatorProblems(name: string, focused: Looks, unfocused: Looks): string[] {
  const shown = focused.filter((part, i) => part && part.seen && part.ring !== unfocused[i]?.ring);
  if (shown.length === 0) return [`${name}: no visible focus indicator`];
  return shown
    .filter((part) => part!.outline !== null && contrast(part!.outline, part!.behind) < 3)
    .map(
      (part) =>
        `${name}: focus outline ${part!.outline} on ${part!.behind} is ${contrast(part!.outline!, part!.behind).toFixed(2)}:1 (needs 3:1)`,
    );
}

/**
 * Tabs through the screen as it is (or its open modal dialog) until focus comes round again:
 * every control that takes focus must be reached and show an indicator that it does not show
 * unfocused. Returns what was reached, by name, and the problems found.
 */
async function tabThrough(page: Page, where: string) {
  const reached: string[] = [];
  const problems: string[] = [];
  let previous: { name: string; focused: Looks; handle: JSHandle<Element> } | null = null;
  await settle(page);
  await page.evaluate(() => (window.tabbed = []));
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const handle = await page.evaluateHandle(() => document.activeElement ?? document.body);
    const { again, body, name } = await handle.evaluate((el) => {
      const again = window.tabbed!.includes(el);
      if (!again && el !== document.body) window.tabbed!.push(el);
      const label =
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        el.getAttribute('aria-label') ??
        el.textContent ??
        '';
      const text = label.replace(/\s+/g, ' ').trim().slice(0, 40);
      return { again, body: el === document.body, name: `${el.tagName.toLowerCase()} "${text}"` };
    });
    if (previous) {
      const unfocused = await previous.handle.evaluate(looks);
      problems.push(
        ...indicatorProblems(`${where}: ${previous.name}`, previous.focused, unfocused),
      );
      previous = null;
    }
    if (again) break;
    if (body) continue; // past the last control, before focus wraps round to the first
    reached.push(name);
    previous = { name, focused: await handle.evaluate(looks), handle };
  }
  // Every control that takes focus by Tab was reached (of a radio group, its checked radio).
  const missed = await page.evaluate(() => {
    const scope = document.querySelector('dialog[open]') ?? document;
    const controls = [
      ...scope.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
      ),
    ].filter(
      (el) =>
        !(el as HTMLButtonElement).disabled &&
        el.tabIndex >= 0 &&
        // (the hidden answer and grade buttons are laid out but invisible: not to be reached)
        el.checkVisibility({ visibilityProperty: true }) &&
        !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
    );
    return controls
      .filter((el) => !window.tabbed!.includes(el))
      .map((el) => el.outerHTML.slice(0, 100));
  });
  problems.push(...missed.map((html) => `${where}: never reached by Tab: ${html}`));
  return { reached, problems };
}

/** Presses Tab until the focused element passes `test` (run in the page); false if it never does. */
async function tabTo(page: Page, what: string, test: (el: Element, what: string) => boolean) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluateHandle(() => document.activeElement ?? document.body);
    if (await focused.evaluate(test, what)) return true;
  }
  return false;
}
/** A control whose name (its text, label or aria-label) starts with `text`. */
const named = (el: Element, text: string) =>
  el !== document.body &&
  [
    (el as HTMLInputElement).labels?.[0]?.textContent,
    el.getAttribute('aria-label'),
    el.textContent,
  ].some((name) => (name ?? '').replace(/\s+/g, ' ').trim().startsWith(text));

/** A navigation link named `text` (a setting's label may start with a screen's name too). */
const navLink = (el: Element, text: string) =>
  el.closest('nav') !== null && (el.textContent ?? '').replace(/\s+/g, ' ').trim() === text;

describe('by keyboard alone', () => {
  it.each([
    ['desktop light en', { theme: 'light', lang: 'en' }],
    ['desktop dark zh', { theme: 'dark', lang: 'zh' }],
  ] as const)(
    'every screen, a visible focus on every control: %s',
    { timeout: 60_000 },
    async (_, { theme, lang }) => {
      const context = await newContext(app.browser, {
        viewport: DESKTOP,
        colorScheme: theme,
        locale: lang === 'zh' ? 'zh-CN' : 'en-US',
      });
      const { page, errors } = await openApp(context, app.url);
      const tx = TEXT[lang];
      const problems: string[] = [];
      const walk = async (where: string) => {
        const { reached, problems: found } = await tabThrough(page, where);
        problems.push(...found);
        return reached;
      };
      const activate = async (text: string, test = named) => {
        expect(await tabTo(page, text, test), `Tab reaches "${text}"`).toBe(true);
        await page.keyboard.press('Enter');
      };

      // The introduction: a modal dialog, so Tab stays in it.
      const intro = page.getByRole('dialog');
      await intro.waitFor();
      expect(await walk('introduction 1/3')).toHaveLength(2);
      await activate(tx.next);
      await walk('introduction 2/3');
      await activate(tx.next);
      await walk('introduction 3/3');
      await activate(tx.start);
      await intro.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: tx.show }).waitFor();
      expect(await walk('review question')).toContainEqual(expect.stringContaining(tx.show));
      await activate(tx.show);
      await page.locator('.grades').waitFor();
      // Focus moves to the answer once it is painted.
      await page.waitForFunction(() => document.activeElement?.classList.contains('card-answer'));
      // The four grades, the brand and the two links at least.
      expect((await walk('review answer')).length).toBeGreaterThanOrEqual(7);

      await activate(tx.settings, navLink);
      await page.locator('.settings').waitFor();
      expect(await walk('settings')).toContainEqual(expect.stringContaining(tx.save));
      expect(await tabTo(page, tx.newPerDay, named)).toBe(true);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('16'); // the seed deck's 16 cards: all of today's new cards
      await activate(tx.save);
      await page.locator('.form-status').filter({ hasText: /\S/ }).waitFor();

      // Through the deck by keys; the diagram's picture opens full size from the keyboard too.
      await activate(tx.review, navLink);
      for (let n = 1; n <= 15; n++) {
        await page
          .locator('.card-meta')
          .filter({ hasText: `Q${n}` })
          .waitFor();
        await page.keyboard.press('Space');
        await page.locator('.grades').waitFor();
        await page.keyboard.press('4');
      }
      await page.locator('.card-meta').filter({ hasText: 'Q16' }).waitFor();
      await page.keyboard.press('Space');
      await page.locator('.grades').waitFor();
      await walk('review answer Q16 (diagram)');
      const zoom = page.locator('dialog.zoom');
      const picture = await tabTo(
        page,
        '',
        (el) =>
          el.closest('.card-answer') !== null && (el.matches('img') || !!el.querySelector('img')),
      );
      if (picture) await page.keyboard.press('Enter');
      else {
        problems.push('review answer Q16: the picture cannot be enlarged from the keyboard');
        await page.locator('.card-answer img').click(); // to check the dialog all the same
      }
      await zoom.waitFor();
      await walk('Q16 diagram enlarged');
      await page.keyboard.press('Escape');
      await zoom.waitFor({ state: 'hidden' });
      await page.keyboard.press('4');
      await page.getByRole('status').filter({ hasText: tx.done }).waitFor();
      await walk('done for today');

      await activate(tx.settings, navLink);
      await page.locator('.settings').waitFor();
      await activate(tx.reset);
      const confirm = page.getByRole('alertdialog');
      await confirm.waitFor();
      await walk('reset confirmation');
      await page.keyboard.press('Escape');
      await confirm.waitFor({ state: 'hidden' });
      // Focus goes back to the button that opened it.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(tx.reset);

      expect(problems.length, `keyboard problems:\n${problems.join('\n')}\n`).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
