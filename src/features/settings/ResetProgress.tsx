// Reset all progress, behind a confirmation that names what is lost: the number of reviews
// and of cards with progress. Cancel is focused first; only the explicit button deletes.
import { useEffect, useRef, useState } from 'react';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { useScreenT } from '../../i18n/i18n.tsx';
import { useProgress, useProgressStore } from '../../store/context.tsx';

export function ResetProgress() {
  const { t, plural } = useScreenT();
  const store = useProgressStore();
  const reviews = useProgress((s) => s.reviewCount);
  const cards = useProgress((s) => Object.keys(s.progress).length);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The reset button is gone once there is nothing to reset: keep focus in this section.
  useEffect(() => {
    if (done) headingRef.current?.focus();
  }, [done]);

  const counts = {
    reviews: plural('count.reviews', reviews),
    cards: plural('count.cards', cards),
  };
  const hasProgress = reviews > 0 || cards > 0;

  const close = () => {
    setOpen(false);
    openerRef.current?.focus();
  };
  const confirm = () => {
    store.getState().resetProgress();
    setOpen(false);
    setDone(true);
  };

  return (
    <section className="settings-section" aria-labelledby="settings-progress">
      <h2 id="settings-progress" ref={headingRef} tabIndex={-1}>
        {t('settings.progress')}
      </h2>
      <p className="settings-note" role="status">
        {done && !hasProgress
          ? t('settings.reset.done')
          : hasProgress
            ? t('settings.progress.summary', counts)
            : t('settings.progress.empty')}
      </p>
      {hasProgress && (
        <button
          ref={openerRef}
          type="button"
          className="btn btn-danger-outline"
          onClick={() => {
            setDone(false);
            setOpen(true);
          }}
        >
          {t('settings.reset')}
        </button>
      )}
      <ModalDialog
        open={open}
        onDismiss={close}
        labelledBy="reset-title"
        describedBy="reset-body"
        initialFocus={cancelRef}
        role="alertdialog"
      >
        <h2 id="reset-title">{t('settings.reset.title')}</h2>
        <div id="reset-body">
          <p>{t('settings.reset.body', counts)}</p>
          <p>
            <strong>{t('settings.reset.warning')}</strong>
          </p>
        </div>
        <div className="dialog-actions">
          <button ref={cancelRef} type="button" className="btn" onClick={close}>
            {t('settings.reset.cancel')}
          </button>
          <button type="button" className="btn btn-danger" onClick={confirm}>
            {t('settings.reset.confirm')}
          </button>
        </div>
      </ModalDialog>
    </section>
  );
}
