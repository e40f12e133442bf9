// `npm run bench:compare -- <built folder> <built folder> …`: the same cold runs as the bench
// (4× CPU: first question, reveal, grade, and the main thread blocked from the first question
// until settled), of several builds taken in turn, run after run, so that whatever else loads
// the machine meets them all alike. On a machine whose floor page moves by more than the aims'
// margins between runs, this is how to tell whether a change moved a figure: build the commit
// before it and the one after, then compare the two folders.
//
//   git worktree add /tmp/before <rev> && (cd /tmp/before && ln -s "$PWD/node_modules" . \
//     && npx vite build --outDir /tmp/before-dist)
//   npm run build && npm run bench:compare -- /tmp/before-dist dist
//
// Options: --runs N (cold runs per build, default 10, after one warm-up each), --storage FILE (a
// JSON list of [key, value] localStorage items for every run, e.g. a year of reviews). The
// introduction is marked seen, as in the bench. A folder without the bench's blank page (through
// which storage is filled) gets it, and the floor page, written into it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve, type Served } from './app.ts';
import { INTRO_SEEN, launchBrowser } from './browser.ts';
import { BLANK_PAGE, writeFloorPages } from './floor.ts';
import { spread, table } from './report.ts';
import { coldRun, series } from './timings.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '10' }, storage: { type: 'string' } },
});
const runs = Number(values.runs);
if (positionals.length === 0 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run bench:compare -- [--runs N] [--storage items.json] <dir> <dir> …');
  process.exit(2);
}
const stored = values.storage
  ? (JSON.parse(readFileSync(values.storage, 'utf8')) as [string, string][])
  : [];
const storage = [...stored.filter(([key]) => key !== INTRO_SEEN[0]), INTRO_SEEN];

const browser = await launchBrowser();
const servers: Served[] = [];
for (const dir of positionals) {
  // The blank page through which each run fills localStorage.
  if (!existsSync(path.join(dir, BLANK_PAGE))) writeFloorPages(dir, []);
  servers.push(await serve(dir));
}
const figures = positionals.map(() => ({
  first: [] as number[],
  reveal: [] as number[],
  grade: [] as number[],
  blocked: [] as number[],
}));
let failed = 0;
// Run -1 warms the machine and the server up; it is not counted.
for (let run = -1; run < runs; run++) {
  for (const [i, server] of servers.entries()) {
    try {
      const r = await coldRun(browser, `${server.url}#/review`, { storage });
      if (run < 0) continue;
      figures[i]!.first.push(r.firstQuestion.paint ?? r.firstQuestion.frame);
      figures[i]!.reveal.push(r.reveal.paint ?? r.reveal.frame);
      figures[i]!.grade.push(r.grade.paint ?? r.grade.frame);
      if (r.blocking !== null) figures[i]!.blocked.push(r.blocking);
    } catch (e) {
      failed++;
      console.error(`${positionals[i]}: run failed (${e instanceof Error ? e.message : e})`);
    }
  }
}
await browser.close();
for (const server of servers) await server.close();

const cell = (values: number[]) => (values.length ? spread(series(values)) : 'n/a');
console.log(
  table(
    ['build', 'runs', 'first question', 'reveal', 'grade', 'blocked after first question'],
    positionals.map((dir, i) => {
      const f = figures[i]!;
      const row = [f.first, f.reveal, f.grade, f.blocked].map(cell);
      return [dir, String(f.first.length), ...row];
    }),
  ),
);
console.log(`medians (min–max) at 4× CPU, by paint timing; ${failed} run(s) failed`);
