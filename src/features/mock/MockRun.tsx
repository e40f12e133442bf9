// One mock interview question at a time: the question and its clock, an optional recording of
// the spoken answer, then the model answer (beside the recording) and its key points to tick.
// Moving on logs the question as practice with the grade its score suggests.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCard, type DeckContent } from '../../content/deckContent.ts';
import { keyPointsFromHtml } from '../../content/keyPointsHtml.ts';
import { KeyPointChecklist } from '../../components/KeyPointChecklist.tsx';
import { focusableScrollBoxes } from '../../components/scrollBoxes.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import { useProgressStore } from '../../store/context.tsx';
import {
  answerMsOf,
  nextQuestion,
  revealAnswer,
  showQuestion,
  suggestedGrade,
  togglePoint,
  type MockSession,
} from '../../study/mockInterview.ts';
import { QuestionTimer } from './QuestionTimer.tsx';
import { Recorder } from './Recorder.tsx';

let mathStyles: Promise<unknown> | undefined;

export interface MockRunProps {
  content: DeckContent;
  session: MockSession;
  now: () => number;
  onChange: (session: MockSession) => void;
  onAbandon: () => void;
}

export function MockRun({ content, session, now, onChange, onAbandon }: MockRunProps) {
  const { t } = useScreenT();
  const progressStore = useProgressStore();
  const q = session.questions[session.current]!;
  const card = useCard(content, q.cardId);
  const lang = content.place(q.cardId)?.deck.lang;
  const questionRef = useRef<HTMLHeadingElement>(null);
  const answerRef = useRef<HTMLHeadingElement>(null);
  // Recordings by question index: object URLs of in-memory Blobs, released when the screen goes.
  const [recordings, setRecordings] = useState<Record<number, string>>({});
  const urls = useRef<string[]>([]);
  const stopRecording = useRef<(() => void) | null>(null);
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const [loadFailed, setLoadFailed] = useState(false);
  useEffect(() => {
    content.load([q.cardId]).catch(() => setLoadFailed(true));
  }, [content, q.cardId]);
  useEffect(() => {
    if (card?.hasMath) mathStyles ??= import('katex/dist/katex.min.css');
  }, [card]);
  // The clock starts when the question is first drawn (a reload keeps that start).
  useEffect(() => {
    if (card && q.shownAt === null) onChange(showQuestion(session, now()));
  }, [card, q.shownAt, session, now, onChange]);
  const index = session.current;
  useEffect(() => questionRef.current?.focus(), [index]);

  const points = useMemo(() => (card ? keyPointsFromHtml(card.answerHtml) : []), [card]);
  const revealed = q.revealedAt !== null;
  const last = session.current === session.questions.length - 1;

  const reveal = () => {
    stopRecording.current?.();
    onChange(revealAnswer(session, points.length, now()));
    requestAnimationFrame(() => answerRef.current?.focus());
  };
  const next = () => {
    const at = now();
    const grade = suggestedGrade(q.ticked.length, q.points);
    if (grade !== null) {
      progressStore
        .getState()
        .rate(q.cardId, grade, at, { practice: true, answerMs: answerMsOf(q, at) });
    }
    onChange(nextQuestion(session, at));
  };

  return (
    <section className="mock" aria-labelledby="mock-question-title">
      <div className="mock-bar">
        <p className="mock-progress">
          {t('mock.progress', { n: session.current + 1, total: session.questions.length })}
        </p>
        <button type="button" className="btn btn-quiet" onClick={onAbandon}>
          {t('mock.abandon')}
        </button>
      </div>
      {q.shownAt !== null && (
        <QuestionTimer
          since={q.shownAt}
          limitSeconds={session.questionSeconds}
          stoppedAt={q.revealedAt}
          now={now}
        />
      )}
      <article className="card mock-card">
        <h1 id="mock-question-title" className="visually-hidden" ref={questionRef} tabIndex={-1}>
          {t('mock.progress', { n: session.current + 1, total: session.questions.length })}
        </h1>
        {card ? (
          <div
            className="card-question prose"
            lang={lang}
            ref={focusableScrollBoxes}
            // Rendered at build time from our own content: safe to insert.
            dangerouslySetInnerHTML={{ __html: card.questionHtml }}
          />
        ) : (
          <p role="status">{loadFailed ? t('mock.loadError') : t('mock.loading')}</p>
        )}
      </article>
      {card && (
        <div className="mock-answer-row">
          <Recorder
            recording={recordings[session.current]}
            revealed={revealed}
            stopRef={stopRecording}
            onRecorded={(blob) => {
              const url = URL.createObjectURL(blob);
              urls.current.push(url);
              setRecordings((r) => ({ ...r, [session.current]: url }));
            }}
          />
          {revealed ? (
            <section className="mock-answer" aria-labelledby="mock-answer-title">
              <h2 id="mock-answer-title" ref={answerRef} tabIndex={-1}>
                {t('mock.answer')}
              </h2>
              <div
                className="prose"
                lang={lang}
                ref={focusableScrollBoxes}
                dangerouslySetInnerHTML={{ __html: card.answerHtml }}
              />
            </section>
          ) : (
            <button type="button" className="btn btn-primary mock-reveal" onClick={reveal}>
              {t('review.showAnswer')}
            </button>
          )}
        </div>
      )}
      {card && revealed && (
        <>
          <KeyPointChecklist
            points={points}
            ticked={q.ticked}
            lang={lang}
            onToggle={(i) => onChange(togglePoint(session, i))}
          />
          <button type="button" className="btn btn-primary mock-next" onClick={next}>
            {last ? t('mock.finish') : t('mock.next')}
          </button>
        </>
      )}
    </section>
  );
}
