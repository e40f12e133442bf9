// One card in Browse's list: a button (Enter opens it) with the question and a line saying where
// the card is and how it stands.
import { memo } from 'react';
import type { DeckContent } from '../../content/deckContent.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import type { CardProgress } from '../../scheduler/progress.ts';
import type { CardFlags } from '../../study/types.ts';
import { STATE_KEYS } from './BrowseFilters.tsx';
import { shortDate } from './dates.ts';

/** Longest question drawn in a row; the rest is cut with an ellipsis. */
const QUESTION_CHARS = 160;

export interface BrowseRowProps {
  id: string;
  content: DeckContent;
  progress: CardProgress | undefined;
  flags: CardFlags | undefined;
  onOpen: (id: string) => void;
}

export const BrowseRow = memo(function BrowseRow({
  id,
  content,
  progress,
  flags,
  onOpen,
}: BrowseRowProps) {
  const { t, locale } = useScreenT();
  const card = content.card(id);
  const place = content.place(id);
  const question = card?.questionText ?? id;
  const state =
    progress === undefined || progress.state === 'new'
      ? 'new'
      : progress.state === 'review'
        ? 'review'
        : 'learning';
  return (
    <li>
      <button type="button" className="browse-row" onClick={() => onOpen(id)}>
        <span className="browse-row-question" lang={place?.deck.lang}>
          {question.length > QUESTION_CHARS ? `${question.slice(0, QUESTION_CHARS)}…` : question}
        </span>
        <span className="browse-row-meta">
          <span lang={place?.deck.lang}>{place?.deck.title}</span>
          <span className={`browse-state browse-state-${state}`}>{t(STATE_KEYS[state])}</span>
          {state !== 'new' && progress && (
            <span>{t('browse.row.due', { date: shortDate(progress.due, locale) })}</span>
          )}
          {progress && progress.lapses > 0 && (
            <span>{t('browse.row.lapses', { n: progress.lapses })}</span>
          )}
          {flags?.starred && <span className="browse-flag">★ {t('browse.state.starred')}</span>}
          {flags?.suspended && (
            <span className="browse-flag browse-flag-suspended">{t('browse.state.suspended')}</span>
          )}
        </span>
      </button>
    </li>
  );
});
