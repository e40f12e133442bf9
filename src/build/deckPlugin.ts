// Vite plugin: serves the parsed, validated, pre-rendered content.
//   `virtual:deck`           each deck's index (title, card ids) and the first chunk of card
//                            bodies, with a loader for the rest;
//   `virtual:deck-chunk/D/C` chunk C of deck D: CHUNK_SIZE cards' rendered HTML, fetched on demand.
// In a build it also renders the first screen (the review shell and the first new card) into
// index.html, so a question is on screen before any JavaScript runs.
// Bad content fails the build (and shows Vite's overlay in dev) with `file:line:col: message`.
import path from 'node:path';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { formatDiagnostic, type Diagnostic } from '../deck/diagnostics.ts';
import { contentLanguage } from '../deck/language.ts';
import { CHUNK_SIZE, type Card, type Deck, type DeckIndex } from '../deck/types.ts';
import { loadContent, resolveImagePath } from './loadContent.ts';
import { renderDeck } from './renderCard.tsx';

const INDEX_ID = 'virtual:deck';
const CHUNK_PREFIX = 'virtual:deck-chunk/';

export interface DeckPluginOptions {
  /** Folder of Markdown decks, relative to the Vite root. */
  contentDir?: string;
  /** Render the first screen into index.html in builds (default true). */
  prerender?: boolean;
}

interface Rendered {
  decks: Deck[];
  index: DeckIndex[];
  /** Absolute paths of images, by the number in their placeholder token. */
  images: string[];
}

function imageToken(i: number): string {
  return `@@deck-image-${i}@@`;
}

/** JS source for `value`, with image placeholder tokens turned into imported asset URLs. */
function withImages(value: unknown, images: readonly string[]): { code: string; imports: string } {
  let code = JSON.stringify(value);
  const used: string[] = [];
  images.forEach((file, i) => {
    if (!code.includes(imageToken(i))) return;
    code = code.split(imageToken(i)).join(`" + __image${i} + "`);
    used.push(`import __image${i} from ${JSON.stringify(file)};`);
  });
  return { code, imports: used.join('\n') };
}

const ROOT_ELEMENT = '<div id="root"></div>';

/**
 * index.html with the prerendered first screen inside its root element. Spliced with split/join,
 * not String.replace: card text such as `$&` or `` $` `` (a Perl or shell question) would be
 * read as a replacement pattern and copy parts of the page into the card.
 */
export function spliceFirstScreen(html: string, markup: string): string {
  const parts = html.split(ROOT_ELEMENT);
  if (parts.length !== 2) throw new Error(`index.html must hold ${ROOT_ELEMENT} exactly once`);
  return parts.join(`<div id="root" data-prerendered="">${markup}</div>`);
}

/**
 * The offline cache (Workbox) refuses files over 2 MiB, and the build fails on them. A chunk is
 * CHUNK_SIZE cards' HTML; one over 1.5 million characters (room for the module around it) is an
 * error at its biggest card.
 */
export const MAX_CHUNK_CHARS = 1_500_000;

export function oversizedChunks(decks: readonly Deck[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const deck of decks) {
    for (let start = 0; start < deck.cards.length; start += CHUNK_SIZE) {
      const sizes = deck.cards
        .slice(start, start + CHUNK_SIZE)
        .map((card) => ({ card, size: JSON.stringify(card).length }));
      const total = sizes.reduce((n, s) => n + s.size, 0);
      if (total <= MAX_CHUNK_CHARS) continue;
      const biggest = sizes.reduce((a, b) => (b.size > a.size ? b : a));
      const { file, line } = biggest.card.source;
      const kb = (n: number) => `${Math.round(n / 1024)} KB`;
      out.push({
        severity: 'error',
        file,
        line,
        column: 1,
        message: `cards ${start + 1}–${start + sizes.length} of this deck render to ${kb(total)} of HTML, over the ${kb(MAX_CHUNK_CHARS)} one file of the offline app may hold; this card is the biggest (${kb(biggest.size)}): shorten its math or tables`,
      });
    }
  }
  return out;
}

export function chunkCount(index: DeckIndex): number {
  return Math.ceil(index.ids.length / CHUNK_SIZE);
}

/**
 * `virtual:deck`: the index, the first card's body inline (a first visit starts there, and it is
 * already on screen from the page itself), and a loader per chunk of bodies.
 */
export function indexModuleSource(rendered: Rendered): string {
  const first = rendered.decks[0]?.cards.slice(0, 1) ?? [];
  const { code, imports } = withImages(first, rendered.images);
  const loaders = rendered.index.map(
    (deck, d) =>
      `[${Array.from(
        { length: chunkCount(deck) },
        (_, c) =>
          `() => import(${JSON.stringify(`${CHUNK_PREFIX}${d}/${c}`)}).then((m) => m.default)`,
      ).join(', ')}]`,
  );
  return [
    imports,
    `const first = ${code};`,
    `export const decks = ${JSON.stringify(rendered.index)};`,
    `export const preloaded = [first];`,
    `const loaders = [${loaders.join(', ')}];`,
    `export function loadChunk(deck, chunk) { return loaders[deck][chunk](); }`,
    '',
  ].join('\n');
}

export function chunkModuleSource(rendered: Rendered, deck: number, chunk: number): string {
  const cards = rendered.decks[deck]?.cards.slice(chunk * CHUNK_SIZE, (chunk + 1) * CHUNK_SIZE);
  if (!cards) throw new Error(`no deck ${deck}`);
  const { code, imports } = withImages(cards, rendered.images);
  return `${imports}\nexport default ${code};\n`;
}

export function deckPlugin(options: DeckPluginOptions = {}): Plugin {
  let root = process.cwd();
  let contentDir = path.resolve(root, options.contentDir ?? 'content');
  let isBuild = false;
  let cache: Rendered | null = null;

  const isContent = (file: string) => {
    const rel = path.relative(contentDir, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  };

  return {
    name: 'rnn-flashcards:deck',
    configResolved(config) {
      root = config.root;
      contentDir = path.resolve(root, options.contentDir ?? 'content');
      isBuild = config.command === 'build';
    },
    buildStart() {
      cache = null;
    },
    resolveId(id) {
      if (id === INDEX_ID || id.startsWith(CHUNK_PREFIX)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id !== `\0${INDEX_ID}` && !id.startsWith(`\0${CHUNK_PREFIX}`)) return undefined;
      if (!cache) {
        const { decks, diagnostics, files } = loadContent(contentDir, root);
        for (const file of files) this.addWatchFile(file);
        const errors = diagnostics.filter((d) => d.severity === 'error');
        for (const w of diagnostics.filter((d) => d.severity === 'warning')) {
          this.warn(formatDiagnostic(w));
        }
        if (errors.length > 0) {
          this.error(
            `content has ${errors.length} error(s):\n${errors.map(formatDiagnostic).join('\n')}`,
          );
        }
        const images: string[] = [];
        const rendered = decks.map((deck) =>
          renderDeck(deck, (url) => {
            const absolute = resolveImagePath(deck.file, url, root).split(path.sep).join('/');
            let index = images.indexOf(absolute);
            if (index < 0) index = images.push(absolute) - 1;
            return imageToken(index);
          }),
        );
        const tooBig = oversizedChunks(rendered);
        if (tooBig.length > 0) {
          this.error(
            `content has ${tooBig.length} error(s):\n${tooBig.map(formatDiagnostic).join('\n')}`,
          );
        }
        const index = rendered.map((deck, i): DeckIndex => {
          const entry: DeckIndex = {
            slug: deck.slug,
            title: deck.title,
            tags: deck.tags,
            file: decks[i]!.file,
            ids: deck.cards.map((c) => c.id),
          };
          const lang = contentLanguage(deck);
          if (lang !== undefined) entry.lang = lang;
          return entry;
        });
        cache = { decks: rendered, index, images };
      }
      if (id === `\0${INDEX_ID}`) return indexModuleSource(cache);
      const [d, c] = id.slice(`\0${CHUNK_PREFIX}`.length).split('/').map(Number);
      return chunkModuleSource(cache, d!, c!);
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        if (!isBuild || options.prerender === false || !cache || !ctx.bundle) return html;
        // Image URLs as the build named them, for the (hidden) answer of the first card.
        const assetUrl = new Map<string, string>();
        for (const file of Object.values(ctx.bundle)) {
          if (file.type !== 'asset') continue;
          for (const original of file.originalFileNames ?? []) {
            assetUrl.set(
              path.resolve(root, original).split(path.sep).join('/'),
              `./${file.fileName}`,
            );
          }
        }
        const decks = JSON.parse(
          cache.images.reduce(
            (json, file, i) => json.split(imageToken(i)).join(assetUrl.get(file) ?? ''),
            JSON.stringify(cache.decks),
          ),
        ) as Deck[];
        return spliceFirstScreen(html, await renderFirstScreen(root, decks));
      },
    },
    configureServer(server) {
      server.watcher.add(contentDir);
      // New, removed and edited files under content/ all change the deck.
      const onChange = (file: string) => {
        if (isContent(file)) reload(server);
      };
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
      server.watcher.on('change', onChange);
    },
  };

  function reload(server: ViteDevServer) {
    cache = null;
    for (const mod of server.moduleGraph.idToModuleMap.values()) {
      if (mod.id?.startsWith(`\0${INDEX_ID}`)) server.moduleGraph.invalidateModule(mod);
    }
    server.ws.send({ type: 'full-reload' });
  }
}

/**
 * Renders the app's first screen for a first visit with react-dom/server, through a throwaway
 * Vite server in SSR mode (it compiles the app's TSX and ignores its CSS imports).
 */
async function renderFirstScreen(root: string, decks: Deck[]): Promise<string> {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const mod = (await server.ssrLoadModule('/src/app/prerender.tsx')) as {
      renderFirstScreen: (decks: Deck[]) => Promise<string>;
    };
    return await mod.renderFirstScreen(decks);
  } finally {
    await server.close();
  }
}

export type { Card };
