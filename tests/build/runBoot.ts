// Runs the boot script of a built page (src/build/pageScripts.ts) against a fresh jsdom
// document, with its globals (storage, clock, frames, timers) in the test's hands.
import { BOOT_SCRIPT_ID } from '../../src/build/pageScripts.ts';

export interface BootPage {
  stale?: boolean;
  returning?: 'own-route' | 'other-route' | undefined;
  visibility?: string;
  introSeen?: boolean;
  /** The page's body (the built-in screen). */
  body?: string;
  lang?: string;
  storage?: Record<string, string>;
  now?: number;
  /** Date#getTimezoneOffset in the page, if not the tests' own zone's. */
  offset?: number;
}

/** Runs the boot script of `html` against a fresh document; returns what it added and when. */
export function runBoot(html: string, page: BootPage) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const bootScript = parsed.getElementById(BOOT_SCRIPT_ID)!;
  const doc = document.implementation.createHTMLDocument('');
  doc.head.replaceChildren();
  if (page.body !== undefined) doc.body.innerHTML = page.body;
  doc.documentElement.lang = page.lang ?? 'en';
  if (page.stale) doc.documentElement.classList.add('prerender-stale');
  if (page.introSeen) doc.documentElement.classList.add('intro-seen');
  if (page.returning) doc.documentElement.setAttribute('data-returning', page.returning);
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const fakeDocument = {
    currentScript: bootScript,
    documentElement: doc.documentElement,
    visibilityState: page.visibility ?? 'visible',
    head: doc.head,
    createElement: (tag: string) => doc.createElement(tag),
    querySelector: (selector: string) => doc.querySelector(selector),
    addEventListener: () => {},
  };
  const stored = page.storage ?? {};
  const localStorage = { getItem: (key: string) => stored[key] ?? null };
  // The page's clock, and its time zone when `page.offset` names another one.
  const FakeDate = class extends Date {
    static override now() {
      return page.now ?? 0;
    }
    override getTimezoneOffset() {
      return page.offset ?? super.getTimezoneOffset();
    }
  };
  new Function(
    'document',
    'requestAnimationFrame',
    'setTimeout',
    'localStorage',
    'Date',
    bootScript.textContent!,
  )(
    fakeDocument,
    (f: () => void) => frames.push(f),
    (f: () => void) => timers.push(f),
    localStorage,
    FakeDate,
  );
  const added = () =>
    [...doc.head.children].map((el) =>
      el instanceof HTMLScriptElement
        ? `script ${el.type} ${el.getAttribute('src')} ${el.crossOrigin}`
        : `link ${el.getAttribute('rel')} ${el.getAttribute('href')} ${(el as HTMLLinkElement).crossOrigin}`,
    );
  return { added, frames, timers, doc, bootScript };
}
