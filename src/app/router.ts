// The current route, as React state that follows the address bar's hash.
import { useSyncExternalStore } from 'react';
import { DEFAULT_ROUTE, routeFromHash, type Route } from '../navigation/routes.ts';

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
