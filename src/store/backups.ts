// Copies of stored values the app could not read (or an older version's data), under
// `<key>:backup:<time>`. One copy per distinct value: the same unreadable value met at every
// reload is kept once, so backups never pile up.
import type { KeyValueStorage, ProgressRepository } from './repository.ts';

export const BACKUP_INFIX = ':backup:';

export function allKeys(storage: KeyValueStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) keys.push(key);
  }
  return keys;
}

export function backupKeys(storage: KeyValueStorage, name: string): string[] {
  return allKeys(storage)
    .filter((k) => k.startsWith(name) && k.includes(BACKUP_INFIX))
    .sort();
}

/** The key a backup was copied from. */
export const originalKey = (backupKey: string) =>
  backupKey.slice(0, backupKey.indexOf(BACKUP_INFIX));

/**
 * Copies `raw` (the value of `key`) to a backup key, unless a backup of `key` already holds it.
 * Returns the backup's key, or null when there is no room for it.
 */
export function keepCopy(
  storage: KeyValueStorage,
  key: string,
  raw: string,
  at: number,
): string | null {
  const prefix = key + BACKUP_INFIX;
  const existing = allKeys(storage)
    .filter((k) => k.startsWith(prefix))
    .sort()
    .find((k) => storage.getItem(k) === raw);
  if (existing !== undefined) return existing;
  const stamp = `${prefix}${new Date(at).toISOString()}`;
  try {
    // Never over another backup: a second value at the same instant (a clock stuck or gone
    // back) gets a numbered key.
    for (let n = 0; ; n++) {
      const backupKey = n === 0 ? stamp : `${stamp}~${n}`;
      if (storage.getItem(backupKey) === null) {
        storage.setItem(backupKey, raw);
        return backupKey;
      }
    }
  } catch {
    return null;
  }
}

/**
 * `storage` as it would be with `value` under `key`, for reading a backup through the ordinary
 * loader: reads pass through, writes (the loader's own backups) stay in this view.
 */
export function overlay(storage: KeyValueStorage, key: string, value: string): KeyValueStorage {
  const mine = new Map<string, string>([[key, value]]);
  const keys = () => [...new Set([...allKeys(storage), ...mine.keys()])];
  return {
    get length() {
      return keys().length;
    },
    key: (i) => keys()[i] ?? null,
    getItem: (k) => mine.get(k) ?? storage.getItem(k),
    setItem: (k, v) => void mine.set(k, v),
    removeItem: (k) => void mine.delete(k),
  };
}

/** The repository's plain backup members: list them, read one as written, delete one. */
export function backupShelf(
  storage: KeyValueStorage,
  name: string,
): Pick<ProgressRepository, 'listBackups' | 'readRaw' | 'deleteBackup'> {
  return {
    listBackups: () =>
      backupKeys(storage, name).map((key) => ({ key, chars: storage.getItem(key)?.length ?? 0 })),
    readRaw: (key) => storage.getItem(key),
    deleteBackup(key) {
      // Only backup keys can be deleted this way.
      if (key.includes(BACKUP_INFIX)) storage.removeItem(key);
    },
  };
}
