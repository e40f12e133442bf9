// The shell: header, navigation, the current route's screen and the first-run introduction.
// It applies the interface preferences (language, theme) to the document.
import { lazy, memo, Suspense, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { DeckContent } from '../content/deckContent.ts';
import { ReviewScreen } from '../features/review/ReviewScreen.tsx';
import { usePreferences, usePreferencesStore } from '../features/settings/preferencesContext.ts';
import { loadScreenText } from '../i18n/catalogues.ts';
import { LocaleContext, useLoadedLocale, useT } from '../i18n/i18n.tsx';
import { applyLanguage, applyTheme, markAppReady } from '../platform/document.ts';
import { routeFromHash, useRoute, type Route } from './router.ts';
import { useDeckReconcile } from '../features/data/useDeckReconcile.ts';
import { useProgressStore, useStorageStatus, useStorageStatusStore } from '../store/context.tsx';
import '../components/dialog.css';
import '../features/onboarding/onboarding.css';

const NAV = [
  { route: 'review', label: 'nav.review' },
  { route: 'settings', label: 'nav.settings' },
] as const satisfies readonly { route: Route; label: string }[];

// Screens other than Review, the storage notices and the first-run introduction load on demand,
// with their English text (useScreenT). The introduction's styles are in the page from the
// start, since its markup is (see Intro below).
const withText = <M,>(module: Promise<M>): Promise<M> =>
  Promise.all([module, loadScreenText()]).then(([m]) => m);
const SettingsScreen = lazy(() =>
  withText(import('../features/settings/SettingsScreen.tsx')).then((m) => ({
    default: m.SettingsScreen,
  })),
);
const StorageNotice = lazy(() =>
  withText(import('../features/data/StorageNotice.tsx')).then((m) => ({
    default: m.StorageNotice,
  })),
);
const Onboarding = lazy(() =>
  withText(import('../features/onboarding/Onboarding.tsx')).then((m) => ({
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

  useDeckReconcile(useProgressStore(), useStorageStatusStore(), content);
  useEffect(() => markAppReady(), []);
  // The notices' code loads only when there is something to say.
  const needsNotice = useStorageStatus(
    (s) => s.unavailable || s.carriedOver > 0 || s.problems.length > 0,
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
      {needsNotice && (
        <Suspense fallback={null}>
          <StorageNotice />
        </Suspense>
      )}
      <main className="main" ref={mainRef} tabIndex={-1}>
        {route === 'review' && <ReviewScreen content={content} />}
        {route === 'settings' && (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <SettingsScreen content={content} />
          </Suspense>
        )}
      </main>
      <div className="intro-host">
        <Intro />
      </div>
    </div>
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
      if (completed && routeFromHash(window.location.hash) !== 'review') {
        window.location.hash = '#/review';
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
