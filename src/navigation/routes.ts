// The screens' addresses: one entry per screen, from which the router, the navigation, page
// titles, links and the built page's route check are derived (src/app/screens.ts adds each
// screen's code and icon; the type there refuses a route without them). Pure data, so that
// features (for links) and the build (for index.html) can read it without the app.
//
// Hash routes (`#/review`), so the static build works from any path and from the file system.
import type { FirstScreenKey } from '../i18n/messages.ts';

/** A screen's name: a `nav.*` message (in the first screen's text: the navigation shows it). */
export type ScreenLabelKey = Extract<FirstScreenKey, `nav.${string}`>;

interface ScreenRoute {
  /** The address: `#/<route>`. */
  readonly route: string;
  /** The screen's name in the navigation (and in its page title). */
  readonly label: ScreenLabelKey;
  /** Whether the navigation lists it. */
  readonly inNav: boolean;
}

/** In navigation order. The first is the default: the page built into index.html shows it. */
export const SCREEN_ROUTES = [
  { route: 'review', label: 'nav.review', inNav: true },
  { route: 'browse', label: 'nav.browse', inNav: true },
  { route: 'weak', label: 'nav.weak', inNav: true },
  { route: 'stats', label: 'nav.stats', inNav: true },
  { route: 'interview', label: 'nav.interview', inNav: true },
  { route: 'settings', label: 'nav.settings', inNav: true },
  // One tap from Review (its deck link), not in the navigation.
  { route: 'decks', label: 'nav.decks', inNav: false },
  // Drill and cram sessions, opened from Weak (with their set in the address).
  { route: 'practice', label: 'nav.practice', inNav: false },
  // mock: reached from the interviews screen (#/mock/<interviewId>) or at #/mock
  { route: 'mock', label: 'nav.mock', inNav: false },
] as const satisfies readonly ScreenRoute[];

export type Route = (typeof SCREEN_ROUTES)[number]['route'];
export const ROUTES: readonly Route[] = SCREEN_ROUTES.map((s) => s.route);
export const DEFAULT_ROUTE: Route = SCREEN_ROUTES[0].route;
export const NAV_ROUTES = SCREEN_ROUTES.filter((s) => s.inNav);

/** The link to a screen. */
export function hrefFor(route: Route): `#/${Route}` {
  return `#/${route}`;
}

/** The route a hash names; the default for an empty or unknown one. */
export function routeFromHash(hash: string): Route {
  const name = routeNameOf(hash);
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : DEFAULT_ROUTE;
}

/**
 * The name a hash gives, known or not: `#/settings?x` → `settings`. index.html's first-screen
 * check parses it the same way (tests/app/themeBoot.test.ts compares the two).
 */
export function routeNameOf(hash: string): string {
  return hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

/**
 * What a hash says after its route, one decoded part per `/`: `#/practice/deck/rnn%20basics`
 * → `['deck', 'rnn basics']`. A query (`?…`) is left out; a part that does not decode is kept
 * as written.
 */
export function routeParams(hash: string): string[] {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return path
    .split('/')
    .slice(1)
    .filter((part) => part !== '')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
}

/** The link to a screen with parameters (each encoded): `#/practice/tag/lstm`. */
export function hrefWith(route: Route, ...params: readonly string[]): string {
  return [hrefFor(route), ...params.map(encodeURIComponent)].join('/');
}

/** The screen's navigation label. */
export function labelOf(route: Route): ScreenLabelKey {
  return SCREEN_ROUTES.find((s) => s.route === route)!.label;
}
