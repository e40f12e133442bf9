import { currentEngine } from '../../../src/scheduler/engine.ts';
import { describe, expect, it, vi } from 'vitest';
import { exportProgress } from '../../../src/features/data/downloads.ts';
import { createProgressStore } from '../../../src/store/localProgressStore.ts';
import { MemoryStorage } from '../../support/memoryStorage.ts';

const downloads = vi.hoisted(() => [] as { filename: string; text: string }[]);
vi.mock('../../../src/platform/storage.ts', async (original) => ({
  ...(await original<typeof import('../../../src/platform/storage.ts')>()),
  downloadText: (filename: string, text: string) => downloads.push({ filename, text }),
}));

const T0 = Date.UTC(2026, 10, 27, 2, 0);
const WEEK = 7 * 24 * 60 * 60_000;

describe('exportProgress', () => {
  it('exports every review, of every week stored', async () => {
    const storage = new MemoryStorage();
    const writer = createProgressStore({ engine: currentEngine, storage, now: () => T0 });
    for (let week = 9; week >= 0; week--) writer.getState().rate('rnn/a', 'good', T0 - week * WEEK);
    const store = createProgressStore({ engine: currentEngine, storage, now: () => T0 });
    expect(store.getState().reviewCount).toBe(10);
    await exportProgress(store);
    expect(downloads).toHaveLength(1);
    const exported = JSON.parse(downloads[0]!.text) as { log: unknown[] };
    expect(exported.log).toHaveLength(10);
  });
});
