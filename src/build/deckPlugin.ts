// Vite plugin: serves the parsed, validated, pre-rendered content as `virtual:deck`.
// Bad content fails the build (and shows Vite's overlay in dev) with `file:line:col: message`.
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { formatDiagnostic } from '../deck/diagnostics.ts';
import type { Deck } from '../deck/types.ts';
import { loadContent, resolveImagePath } from './loadContent.ts';
import { renderDeck } from './renderCard.tsx';

const PUBLIC_ID = 'virtual:deck';
const RESOLVED_ID = '\0virtual:deck';

export interface DeckPluginOptions {
  /** Folder of Markdown decks, relative to the Vite root. */
  contentDir?: string;
}

/** Generated module source: decks as JSON, with image URLs spliced in as imported assets. */
export function deckModuleSource(decks: Deck[], images: string[]): string {
  const imports = images.map((file, i) => `import __image${i} from ${JSON.stringify(file)};`);
  let body = JSON.stringify(decks);
  images.forEach((_, i) => {
    body = body.split(imageToken(i)).join(`" + __image${i} + "`);
  });
  return `${imports.join('\n')}\nexport const decks = ${body};\n`;
}

function imageToken(i: number): string {
  return `@@deck-image-${i}@@`;
}

export function deckPlugin(options: DeckPluginOptions = {}): Plugin {
  let root = process.cwd();
  let contentDir = path.resolve(root, options.contentDir ?? 'content');

  const isContent = (file: string) => {
    const rel = path.relative(contentDir, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  };

  const reload = (server: ViteDevServer) => {
    const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
    if (mod) server.moduleGraph.invalidateModule(mod);
    server.ws.send({ type: 'full-reload' });
  };

  return {
    name: 'rnn-flashcards:deck',
    configResolved(config) {
      root = config.root;
      contentDir = path.resolve(root, options.contentDir ?? 'content');
    },
    resolveId(id) {
      return id === PUBLIC_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
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
      return deckModuleSource(rendered, images);
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
}
