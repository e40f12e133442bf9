// Export and import carry a learner's data to another browser: the reviews and the finished mock
// interviews, through the file the browser downloads and the file picker.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appForFile } from './support/app.ts';
import { DESKTOP, newContext, openApp } from './support/phone.ts';

const app = appForFile();

describe('export and import', () => {
  it('moves reviews and a finished mock interview to a fresh browser', async () => {
    const here = await newContext(app.browser, { viewport: DESKTOP, preferences: {} });
    const { page, errors } = await openApp(here, `${app.url}#/review`);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Good' }).click();
    await page.getByText(/Good · back in/).waitFor();

    await page.goto(`${app.url}#/mock`);
    await page.getByLabel('Questions').fill('1');
    await page.getByRole('button', { name: 'Start mock interview' }).click();
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'See the summary' }).click();
    await page.getByRole('heading', { name: 'Summary' }).waitFor();

    await page.goto(`${app.url}#/settings`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export progress' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(text) as {
      log: unknown[];
      mocks: { finishedAt: number | null }[];
    };
    expect(file.log.length).toBeGreaterThanOrEqual(1);
    expect(file.mocks).toHaveLength(1);
    expect(errors).toEqual([]);
    await here.close();

    const there = await newContext(app.browser, { viewport: DESKTOP, preferences: {} });
    const fresh = await openApp(there, `${app.url}#/settings`);
    await fresh.page.getByLabel('Import progress…').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    const dialog = fresh.page.getByRole('alertdialog', { name: 'Import this file?' });
    await dialog.getByText('1 finished mock interview is added').waitFor();
    await dialog.getByRole('button', { name: 'Import' }).click();
    await fresh.page.getByRole('status').filter({ hasText: 'Imported:' }).waitFor();

    await fresh.page.goto(`${app.url}#/mock`);
    await fresh.page.getByRole('heading', { name: 'Past mock interviews' }).waitFor();
    expect(await fresh.page.getByText(/of the key points, 1 question/).count()).toBe(1);
    expect(fresh.errors).toEqual([]);
    await there.close();
  });
});
