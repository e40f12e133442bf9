// "Your data" in Settings: export and import progress, backups of unreadable or older data,
// and progress left without a card (re-attach or discard, never without the learner's word).
import { useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import type { DeckContent } from '../../content/deckContent.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import { now } from '../../platform/clock.ts';
import { browserStorage, readFileText } from '../../platform/storage.ts';
import { downloadStored, exportProgress } from './downloads.ts';
import {
  useProgress,
  useProgressStore,
  useReviewLog,
  useStorageStatus,
} from '../../store/context.tsx';
import { appMockStore, mergeMockHistory, mockBackups } from '../../store/mockSessions.ts';
import { findOrphans, type DeckCardRef } from '../../store/orphans.ts';
import {
  mergeImport,
  parseImport,
  type ImportPreview,
  type ImportedData,
} from '../../store/transfer.ts';
import { refOf } from './useDeckReconcile.ts';
import './data.css';

export function DataSection({ content }: { content: DeckContent }) {
  const { t } = useScreenT();
  return (
    <section className="settings-section" aria-labelledby="settings-data">
      <h2 id="settings-data">{t('data.title')}</h2>
      <p className="settings-note">{t('data.where')}</p>
      <ExportImport content={content} />
      <Orphans content={content} />
      <Backups />
    </section>
  );
}

function ExportImport({ content }: { content: DeckContent }) {
  const { t, plural } = useScreenT();
  const store = useProgressStore();
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{
    data: ImportedData;
    preview: ImportPreview;
    /** Finished mock interviews in the file and not here. */
    mocksAdded: number;
  } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const knownIds = useMemo(() => new Set(content.ids), [content]);

  const exportNow = () => void exportProgress(store);

  const onFile = async (file: File | undefined) => {
    setError(null);
    setMessage(null);
    if (!file) return;
    let text: string;
    try {
      text = await readFileText(file);
    } catch {
      setError(t('data.import.unreadable'));
      return;
    }
    const result = parseImport(text, file.size, now());
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const { preview } = mergeImport(store.persistedState(), result.data, knownIds);
    const here = new Set(
      appMockStore()
        .getState()
        .history.map((m) => m.id),
    );
    const mocksAdded = result.data.mocks.filter((m) => !here.has(m.id)).length;
    setPending({ data: result.data, preview, mocksAdded });
  };

  const confirm = () => {
    if (!pending) return;
    // Merge against the state as it is now (another tab may have saved since the preview).
    const merged = mergeImport(store.persistedState(), pending.data, knownIds);
    store.getState().applyMerged(merged.state, merged.changedIds);
    if (pending.data.mocks.length > 0) {
      const mocks = appMockStore();
      mocks.setState({ history: mergeMockHistory(mocks.getState().history, pending.data.mocks) });
    }
    setPending(null);
    const done = t('data.import.done', {
      cards: plural('count.cards', merged.preview.cardsAdded + merged.preview.cardsReplaced),
      reviews: plural('count.reviews', merged.preview.reviewsAdded),
    });
    // (The mock interviews the preview said would be added are said again.)
    setMessage(
      pending.mocksAdded > 0
        ? `${done} ${plural('data.import.mocksDone', pending.mocksAdded)}`
        : done,
    );
    if (fileRef.current) fileRef.current.value = '';
  };

  const p = pending?.preview;
  const mocksAdded = pending?.mocksAdded ?? 0;
  return (
    <div className="data-block">
      <h3>{t('data.transfer')}</h3>
      <p className="settings-note">{t('data.transfer.note')}</p>
      <div className="data-actions">
        <button type="button" className="btn" onClick={exportNow}>
          {t('data.export.button')}
        </button>
        <label className="btn file-button">
          {t('data.import.button')}
          <input
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
        </label>
      </div>
      {error && (
        <p className="data-error" role="alert">
          {t('data.import.refused', { reason: error })}
        </p>
      )}
      {message && (
        <p className="settings-note" role="status">
          {message}
        </p>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={t('data.import.title')}
        confirmLabel={t('data.import.confirm')}
        cancelLabel={t('common.cancel')}
        onCancel={() => {
          setPending(null);
          if (fileRef.current) fileRef.current.value = '';
        }}
        onConfirm={confirm}
      >
        {p && (
          <ul className="import-preview">
            <li>{plural('data.import.added', p.cardsAdded)}</li>
            <li>{plural('data.import.replaced', p.cardsReplaced)}</li>
            <li>{plural('data.import.kept', p.cardsKept)}</li>
            <li>{plural('data.import.reviews', p.reviewsAdded)}</li>
            {mocksAdded > 0 && <li>{plural('data.import.mocks', mocksAdded)}</li>}
            {p.unknownCards > 0 && <li>{plural('data.import.unknown', p.unknownCards)}</li>}
            <li>
              {p.settingsChanged ? t('data.import.settingsChanged') : t('data.import.settingsSame')}
            </li>
          </ul>
        )}
      </ConfirmDialog>
    </div>
  );
}

function Orphans({ content }: { content: DeckContent }) {
  const { t, plural } = useScreenT();
  const store = useProgressStore();
  const progress = useProgress((s) => s.progress);
  const seen = useProgress((s) => s.seen);
  const log = useReviewLog();
  const hasOrphans = useMemo(
    () => Object.keys(progress).some((id) => !content.place(id)),
    [progress, content],
  );
  // Matching needs every question's text: fetch all chunks, but only when there is something
  // to match.
  useEffect(() => {
    if (hasOrphans) content.load(content.ids).catch(() => undefined);
  }, [hasOrphans, content]);
  const version = useSyncExternalStore(content.subscribe, content.version, content.version);
  const refs = useMemo(
    () =>
      hasOrphans
        ? content.ids.map((id) => refOf(content, id)).filter((r): r is DeckCardRef => !!r)
        : [],
    // `version` changes as chunks arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hasOrphans, content, version],
  );
  const report = useMemo(
    () => findOrphans(refs, Object.keys(progress), seen),
    [refs, progress, seen],
  );
  const free = useMemo(() => refs.filter((r) => progress[r.id] === undefined), [refs, progress]);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [discarding, setDiscarding] = useState<string | null>(null);

  if (!hasOrphans || report.orphans.length === 0) return null;
  const reviewsOf = (id: string) => log?.filter((e) => e.cardId === id).length ?? 0;
  return (
    <div className="data-block">
      <h3>{plural('data.orphans.title', report.orphans.length)}</h3>
      <p className="settings-note">{t('data.orphans.note')}</p>
      <ul className="orphans">
        {report.orphans.map((o) => {
          const selected = choice[o.id] ?? o.suggestion?.id ?? '';
          const selectId = `orphan-${o.id}`;
          return (
            <li key={o.id} className="orphan">
              <p className="orphan-text">{o.seen?.text ?? o.id}</p>
              <p className="settings-note">
                {plural('count.reviews', reviewsOf(o.id))}
                {o.seen ? ` · ${o.seen.file}` : ''}
              </p>
              <div className="data-actions">
                <label htmlFor={selectId} className="visually-hidden">
                  {t('data.orphans.target')}
                </label>
                <select
                  id={selectId}
                  value={selected}
                  onChange={(e) => setChoice({ ...choice, [o.id]: e.currentTarget.value })}
                >
                  <option value="">{t('data.orphans.choose')}</option>
                  {free.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.text.slice(0, 80)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="btn"
                  disabled={selected === ''}
                  onClick={() => store.getState().moveProgress(o.id, selected)}
                >
                  {t('data.orphans.attach')}
                </button>
                <button type="button" className="btn btn-quiet" onClick={() => setDiscarding(o.id)}>
                  {t('data.orphans.discard')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={discarding !== null}
        danger
        title={t('data.orphans.discardTitle')}
        confirmLabel={t('data.orphans.discard')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setDiscarding(null)}
        onConfirm={() => {
          if (discarding) store.getState().discardProgress(discarding);
          setDiscarding(null);
        }}
      >
        <p>
          {discarding &&
            t('data.orphans.discardBody', {
              reviews: plural('count.reviews', reviewsOf(discarding)),
            })}
        </p>
      </ConfirmDialog>
    </div>
  );
}

function Backups() {
  const { t } = useScreenT();
  const store = useProgressStore();
  // Listing reads storage keys: cheap. Re-render when a problem (and so a backup) appears,
  // or after a deletion.
  useStorageStatus((s) => s.problems);
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  // Mock interview data's copies too: downloaded and deleted alike, but not restored here (an
  // unreadable mock session has no progress to merge).
  const mockCopies = mockBackups(browserStorage().storage);
  const mocks = new Set(mockCopies.map((b) => b.key));
  const backups = [...store.repository.listBackups(), ...mockCopies];
  const [deleting, setDeleting] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  if (backups.length === 0) return null;
  const restore = (key: string) => {
    const result = store.restoreBackup(key);
    setRestored(
      result.ok
        ? t('data.backups.restored')
        : t('data.backups.restoreFailed', { reason: result.reason }),
    );
  };
  return (
    <div className="data-block">
      <h3>{t('data.backups.title')}</h3>
      <p className="settings-note">{t('data.backups.note')}</p>
      <ul className="backups">
        {backups.map((b) => (
          <li key={b.key}>
            <code>{b.key}</code> · {Math.ceil(b.chars / 1024)} KB
            <div className="data-actions">
              {!mocks.has(b.key) && (
                <button type="button" className="btn" onClick={() => restore(b.key)}>
                  {t('data.backups.restore')}
                </button>
              )}
              <button type="button" className="btn" onClick={() => downloadStored(store, b.key)}>
                {t('data.notice.download')}
              </button>
              <button type="button" className="btn btn-quiet" onClick={() => setDeleting(b.key)}>
                {t('data.backups.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {restored && (
        <p className="settings-note" role="status">
          {restored}
        </p>
      )}
      <ConfirmDialog
        open={deleting !== null}
        danger
        title={t('data.backups.deleteTitle')}
        confirmLabel={t('data.backups.delete')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) store.repository.deleteBackup(deleting);
          setDeleting(null);
          refresh();
        }}
      >
        <p>{t('data.backups.deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
