// A long name without spaces must break rather than widen the page on a phone: the rules that
// let it are in the feature's style sheet (tests/e2e/studyScreens.e2e.test.ts measures the page
// itself, with such a name, on a phone).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(
  new URL('../../../src/features/interview/interview.css', import.meta.url),
  'utf8',
);

/** The declarations of every rule whose selector list includes `selector`. */
function declarationsFor(selector: string): string {
  let out = '';
  for (const m of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const selectors = m[1]!
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split(',')
      .map((s) => s.trim());
    if (selectors.includes(selector)) out += m[2]!;
  }
  return out;
}

describe('interview.css', () => {
  it.each([
    '.interview-card h3',
    '.interview-history li > span',
    '.interview-below li > span:first-child',
  ])('lets %s break anywhere and shrink', (selector) => {
    const rule = declarationsFor(selector);
    expect(rule).toMatch(/overflow-wrap:\s*anywhere/);
    expect(rule).toMatch(/min-width:\s*0/);
  });
});
