// A StateStorage wrapper that never lets an unreadable stored value be overwritten: before the
// app starts fresh it copies the raw value to a backup key of its own.
import type { StateStorage } from 'zustand/middleware';

export const BACKUP_PREFIX = ':backup:';

/** Keys of the backups made for `name`, oldest first. */
export function backupKeys(storage: Storage, name: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(name + BACKUP_PREFIX)) keys.push(key);
  }
  return keys.sort();
}

/** localStorage, or an in-memory stand-in in tests: synchronous, unlike zustand's StateStorage. */
export type SyncStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SafeStorageOptions {
  inner: SyncStorage;
  /** Highest state version this build understands. */
  currentVersion: number;
  /** When the backup is made; part of its key so a later backup never replaces an earlier one. */
  now: () => number;
  onBackup?: (backupKey: string, reason: string) => void;
}

export function safeStorage({
  inner,
  currentVersion,
  now,
  onBackup,
}: SafeStorageOptions): StateStorage {
  return {
    getItem(name) {
      const raw = inner.getItem(name);
      if (raw === null) return null;
      const reason = unreadable(raw, currentVersion);
      if (reason === null) return raw;
      const key = `${name}${BACKUP_PREFIX}${new Date(now()).toISOString()}`;
      inner.setItem(key, raw);
      // The original stays too until the first write; it is already safe under `key`.
      onBackup?.(key, reason);
      return null;
    },
    setItem: (name, value) => inner.setItem(name, value),
    removeItem: (name) => inner.removeItem(name),
  };
}

function unreadable(raw: string, currentVersion: number): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return 'stored progress is not valid JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || !('state' in parsed)) {
    return 'stored progress has an unknown shape';
  }
  const version = (parsed as { version?: unknown }).version;
  if (typeof version !== 'number' || version > currentVersion) {
    return `stored progress has version ${String(version)}, newer than this app understands`;
  }
  return null;
}
