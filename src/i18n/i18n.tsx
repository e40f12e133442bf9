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
import { catalogue, isCatalogueLoaded, loadCatalogue, onCatalogueLoaded } from './catalogues.ts';
import { en, type TextKey, type Placeholders } from './messages.ts';
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

/** The translator for the current interface language: `const { t, plural } = useT()`. */
export function useT(): Translator {
  const locale = useLocale();
  return useMemo(() => translatorFor(locale), [locale]);
}

/**
 * A message whose placeholders are elements (a link, a <strong>, a <time>), for text where
 * the words around an element differ in order between languages.
 */
export function Trans<K extends TextKey>({
  k,
  values,
}: {
  k: K;
  values: Record<Placeholders<K>, ReactNode>;
}) {
  const locale = useLocale();
  const message = (catalogue(locale) ?? en)[k] as string;
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
