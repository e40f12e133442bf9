// `npm run bench:search`: only Browse's search figure (search.ts) on a synthetic deck, without
// the rest of the bench: for checking a change to search quickly.
//
//   npm run bench:search -- --cards 5000 --runs 5
import { parseArgs } from 'node:util';
import { buildApp, serve } from './app.ts';
import { launchBrowser } from './browser.ts';
import { generateDeck } from './generate.ts';
import { Budgets, Output, count } from './report.ts';
import { measureSearch, reportSearch } from './search.ts';

const { values } = parseArgs({
  options: { cards: { type: 'string', default: '5000' }, runs: { type: 'string', default: '5' } },
});
const CARDS = Number(values.cards);
const RUNS = Math.max(1, Number(values.runs));

async function main(): Promise<void> {
  const content = generateDeck(CARDS);
  const browser = await launchBrowser();
  try {
    process.stderr.write(`[bench:search] building ${count(CARDS)} cards\n`);
    const built = await buildApp(content.dir);
    const served = await serve(built.outDir);
    try {
      const search = await measureSearch(browser, served.url, built.outDir, RUNS, (m) =>
        process.stderr.write(`[bench:search] ${m}\n`),
      );
      const out = new Output();
      const budgets = new Budgets();
      reportSearch(out, budgets, `Synthetic deck (${count(CARDS)} cards)`, search);
      out.line();
      out.line(budgets.render());
      console.log(out.flush());
    } finally {
      await served.close();
      built.remove();
    }
  } finally {
    await browser.close();
    content.remove();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(2);
});
