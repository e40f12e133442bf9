// Offline and installable: after one visit the app reviews with the network off, from the site's
// root and from a folder deep in some other site (the build's base is relative), and nothing it
// ever asks for comes from another origin. The manifest's start URL, scope and icons resolve
// next to the page wherever it is hosted.
//
// The app is served through a small proxy of our own that is shut down to go offline, as well as
// Chromium's offline switch (which does not reach a service worker's own fetches everywhere): so
// whatever shows after that came from the service worker's cache.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { appForFile } from './support/app.ts';
import { PHONE, newContext, openApp } from './support/phone.ts';

const app = appForFile();

interface Proxy {
  /** The app's address through the proxy, ending in the folder (prefix). */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

/** Serves the app under `prefix` on a port of its own, by asking the preview server. */
async function startProxy(target: string, prefix: string): Promise<Proxy> {
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const upstream = http.request(
      new URL(path.slice(prefix.length), target),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + prefix,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every request the pages (and, where Chromium reports them, the service worker) make. */
function recordRequests(context: BrowserContext) {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Waits until the service worker has precached the app and controls the page. */
async function waitUntilControlled(page: Page, scope: string) {
  const ready = page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
  ready.catch(() => undefined); // (if it never comes, the page is closed under it)
  const registered = await Promise.race([
    ready,
    new Promise<string>((resolve) => setTimeout(() => resolve('no service worker'), 15_000)),
  ]);
  expect(registered, 'the service worker, active, and its scope').toBe(scope);
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  // clientsClaim makes the first page controlled as soon as the worker activates; if it somehow
  // is not, the next load is.
  for (let i = 0; i < 20 && !(await controlled()); i++) await page.waitForTimeout(100);
  if (!(await controlled())) {
    await page.reload();
    await page.locator('.topbar').waitFor();
  }
  expect(await controlled(), 'the page is controlled by the service worker').toBe(true);
}

const question = (page: Page) => page.locator('#card-question').textContent();
const counts = (page: Page) => page.getByLabel('Cards left today').textContent();

describe('offline after one visit', () => {
  it.each([
    ['at the root of a site', '/'],
    ['in a folder deep in a site', '/some/deep/folder/'],
  ])('%s', async (_, prefix) => {
    const proxy = await startProxy(app.url, prefix);
    const context = await newContext(app.browser, {
      viewport: PHONE,
      preferences: { introSeen: true },
    });
    const requests = recordRequests(context);
    const { page, errors } = await openApp(context, proxy.url);

    // One visit: the review screen only (Settings, a chunk of its own, is not opened online).
    const first = await question(page);
    expect(first).toBeTruthy();
    await waitUntilControlled(page, proxy.url);

    // Installable: the manifest and its icons, relative to wherever the app is.
    const manifestHref = await page
      .locator('link[rel=manifest]')
      .evaluate((l: HTMLLinkElement) => l.href);
    expect(manifestHref).toBe(`${proxy.url}manifest.webmanifest`);
    const manifest = await page.evaluate((href) => fetch(href).then((r) => r.json()), manifestHref);
    expect(manifest).toMatchObject({
      name: 'RNN interview flashcards',
      short_name: 'RNN cards',
      display: 'standalone',
      lang: 'en',
    });
    expect(new URL(manifest.start_url, manifestHref).href).toBe(`${proxy.url}#/review`);
    expect(new URL(manifest.scope, manifestHref).href).toBe(proxy.url);
    const icons = manifest.icons as { src: string; sizes: string; purpose: string }[];
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    const appleIcon = await page
      .locator('link[rel=apple-touch-icon]')
      .evaluate((l: HTMLLinkElement) => l.href);
    const images: [string, number][] = [
      ...icons.map((i): [string, number] => [
        new URL(i.src, manifestHref).href,
        Number(i.sizes.split('x')[0]),
      ]),
      [appleIcon, 180],
    ];
    for (const [href, size] of images) {
      // A PNG of the size it claims (width and height in the IHDR chunk).
      const header = await page.evaluate(async (url) => {
        const r = await fetch(url);
        const bytes = new DataView(await r.arrayBuffer());
        return {
          type: r.headers.get('content-type'),
          w: bytes.getUint32(16),
          h: bytes.getUint32(20),
        };
      }, href);
      expect(header, href).toEqual({ type: 'image/png', w: size, h: size });
    }

    // Network off: Chromium's switch, and the server gone.
    await context.setOffline(true);
    await proxy.close();
    await page.reload();
    await page.locator('.topbar').waitFor();
    expect(await question(page)).toBe(first);
    expect(await counts(page)).toBe('New 10Learning 0Review 0');
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Good' }).click();
    await expect.poll(() => counts(page)).toBe('New 9Learning 1Review 0');
    expect(await question(page)).not.toBe(first);

    // KaTeX's fonts are there too, for a card with math first seen offline.
    const fonts = await page.evaluate(async () => {
      const faces = await document.fonts.load('16px KaTeX_Main');
      const math = await document.fonts.load('italic 16px KaTeX_Math');
      return [...faces, ...math].map((f) => f.status);
    });
    expect(fonts).toEqual(['loaded', 'loaded']);

    // Settings: its lazily loaded code and styles come from the cache.
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByLabel('New cards per day').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Show answer' }).waitFor();

    // Opened again offline, as an installed app would be: at the manifest's start URL.
    const again = await context.newPage();
    await again.goto(`${proxy.url}#/review`);
    await again.getByRole('button', { name: 'Show answer' }).waitFor();
    expect(await counts(again)).toBe('New 9Learning 1Review 0');

    expect(errors).toEqual([]);
    const foreign = requests.filter(
      (url) => !url.startsWith(`${proxy.origin}/`) && !/^(data|blob):/.test(url),
    );
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    await context.close();
  });
});
