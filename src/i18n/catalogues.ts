// The catalogues in memory. The first screen's English is always here; the English of the parts
// that load on demand comes with them (loadScreenText, which App.tsx's lazy screens wait for).
// Chinese comes whole, the first time it is needed (a few KB English readers never download).
import type { Locale } from './locale.ts';
import { enFirstScreen, type Catalogue, type PluralMessage } from './messages.ts';

// English grows by the screens' part when that arrives: one object, so translators made before
// read the new keys too. Typed as a whole catalogue: only useScreenT (i18n.tsx) offers the keys
// of the second part, and it refuses to run before they are here.
const english: Record<string, string | PluralMessage> = { ...enFirstScreen };
const loaded: Partial<Record<Locale, Catalogue>> = { en: english as Catalogue };
const listeners = new Set<() => void>();
let screenText: Promise<void> | null = null;
let screenTextLoaded = false;

export function catalogue(locale: Locale): Catalogue | undefined {
  return loaded[locale];
}

export function isCatalogueLoaded(locale: Locale): boolean {
  return loaded[locale] !== undefined;
}

export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  const have = loaded[locale];
  if (have) return have;
  const { zh } = await import('./messages.zh.ts');
  loaded.zh = zh;
  for (const l of listeners) l();
  return zh;
}

export function onCatalogueLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Fetches the English text of Settings, the data notices and the introduction (once). */
export function loadScreenText(): Promise<void> {
  screenText ??= import('./messages.screens.ts').then(({ enScreens }) => {
    Object.assign(english, enScreens);
    screenTextLoaded = true;
  });
  return screenText;
}

export function isScreenTextLoaded(): boolean {
  return screenTextLoaded;
}
