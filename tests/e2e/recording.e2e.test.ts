// Recording a spoken answer in a mock interview, in Chromium with its fake microphone (which
// grants the permission and plays a tone): the recording is made only on request, played back
// in the page beside the model answer, offered as a download, and never sent anywhere.
import { describe, expect, it } from 'vitest';
import { appForFile } from './support/app.ts';
import { PHONE, newContext } from './support/phone.ts';

const app = appForFile(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);

describe('recording an answer', () => {
  it('records on request, plays it back beside the answer, and sends nothing', async () => {
    const context = await newContext(app.browser, { viewport: PHONE, preferences: {} });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Real time here (no installed clock): MediaRecorder runs on the media clock.
    await page.goto(`${app.url}#/mock`);
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    await page.getByLabel('Questions').fill('1');
    await page.getByRole('button', { name: 'Start mock interview' }).click();
    await page.getByText('Question 1 of 1', { exact: true }).first().waitFor();

    // Nothing is asked of the microphone until Record is pressed.
    expect(await page.evaluate(() => document.querySelector('audio'))).toBeNull();
    const sent: string[] = [];
    page.on('request', (r) => {
      const local = new URL(r.url()).hostname === '127.0.0.1' || r.url().startsWith('blob:');
      if (r.method() !== 'GET' || !local) sent.push(`${r.method()} ${r.url()}`);
    });
    await page.getByRole('button', { name: 'Record my answer' }).click();
    await page.getByRole('status').filter({ hasText: 'Recording…' }).waitFor();
    await page.waitForTimeout(1200); // a second of the fake microphone's tone
    await page.getByRole('button', { name: 'Stop recording' }).click();

    const audio = page.locator('.mock-recorder audio');
    await audio.waitFor();
    const src = (await audio.getAttribute('src'))!;
    expect(src).toMatch(/^blob:/);
    const bytes = await page.evaluate(
      (url) =>
        fetch(url)
          .then((r) => r.blob())
          .then((b) => b.size),
      src,
    );
    expect(bytes).toBeGreaterThan(0);
    const save = page.getByRole('link', { name: 'Save recording' });
    expect(await save.getAttribute('download')).toBe('mock-answer.webm');
    expect(await save.getAttribute('href')).toBe(src);

    // Beside the model answer once it is shown.
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('checkbox').first().waitFor();
    expect(await audio.getAttribute('src')).toBe(src);
    expect(sent).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
