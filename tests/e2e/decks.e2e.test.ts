// The deck list on a 360 px phone: one tap from Review, choosing the equations deck studies it,
// and a reload keeps the choice. Screenshots of the list (phone and desktop, light and dark,
// English and Chinese) are kept under test-results/screenshots/ for a person to look at.
import { describe, expect, it } from 'vitest';
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

const EQUATIONS = 'RNN 公式与推导';
const FIRST_EQUATIONS_QUESTION = /写出 vanilla RNN 的前向传播公式/;

describe('deck list', () => {
  it('studies the equations deck on a phone after one tap on Decks, and keeps it on reload', async () => {
    const context = await newContext(app.browser, {
      viewport: SMALL_PHONE,
      touch: true,
      preferences: { introSeen: true },
    });
    const { page, errors } = await openApp(context, app.url);
    const question = page.locator('#card-question');
    await question.waitFor();
    expect(await question.textContent()).not.toMatch(FIRST_EQUATIONS_QUESTION);

    // One tap on Decks from Review: the list, all decks first and current.
    const decksLink = page.getByRole('link', { name: 'Decks All decks' });
    await decksLink.tap();
    await page.getByRole('heading', { level: 1, name: 'Decks' }).waitFor();
    expect(page.url()).toMatch(/#\/decks$/);
    const rows = page.locator('.deck-row');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).getAttribute('aria-current')).toBe('true');
    expect(await pageOverflowsX(page)).toBe(false);
    // Each row is a full tap target.
    for (const box of await Promise.all((await rows.all()).map((r) => r.boundingBox()))) {
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }

    await page.getByRole('link', { name: new RegExp(`^${EQUATIONS}`) }).tap();
    await expect.poll(() => question.textContent()).toMatch(FIRST_EQUATIONS_QUESTION);
    expect(page.url()).toMatch(/#\/review$/);
    expect(await page.getByRole('link', { name: `Decks ${EQUATIONS}` }).isVisible()).toBe(true);

    await page.reload();
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    await expect.poll(() => question.textContent()).toMatch(FIRST_EQUATIONS_QUESTION);
    expect(await page.getByRole('link', { name: `Decks ${EQUATIONS}` }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads well on a phone and a desktop, light and dark, in English and Chinese', async () => {
    const cases = [
      { viewport: SMALL_PHONE, name: 'phone', scheme: 'light', locale: 'en' },
      { viewport: SMALL_PHONE, name: 'phone', scheme: 'dark', locale: 'zh' },
      { viewport: DESKTOP, name: 'desktop', scheme: 'dark', locale: 'en' },
      { viewport: DESKTOP, name: 'desktop', scheme: 'light', locale: 'zh' },
    ] as const;
    for (const c of cases) {
      const context = await newContext(app.browser, {
        viewport: c.viewport,
        colorScheme: c.scheme,
        preferences: { locale: c.locale, introSeen: true },
      });
      const { page, errors } = await openApp(context, `${app.url}#/decks`);
      await page.locator('.deck-row').first().waitFor();
      expect(await pageOverflowsX(page), c.name).toBe(false);
      await screenshot(page, `decks-${c.name}-${c.scheme}-${c.locale}`);
      await page.locator('.deck-row').nth(1).click();
      await page.locator('#card-question').waitFor();
      await screenshot(page, `decks-review-${c.name}-${c.scheme}-${c.locale}`);
      expect(errors, c.name).toEqual([]);
      await context.close();
    }
  });
});
