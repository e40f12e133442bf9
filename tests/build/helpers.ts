// Temp content folders for the build tests: each test writes the files it needs and the folder
// is removed when the test ends.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Creates a temp folder holding `files` (path → text or bytes), removed after the test.
 * Concurrent tests must pass their own context's `onTestFinished`.
 */
export function tempTree(
  files: Record<string, string | Uint8Array>,
  onFinished: (fn: () => void) => void = onTestFinished,
): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'deck-test-'));
  onFinished(() => rmSync(root, { recursive: true, force: true }));
  writeTree(root, files);
  return root;
}

export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** A small SVG, padded past Vite's 4 KiB inline limit so that a build emits it as a file. */
export function svg(label: string, padTo = 0): string {
  const body = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>${label}</title><rect width="10" height="10"/></svg>\n`;
  return padTo > body.length ? body + `<!-- ${'x'.repeat(padTo - body.length)} -->\n` : body;
}
