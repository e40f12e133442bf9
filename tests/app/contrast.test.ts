// WCAG AA contrast of the theme colours in src/app/app.css, in both themes: 4.5:1 for text,
// 3:1 for the boundaries of form fields and for the focus ring. Also: the two copies of the
// dark theme (forced, and following the system) stay the same.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(path.resolve(import.meta.dirname, '../../src/app/app.css'), 'utf8');

function variables(selector: string, from = 0): Record<string, string> {
  const start = css.indexOf(`${selector} {`, from);
  if (start < 0) throw new Error(`no ${selector} block`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]]));
}

const light = variables(':root');
const dark = variables(":root[data-theme='dark']");
const systemDark = variables(
  ":root:not([data-theme='light'])",
  css.indexOf('prefers-color-scheme: dark'),
);

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const channels = [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const TEXT: [string, string][] = [
  ['--text', '--bg'],
  ['--text', '--surface'],
  ['--text', '--surface-2'],
  ['--muted', '--bg'],
  ['--muted', '--surface'],
  ['--muted', '--surface-2'],
  ['--accent', '--bg'],
  ['--accent', '--surface'],
  ['--accent-text', '--accent'],
  ['--again', '--surface'],
  ['--hard', '--surface'],
  ['--good', '--surface'],
  ['--easy', '--surface'],
  ['--new', '--bg'],
  ['--learning', '--bg'],
  ['--review', '--bg'],
  ['--danger', '--bg'],
  ['--danger', '--surface'],
  ['--danger-text', '--danger'],
];

const NON_TEXT: [string, string][] = [
  ['--control-border', '--surface'],
  ['--control-border', '--bg'],
  ['--focus', '--bg'],
  ['--focus', '--surface'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s theme', (_, theme) => {
  it.each(TEXT)('text %s on %s is at least 4.5:1', (fg, bg) => {
    expect(contrast(theme[fg]!, theme[bg]!)).toBeGreaterThanOrEqual(4.5);
  });
  it.each(NON_TEXT)('%s against %s is at least 3:1', (fg, bg) => {
    expect(contrast(theme[fg]!, theme[bg]!)).toBeGreaterThanOrEqual(3);
  });
});

describe('the dark theme', () => {
  it('is the same whether chosen or following the system', () => {
    expect(systemDark).toEqual(dark);
    expect(Object.keys(dark).sort()).toEqual(
      Object.keys(light)
        .filter((k) => k !== '--radius')
        .sort(),
    );
  });
});

// The pairs above hold only if each colour is used on its background: --danger-text is for a
// danger button's label, and on a card it was white on white (light) or near-black on dark grey.
describe('the style sheets', () => {
  const sheets = readdirSync(path.resolve(import.meta.dirname, '../../src'), {
    recursive: true,
    encoding: 'utf8',
  }).filter((f) => f.endsWith('.css'));

  it.each(sheets)('%s uses --danger-text only on a --danger background', (file) => {
    const text = readFileSync(path.resolve(import.meta.dirname, '../../src', file), 'utf8');
    for (const [, selector, body] of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      if (!/(^|[\s;])color:\s*var\(--danger-text\)/.test(body!)) continue;
      expect(body, selector!.trim()).toMatch(/background(-color)?:\s*var\(--danger\)/);
    }
  });
});
