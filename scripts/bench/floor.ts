// The floor: a static page with the app's first question, its answer hidden behind a "Show
// answer" button, and a "Good" button that swaps in the second question. No framework, no
// store, no style sheet beyond a few lines: what showing the same cards costs the browser and
// the harness alone. It uses the app's element names, so the probe measures both alike.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const FLOOR_PAGE = 'bench-floor.html';
/** An empty same-origin page, to fill localStorage before the app is opened. */
export const BLANK_PAGE = 'bench-blank.html';

export interface FloorCard {
  question: string;
  answer: string;
}

function page(first: FloorCard, second: FloorCard): string {
  // The second card travels as JSON; `<` is escaped so that no `</script>` can end the script.
  const next = JSON.stringify(second).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Floor</title>
<style>
body { margin: 0 auto; max-width: 40rem; padding: 1rem; font: 16px/1.6 system-ui, sans-serif; }
</style>
</head>
<body>
<main>
<article>
<div id="card-question" elementtiming="question">${first.question}</div>
<div class="card-answer" hidden><div class="prose">${first.answer}</div></div>
</article>
<button type="button" id="reveal">Show answer</button>
<button type="button" id="good" aria-label="Good" hidden>Good</button>
</main>
<script>
const q = document.getElementById('card-question');
const a = document.querySelector('.card-answer');
const reveal = document.getElementById('reveal');
const good = document.getElementById('good');
const next = ${next};
reveal.onclick = () => { a.hidden = false; reveal.hidden = true; good.hidden = false; };
good.onclick = () => {
  q.innerHTML = next.question;
  a.firstElementChild.innerHTML = next.answer;
  a.hidden = true; good.hidden = true; reveal.hidden = false;
};
</script>
</body>
</html>
`;
}

/** Writes the floor page and the blank page into a build's folder (served with it). */
export function writeFloorPages(outDir: string, cards: readonly FloorCard[]): void {
  const fallback: FloorCard = { question: '<p>Question</p>', answer: '<p>Answer</p>' };
  writeFileSync(path.join(outDir, FLOOR_PAGE), page(cards[0] ?? fallback, cards[1] ?? fallback));
  writeFileSync(
    path.join(outDir, BLANK_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n',
  );
}
