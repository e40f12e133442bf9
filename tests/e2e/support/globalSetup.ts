// Builds the app once for the whole end-to-end run (each test file then only serves that build
// and starts its own Chromium): fifteen files would otherwise build it fifteen times.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildInto } from './app.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder holding the production build the test files serve. */
    e2eBuild: string;
  }
}

export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'rnn-e2e-'));
  await buildInto(outDir);
  project.provide('e2eBuild', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
