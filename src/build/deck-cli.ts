// `npm run deck -- check [dir]` and `npm run deck -- json [dir]`: the content pipeline for authors.
import { formatDiagnostic } from '../deck/diagnostics.ts';
import { loadContent } from './loadContent.ts';

const USAGE = 'usage: npm run deck -- check [dir] | json [dir]   (dir defaults to "content")';

function main(argv: string[]): number {
  const [command, dir = 'content', ...extra] = argv;
  if ((command !== 'check' && command !== 'json') || extra.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { decks, diagnostics } = loadContent(dir);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);

  if (command === 'json') {
    if (errors.length === 0) process.stdout.write(`${JSON.stringify(decks, null, 2)}\n`);
  } else {
    for (const deck of decks) {
      const sources = deck.cards.reduce((n, c) => n + c.sources.length, 0);
      const warnings = diagnostics.filter(
        (d) => d.file === deck.file && d.severity === 'warning',
      ).length;
      process.stdout.write(
        `${deck.file}: ${deck.title} — ${plural(deck.cards.length, 'card')}, ${plural(sources, 'source')}, ${plural(warnings, 'warning')}\n`,
      );
    }
  }
  if (errors.length > 0) {
    process.stderr.write(`${plural(errors.length, 'error')}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
