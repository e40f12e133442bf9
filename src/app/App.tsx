// The shell: header, navigation, the current route's screen and the first-run introduction.
// It applies the interface preferences (language, theme) to the document.
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Deck } from '../deck/types.ts';
import { Onboarding } from '../features/onboarding/Onboarding.tsx';
import { contentLanguage } from '../features/review/contentLanguage.ts';
import { ReviewScreen } from '../features/review/ReviewScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { usePreferences, usePreferencesStore } from '../features/settings/preferencesContext.ts';
import { LocaleContext, useT } from '../i18n/i18n.tsx';
import { applyLanguage, applyTheme } from '../platform/document.ts';
import { useRoute, type Route } from './router.ts';
import { StorageNotice } from '../features/data/StorageNotice.tsx';
import { useDeckReconcile } from '../features/data/useDeckReconcile.ts';
import { useProgressStore, useStorageStatusStore } from '../store/context.tsx';

const NAV = [
  { route: 'review', label: 'nav.review' },
  { route: 'settings', label: 'nav.settings' },
] as const satisfies readonly { route: Route; label: string }[];

export function App({ decks }: { decks: readonly Deck[] }) {
  const locale = usePreferences((s) => s.locale);
  return (
    <LocaleContext.Provider value={locale}>
      <Shell decks={decks} />
    </LocaleContext.Provider>
  );
}

function Shell({ decks }: { decks: readonly Deck[] }) {
  const { t, tag } = useT();
  const route = useRoute();
  const preferences = usePreferencesStore();
  const theme = usePreferences((s) => s.theme);
  const introSeen = usePreferences((s) => s.introSeen);

  const cards = useMemo(() => decks.flatMap((d) => d.cards), [decks]);
  useDeckReconcile(useProgressStore(), useStorageStatusStore(), cards);
  const deckTitles = useMemo(
    () => Object.fromEntries(decks.map((d) => [d.slug, d.title])),
    [decks],
  );
  const deckLangs = useMemo(
    () => Object.fromEntries(decks.map((d) => [d.slug, contentLanguage(d)])),
    [decks],
  );

  useLayoutEffect(() => applyTheme(theme), [theme]);
  const title =
    route === 'review'
      ? t('app.documentTitle')
      : t('app.pageTitle', { page: t(NAV.find((n) => n.route === route)!.label) });
  useLayoutEffect(() => applyLanguage(tag, title), [tag, title]);

  // A new screen starts at its top, with focus on its title (or the main region) so that
  // keyboard and screen-reader users land on it rather than on the link they followed.
  const mainRef = useRef<HTMLElement>(null);
  const shownRoute = useRef(route);
  useEffect(() => {
    if (shownRoute.current === route) return;
    shownRoute.current = route;
    if (window.scrollY > 0) window.scrollTo({ top: 0 });
    const main = mainRef.current;
    (main?.querySelector<HTMLElement>('.screen-title') ?? main)?.focus({ preventScroll: true });
  }, [route]);

  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="#/review">
          {t('app.name')}
        </a>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.map((item) => (
              <li key={item.route}>
                <a
                  href={`#/${item.route}`}
                  aria-current={route === item.route ? 'page' : undefined}
                >
                  {t(item.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <StorageNotice />
      <main className="main" ref={mainRef} tabIndex={-1}>
        {route === 'review' && (
          <ReviewScreen cards={cards} deckTitles={deckTitles} deckLangs={deckLangs} />
        )}
        {route === 'settings' && <SettingsScreen cards={cards} />}
      </main>
      <Onboarding
        open={!introSeen}
        onClose={(completed) => {
          preferences.getState().setIntroSeen(true);
          if (completed && route !== 'review') window.location.hash = '#/review';
        }}
      />
    </div>
  );
}
