// Builds the app once into a temporary folder, serves it on 127.0.0.1 with `vite preview`, and
// launches Debian's Chromium through playwright-core (no browser download, ever).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningApp {
  url: string;
  browser: Browser;
  close: () => Promise<void>;
}

export async function startApp(): Promise<RunningApp> {
  const root = path.resolve(import.meta.dirname, '../../..');
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'rnn-e2e-'));
  // Vitest sets NODE_ENV=test, which would give a development build of React.
  process.env.NODE_ENV = 'production';
  await build({
    root,
    mode: 'production',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  const server: PreviewServer = await preview({
    root,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string')
    throw new Error('preview server has no port');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url: `http://127.0.0.1:${address.port}/`,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * The app built, served and Chromium started for the test file that calls this (at its top):
 * before its first test, closed after its last. Read `url` and `browser` inside the tests.
 */
export function appForFile(): Omit<RunningApp, 'close'> {
  let running: RunningApp | undefined;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => {
    await running?.close();
  });
  const started = () => {
    if (!running) throw new Error('the app is not started yet: read it inside a test');
    return running;
  };
  return {
    get url() {
      return started().url;
    },
    get browser() {
      return started().browser;
    },
  };
}
