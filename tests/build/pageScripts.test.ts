// @vitest-environment jsdom
// The built page's scripts: the app starts after the first paint (src/build/pageScripts.ts).
import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import {
  BOOT_SCRIPT_ID,
  returningModules,
  transformPageScripts,
} from '../../src/build/pageScripts.ts';
import { runBoot } from './runBoot.ts';

// What Vite writes (module script and preloads in <head>), with a pre-paint inline script.
const VITE_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <script>
      (function () {
        // a comment
        var root = document.documentElement;
        root.dataset.checked = 'yes';
      })();
    </script>
    <script type="module" crossorigin src="./assets/index-A1.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/i18n-B2.js">
    <link rel="modulepreload" crossorigin href="./assets/store-C3.js">
  </head>
  <body>
    <div id="root" data-prerendered=""><p>Question</p></div>
  </body>
</html>
`;

const LOADED = [
  'link modulepreload ./assets/i18n-B2.js ',
  'link modulepreload ./assets/store-C3.js ',
  'script module ./assets/index-A1.js ',
];

describe('the built page’s scripts', () => {
  const out = transformPageScripts(VITE_PAGE, ['./assets/repo-D4.js', './assets/valid-E5.js']);

  it('name the app’s modules only in a boot script at the end of <body>', () => {
    expect(out).not.toMatch(/type="module"/);
    expect(out).not.toMatch(/rel="modulepreload"/);
    expect(out).toContain(
      `<script id="boot" data-src="./assets/index-A1.js" data-preload="./assets/i18n-B2.js ./assets/store-C3.js" data-returning="./assets/repo-D4.js ./assets/valid-E5.js">`,
    );
    expect(out.indexOf('id="boot"')).toBeGreaterThan(out.indexOf('<div id="root"'));
    expect(out).toMatch(/<\/script>\n<\/body>/);
  });

  it('minify the inline pre-paint script, which still works', () => {
    const inline = /<script>([\s\S]*?)<\/script>/.exec(out)![1]!;
    expect(inline).not.toContain('a comment');
    expect(inline).not.toContain('\n');
    const doc = document.implementation.createHTMLDocument('');
    new Function('document', inline)(doc);
    expect(doc.documentElement.dataset['checked']).toBe('yes');
  });

  it('start the app after the next frame has been painted', () => {
    const boot = runBoot(out, {});
    expect(boot.added()).toEqual([]);
    expect(boot.frames).toHaveLength(1);
    boot.frames[0]!(); // the frame's callback, before it is painted
    expect(boot.added()).toEqual([]);
    boot.timers[0]!(); // the first task after it
    expect(boot.added()).toEqual(LOADED);
  });

  it('start it at once when the built-in screen is stale or no frame will come', () => {
    expect(runBoot(out, { stale: true }).added()).toEqual(LOADED);
    expect(runBoot(out, { visibility: 'hidden' }).added()).toEqual(LOADED);
  });

  it('hold the first paint until the parser has reached the boot script', () => {
    const head = out.slice(0, out.indexOf('</head>'));
    expect(head).toContain(`<link rel="expect" href="#${BOOT_SCRIPT_ID}" blocking="render">`);
  });

  it('fetch the code that reads storage at once for a returning learner', () => {
    const returning = runBoot(out, { stale: true, returning: 'own-route' }).added();
    expect(returning).toEqual([
      ...LOADED.slice(0, 2),
      'link modulepreload ./assets/repo-D4.js ',
      'link modulepreload ./assets/valid-E5.js ',
      LOADED[2],
    ]);
  });

  it('leave a page without a module script as it is, but minified', () => {
    const plain = VITE_PAGE.replace(
      /<script type="module"[^\n]*\n|<link rel="modulepreload"[^\n]*\n/g,
      '',
    );
    const result = transformPageScripts(plain);
    expect(result).not.toContain('id="boot"');
    expect(result).not.toContain('a comment');
  });

  it('refuse a page with two module scripts', () => {
    const two = VITE_PAGE.replace(
      '</head>',
      '<script type="module" crossorigin src="./assets/other.js"></script></head>',
    );
    expect(() => transformPageScripts(two)).toThrow(/2 module scripts/);
  });
});

describe('the modules a returning learner’s app imports first', () => {
  const chunk = (fileName: string, fields: Partial<Rolldown.OutputChunk>) =>
    ({
      type: 'chunk',
      fileName,
      imports: [],
      isEntry: false,
      facadeModuleId: null,
      ...fields,
    }) as unknown as Rolldown.OutputChunk;
  const bundle = (chunks: Rolldown.OutputChunk[]): Rolldown.OutputBundle =>
    Object.fromEntries(chunks.map((c) => [c.fileName, c]));

  it('are the repository’s chunk and what it imports, less what the entry loads anyway', () => {
    const modules = returningModules(
      bundle([
        chunk('assets/index-A.js', { isEntry: true, imports: ['assets/shared-B.js'] }),
        chunk('assets/shared-B.js', {}),
        chunk('assets/repo-C.js', {
          facadeModuleId: '/work/x/src/store/localStorageRepository.ts',
          imports: ['assets/shared-B.js', 'assets/valibot-D.js'],
        }),
        chunk('assets/valibot-D.js', { imports: ['assets/repo-C.js'] }),
        chunk('assets/other-E.js', {}),
      ]),
      '/app/',
    );
    expect(modules).toEqual(['/app/assets/repo-C.js', '/app/assets/valibot-D.js']);
  });

  it('are none when the bundle has no such chunk', () => {
    expect(returningModules(bundle([chunk('assets/index-A.js', { isEntry: true })]))).toEqual([]);
  });
});
