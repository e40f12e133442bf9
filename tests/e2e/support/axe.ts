// axe-core in the built app: its source (injected into a page once), a screen's findings as
// readable lines, a wait for the screen to settle first, and the devices, themes and languages
// the accessibility tests go through. Shared by a11y.e2e.test.ts and studyScreens.e2e.test.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

declare global {
  interface Window {
    /** The elements a Tab walk has reached so far (a11y.e2e.test.ts). */
    tabbed?: Element[];
    axe?: {
      run: (
        context: Document,
        options: object,
      ) => Promise<{
        violations: {
          id: string;
          impact?: string | null;
          help: string;
          helpUrl: string;
          nodes: { target: unknown[]; html: string; failureSummary?: string }[];
        }[];
      }>;
    };
  }
}

/** Nothing half faded in or half painted: what a person sees once the screen has settled. */
export async function settle(page: Page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(
      [...document.images]
        // (a lazy picture further down would wait for a scroll that never comes)
        .filter((img) => !img.complete && img.getBoundingClientRect().top < innerHeight)
        .map((img) => img.decode().catch(() => {})),
    );
    const finite = document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => {})));
  });
}

/** axe-core's findings on the page as it is now, one readable line per element. */
export async function axe(page: Page, where: string): Promise<string[]> {
  await settle(page);
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  const violations: Violation[] = await page.evaluate(async () => {
    const result = await window.axe!.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        html: n.html.slice(0, 160),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
      })),
    }));
  });
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${where}: ${v.id} (${v.impact}) ${v.help}\n    at ${n.target}: ${n.html}\n    ${n.summary}\n    ${v.helpUrl}`,
    ),
  );
}

/** Phone and desktop, light and dark, English and Chinese: `[title, { device, theme, lang }]`. */
export const combos = (['phone', 'desktop'] as const).flatMap((device) =>
  (['light', 'dark'] as const).flatMap((theme) =>
    (['en', 'zh'] as const).map(
      (lang) => [`${device} ${theme} ${lang}`, { device, theme, lang }] as const,
    ),
  ),
);
