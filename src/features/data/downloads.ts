// The learner's data as files: an export of all progress, or a stored value (a backup, or
// damaged data held in place) exactly as it is in storage.
import { now } from '../../platform/clock.ts';
import { downloadText } from '../../platform/storage.ts';
import type { ProgressStore } from '../../store/progressStore.ts';

export async function exportProgress(store: ProgressStore): Promise<void> {
  const at = now();
  // The export code is only fetched when someone exports.
  const [{ buildExport, exportFileName }, { appMockStore }] = await Promise.all([
    import('../../store/transfer.ts'),
    import('../../store/mockSessions.ts'),
  ]);
  const mocks = appMockStore().getState().history;
  downloadText(exportFileName(at), JSON.stringify(buildExport(store.persistedState(), at, mocks)));
}

export function downloadStored(store: ProgressStore, key: string): void {
  const raw = store.repository.readRaw(key);
  if (raw !== null) downloadText(`${key.replace(/[^\w.-]+/g, '_')}.txt`, raw, 'text/plain');
}
