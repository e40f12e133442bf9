// The study screens beyond Review, Decks and Settings, in the built app on a phone (390×844, touch)
// and a desktop (1280×800), light and dark, English and Chinese (four runs that take every pair of
// those once: phone light en, phone dark zh, desktop light zh, desktop dark en; the screens of
// Review and Settings go through all eight in a11y and screens): after three cards reviewed,
// Weak, Browse (and one card opened), Stats, Interviews (one added, its readiness computed), a
// mock interview of that interview (start, a running question, its answer with key points, the
// summary), a cram of its cards (question and answer) and the cram chooser. On each of them
// axe-core finds nothing (as in a11y.e2e.test.ts) and the page never scrolls sideways; each is
// kept as test-results/screenshots/<screen>-<device>-<theme>-<lang>.png for a person to look at.
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForFile } from './support/app.ts';
import { axe, combos } from './support/axe.ts';
import {
  DESKTOP,
  PHONE,
  newContext,
  openApp,
  pageOverflowsX,
  screenshot,
} from './support/phone.ts';

const app = appForFile();

/** The interview added on each run: one long word, which must break rather than widen a phone's
 * page (the interview card, the mock interview's title). */
const NAME = 'AcmeDeepLearningResearchLabFinalRoundInterview';

/** Interface words, from src/i18n/messages*.ts (English) and messages.zh*.ts (Chinese). */
const TEXT = {
  en: {
    weak: 'Weak',
    browse: 'Browse',
    stats: 'Stats',
    interview: 'Interview',
    name: 'Name',
    add: 'Add interview',
    mock: 'Mock interview',
    cram: 'Cram its cards',
    mockTitle: `Mock interview: ${NAME}`,
    questions: 'Questions',
    start: 'Start mock interview',
    progress: (n: number, total: number) => `Question ${n} of ${total}`,
    show: 'Show answer',
    next: 'Next question',
    finish: 'See the summary',
    summary: 'Summary',
    cramSet: `Interview: ${NAME}`,
    again: 'Again',
    chooserStart: 'Start',
  },
  zh: {
    weak: '薄弱',
    browse: '浏览',
    stats: '统计',
    interview: '面试',
    name: '名称',
    add: '添加面试',
    mock: '模拟面试',
    cram: '突击这些卡片',
    mockTitle: `模拟面试：${NAME}`,
    questions: '题数',
    start: '开始模拟面试',
    progress: (n: number, total: number) => `第 ${n} 题，共 ${total} 题`,
    show: '显示答案',
    next: '下一题',
    finish: '查看总结',
    summary: '总结',
    cramSet: `面试：${NAME}`,
    again: '重来',
    chooserStart: '开始',
  },
} as const;

/** A screen of the navigation, by its exact name ("模拟面试", mock interview, contains "面试"). */
const navLink = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true });

/** Grades the card on screen Good (Space shows the answer, 3 grades) and waits for the next. */
async function reviewGood(page: Page) {
  const question = page.locator('#card-question');
  await question.waitFor();
  const before = await question.textContent();
  await page.keyboard.press('Space');
  await page.locator('.grades').waitFor();
  await page.keyboard.press('3');
  await page.waitForFunction(
    (text) => document.querySelector('#card-question')?.textContent !== text,
    before,
  );
}

// Every pair of device, theme and language once (see the header).
const PAIRWISE = combos.filter(
  ([, c]) => ((c.theme === 'light') === (c.lang === 'en')) === (c.device === 'phone'),
);

// Two at a time, to use both cores: the phone's two and the desktop's two, each in turn.
describe.concurrent('axe-core, no sideways scroll and screenshots on the study screens', () => {
  describe.each(['phone', 'desktop'] as const)('%s', (lane) => {
    it.sequential.for(PAIRWISE.filter(([, c]) => c.device === lane))(
      '%s',
      { timeout: 120_000 },
      async ([, { device, theme, lang }], { expect }) => {
        const context = await newContext(app.browser, {
          viewport: device === 'phone' ? PHONE : DESKTOP,
          colorScheme: theme,
          locale: lang === 'zh' ? 'zh-CN' : 'en-US',
          touch: device === 'phone',
          preferences: { locale: lang, introSeen: true },
        });
        const { page, errors } = await openApp(context, app.url);
        const tx = TEXT[lang];
        const found: string[] = [];
        /** axe-core's findings and sideways scroll, collected; then the screen kept as a picture. */
        const check = async (screen: string, fullPage = false) => {
          found.push(...(await axe(page, screen)));
          if (await pageOverflowsX(page)) {
            const widths = await page.evaluate(() => {
              const { clientWidth } = document.documentElement;
              return [...document.querySelectorAll('body *')]
                .filter((el) => el.getBoundingClientRect().right > clientWidth + 0.5)
                .slice(0, 5)
                .map(
                  (el) =>
                    `${el.outerHTML.slice(0, 100)} (right ${el.getBoundingClientRect().right})`,
                );
            });
            found.push(
              `${screen}: the page scrolls sideways, past its edge:\n    ${widths.join('\n    ')}`,
            );
          }
          await screenshot(page, `${screen}-${device}-${theme}-${lang}`, fullPage);
        };

        // Some history for the statistics and Weak: three new cards, Good.
        for (let i = 0; i < 3; i++) await reviewGood(page);

        await navLink(page, tx.weak).click();
        await page.locator('.weak-row').first().waitFor();
        await check('weak', true);

        await navLink(page, tx.browse).click();
        await page.locator('.browse-count').waitFor();
        await check('browse');
        await page.locator('.browse-row').first().click();
        const detail = page.getByRole('dialog');
        await detail.locator('.browse-history tbody tr').first().waitFor();
        await check('browse-card');
        await page.keyboard.press('Escape');
        await detail.waitFor({ state: 'hidden' });

        await navLink(page, tx.stats).click();
        await expect.poll(() => page.getByTestId('stats-reviews').textContent()).toBe('3');
        await check('stats', true);

        // An interview, three days ahead by default, with its readiness and plan.
        await navLink(page, tx.interview).click();
        await page.getByLabel(tx.name, { exact: true }).fill(NAME);
        await page.getByRole('button', { name: tx.add }).click();
        const interview = page.getByRole('article', { name: NAME });
        await expect
          .poll(() => interview.getByTestId('readiness').textContent())
          .toMatch(/^\d+\s?%$/);
        await check('interview', true);

        // Its mock interview: two questions, the first answered with its key points shown.
        await interview.getByRole('link', { name: tx.mock, exact: true }).click();
        await page.getByRole('heading', { name: tx.mockTitle }).waitFor();
        await page.getByLabel(tx.questions).fill('2');
        const start = page.getByRole('button', { name: tx.start });
        await expect.poll(() => start.isEnabled()).toBe(true);
        await check('mock-start');
        await start.click();
        for (let n = 1; n <= 2; n++) {
          await page.getByText(tx.progress(n, 2), { exact: true }).first().waitFor();
          await page.getByRole('timer').waitFor();
          if (n === 1) await check('mock-question');
          await page.getByRole('button', { name: tx.show }).click();
          const boxes = page.getByRole('checkbox');
          await boxes.first().waitFor();
          await boxes.first().check();
          if (n === 1) await check('mock-answer', true);
          await page.getByRole('button', { name: n < 2 ? tx.next : tx.finish }).click();
        }
        await page.getByRole('heading', { name: tx.summary }).waitFor();
        await check('mock-summary', true);

        // A cram of the interview's cards: one question, then its answer and the grades.
        await navLink(page, tx.interview).click();
        await interview.getByRole('link', { name: tx.cram }).click();
        await page.getByText(tx.cramSet, { exact: true }).waitFor();
        await page.locator('#practice-question').waitFor();
        await check('practice-question');
        await page.keyboard.press('Space');
        await page.getByRole('button', { name: tx.again }).waitFor();
        await check('practice-answer');

        // The cram chooser (#/practice), which offers the interview ahead.
        await page.evaluate(() => (location.hash = '#/practice'));
        await page.getByRole('button', { name: tx.chooserStart, exact: true }).waitFor();
        await check('practice-chooser');

        expect(found.length, `found:\n\n${found.join('\n\n')}\n`).toBe(0);
        expect(errors).toEqual([]);
        await context.close();
      },
    );
  });
});
