// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { enFirstScreen, type Catalogue, type PluralMessage } from '../../src/i18n/messages.ts';
import { enScreens } from '../../src/i18n/messages.screens.ts';
import { zh } from '../../src/i18n/messages.zh.ts';
import { isCatalogueLoaded, loadCatalogue } from '../../src/i18n/catalogues.ts';
import { createTranslator, interpolate, placeholdersOf } from '../../src/i18n/translate.ts';

const en: Catalogue = { ...enFirstScreen, ...enScreens };

const texts = (message: string | PluralMessage): string[] =>
  typeof message === 'string' ? [message] : Object.values(message);

describe('the message catalogues', () => {
  it('have the same keys in English and Chinese, each of the same kind', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(typeof zh[key], key).toBe(typeof en[key]);
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const names = (m: string | PluralMessage) =>
        [...new Set(texts(m).flatMap(placeholdersOf))].sort();
      expect(names(zh[key]), key).toEqual(names(en[key]));
    }
  });

  it('have no empty message, and Chinese text is not left in English', () => {
    // Words that are the same in both languages on purpose (names, units, examples).
    const same = new Set(['1m 10m']);
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      for (const text of [...texts(en[key]), ...texts(zh[key])])
        expect(text.trim(), key).not.toBe('');
      const zhText = texts(zh[key]).join(' ');
      if (!same.has(zhText)) expect(zhText, key).not.toBe(texts(en[key]).join(' '));
    }
  });

  it('give English plural messages a "one" form', () => {
    for (const [key, message] of Object.entries(en)) {
      if (typeof message !== 'string') expect(message.one, key).toBeDefined();
    }
  });

  it('keep the English accessible names the end-to-end tests and users rely on', () => {
    expect([
      en['review.showAnswer'],
      en['grade.again'],
      en['grade.hard'],
      en['grade.good'],
      en['grade.easy'],
      en['review.undo'],
      en['nav.review'],
      en['nav.settings'],
    ]).toEqual(['Show answer', 'Again', 'Hard', 'Good', 'Easy', 'Undo', 'Review', 'Settings']);
  });
});

describe('the English catalogue', () => {
  it('is split: the first screen has its own text only, the screens that load on demand the rest', () => {
    const first = Object.keys(enFirstScreen);
    const screens = Object.keys(enScreens);
    expect(first.filter((k) => screens.includes(k))).toEqual([]);
    expect(first.filter((k) => /^(settings|data|intro)\./.test(k))).toEqual([]);
    expect(screens.filter((k) => /^(app|nav|review|grade|done)\./.test(k))).toEqual([]);
    expect(first).toContain('review.showAnswer');
  });
});

describe('the Chinese catalogue', () => {
  it('is fetched only when asked for', async () => {
    expect(isCatalogueLoaded('en')).toBe(true);
    expect(isCatalogueLoaded('zh')).toBe(false);
    expect(await loadCatalogue('zh')).toBe(zh);
    expect(isCatalogueLoaded('zh')).toBe(true);
  });
});

describe('the translator', () => {
  beforeAll(() => loadCatalogue('zh'));

  it('fills placeholders, formatting numbers for the locale', () => {
    const t = createTranslator('en');
    expect(t.t('settings.error.integer', { min: 0, max: 99999 })).toBe(
      'Enter a whole number from 0 to 99,999.',
    );
    expect(createTranslator('zh').t('intro.step', { n: 2, total: 3 })).toBe('第 2 步，共 3 步');
  });

  it('chooses plural forms with Intl.PluralRules', () => {
    const t = createTranslator('en');
    expect(t.plural('count.reviews', 1)).toBe('1 review');
    expect(t.plural('count.reviews', 0)).toBe('0 reviews');
    expect(t.plural('count.cards', 1200)).toBe('1,200 cards');
    const z = createTranslator('zh');
    expect(z.plural('count.reviews', 1)).toBe('1 次复习记录');
    expect(z.plural('count.cards', 16)).toBe('16 张卡片');
  });

  it('formats whole numbers below 1,000 without Intl exactly as Intl would, and larger ones with it', () => {
    for (const locale of ['en', 'zh'] as const) {
      const { number, tag } = createTranslator(locale);
      const intl = new Intl.NumberFormat(tag);
      for (let n = -999; n <= 999; n++) expect(number(n)).toBe(intl.format(n));
      for (const n of [1000, 12_345, -4096, 2.5, 1e21]) expect(number(n)).toBe(intl.format(n));
    }
  });

  it('leaves unknown placeholders as written', () => {
    expect(interpolate('a {x} b {y}', { x: 'X' }, String)).toBe('a X b {y}');
  });

  it('gives the BCP 47 tag of each locale', () => {
    expect(createTranslator('en').tag).toBe('en');
    expect(createTranslator('zh').tag).toBe('zh-CN');
  });
});

describe("the screens' English text", () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.resetModules());

  it('is fetched only when asked for, and useScreenT refuses to run before it is here', async () => {
    const catalogues = await import('../../src/i18n/catalogues.ts');
    const { useScreenT } = await import('../../src/i18n/i18n.tsx');
    expect(catalogues.isScreenTextLoaded()).toBe(false);
    expect(catalogues.catalogue('en')?.['settings.title']).toBeUndefined();
    expect(() => renderHook(() => useScreenT())).toThrow(/not loaded/);
    await catalogues.loadScreenText();
    expect(catalogues.isScreenTextLoaded()).toBe(true);
    expect(catalogues.catalogue('en')?.['settings.title']).toBe('Settings');
    expect(renderHook(() => useScreenT()).result.current.t('settings.title')).toBe('Settings');
  });
});
