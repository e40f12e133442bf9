// @vitest-environment jsdom
// The built page's scripts: the app starts after the first paint (src/build/pageScripts.ts).
import { describe, expect, it } from 'vitest';
import { BOOT_SCRIPT_ID, transformPageScripts } from '../../src/build/pageScripts.ts';

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

/** Runs the boot script of `html` against a fresh document; returns what it added and when. */
function runBoot(html: string, page: { stale?: boolean; visibility?: string }) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const bootScript = parsed.getElementById(BOOT_SCRIPT_ID)!;
  const doc = document.implementation.createHTMLDocument('');
  doc.head.replaceChildren();
  if (page.stale) doc.documentElement.classList.add('prerender-stale');
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const fakeDocument = {
    currentScript: bootScript,
    documentElement: doc.documentElement,
    visibilityState: page.visibility ?? 'visible',
    head: doc.head,
    createElement: (tag: string) => doc.createElement(tag),
  };
  new Function('document', 'requestAnimationFrame', 'setTimeout', bootScript.textContent!)(
    fakeDocument,
    (f: () => void) => frames.push(f),
    (f: () => void) => timers.push(f),
  );
  const added = () =>
    [...doc.head.children].map((el) =>
      el instanceof HTMLScriptElement
        ? `script ${el.type} ${el.getAttribute('src')} ${el.crossOrigin}`
        : `link ${el.getAttribute('rel')} ${el.getAttribute('href')} ${(el as HTMLLinkElement).crossOrigin}`,
    );
  return { added, frames, timers };
}

const LOADED = [
  'link modulepreload ./assets/i18n-B2.js ',
  'link modulepreload ./assets/store-C3.js ',
  'script module ./assets/index-A1.js ',
];

describe('the built page’s scripts', () => {
  const out = transformPageScripts(VITE_PAGE);

  it('name the app’s modules only in a boot script at the end of <body>', () => {
    expect(out).not.toMatch(/type="module"/);
    expect(out).not.toMatch(/rel="modulepreload"/);
    expect(out).toContain(
      `<script id="boot" data-src="./assets/index-A1.js" data-preload="./assets/i18n-B2.js ./assets/store-C3.js">`,
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
