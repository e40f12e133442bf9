// Offline use: registers the service worker that vite-plugin-pwa generates in the build (sw.js,
// next to index.html; see vite.config.ts). It precaches this build's own files, so after one
// visit the app opens and reviews with the network off.
//
// Updates: a new build's worker installs in the background and then waits; it takes over once
// every tab showing the old version has been closed, i.e. on the next visit (a reload is not
// enough). It never reloads an open page, so a review in progress is never interrupted, and an
// open page keeps getting its own files (a screen loaded on demand) from the old worker until
// then. Progress lives in localStorage, which neither worker touches.
//
// Only in a production build, and only where the browser allows it (http://localhost or https;
// not file://). A failed registration costs nothing but offline use: it is not an error.

export interface ServiceWorkerOptions {
  /** The worker's script, relative to the page (the build puts it beside index.html). */
  url?: string;
}

export function registerServiceWorker({ url = './sw.js' }: ServiceWorkerOptions = {}): void {
  if (!import.meta.env.PROD) return;
  if (typeof window === 'undefined' || !window.isSecureContext) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return; // file://
  if (!('serviceWorker' in navigator)) return;
  // After `load`: installing precaches the whole app, which must not compete with the first
  // screen for the network.
  const register = () => {
    navigator.serviceWorker.register(url).catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
