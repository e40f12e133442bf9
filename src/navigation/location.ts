// The address bar's hash as React state: the current route, and the whole hash for screens that
// read parameters after their route (routeParams). The one place that listens to hashchange.
import { useSyncExternalStore } from 'react';
import { DEFAULT_ROUTE, routeFromHash, type Route } from './routes.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  return useSyncExternalStore(
    subscribe,
    () => routeFromHash(window.location.hash),
    () => DEFAULT_ROUTE,
  );
}

/** The whole hash (`#/practice/deck/rnn`); '' when rendered at build time. */
export function useHash(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
}
