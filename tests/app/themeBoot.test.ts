// @vitest-environment jsdom
// The pre-paint script in index.html: it must read the preferences as the store writes them
// and pick the first language exactly as src/i18n/locale.ts does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREFERENCES_KEY } from '../../src/preferences/preferencesStore.ts';
import { withOtherRoutes } from '../../src/build/pageScripts.ts';
import { detectLocale, languageTag } from '../../src/i18n/locale.ts';
import { DEFAULT_ROUTE, ROUTES, routeFromHash } from '../../src/navigation/routes.ts';
import { STORAGE_KEY } from '../../src/store/persisted.ts';

const source = readFileSync(path.resolve(import.meta.dirname, '../../index.html'), 'utf8');
// As the build writes it: with the routes of the screen table (src/build/pageScripts.ts).
const html = withOtherRoutes(source);
const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';

function boot(options: {
  stored?: string;
  languages?: string[];
  hash?: string;
  progress?: string;
}) {
  const doc = document.implementation.createHTMLDocument('');
  const storage = new Map<string, string>();
  if (options.stored !== undefined) storage.set(PREFERENCES_KEY, options.stored);
  if (options.progress !== undefined) storage.set(STORAGE_KEY, options.progress);
  const localStorage = { getItem: (key: string) => storage.get(key) ?? null };
  const navigator = { languages: options.languages ?? ['en-US'], language: '' };
  // The script as the browser runs it, with these as its globals.
  const location = { hash: options.hash ?? '' };
  new Function('document', 'localStorage', 'navigator', 'location', script)(
    doc,
    localStorage,
    navigator,
    location,
  );
  return { theme: doc.documentElement.dataset.theme, lang: doc.documentElement.lang, doc };
}

const classes = (options: Parameters<typeof boot>[0]) =>
  boot(options).doc.documentElement.className.trim().split(/\s+/).filter(Boolean).sort();

const saved = (state: object) => JSON.stringify({ state, version: 1 });

describe('the pre-paint script in index.html', () => {
  it('is there, in the head', () => {
    expect(script).toContain(PREFERENCES_KEY);
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(script);
  });

  it('applies a saved theme, and leaves "system" to CSS', () => {
    expect(boot({ stored: saved({ theme: 'dark', locale: 'en' }) }).theme).toBe('dark');
    expect(boot({ stored: saved({ theme: 'light', locale: 'en' }) }).theme).toBe('light');
    expect(boot({ stored: saved({ theme: 'system', locale: 'en' }) }).theme).toBeUndefined();
    expect(boot({}).theme).toBeUndefined();
  });

  it('sets <html lang> from the saved language, else from the browser', () => {
    expect(boot({ stored: saved({ locale: 'zh' }), languages: ['en-US'] }).lang).toBe('zh-CN');
    expect(boot({ stored: saved({ locale: 'en' }), languages: ['zh-CN'] }).lang).toBe('en');
  });

  it('picks the first language as detectLocale does', () => {
    const cases = [
      ['zh-CN'],
      ['zh-TW', 'en'],
      ['en-US', 'zh-CN'],
      ['fr-FR', 'zh-Hans-SG'],
      ['de', 'fr'],
      ['ZH_cn'],
      ['zhx'],
      [],
    ];
    for (const languages of cases) {
      expect(boot({ languages }).lang, JSON.stringify(languages)).toBe(
        languageTag(detectLocale(languages)),
      );
    }
  });

  it('survives damaged or unexpected stored values', () => {
    for (const stored of ['not json', 'null', '{}', saved({ theme: 'sepia', locale: 'fr' })]) {
      const { theme, lang } = boot({ stored, languages: ['zh-CN'] });
      expect({ theme, lang }, stored).toEqual({ theme: undefined, lang: 'zh-CN' });
    }
  });

  it('marks a learner who has seen the introduction, so the built-in one stays hidden', () => {
    expect(classes({ stored: saved({ locale: 'en', introSeen: true }) })).toEqual(['intro-seen']);
    expect(classes({ stored: saved({ locale: 'en', introSeen: false }) })).toEqual([]);
    expect(classes({})).toEqual([]);
    expect(html).toMatch(/\.intro-seen #root\[data-prerendered\] \.intro-host \{\s*display: none;/);
  });

  it('marks the built-in screen stale exactly when the route is not the default one', () => {
    const hashes = [
      '',
      '#',
      '#/',
      '#/review',
      '#review',
      '#/review/x',
      '#/unknown',
      '#/settings?a',
      '#/practice/deck/rnn',
      '#/practice',
      '#/weak?x',
    ];
    for (const hash of [...hashes, ...ROUTES.map((r) => `#/${r}`)]) {
      expect(classes({ hash }).includes('prerender-stale'), hash).toBe(
        routeFromHash(hash) !== DEFAULT_ROUTE,
      );
    }
    expect(ROUTES.filter((route) => classes({ hash: `#/${route}` }).length === 0)).toEqual([
      DEFAULT_ROUTE,
    ]);
  });

  it('marks a returning learner, whose built-in screen is stale', () => {
    const returning = boot({ stored: saved({ locale: 'en' }), progress: '{}' }).doc.documentElement;
    expect(returning.hasAttribute('data-returning')).toBe(true);
    expect(returning.classList.contains('prerender-stale')).toBe(true);
    expect(boot({}).doc.documentElement.hasAttribute('data-returning')).toBe(false);
  });

  it('marks the built-in screen stale for a learner studying one deck', () => {
    expect(classes({ stored: saved({ locale: 'en', deck: 'rnn-equations' }) })).toEqual([
      'prerender-stale',
    ]);
    expect(classes({ stored: saved({ locale: 'en', deck: null }) })).toEqual([]);
  });

  it('gets the routes from the build, which refuses a page without the place for them', () => {
    expect(source).toContain("['__OTHER_ROUTES__']");
    expect(script).not.toContain('__OTHER_ROUTES__');
    expect(withOtherRoutes("var r = ['__OTHER_ROUTES__'];", ['review', 'a', 'b'])).toBe(
      'var r = ["a", "b"];',
    );
    expect(() => withOtherRoutes('<html></html>')).toThrow(/__OTHER_ROUTES__/);
  });
});
