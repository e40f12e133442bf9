// The browser ships no Markdown parser and no KaTeX JavaScript (cards are rendered at build
// time: docs/architecture.md). Checked by looking for strings that these libraries' code
// carries through any minifier (messages and token names) in every JavaScript file of a build.
//
// The check proves itself on each run: a throwaway bundle that does import react-markdown,
// remark-math and rehype-katex must be caught by every library's signatures, or the bench fails.
// None of the strings can come from card HTML (it holds KaTeX's output markup and TeX sources,
// never these messages).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { ROOT } from './app.ts';

export interface Signature {
  library: string;
  /** What its presence would mean for the browser. */
  means: 'Markdown parser' | 'KaTeX JavaScript';
  strings: string[];
}

export const SIGNATURES: Signature[] = [
  { library: 'katex', means: 'KaTeX JavaScript', strings: ['KaTeX parse error'] },
  {
    library: 'rehype-katex',
    means: 'KaTeX JavaScript',
    strings: ['Could not render math with KaTeX'],
  },
  {
    library: 'micromark',
    means: 'Markdown parser',
    strings: ['atxHeadingSequence', 'codeFencedFenceSequence'],
  },
  {
    library: 'micromark-extension-math (remark-math)',
    means: 'Markdown parser',
    strings: ['mathFlowFenceSequence'],
  },
  { library: 'mdast-util-from-markdown', means: 'Markdown parser', strings: ['Cannot close `'] },
  { library: 'unified', means: 'Markdown parser', strings: ['on a frozen processor'] },
  {
    library: 'react-markdown',
    means: 'Markdown parser',
    // Ids of its option deprecations: the table stays in production bundles.
    strings: ['remove-buggy-html-in-markdown-parser', 'change-plugins-to-remarkplugins'],
  },
  {
    library: 'hast-util-to-jsx-runtime',
    means: 'Markdown parser',
    strings: ['Cannot handle MDX estrees'],
  },
];

export interface GuardHit {
  file: string;
  library: string;
  means: Signature['means'];
  string: string;
}

function jsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.m?js$/.test(entry.name)) {
      out.push(path.join(entry.parentPath, entry.name));
    }
  }
  return out.sort();
}

/** Every signature found in any JavaScript file under `dir`, and how many files were read. */
export function scanForParsers(dir: string): { files: number; hits: GuardHit[] } {
  const hits: GuardHit[] = [];
  const files = jsFiles(dir);
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const sig of SIGNATURES) {
      for (const s of sig.strings) {
        if (code.includes(s)) {
          hits.push({
            file: path.relative(dir, file),
            library: sig.library,
            means: sig.means,
            string: s,
          });
        }
      }
    }
  }
  return { files: files.length, hits };
}

const CANARY_ID = 'virtual:bench-canary';
const CANARY = `
import Markdown from 'react-markdown';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
export function render(markdown) {
  return renderToString(
    createElement(Markdown, { remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }, markdown),
  );
}
`;

export interface GuardProof {
  /** Libraries whose signatures the canary bundle did not show: the check cannot see them. */
  unproven: string[];
  /** Signature strings absent from the canary (others of the same library were found). */
  unusedStrings: string[];
}

/**
 * Bundles the libraries the browser must not get, minified for production as the app is, and
 * checks that every library is recognised in the result.
 */
export async function proveGuard(): Promise<GuardProof> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'rnn-bench-canary-'));
  try {
    await build({
      root: ROOT,
      configFile: false,
      mode: 'production',
      logLevel: 'error',
      plugins: [
        {
          name: 'bench:canary',
          // lib.entry arrives resolved against the root: match its end.
          resolveId: (id) => (id.endsWith(CANARY_ID) ? `\0${CANARY_ID}` : undefined),
          load: (id) => (id === `\0${CANARY_ID}` ? CANARY : undefined),
        },
      ],
      build: {
        outDir,
        emptyOutDir: true,
        minify: true,
        reportCompressedSize: false,
        lib: { entry: CANARY_ID, formats: ['es'], fileName: 'canary' },
      },
    });
    const { hits } = scanForParsers(outDir);
    const found = new Set(hits.map((h) => h.string));
    return {
      unproven: SIGNATURES.filter((s) => !s.strings.some((x) => found.has(x))).map(
        (s) => s.library,
      ),
      unusedStrings: SIGNATURES.flatMap((s) => s.strings).filter((x) => !found.has(x)),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
