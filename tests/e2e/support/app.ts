// Serves the app's production build on 127.0.0.1 with `vite preview` (built once per run:
// globalSetup.ts) and launches Debian's Chromium through playwright-core (no browser download,
// ever).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

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

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** A production build of the app into `outDir`. */
export async function buildInto(outDir: string): Promise<void> {
  // Vitest sets NODE_ENV=test, which would give a development build of React.
  process.env.NODE_ENV = 'production';
  await build({
    root: ROOT,
    mode: 'production',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
}

/**
 * The build made once for the run (globalSetup.ts), served on 127.0.0.1, and Chromium. Without
 * that build (a file run on its own, outside the e2e config) it builds into a folder of its own.
 */
export async function startApp(chromiumArgs: readonly string[] = []): Promise<RunningApp> {
  let outDir = inject('e2eBuild');
  let own: string | null = null;
  if (!outDir) {
    own = outDir = mkdtempSync(path.join(os.tmpdir(), 'rnn-e2e-'));
    await buildInto(outDir);
  }
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string')
    throw new Error('preview server has no port');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...chromiumArgs],
  });
  return {
    url: `http://127.0.0.1:${address.port}/`,
    browser,
    async close() {
      await browser.close();
      await server.close();
      if (own) rmSync(own, { recursive: true, force: true });
    },
  };
}

/**
 * The app built, served and Chromium started for the test file that calls this (at its top):
 * before its first test, closed after its last. Read `url` and `browser` inside the tests.
 * `chromiumArgs` are added to Chromium's flags (the fake microphone of recording tests).
 */
export function appForFile(chromiumArgs: readonly string[] = []): Omit<RunningApp, 'close'> {
  let running: RunningApp | undefined;
  beforeAll(async () => {
    running = await startApp(chromiumArgs);
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
