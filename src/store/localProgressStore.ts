// The progress store with its repository made at once on the storage given: for tests, tools and
// the build's first screen. Not imported by the app's entry (main.tsx), which loads the code
// reading storage only when storage holds something, so that it is not in the first download.
import { localStorageRepository } from './localStorageRepository.ts';
import { progressStoreOn, type ProgressStore, type ProgressStoreOptions } from './progressStore.ts';

export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
  const repository = 'repository' in options ? options.repository : localStorageRepository(options);
  return progressStoreOn(repository, options);
}
