// Under the card: what the last action did, Undo, "Show answer" and the four grades with the
// interval each would give. "Show answer" and the grades are drawn as for a hidden answer;
// useReveal alone shows and hides them from then on (see there).
import type { RefObject } from 'react';
import { formatIntervalLong, formatIntervalShort } from '../../i18n/format.ts';
import { useT } from '../../i18n/i18n.tsx';
import { GRADES, type Grade } from '../../scheduler/progress.ts';
import type { Feedback } from './useGrading.ts';
import type { IntervalPreviews } from './useIntervalPreviews.ts';

const GRADE_KEYS = {
  again: 'grade.again',
  hard: 'grade.hard',
  good: 'grade.good',
  easy: 'grade.easy',
} as const satisfies Record<Grade, string>;

export interface GradeBarProps {
  /** Whether there is a card on screen (drawn, not still arriving). */
  hasCard: boolean;
  /** React's copy of "the answer is shown", for the swipe hint. */
  shown: boolean;
  feedback: Feedback;
  canUndo: boolean;
  /** Null until worked out for this card: the grades wait for them. */
  previews: IntervalPreviews | null;
  /** The grade the ticked key points suggest (review with key points on), highlighted. */
  suggested?: Grade | null;
  revealButtonRef: RefObject<HTMLButtonElement | null>;
  gradesRef: RefObject<HTMLDivElement | null>;
  onReveal: () => void;
  onGrade: (grade: Grade) => void;
  onUndo: () => void;
}

export function GradeBar({
  hasCard,
  shown,
  feedback,
  canUndo,
  previews,
  suggested = null,
  revealButtonRef,
  gradesRef,
  onReveal,
  onGrade,
  onUndo,
}: GradeBarProps) {
  const { t, locale } = useT();
  const feedbackText =
    feedback === null
      ? ''
      : feedback.kind === 'undone'
        ? t('review.undone')
        : t('review.graded', {
            grade: t(GRADE_KEYS[feedback.grade]),
            interval: formatIntervalLong(feedback.intervalMs, locale),
          });

  return (
    <div className="actions">
      <div className="actions-info">
        <p className="review-feedback" aria-live="polite">
          {feedbackText}
        </p>
        {hasCard && (
          <p className="swipe-hint" aria-hidden="true">
            {shown ? t('review.swipeHint.answer') : t('review.swipeHint.question')}
          </p>
        )}
      </div>
      <button
        type="button"
        className="btn btn-quiet btn-undo"
        onClick={onUndo}
        disabled={!canUndo}
        aria-keyshortcuts="U Control+Z"
      >
        <UndoIcon />
        {t('review.undo')}
      </button>
      {hasCard && (
        <button
          type="button"
          className="btn btn-primary btn-reveal"
          ref={revealButtonRef}
          onClick={onReveal}
        >
          {t('review.showAnswer')}
          <kbd className="key-hint" aria-hidden="true">
            {t('review.key.space')}
          </kbd>
        </button>
      )}
      {hasCard && previews && (
        <div className="grades" role="group" aria-label={t('review.grades')} ref={gradesRef} hidden>
          {GRADES.map((g, i) => (
            <button
              key={g}
              type="button"
              className={`btn btn-grade grade-${g}${g === suggested ? ' is-suggested' : ''}`}
              aria-describedby={`interval-${g}`}
              onClick={() => onGrade(g)}
            >
              <span className="grade-interval" id={`interval-${g}`} aria-hidden="true">
                {formatIntervalShort(previews[g].intervalMs, locale)}
              </span>
              <span className="grade-name">{t(GRADE_KEYS[g])}</span>
              <kbd className="key-hint" aria-hidden="true">
                {i + 1}
              </kbd>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function UndoIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path
        d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
