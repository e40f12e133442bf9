// Key points in everyday review (a setting, off by default; loaded on demand only when on):
// after the reveal, tick the points recalled and the matching grade is suggested — all: Good,
// at least half: Hard, fewer: Again. Easy stays the learner's call; nothing is graded for them.
import { useMemo, useState } from 'react';
import { KeyPointChecklist } from '../../components/KeyPointChecklist.tsx';
import { keyPointsFromHtml } from '../../content/keyPointsHtml.ts';
import type { Card } from '../../deck/types.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import type { Grade } from '../../scheduler/progress.ts';
import { suggestedGrade } from '../../study/mockInterview.ts';

export interface ReviewKeyPointsProps {
  card: Card;
  lang: string | undefined;
  onSuggest: (grade: Grade | null) => void;
}

export function ReviewKeyPoints({ card, lang, onSuggest }: ReviewKeyPointsProps) {
  const { t } = useScreenT();
  const points = useMemo(() => keyPointsFromHtml(card.answerHtml), [card]);
  const [ticked, setTicked] = useState<number[]>([]);
  const suggestion = ticked.length > 0 ? suggestedGrade(ticked.length, points.length) : null;
  if (points.length === 0) return null;
  return (
    <div className="review-key-points">
      <KeyPointChecklist
        points={points}
        ticked={ticked}
        lang={lang}
        onToggle={(i) => {
          const next = ticked.includes(i) ? ticked.filter((x) => x !== i) : [...ticked, i];
          setTicked(next);
          onSuggest(next.length > 0 ? suggestedGrade(next.length, points.length) : null);
        }}
      />
      {suggestion && (
        <p className="key-points-suggested">
          {t('keyPoints.suggested', { grade: t(`grade.${suggestion}`) })}
        </p>
      )}
    </div>
  );
}
