// Each screen's code and navigation icon, by route (src/navigation/routes.ts has the rest of
// its entry: address, label, place in the navigation). `satisfies Record<Route, …>` makes a
// route without a screen a type error. A screen made of parts from two features is composed in
// the app (Settings with the data section: SettingsPage.tsx).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { DeckContent } from '../content/deckContent.ts';
import { ReviewScreen } from '../features/review/ReviewScreen.tsx';
import { loadScreenText } from '../i18n/catalogues.ts';
import type { Route } from '../navigation/routes.ts';

export interface ScreenProps {
  content: DeckContent;
}

export interface Screen {
  /** In the first download (the page built into index.html shows it), or loaded on demand. */
  readonly component: ComponentType<ScreenProps> | LazyExoticComponent<ComponentType<ScreenProps>>;
  readonly lazy: boolean;
  /** The navigation's icon: an SVG path (stroked, 24×24). */
  readonly icon: string;
}

/**
 * A screen whose code loads on first visit, with the English text of the parts that load on
 * demand (useScreenT).
 */
export function onDemand(load: () => Promise<ComponentType<ScreenProps>>) {
  return lazy(() => withScreenText(load()).then((component) => ({ default: component })));
}

/** A module loaded on demand, once the English text of such parts is here too. */
export const withScreenText = <M,>(module: Promise<M>): Promise<M> =>
  Promise.all([module, loadScreenText()]).then(([m]) => m);

export const SCREENS = {
  review: {
    component: ReviewScreen,
    lazy: false,
    icon: 'M4 6h13v13H4zM8 3h12v13',
  },
  settings: {
    component: onDemand(() => import('./SettingsPage.tsx').then((m) => m.SettingsPage)),
    lazy: true,
    icon: 'M4 7h9m4 0h3M4 17h3m4 0h9M15 4v6M9 14v6',
  },
  decks: {
    component: onDemand(() =>
      import('../features/decks/DecksScreen.tsx').then((m) => m.DecksScreen),
    ),
    lazy: true,
    icon: 'M4 8h16v12H4zM6 4h12',
  },
  weak: {
    component: onDemand(() => import('../features/weak/WeakScreen.tsx').then((m) => m.WeakScreen)),
    lazy: true,
    icon: 'M12 3 3 20h18zM12 10v4M12 17v.5',
  },
  practice: {
    component: onDemand(() =>
      import('../features/practice/PracticeScreen.tsx').then((m) => m.PracticeScreen),
    ),
    lazy: true,
    icon: 'M5 4l14 8-14 8z',
  },
  browse: {
    component: onDemand(() =>
      import('../features/browse/BrowseScreen.tsx').then((m) => m.BrowseScreen),
    ),
    lazy: true,
    icon: 'M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13zM15.5 15.5L20 20',
  },
  stats: {
    component: onDemand(() =>
      import('../features/stats/StatsScreen.tsx').then((m) => m.StatsScreen),
    ),
    lazy: true,
    icon: 'M4 20V10m5.3 10V4m5.4 16v-7M20 20V8',
  },
  interview: {
    component: onDemand(() =>
      import('../features/interview/InterviewScreen.tsx').then((m) => m.InterviewScreen),
    ),
    lazy: true,
    icon: 'M4 5h16v15H4zM8 3v4M16 3v4M4 10h16M12 13v3l2 1',
  },
  mock: {
    component: onDemand(() => import('../features/mock/MockScreen.tsx').then((m) => m.MockScreen)),
    lazy: true,
    icon: 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3',
  },
} as const satisfies Record<Route, Screen>;
