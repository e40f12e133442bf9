// The one place that reads content from disk: every `*.md` under a folder, decoded, parsed and
// validated. Shared by the Vite plugin and the `deck` command so both report the same problems.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeContent } from '../deck/decode.ts';
import { DeckError, type Diagnostic } from '../deck/diagnostics.ts';
import { parseDeck, slugFromPath } from '../deck/parse.ts';
import type { ParsedDeck } from '../deck/types.ts';
import { validateDecks } from '../deck/validate.ts';

export interface LoadedContent {
  decks: ParsedDeck[];
  /** Errors first, then warnings, each in file order. */
  diagnostics: Diagnostic[];
  /** Absolute paths of every Markdown file read, for watching. */
  files: string[];
}

export function listMarkdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** Path as shown to authors: relative to the working directory, with forward slashes. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
  return path.relative(cwd, absolute).split(path.sep).join('/');
}

/** Absolute path of a local image URL written in `deckFile` (a display path). */
export function resolveImagePath(deckFile: string, url: string, cwd = process.cwd()): string {
  const clean = url.split(/[?#]/)[0] ?? url;
  let decoded = clean;
  try {
    decoded = decodeURI(clean);
  } catch {
    // A malformed %-escape: look for the file as written.
  }
  return path.resolve(cwd, path.dirname(deckFile), decoded);
}

export function loadContent(dir: string, cwd = process.cwd()): LoadedContent {
  const root = path.resolve(cwd, dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    return {
      decks: [],
      files: [],
      diagnostics: [
        { severity: 'error', file: dir, line: 1, column: 1, message: 'content folder not found' },
      ],
    };
  }
  const files = listMarkdownFiles(root);
  const decks: ParsedDeck[] = [];
  const diagnostics: Diagnostic[] = [];
  if (files.length === 0) {
    diagnostics.push({
      severity: 'error',
      file: displayPath(root, cwd),
      line: 1,
      column: 1,
      message: 'no Markdown (*.md) files in the content folder',
    });
  }
  const slugs = new Map<string, string>();
  for (const absolute of files) {
    const file = displayPath(absolute, cwd);
    const slug = slugFromPath(path.relative(root, absolute));
    const other = slugs.get(slug);
    if (other !== undefined) {
      // `a b.md` and `a_b.md`, or `ＲＮＮ.md` and `rnn.md`: one slug, so ids could collide.
      const message = `this file's deck name "${slug}" is also that of ${other}: rename one of them`;
      diagnostics.push({ severity: 'error', file, line: 1, column: 1, message });
      continue;
    }
    slugs.set(slug, file);
    try {
      const text = decodeContent(readFileSync(absolute), file);
      const { deck, warnings } = parseDeck(text, { file, slug });
      decks.push(deck);
      diagnostics.push(...warnings);
    } catch (e) {
      if (!(e instanceof DeckError)) throw e;
      diagnostics.push(...e.diagnostics);
    }
  }
  // Front matter `order` (default 0) decides which deck comes first, then the file path: the
  // seed deck, with no front matter, stays first and its first card stays the first screen.
  decks.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  diagnostics.push(
    ...validateDecks(decks, {
      imageExists: (deckFile, url) => {
        const p = resolveImagePath(deckFile, url, cwd);
        return existsSync(p) && statSync(p).isFile();
      },
    }),
  );
  const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
  diagnostics.sort((a, b) => rank(a) - rank(b));
  return { decks, diagnostics, files };
}
