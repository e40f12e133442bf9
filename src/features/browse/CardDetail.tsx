// One card opened from Browse, in a modal dialog (Escape closes it, focus goes back to its row):
// the card as the review screen draws it, Star / Suspend / Reset (confirmed, then undoable), its
// schedule and its whole review history.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { loadMathStyles } from '../../components/mathStyles.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { focusableScrollBoxes } from '../../components/scrollBoxes.ts';
import { useCard, type DeckContent } from '../../content/deckContent.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import { useProgress, useProgressStore } from '../../store/context.tsx';
import { CardHistory } from './CardHistory.tsx';
import { CardSchedule } from './CardSchedule.tsx';

export interface CardDetailProps {
  content: DeckContent;
  /** The open card; null: closed. */
  id: string | null;
  now: number;
  onClose: () => void;
}

export function CardDetail({ content, id, now, onClose }: CardDetailProps) {
  // Focus starts on Close: Escape and Enter both close, Tab reaches the actions.
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      open={id !== null}
      onDismiss={onClose}
      labelledBy="browse-card-title"
      className="browse-detail"
      initialFocus={closeRef}
    >
      {id !== null && (
        <CardBody
          key={id}
          content={content}
          id={id}
          now={now}
          onClose={onClose}
          closeRef={closeRef}
        />
      )}
    </ModalDialog>
  );
}

type Notice = 'reset' | 'undone' | null;

function CardBody({
  content,
  id,
  now,
  onClose,
  closeRef,
}: CardDetailProps & { id: string; closeRef: RefObject<HTMLButtonElement | null> }) {
  const { t } = useScreenT();
  const store = useProgressStore();
  const card = useCard(content, id);
  const place = content.place(id);
  const progress = useProgress((s) => s.progress[id]);
  const flags = useProgress((s) => s.flags[id]);
  // Undo takes back the store's last change: offered only while that is this card's reset.
  const canUndo = useProgress((s) => {
    const last = s.undoStack[s.undoStack.length - 1];
    return last !== undefined && last.cardId === id && last.log === null;
  });
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);

  // The button pressed goes away (Reset is disabled once reset, Undo replaced by text): focus
  // moves to the way back, so that it stays in the dialog instead of falling to <body>.
  useEffect(() => {
    if (notice === 'reset') undoRef.current?.focus();
    else if (notice === 'undone') {
      const reset = resetRef.current;
      (reset && !reset.disabled ? reset : closeRef.current)?.focus();
    }
  }, [notice, closeRef]);

  useEffect(() => {
    if (card?.hasMath) void loadMathStyles();
  }, [card]);

  const starred = flags?.starred === true;
  const suspended = flags?.suspended === true;
  const lang = place?.deck.lang;
  const state = store.getState();

  return (
    <>
      <div className="browse-detail-head">
        <h2 id="browse-card-title">
          <span lang={lang}>{place?.deck.title ?? card?.deck}</span>
          {card?.number !== undefined ? ` · Q${card.number}` : ''}
        </h2>
        <button ref={closeRef} type="button" className="btn" onClick={onClose}>
          {t('browse.card.close')}
        </button>
      </div>
      {card ? (
        <>
          <h3 className="browse-detail-label">{t('browse.card.question')}</h3>
          <div
            className="prose browse-detail-question"
            lang={lang}
            ref={focusableScrollBoxes}
            // Rendered at build time from our own content: safe to insert.
            dangerouslySetInnerHTML={{ __html: card.questionHtml }}
          />
          <h3 className="browse-detail-label">{t('browse.card.answer')}</h3>
          <div
            className="prose"
            lang={lang}
            ref={focusableScrollBoxes}
            dangerouslySetInnerHTML={{ __html: card.answerHtml }}
          />
        </>
      ) : (
        <p className="browse-note">{t('browse.loading')}</p>
      )}
      <div className="browse-actions">
        <button
          type="button"
          className="btn"
          aria-pressed={starred}
          onClick={() => state.setStarred(id, !starred)}
        >
          {starred ? t('browse.action.unstar') : t('browse.action.star')}
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={suspended}
          onClick={() => state.setSuspended(id, !suspended)}
        >
          {suspended ? t('browse.action.unsuspend') : t('browse.action.suspend')}
        </button>
        <button
          ref={resetRef}
          type="button"
          className="btn btn-danger-outline"
          disabled={progress === undefined}
          onClick={() => setConfirming(true)}
        >
          {t('browse.action.reset')}
        </button>
      </div>
      <p className="browse-notice" role="status">
        {notice === 'reset' && (
          <>
            {t('browse.reset.done')}{' '}
            {canUndo && (
              <button
                ref={undoRef}
                type="button"
                className="btn"
                onClick={() => {
                  store.getState().undo();
                  setNotice('undone');
                }}
              >
                {t('browse.action.undo')}
              </button>
            )}
          </>
        )}
        {notice === 'undone' && t('browse.reset.undone')}
      </p>
      {suspended && <p className="browse-note">{t('browse.card.suspendedNote')}</p>}
      <CardSchedule progress={progress} now={now} />
      <CardHistory id={id} />
      <ConfirmDialog
        open={confirming}
        title={t('browse.reset.title')}
        confirmLabel={t('browse.action.reset')}
        cancelLabel={t('browse.reset.cancel')}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          store.getState().resetCard(id);
          setConfirming(false);
          setNotice('reset');
        }}
      >
        <p>{t('browse.reset.body')}</p>
      </ConfirmDialog>
    </>
  );
}
