// Vite plugin: the stylesheets index.html links to are put into the page itself. They are small
// (a few KB gzipped) and render-blocking: inlined, the first screen paints without waiting for
// another round trip. Stylesheets of screens loaded on demand stay separate files. Comments in
// the page's head go too.
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
        // Comments in <head> are for people reading the source, not for browsers. (Comments in
        // <body> stay: React's first screen uses them to separate text for hydration.)
        const headEnd = html.indexOf('</head>');
        if (headEnd > 0) {
          html = html.slice(0, headEnd).replace(/\s*<!--[\s\S]*?-->/g, '') + html.slice(headEnd);
        }
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
