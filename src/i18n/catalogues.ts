// The catalogues in memory. English is always here; Chinese is fetched the first time it is
// needed (a few KB the English-speaking majority never downloads).
import type { Locale } from './locale.ts';
import { en, type Catalogue } from './messages.ts';

const loaded: Partial<Record<Locale, Catalogue>> = { en };
const listeners = new Set<() => void>();

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
