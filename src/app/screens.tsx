// Each screen's code and navigation icon, by route (src/navigation/routes.ts has the rest of
// its entry: address, label, place in the navigation). `satisfies Record<Route, …>` makes a
// route without a screen a type error. The app composes features here: a screen made of parts
// from two features (Settings with the data section) is put together in its loader.
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
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
  /** 24×24 outline icon for the navigation: the inside of an <svg viewBox="0 0 24 24">. */
  readonly icon: ReactNode;
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
    icon: <path d="M4 6h13v13H4zM8 3h12v13" />,
  },
  settings: {
    component: onDemand(async () => {
      const [{ SettingsScreen }, { DataSection }] = await Promise.all([
        import('../features/settings/SettingsScreen.tsx'),
        import('../features/data/DataSection.tsx'),
      ]);
      return function Settings({ content }: ScreenProps) {
        return <SettingsScreen data={<DataSection content={content} />} />;
      };
    }),
    lazy: true,
    icon: (
      <>
        <circle cx="12" cy="12" r="3" />
        <path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1" />
      </>
    ),
  },
} as const satisfies Record<Route, Screen>;
