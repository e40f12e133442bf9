// browserStorage: a nearly full localStorage is still the learner's storage (issue 12, item 6).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserStorage } from '../../src/platform/storage.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

describe('browserStorage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a full localStorage (the probe refused for room) rather than falling back to memory', () => {
    const full = new MemoryStorage(60);
    full.setItem('rnn-flashcards/progress', 'x'.repeat(60 - 'rnn-flashcards/progress'.length));
    vi.stubGlobal('window', { localStorage: full });
    const { storage, persistent } = browserStorage();
    expect(persistent).toBe(true);
    expect(storage).toBe(full);
    expect(storage.getItem('rnn-flashcards/progress')).toHaveLength(37);
  });

  it('falls back to memory when localStorage cannot even be read', () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(browserStorage().persistent).toBe(false);
  });
});
