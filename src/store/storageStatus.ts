// What the storage layer has to tell the learner: values it could not read (and where it kept
// them), saves refused for lack of room. A store of its own: writing it never triggers a save.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StorageProblem } from './repository.ts';

export interface StorageStatus {
  problems: StorageProblem[];
  /** True when the browser gave no usable localStorage: progress lives in memory only. */
  unavailable: boolean;
  /** Cards whose progress was carried over to their edited wording in this visit. */
  carriedOver: number;
}

export type StorageStatusStore = StoreApi<StorageStatus>;

export function createStorageStatusStore(unavailable = false): StorageStatusStore {
  return createStore<StorageStatus>()(() => ({ problems: [], unavailable, carriedOver: 0 }));
}
