import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../src/platform/storage.ts';
import { localStorageRepository } from '../../src/store/localStorageRepository.ts';
import { initialPersistedState } from '../../src/store/persisted.ts';
import { T0 } from './fixtures.ts';

describe('localStorageRepository: views of progress', () => {
  const VIEW = 'rnn-flashcards/first-screen';
  const open = () => {
    const storage = memoryStorage();
    const repository = localStorageRepository({ storage, now: () => T0, views: [VIEW] });
    repository.load();
    return { storage, repository };
  };

  it('are removed by a save that writes something, whichever key it writes', () => {
    const { storage, repository } = open();
    storage.setItem(VIEW, 'kept');
    repository.save({
      ...initialPersistedState(),
      flags: { 'rnn/a': { starred: true, suspended: false, rev: T0 } },
    });
    expect(storage.getItem(VIEW)).toBeNull();
    storage.setItem(VIEW, 'kept again');
    repository.save({
      ...initialPersistedState(),
      flags: { 'rnn/a': { starred: true, suspended: false, rev: T0 } },
      settings: { ...initialPersistedState().settings, newCardsPerDay: 3 },
    });
    expect(storage.getItem(VIEW)).toBeNull();
  });

  it('stay when a save has nothing to write', () => {
    const { storage, repository } = open();
    repository.save(initialPersistedState());
    storage.setItem(VIEW, 'kept');
    repository.save(initialPersistedState());
    expect(storage.getItem(VIEW)).toBe('kept');
  });
});
