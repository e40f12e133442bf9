// A finished mock interview: score and time per question, the points missed, the readiness the
// app predicted beside what was recalled, and one click to star the cards with missed points.
import { useEffect, useMemo, useState } from 'react';
import { loadMathStyles } from '../../components/mathStyles.ts';
import { useCard, type DeckContent } from '../../content/deckContent.ts';
import { keyPointsFromHtml } from '../../content/keyPointsHtml.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import { useProgressStore } from '../../store/context.tsx';
import { summarise, type MockSession } from '../../study/mockInterview.ts';
import { clockText } from './QuestionTimer.tsx';

export interface MockSummaryProps {
  content: DeckContent;
  session: MockSession;
  onClose: () => void;
}

export function MockSummaryView({ content, session, onClose }: MockSummaryProps) {
  const { t, plural, number } = useScreenT();
  const progressStore = useProgressStore();
  const summary = useMemo(() => summarise(session), [session]);
  const [starred, setStarred] = useState<number | null>(null);
  useCard(content, null); // re-render as bodies arrive
  const percent = (x: number | null) => (x === null ? '–' : number(x, { style: 'percent' }));

  const starMissed = () => {
    const { setStarred: star } = progressStore.getState();
    for (const id of summary.missedCards) star(id, true);
    setStarred(summary.missedCards.length);
  };

  return (
    <section className="mock" aria-labelledby="mock-summary-title">
      <h1 id="mock-summary-title" className="screen-title" tabIndex={-1}>
        {t('mock.summary')}
      </h1>
      <div className="mock-panel mock-figures">
        <p>{t('mock.summary.overall', { score: percent(summary.overall) })}</p>
        <p>{t('mock.summary.predicted', { predicted: percent(session.predicted) })}</p>
      </div>
      <ol className="mock-results">
        {summary.questions.map((q, i) => (
          <SummaryRow
            key={i}
            content={content}
            cardId={q.cardId}
            score={percent(q.score)}
            time={q.answerMs === null ? '–' : clockText(q.answerMs / 1000)}
            over={q.answerMs !== null && q.answerMs > session.questionSeconds * 1000}
            missed={q.missed}
            hasPoints={q.score !== null}
          />
        ))}
      </ol>
      <div className="mock-actions">
        {summary.missedCards.length > 0 && (
          <button type="button" className="btn" onClick={starMissed} disabled={starred !== null}>
            {t('mock.summary.star')}
          </button>
        )}
        <button type="button" className="btn btn-primary" onClick={onClose}>
          {t('mock.summary.again')}
        </button>
      </div>
      <p className="mock-note" role="status">
        {starred !== null ? plural('mock.summary.starred', starred) : ''}
      </p>
    </section>
  );
}

interface SummaryRowProps {
  content: DeckContent;
  cardId: string;
  score: string;
  time: string;
  over: boolean;
  missed: readonly number[];
  hasPoints: boolean;
}

function SummaryRow({ content, cardId, score, time, over, missed, hasPoints }: SummaryRowProps) {
  const { t } = useScreenT();
  const card = content.card(cardId);
  const lang = content.place(cardId)?.deck.lang;
  const points = useMemo(() => (card ? keyPointsFromHtml(card.answerHtml) : []), [card]);
  if (!card) void content.load([cardId]).catch(() => undefined);
  // Its question and missed points may have math, whose style sheet the run loaded only if a
  // math card was drawn in this page (not after a reload).
  useEffect(() => {
    if (card?.hasMath) void loadMathStyles();
  }, [card]);
  return (
    <li className="mock-result">
      <div
        className="prose mock-result-question"
        lang={lang}
        dangerouslySetInnerHTML={{ __html: card?.questionHtml ?? '' }}
      />
      <dl className="mock-result-figures">
        <div>
          <dt>{t('mock.summary.score')}</dt>
          <dd>{hasPoints ? score : t('mock.summary.noPoints')}</dd>
        </div>
        <div className={over ? 'is-over' : undefined}>
          <dt>{t('mock.summary.time')}</dt>
          <dd>{time}</dd>
        </div>
      </dl>
      {hasPoints && (
        <div className="mock-missed">
          <p className="mock-missed-title">{t('mock.summary.missed')}</p>
          {missed.length === 0 ? (
            <p>{t('mock.summary.noneMissed')}</p>
          ) : (
            <ul>
              {missed.map((i) => (
                <li
                  key={i}
                  className="prose"
                  lang={lang}
                  dangerouslySetInnerHTML={{ __html: points[i] ?? '' }}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}
