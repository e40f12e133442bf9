// The document-level edges of the interface preferences: the theme attribute the CSS keys on,
// and the language of the page. index.html does the same before first paint.

/** The themes the page's CSS knows (the preferences offer the same: src/preferences/). */
export type DocumentTheme = 'system' | 'light' | 'dark';

/**
 * `data-theme="light|dark"` forces a theme; without it the CSS follows the system
 * (prefers-color-scheme). See src/app/app.css.
 */
export function applyTheme(theme: DocumentTheme, root: HTMLElement = document.documentElement) {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}

export function applyLanguage(tag: string, title: string, doc: Document = document) {
  doc.documentElement.lang = tag;
  doc.title = title;
}

/** The browser's preferred languages, most preferred first. */
export function browserLanguages(nav: Navigator = navigator): readonly string[] {
  if (nav.languages && nav.languages.length > 0) return nav.languages;
  return nav.language ? [nav.language] : [];
}

/**
 * The app has taken over the page (hydrated the built-in first screen, or drawn its own): the
 * built-in screen's marker goes, and `<html data-app="ready">` tells tests and tools it listens.
 */
export function markAppReady(doc: Document = document): void {
  doc.getElementById('root')?.removeAttribute('data-prerendered');
  doc.documentElement.dataset['app'] = 'ready';
}

// index.html has a small inline script that runs before first paint and mirrors this module:
// it applies the saved theme (the preferences store) and the interface language (saved, else
// the first of the browser's languages we have, as src/i18n/locale.ts decides), and marks the
// page `prerender-stale` when its built-in first screen (made for a first visit in English)
// is not this visitor's — saved progress, Chinese, or another route — so that screen stays
// invisible until the app has drawn the right one. It also marks a visitor who has seen the
// first-run introduction (`intro-seen`), so the built-in screen's introduction stays hidden
// until the app removes it. tests/app/themeBoot.test.ts checks it.
