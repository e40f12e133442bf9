// The answer's key points as checkboxes: the learner ticks what they said (mock interview) or
// recalled (review, when the setting is on). Controlled: the caller keeps what is ticked.
// The points are HTML derived from the card's own build-time HTML (keyPointsFromHtml).
import { useId } from 'react';
import { useScreenT } from '../i18n/i18n.tsx';
import './keyPoints.css';

export interface KeyPointChecklistProps {
  points: readonly string[];
  ticked: readonly number[];
  onToggle: (index: number) => void;
  /** The content's language, for the points' text. */
  lang?: string | undefined;
}

export function KeyPointChecklist({ points, ticked, onToggle, lang }: KeyPointChecklistProps) {
  const { t } = useScreenT();
  const id = useId();
  return (
    <fieldset className="key-points">
      <legend>{t('keyPoints.legend')}</legend>
      <ul>
        {points.map((html, i) => (
          <li key={i}>
            <input
              type="checkbox"
              id={`${id}-${i}`}
              checked={ticked.includes(i)}
              onChange={() => onToggle(i)}
            />
            <label
              htmlFor={`${id}-${i}`}
              className="prose"
              lang={lang}
              // Our own build-time HTML, cut at element boundaries: safe to insert.
              dangerouslySetInnerHTML={{ __html: html }}
            />
          </li>
        ))}
      </ul>
      <p className="key-points-score" aria-live="polite">
        {t('keyPoints.score', { ticked: ticked.length, total: points.length })}
      </p>
    </fieldset>
  );
}
