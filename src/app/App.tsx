// The shell: header, navigation, the current route's screen and the first-run introduction.
// It applies the interface preferences (language, theme) to the document.
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { DeckContent } from '../content/deckContent.ts';
import { ReviewScreen } from '../features/review/ReviewScreen.tsx';
import { usePreferences, usePreferencesStore } from '../features/settings/preferencesContext.ts';
import { loadScreenText } from '../i18n/catalogues.ts';
import { LocaleContext, useLoadedLocale, useT } from '../i18n/i18n.tsx';
import { applyLanguage, applyTheme, markAppReady } from '../platform/document.ts';
import { useRoute, type Route } from './router.ts';
import { useDeckReconcile } from '../features/data/useDeckReconcile.ts';
import { useProgressStore, useStorageStatus, useStorageStatusStore } from '../store/context.tsx';

const NAV = [
  { route: 'review', label: 'nav.review' },
  { route: 'settings', label: 'nav.settings' },
] as const satisfies readonly { route: Route; label: string }[];

// Screens other than Review, the storage notices and the first-run introduction load on demand,
// with their English text (useScreenT).
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

const noSubscription = () => () => {};
const isClient = () => true;
const isServer = () => false;

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
  const preferences = usePreferencesStore();
  const theme = usePreferences((s) => s.theme);
  const introSeen = usePreferences((s) => s.introSeen);

  useDeckReconcile(useProgressStore(), useStorageStatusStore(), content);
  // Parts that load on demand join after the first render: the page's built-in first screen
  // has none of them, so hydrating it finds exactly what was rendered at build time.
  // (useSyncExternalStore's server snapshot is what hydration uses; then React re-renders.)
  const hydrated = useSyncExternalStore(noSubscription, isClient, isServer);
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
      {hydrated && !introSeen && (
        <Suspense fallback={null}>
          <Onboarding
            open={!introSeen}
            onClose={(completed) => {
              preferences.getState().setIntroSeen(true);
              if (completed && route !== 'review') window.location.hash = '#/review';
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
