// "Show answer" pressed on the page built into index.html before the app had taken it over: the
// boot script (src/build/pageScripts.ts) notes it on itself as data-reveal="asked". Taken once,
// by the review screen's first commit, which also ends the noting (data-reveal="taken"). It
// counts for `drawn`, the card that commit drew, unless the page was showing another one (a
// remembered first screen's card, data-card: src/platform/firstScreen.ts).
export function takeEarlyReveal(drawn: string): boolean {
  const boot = typeof document === 'undefined' ? null : document.getElementById('boot');
  if (!boot || boot.dataset.reveal === 'taken') return false;
  const asked = boot.dataset.reveal === 'asked';
  boot.dataset.reveal = 'taken';
  const shown = boot.dataset.card;
  return asked && (shown === undefined || shown === drawn);
}
