// Vite plugin: the stylesheets index.html links to are put into the page itself. They are small
// (a few KB gzipped) and render-blocking: inlined, the first screen paints without waiting for
// another round trip. Stylesheets of screens loaded on demand stay separate files.
import type { Plugin } from 'vite';

const STYLESHEET = /<link rel="stylesheet"(?: crossorigin)? href="\.\/([^"]+\.css)">/g;

export function inlineCssPlugin(): Plugin {
  return {
    name: 'rnn-flashcards:inline-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        return html.replace(STYLESHEET, (link, fileName: string) => {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') return link;
          const css =
            typeof asset.source === 'string'
              ? asset.source
              : new TextDecoder().decode(asset.source);
          // Relative url()s in the CSS were relative to assets/; the page sits one level up.
          return `<style>${css.replace(/url\((['"]?)\.\//g, 'url($1./assets/')}</style>`;
        });
      },
    },
  };
}
