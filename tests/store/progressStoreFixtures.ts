// Shared fixtures for the progress store tests: a store opened on a storage at a fixed time.
import type { MemoryStorage } from '../support/memoryStorage.ts';
import { T0, openStore } from './fixtures.ts';

const fixedNow = () => T0;

export const open = (storage: MemoryStorage, now = fixedNow) => openStore(storage, now);
