// The interface language in React: the app provides the locale chosen in its preferences; a
// component without a provider (e.g. in a unit test) gets English.
import {
  createContext,
  Fragment,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { DEFAULT_LOCALE, type Locale } from './locale.ts';
import {
  catalogue,
  isCatalogueLoaded,
  isScreenTextLoaded,
  loadCatalogue,
  onCatalogueLoaded,
} from './catalogues.ts';
import type { FirstScreenKey, Placeholders, TextKey } from './messages.ts';
import { createTranslator, type Translator } from './translate.ts';

export const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

const translators = new Map<Locale, Translator>();

function translatorFor(locale: Locale): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    translator = createTranslator(locale);
    // Kept only once its catalogue is here; before that it reads English.
    if (isCatalogueLoaded(locale)) translators.set(locale, translator);
  }
  return translator;
}

/**
 * The language to show for `wanted`: itself once its catalogue has arrived (fetching it if
 * needed), until then the language shown before.
 */
export function useLoadedLocale(wanted: Locale): Locale {
  const ready = useSyncExternalStore(
    onCatalogueLoaded,
    () => isCatalogueLoaded(wanted),
    () => isCatalogueLoaded(wanted),
  );
  const [shown, setShown] = useState<Locale>(ready ? wanted : DEFAULT_LOCALE);
  // Remember the last language that could be shown (React's "state from the previous render").
  if (ready && shown !== wanted) setShown(wanted);
  useEffect(() => {
    if (!ready) void loadCatalogue(wanted);
  }, [ready, wanted]);
  return ready ? wanted : shown;
}

/**
 * The translator for the current interface language: `const { t, plural } = useT()`. It offers
 * the first screen's text, which is always loaded; the parts that load on demand use useScreenT.
 */
export function useT(): Translator<FirstScreenKey> {
  const locale = useLocale();
  return useMemo(() => translatorFor(locale), [locale]);
}

/**
 * useT for the parts that load on demand (Settings, the data notices, the introduction): every
 * message. Their English comes with them (App.tsx loads it alongside their code); used anywhere
 * else, it would be missing, so this fails loudly instead of showing nothing.
 */
export function useScreenT(): Translator {
  if (!isScreenTextLoaded()) {
    throw new Error("useScreenT: the screens' text is not loaded (see loadScreenText)");
  }
  const locale = useLocale();
  return useMemo(() => translatorFor(locale), [locale]);
}

/**
 * A message whose placeholders are elements (a link, a <strong>, a <time>), for text where
 * the words around an element differ in order between languages.
 */
export function Trans<K extends TextKey & FirstScreenKey>({
  k,
  values,
}: {
  k: K;
  values: Record<Placeholders<K>, ReactNode>;
}) {
  const locale = useLocale();
  const message = (catalogue(locale) ?? catalogue('en')!)[k] as string;
  const parts = message.split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 0 ? (
          part
        ) : (
          <Fragment key={i}>{(values as Record<string, ReactNode>)[part] ?? `{${part}}`}</Fragment>
        ),
      )}
    </>
  );
}
