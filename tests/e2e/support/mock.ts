// Answering a mock interview in Chromium: each question timed for 20 s on Playwright's clock,
// revealed, its first key point ticked. Shared by the mock and interview end-to-end tests.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Answers questions 1..total; reloads the page once question `reloadAt` is drawn. */
export async function answerMockQuestions(
  page: Page,
  total: number,
  reloadAt?: number,
): Promise<string[]> {
  const times: string[] = [];
  for (let n = 1; n <= total; n++) {
    await page.getByText(`Question ${n} of ${total}`, { exact: true }).first().waitFor();
    if (n === reloadAt) {
      await page.reload(); // the session, its question and its clock survive
      await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
      await page.getByText(`Question ${n} of ${total}`, { exact: true }).first().waitFor();
    }
    // The clock starts once the question is drawn.
    await page.getByRole('timer').waitFor();
    await page.clock.runFor(20_000);
    await expect.poll(() => page.getByRole('timer').textContent()).toMatch(/^0:2\d/);
    times.push((await page.getByRole('timer').textContent())!.slice(0, 4));
    await page.getByRole('button', { name: 'Show answer' }).click();
    const boxes = page.getByRole('checkbox');
    await boxes.first().waitFor();
    await boxes.first().check();
    const next = n < total ? 'Next question' : 'See the summary';
    await page.getByRole('button', { name: next }).click();
  }
  await page.getByRole('heading', { name: 'Summary' }).waitFor();
  return times;
}
