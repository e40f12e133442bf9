// Tells the learner, in plain words, when their data needs attention: a stored value that could
// not be read (with its copy to download), saving refused for lack of room, no storage at all,
// progress carried over to edited cards.
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useScreenT } from '../../i18n/i18n.tsx';
import { downloadStored, exportProgress } from './downloads.ts';
import { useProgressStore, useStorageStatus, useStorageStatusStore } from '../../store/context.tsx';
import './data.css';

export function StorageNotice() {
  const { t, plural } = useScreenT();
  const store = useProgressStore();
  const statusStore = useStorageStatusStore();
  const problems = useStorageStatus((s) => s.problems);
  const unavailable = useStorageStatus((s) => s.unavailable);
  const carriedOver = useStorageStatus((s) => s.carriedOver);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [discarding, setDiscarding] = useState<string | null>(null);

  const exportNow = () => exportProgress(store);
  const download = (key: string) => downloadStored(store, key);

  const notices: { id: string; tone: 'warn' | 'info'; body: ReactNode }[] = [];
  if (unavailable) {
    notices.push({
      id: 'unavailable',
      tone: 'warn',
      body: (
        <>
          <p>{t('data.notice.unavailable')}</p>
          <button type="button" className="btn" onClick={() => void exportNow()}>
            {t('data.export.button')}
          </button>
        </>
      ),
    });
  }
  for (const p of problems) {
    if (p.kind === 'unsaved') {
      notices.push({
        id: 'unsaved',
        tone: 'warn',
        body: (
          <>
            <p>{t('data.notice.unsaved')}</p>
            <button type="button" className="btn" onClick={() => void exportNow()}>
              {t('data.export.button')}
            </button>
          </>
        ),
      });
    } else if (p.kind === 'vanished') {
      notices.push({
        id: 'vanished',
        tone: 'warn',
        body: <p>{t('data.notice.vanished', { keys: p.keys.join(', ') })}</p>,
      });
    } else if (p.bad !== undefined && p.backupKey) {
      notices.push({
        id: `unreadable:${p.key}`,
        tone: 'warn',
        body: (
          <>
            <p>{t('data.notice.partial', { reason: p.reason })}</p>
            <button type="button" className="btn" onClick={() => download(p.backupKey!)}>
              {t('data.notice.download')}
            </button>
          </>
        ),
      });
    } else {
      notices.push({
        id: `unreadable:${p.key}`,
        tone: 'warn',
        body: (
          <>
            <p>
              {p.backupKey
                ? t('data.notice.unreadable', { reason: p.reason })
                : t('data.notice.unreadableHeld', { reason: p.reason })}
            </p>
            <button type="button" className="btn" onClick={() => download(p.backupKey ?? p.key)}>
              {t('data.notice.download')}
            </button>
            {!p.backupKey && (
              <button type="button" className="btn btn-quiet" onClick={() => setDiscarding(p.key)}>
                {t('data.notice.discard')}
              </button>
            )}
          </>
        ),
      });
    }
  }
  if (carriedOver > 0) {
    notices.push({
      id: 'carried',
      tone: 'info',
      body: <p>{plural('data.notice.carried', carriedOver)}</p>,
    });
  }

  const shown = notices.filter((n) => !dismissed.has(n.id));
  if (shown.length === 0) return null;
  return (
    <div className="notices">
      {shown.map((n) => (
        <section
          key={n.id}
          className={`notice notice-${n.tone}`}
          role={n.tone === 'warn' ? 'alert' : 'status'}
        >
          <div className="notice-body">{n.body}</div>
          <button
            type="button"
            className="btn btn-quiet notice-close"
            aria-label={t('data.notice.dismiss')}
            onClick={() => {
              setDismissed(new Set([...dismissed, n.id]));
              if (n.id === 'carried') statusStore.setState({ carriedOver: 0 });
              if (n.id === 'vanished') store.repository.dismissVanished();
            }}
          >
            ×
          </button>
        </section>
      ))}
      <ConfirmDialog
        open={discarding !== null}
        danger
        title={t('data.notice.discard')}
        confirmLabel={t('data.notice.discard')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setDiscarding(null)}
        onConfirm={() => {
          if (discarding) store.repository.discard(discarding);
          setDiscarding(null);
        }}
      >
        <p>{t('data.notice.discardConfirm')}</p>
      </ConfirmDialog>
    </div>
  );
}
