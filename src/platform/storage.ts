// The browser's storage, the one place it is touched directly: localStorage when usable (it can
// be missing or throw in private modes and sandboxed frames), else memory for this visit.
import type { KeyValueStorage } from '../store/repository.ts';

export function browserStorage(): { storage: KeyValueStorage; persistent: boolean } {
  try {
    const storage = window.localStorage;
    const probe = 'rnn-flashcards/probe';
    // Reading proves it usable. A full storage refuses the probe's write: that is no reason to
    // leave the saved progress unread; the writes that do not fit are reported when made.
    storage.getItem(probe);
    try {
      storage.setItem(probe, '1');
      storage.removeItem(probe);
    } catch (e) {
      if (!(e instanceof Error && /quota/i.test(`${e.name} ${e.message}`))) throw e;
    }
    return { storage, persistent: true };
  } catch {
    return { storage: memoryStorage(), persistent: false };
  }
}

export function memoryStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
  };
}

/** Calls `onChange` (at most once per frame) when another tab changes keys starting with `prefix`. */
export function onOtherTabChange(prefix: string, onChange: () => void): () => void {
  let scheduled = false;
  const listener = (event: StorageEvent) => {
    if (event.storageArea !== window.localStorage) return;
    if (event.key !== null && !event.key.startsWith(prefix)) return;
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      onChange();
    });
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}

/** Offers `text` to the user as a file download. */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The text of a file the user picked (FileReader: also where Blob.text is missing). */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}
