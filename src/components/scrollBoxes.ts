// Wide display formulas, code and tables in card HTML scroll sideways in their own box
// (prose.css). A box that scrolls must be reachable by keyboard to be scrolled (WCAG 2.1.1; axe's
// scrollable-region-focusable): while it overflows it takes Tab focus (tabindex 0, and the
// arrow keys scroll it); once it fits it takes none, so formulas that fit add no Tab stop.
// Shared by every screen that draws an answer.

const BOXES = 'pre, .katex-display, .scroll-x, table';

/** Makes the boxes that scroll under `root` focusable, and those that fit not. */
function markScrollBoxes(root: Element) {
  for (const box of root.querySelectorAll<HTMLElement>(BOXES)) {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && !box.hasAttribute('tabindex')) box.tabIndex = 0;
    else if (!scrolls && box.getAttribute('tabindex') === '0') box.removeAttribute('tabindex');
  }
}

/**
 * A ref for an element drawn from card HTML: keeps its scrolling boxes focusable as its content
 * changes (a new card), lays out again (KaTeX's styles and fonts arriving) or is resized.
 */
export function focusableScrollBoxes(root: HTMLElement | null) {
  if (!root) return;
  const update = () => markScrollBoxes(root);
  update();
  // (jsdom, in the unit tests, has neither ResizeObserver nor document.fonts)
  const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
  resized?.observe(root);
  const changed = new MutationObserver(update);
  changed.observe(root, { childList: true, subtree: true });
  const fonts = (document as Partial<Document>).fonts;
  fonts?.addEventListener('loadingdone', update);
  return () => {
    resized?.disconnect();
    changed.disconnect();
    fonts?.removeEventListener('loadingdone', update);
  };
}
