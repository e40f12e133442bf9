// Builds the app with Vite's own API into a temporary folder (production mode, the project's
// vite.config.ts) and serves it with `vite preview` on 127.0.0.1 at a free port.
//
// The content folder comes from DECK_CONTENT_DIR, which vite.config.ts reads. If that config does
// not (yet) read it, the deck plugin in the loaded config is swapped for one pointed at the folder,
// so every other plugin still takes part in the build.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  build,
  loadConfigFromFile,
  preview,
  type InlineConfig,
  type PluginOption,
  type PreviewServer,
  type Rolldown,
} from 'vite';
import { deckPlugin } from '../../src/build/deckPlugin.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const DECK_PLUGIN = 'rnn-flashcards:deck';

/** One module's share of one output chunk, as the bundler rendered it (before minifying). */
export interface ChunkInfo {
  fileName: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  /** Module id → rendered length in characters. */
  modules: Record<string, number>;
}

export interface BuiltApp {
  outDir: string;
  buildMs: number;
  chunks: ChunkInfo[];
  /** How the content folder reached the build. */
  contentVia: 'default' | 'env' | 'swapped plugin';
  remove: () => void;
}

export async function buildApp(contentDir?: string): Promise<BuiltApp> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'rnn-bench-build-'));
  // The bench runs under tsx, where NODE_ENV may be unset or "development": React's production
  // build is what ships.
  process.env.NODE_ENV = 'production';
  const common: InlineConfig = {
    root: ROOT,
    mode: 'production',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  };
  let config: InlineConfig = common;
  let contentVia: BuiltApp['contentVia'] = 'default';
  const previous = process.env.DECK_CONTENT_DIR;
  if (contentDir !== undefined) {
    process.env.DECK_CONTENT_DIR = contentDir;
    contentVia = 'env';
    const configFile = path.join(ROOT, 'vite.config.ts');
    if (!readFileSync(configFile, 'utf8').includes('DECK_CONTENT_DIR')) {
      config = await withContentDir(configFile, contentDir, common);
      contentVia = 'swapped plugin';
    }
  }
  const started = performance.now();
  let output: Awaited<ReturnType<typeof build>>;
  try {
    output = await build(config);
  } finally {
    if (previous === undefined) delete process.env.DECK_CONTENT_DIR;
    else process.env.DECK_CONTENT_DIR = previous;
  }
  const buildMs = performance.now() - started;
  return {
    outDir,
    buildMs,
    chunks: chunksOf(output),
    contentVia,
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

/** The project's config with its deck plugin replaced by one reading `contentDir`. */
async function withContentDir(
  configFile: string,
  contentDir: string,
  common: InlineConfig,
): Promise<InlineConfig> {
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production', isPreview: false },
    configFile,
    ROOT,
  );
  if (!loaded) throw new Error(`cannot load ${configFile}`);
  const flat = (loaded.config.plugins ?? []).flat(Infinity as 1) as PluginOption[];
  let swapped = false;
  const plugins = flat.map((p) => {
    if (p && typeof p === 'object' && 'name' in p && p.name === DECK_PLUGIN) {
      swapped = true;
      return deckPlugin({ contentDir });
    }
    return p;
  });
  if (!swapped) throw new Error(`no ${DECK_PLUGIN} plugin in ${configFile}`);
  return { ...loaded.config, ...common, configFile: false, plugins };
}

function chunksOf(output: unknown): ChunkInfo[] {
  const outputs = (Array.isArray(output) ? output : [output]) as Partial<Rolldown.RolldownOutput>[];
  const chunks: ChunkInfo[] = [];
  for (const o of outputs) {
    for (const item of o.output ?? []) {
      if (item.type !== 'chunk') continue;
      const modules: Record<string, number> = {};
      for (const [id, m] of Object.entries(item.modules)) modules[id] = m.renderedLength;
      chunks.push({
        fileName: item.fileName,
        isEntry: item.isEntry,
        isDynamicEntry: item.isDynamicEntry,
        modules,
      });
    }
  }
  return chunks;
}

export interface Served {
  /** Ends with a slash. */
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves a build as a plain static host would: no fallback to index.html for missing files
 * (`appType: 'mpa'`), so /robots.txt and the like answer 404 rather than with the app's page.
 */
export async function serve(outDir: string): Promise<Served> {
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'error',
    appType: 'mpa',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('preview has no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
