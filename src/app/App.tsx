// The shell: header, navigation, the current route's screen and the first-run introduction.
// It applies the interface preferences (language, theme) to the document. The screens and the
// navigation come from the screen table (src/navigation/routes.ts, src/app/screens.tsx).
import { lazy, memo, Suspense, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { DeckContent } from '../content/deckContent.ts';
import { usePreferences, usePreferencesStore } from '../preferences/preferencesContext.ts';
import { LocaleContext, useLoadedLocale, useT } from '../i18n/i18n.tsx';
import {
  DEFAULT_ROUTE,
  hrefFor,
  labelOf,
  NAV_ROUTES,
  routeFromHash,
  type Route,
} from '../navigation/routes.ts';
import { applyLanguage, applyTheme, markAppReady } from '../platform/document.ts';
import { useRoute } from '../navigation/location.ts';
import { SCREENS, withScreenText } from './screens.tsx';
import { useProgressStore, useStorageStatus, useStorageStatusStore } from '../store/context.tsx';
import '../components/dialog.css';
import '../features/onboarding/onboarding.css';

// The storage notices and the first-run introduction load on demand, with their English text
// (useScreenT), like the screens that do. The introduction's styles are in the page from the
// start, since its markup is (see Intro below).
const StorageNotice = lazy(() =>
  withScreenText(import('../features/data/StorageNotice.tsx')).then((m) => ({
    default: m.StorageNotice,
  })),
);
const Onboarding = lazy(() =>
  withScreenText(import('../features/onboarding/Onboarding.tsx')).then((m) => ({
    default: m.Onboarding,
  })),
);

export function App({ content }: { content: DeckContent }) {
  const locale = useLoadedLocale(usePreferences((s) => s.locale));
  return (
    <LocaleContext.Provider value={locale}>
      <Shell content={content} />
    </LocaleContext.Provider>
  );
}

function Shell({ content }: { content: DeckContent }) {
  const { t, tag } = useT();
  const route = useRoute();
  const theme = usePreferences((s) => s.theme);

  const store = useProgressStore();
  const status = useStorageStatusStore();
  useEffect(() => {
    // Progress whose card left the content is rare (an edited question): the code that matches
    // it to the card now in its place loads only then.
    const { progress } = store.getState();
    if (Object.keys(progress).every((id) => content.place(id) !== undefined)) return;
    import('../features/data/useDeckReconcile.ts')
      .then((m) => m.reconcileDeck(store, status, content))
      .catch(() => {
        // Chunks could not be fetched (offline): try again on the next start.
      });
  }, [store, status, content]);
  useEffect(() => markAppReady(), []);
  // The notices' code loads only when there is something to say.
  const needsNotice = useStorageStatus(
    (s) => s.unavailable || s.carriedOver > 0 || s.problems.length > 0,
  );

  useLayoutEffect(() => applyTheme(theme), [theme]);
  // The default screen has the app's own title; the others are named before it.
  const title =
    route === DEFAULT_ROUTE
      ? t('app.documentTitle')
      : t('app.pageTitle', { page: t(labelOf(route)) });
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
        <a className="brand" href={hrefFor(DEFAULT_ROUTE)}>
          {t('app.name')}
        </a>
        <nav className="nav" aria-label={t('nav.label')}>
          <ul>
            {NAV_ROUTES.map((item) => (
              <li key={item.route}>
                <a
                  href={hrefFor(item.route)}
                  aria-current={route === item.route ? 'page' : undefined}
                >
                  <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
                    <path d={SCREENS[item.route].icon} />
                  </svg>
                  <span className="nav-label">{t(item.label)}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {needsNotice && (
        <Suspense fallback={null}>
          <StorageNotice />
        </Suspense>
      )}
      <main className="main" ref={mainRef} tabIndex={-1}>
        <CurrentScreen route={route} content={content} />
      </main>
      <div className="intro-host">
        <Intro />
      </div>
    </div>
  );
}

function CurrentScreen({ route, content }: { route: Route; content: DeckContent }) {
  const { t } = useT();
  const screen = SCREENS[route];
  const Screen = screen.component;
  if (!screen.lazy) return <Screen content={content} />;
  return (
    <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
      <Screen content={content} />
    </Suspense>
  );
}

/**
 * The first-run introduction. A first-time visitor gets it in the page's built-in first screen
 * (src/app/prerender.tsx), so it is there at the first paint; its code loads on demand and then
 * takes over that markup (React hydrates a Suspense boundary once its lazy part has arrived).
 * Memoised without props, so that nothing the shell re-renders reaches the boundary before then.
 * A visitor who has seen it never sees it: index.html hides it until the app has taken over, and
 * React then removes it (hydration reads the stores' initial state, where it is unseen).
 */
const Intro = memo(function Intro() {
  const preferences = usePreferencesStore();
  const introSeen = usePreferences((s) => s.introSeen);
  const close = useCallback(
    (completed: boolean) => {
      preferences.getState().setIntroSeen(true);
      if (completed && routeFromHash(window.location.hash) !== DEFAULT_ROUTE) {
        window.location.hash = hrefFor(DEFAULT_ROUTE);
      }
    },
    [preferences],
  );
  if (introSeen) return null;
  return (
    <Suspense fallback={null}>
      <Onboarding open onClose={close} />
    </Suspense>
  );
});
