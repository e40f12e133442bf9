// The first-run introduction: three short steps (the review loop, the four grades, keys and
// swipes) in a modal dialog. Skippable at any step; shown once, and again from Settings.
import { useRef, useState } from 'react';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { useScreenT } from '../../i18n/i18n.tsx';
import type { TextKey } from '../../i18n/messages.ts';
import { GRADES, type Grade } from '../../scheduler/progress.ts';
import './onboarding.css';

const STEPS = ['loop', 'grades', 'controls'] as const;
type Step = (typeof STEPS)[number];

const GRADE_TEXT = {
  again: ['grade.again', 'intro.grades.again'],
  hard: ['grade.hard', 'intro.grades.hard'],
  good: ['grade.good', 'intro.grades.good'],
  easy: ['grade.easy', 'intro.grades.easy'],
} as const satisfies Record<Grade, readonly [TextKey, TextKey]>;

const TITLES = {
  loop: 'intro.loop.title',
  grades: 'intro.grades.title',
  controls: 'intro.controls.title',
} as const satisfies Record<Step, TextKey>;

export interface OnboardingProps {
  open: boolean;
  /** Finished or skipped: `completed` is true when the last step was reached. */
  onClose: (completed: boolean) => void;
}

export function Onboarding({ open, onClose }: OnboardingProps) {
  const { t } = useScreenT();
  const [index, setIndex] = useState(0);
  const primary = useRef<HTMLButtonElement>(null);
  const step = STEPS[index] ?? 'loop';
  const last = index === STEPS.length - 1;

  const close = (completed: boolean) => {
    onClose(completed);
    setIndex(0);
  };

  return (
    <ModalDialog
      open={open}
      onDismiss={() => close(false)}
      labelledBy="intro-title"
      describedBy="intro-body"
      initialFocus={primary}
      className="intro"
    >
      <p className="intro-progress">
        <span className="visually-hidden">
          {t('intro.step', { n: index + 1, total: STEPS.length })}
        </span>
        <span className="intro-dots" aria-hidden="true">
          {STEPS.map((s, i) => (
            <span key={s} className={`intro-dot${i === index ? ' is-current' : ''}`} />
          ))}
        </span>
      </p>
      <div aria-live="polite">
        <h2 id="intro-title">{t(TITLES[step])}</h2>
        <div id="intro-body" className="intro-body">
          {step === 'loop' && (
            <ol className="intro-loop">
              <li>{t('intro.loop.ask')}</li>
              <li>{t('intro.loop.check')}</li>
              <li>{t('intro.loop.schedule')}</li>
            </ol>
          )}
          {step === 'grades' && (
            <dl className="intro-grades">
              {GRADES.map((g) => (
                <div key={g} className={`intro-grade grade-${g}`}>
                  <dt>{t(GRADE_TEXT[g][0])}</dt>
                  <dd>{t(GRADE_TEXT[g][1])}</dd>
                </div>
              ))}
            </dl>
          )}
          {step === 'controls' && (
            <ul className="intro-controls">
              <li>{t('intro.controls.keys')}</li>
              <li>{t('intro.controls.swipe')}</li>
              <li>{t('intro.controls.undo')}</li>
            </ul>
          )}
        </div>
      </div>
      <div className="dialog-actions intro-actions">
        <button type="button" className="btn btn-quiet intro-skip" onClick={() => close(false)}>
          {t('intro.skip')}
        </button>
        {index > 0 && (
          <button type="button" className="btn" onClick={() => setIndex(index - 1)}>
            {t('intro.back')}
          </button>
        )}
        <button
          ref={primary}
          type="button"
          className="btn btn-primary"
          onClick={() => (last ? close(true) : setIndex(index + 1))}
        >
          {last ? t('intro.start') : t('intro.next')}
        </button>
      </div>
    </ModalDialog>
  );
}
