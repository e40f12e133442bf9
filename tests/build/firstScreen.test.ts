// The built page's first screen, assembled by the deck plugin's transformIndexHtml: card text is
// put into index.html exactly as written, whatever `$` patterns it holds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IndexHtmlTransformContext, Plugin, ResolvedConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { deckPlugin, spliceFirstScreen } from '../../src/build/deckPlugin.ts';
import { transformPageScripts } from '../../src/build/pageScripts.ts';
import { repoRoot, tempTree } from './helpers.ts';

type Handler = (html: string, ctx: IndexHtmlTransformContext) => Promise<string>;

/** Runs the plugin as a build does: resolve, load the deck module, then transform the page. */
async function builtPage(markdown: string): Promise<string> {
  const content = tempTree({ 'rnn.md': markdown });
  const plugin: Plugin = deckPlugin({ contentDir: content });
  const call = (hook: unknown, ...args: unknown[]): unknown => {
    const fn = typeof hook === 'function' ? hook : (hook as { handler: unknown }).handler;
    return (fn as (...a: unknown[]) => unknown).call(
      {
        addWatchFile: () => {},
        warn: () => {},
        error: (message: string) => {
          throw new Error(message);
        },
      },
      ...args,
    );
  };
  call(plugin.configResolved, { root: repoRoot, command: 'build' } as unknown as ResolvedConfig);
  call(plugin.load, '\0virtual:deck');
  const html = readFileSync(path.join(repoRoot, 'index.html'), 'utf8');
  const handler = call.bind(null, plugin.transformIndexHtml) as unknown as Handler;
  return handler(html, { path: '/index.html', filename: 'index.html', bundle: {} });
}

describe('the first screen in index.html', () => {
  it.each([
    ['$&', 'What does $& mean in a Perl substitution?'],
    ['$$', 'What does echo $$ print in a shell?'],
    ['$`', 'What does $` hold after a Perl match?'],
    ["$'", "What does $' hold after a Perl match?"],
  ])('keeps %s in the first question as written', { timeout: 60_000 }, async (_, question) => {
    const page = await builtPage(`Q1：${question}\n\nAn answer.\n`);
    const escaped = question.replace(/&/g, '&amp;').replace(/'/g, '&#x27;');
    expect(page).toContain(`<p>${escaped}</p>`);
    expect(page.split('<div id="root"').length).toBe(2);
    // The page scripts step that runs after it must keep the text too.
    expect(transformPageScripts(page)).toContain(`<p>${escaped}</p>`);
  });

  it('splices markup into the root element once, with no replacement patterns', () => {
    const html = '<body><div id="root"></div><p>$&</p></body>';
    expect(spliceFirstScreen(html, "<p>$& $$ $` $' $1</p>")).toBe(
      '<body><div id="root" data-prerendered=""><p>$& $$ $` $\' $1</p></div><p>$&</p></body>',
    );
    expect(() => spliceFirstScreen('<body></body>', 'x')).toThrow(
      'index.html must hold <div id="root"></div> exactly once',
    );
  });
});
