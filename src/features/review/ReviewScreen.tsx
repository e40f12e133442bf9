// The review loop: question → Show answer → grade, with interval previews, undo and a
// "done for today" state. Reads the store, calls its actions; scheduling itself is pure.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Card } from '../../deck/types.ts';
import { now as clockNow } from '../../platform/clock.ts';
import { formatInterval } from '../../scheduler/format.ts';
import { GRADES, newProgress, type Grade } from '../../scheduler/progress.ts';
import { buildQueue } from '../../scheduler/queue.ts';
import { previewIntervals } from '../../scheduler/rate.ts';
import { useProgress, useProgressStore } from '../../store/context.tsx';
import { useReviewKeys } from './useReviewKeys.ts';
import 'katex/dist/katex.min.css';
import './review.css';

const GRADE_LABELS: Record<Grade, string> = {
  again: 'Again',
  hard: 'Hard',
  good: 'Good',
  easy: 'Easy',
};

/** Longest single wait before re-checking the queue (timers drift; tabs sleep). */
const MAX_WAIT_MS = 60 * 60 * 1000;

export interface ReviewScreenProps {
  cards: readonly Card[];
  deckTitles: Readonly<Record<string, string>>;
}

export function ReviewScreen({ cards, deckTitles }: ReviewScreenProps) {
  const store = useProgressStore();
  const progress = useProgress((s) => s.progress);
  const log = useProgress((s) => s.log);
  const settings = useProgress((s) => s.settings);
  const canUndo = useProgress((s) => s.undoStack.length > 0);

  const [now, setNow] = useState(clockNow);
  const [revealed, setRevealed] = useState(false);
  // After an undo, the card it restored is shown again even if the queue would pick another.
  const [pinned, setPinned] = useState<string | null>(null);

  const byId = useMemo(() => new Map(cards.map((c) => [c.id, c])), [cards]);
  const ids = useMemo(() => cards.map((c) => c.id), [cards]);
  const queue = useMemo(
    () => buildQueue({ ids, progress, log, now, settings }),
    [ids, progress, log, now, settings],
  );
  const currentId = pinned !== null && byId.has(pinned) ? pinned : queue.next;
  const card = currentId !== null ? byId.get(currentId) : undefined;

  const previews = useMemo(
    () =>
      currentId !== null
        ? previewIntervals(currentId, progress[currentId] ?? newProgress(now), now, settings)
        : null,
    [currentId, progress, now, settings],
  );

  // Wake up when the next card comes due (learning steps, the next study day).
  useEffect(() => {
    if (queue.next !== null || queue.nextDueAt === null) return;
    const wait = Math.min(Math.max(queue.nextDueAt - now, 0) + 50, MAX_WAIT_MS);
    const timer = window.setTimeout(() => setNow(clockNow()), wait);
    return () => window.clearTimeout(timer);
  }, [queue.next, queue.nextDueAt, now]);

  // Coming back to the tab: time has moved on.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') setNow(clockNow());
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  // Keep keyboard and screen-reader focus on the card as it changes.
  const cardRef = useRef<HTMLElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const focusedOnce = useRef(false);
  useLayoutEffect(() => {
    if (!focusedOnce.current) {
      focusedOnce.current = true;
      return;
    }
    if (revealed) answerRef.current?.focus({ preventScroll: true });
    else cardRef.current?.focus({ preventScroll: true });
  }, [currentId, revealed]);

  const reveal = () => {
    if (card) setRevealed(true);
  };
  const grade = (g: Grade) => {
    if (!card || !revealed) return;
    const t = clockNow();
    store.getState().rate(card.id, g, t);
    setPinned(null);
    setRevealed(false);
    setNow(t);
  };
  const undo = () => {
    const restored = store.getState().undo();
    if (restored === null) return;
    setPinned(restored);
    setRevealed(false);
    setNow(clockNow());
  };

  useReviewKeys({ revealed, canUndo, onReveal: reveal, onGrade: grade, onUndo: undo });

  return (
    <section className="review" aria-label="Review">
      <p className="counts" aria-label="Cards left today">
        <span className="count count-new">
          <span className="count-label">New</span> <b>{queue.counts.new}</b>
        </span>
        <span className="count count-learning">
          <span className="count-label">Learning</span> <b>{queue.counts.learning}</b>
        </span>
        <span className="count count-review">
          <span className="count-label">Review</span> <b>{queue.counts.review}</b>
        </span>
      </p>

      {card ? (
        <article className="card" ref={cardRef} tabIndex={-1} aria-labelledby="card-question">
          <p className="card-meta">
            {deckTitles[card.deck] ?? card.deck}
            {card.number !== undefined ? ` · Q${card.number}` : ''}
          </p>
          <div
            id="card-question"
            className="card-question prose"
            // Rendered at build time from our own content (see DESIGN.md): safe to insert.
            dangerouslySetInnerHTML={{ __html: card.questionHtml }}
          />
          <div
            className="card-answer"
            hidden={!revealed}
            ref={answerRef}
            tabIndex={-1}
            aria-label="Answer"
          >
            <div className="prose" dangerouslySetInnerHTML={{ __html: card.answerHtml }} />
            {card.sources.length > 0 && (
              <div className="sources">
                <h2 className="sources-title">Sources</h2>
                <ul>
                  {card.sources.map((s) => (
                    <li key={s.url}>
                      <a href={s.url} target="_blank" rel="noopener noreferrer">
                        {s.title ?? s.url}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </article>
      ) : (
        <DoneState now={now} nextDueAt={queue.nextDueAt} />
      )}

      <div className="actions">
        {card && !revealed && (
          <button type="button" className="btn btn-primary btn-reveal" onClick={reveal}>
            Show answer
            <kbd className="key-hint" aria-hidden="true">
              Space
            </kbd>
          </button>
        )}
        {card && revealed && previews && (
          <div className="grades" role="group" aria-label="Grade your answer">
            {GRADES.map((g, i) => (
              <button
                key={g}
                type="button"
                className={`btn btn-grade grade-${g}`}
                aria-label={GRADE_LABELS[g]}
                aria-describedby={`interval-${g}`}
                onClick={() => grade(g)}
              >
                <span className="grade-interval" id={`interval-${g}`}>
                  {formatInterval(previews[g].intervalMs)}
                </span>
                <span className="grade-name">{GRADE_LABELS[g]}</span>
                <kbd className="key-hint" aria-hidden="true">
                  {i + 1}
                </kbd>
              </button>
            ))}
          </div>
        )}
        <button
          type="button"
          className="btn btn-quiet btn-undo"
          onClick={undo}
          disabled={!canUndo}
          aria-keyshortcuts="U Control+Z"
        >
          Undo
        </button>
      </div>
    </section>
  );
}

function DoneState({ now, nextDueAt }: { now: number; nextDueAt: number | null }) {
  const when =
    nextDueAt === null
      ? null
      : new Intl.DateTimeFormat(undefined, {
          ...(nextDueAt - now > 20 * 60 * 60 * 1000 ? { weekday: 'short' as const } : {}),
          hour: '2-digit',
          minute: '2-digit',
        }).format(nextDueAt);
  return (
    <div className="done" role="status">
      <h2>
        {nextDueAt !== null && nextDueAt - now < 60 * 60 * 1000
          ? 'Nothing due right now'
          : 'Done for today'}
      </h2>
      {nextDueAt === null ? (
        <p>No cards are waiting. Add cards to the content folder to study more.</p>
      ) : (
        <p>
          The next card is due in <strong>{formatInterval(Math.max(nextDueAt - now, 0))}</strong> (
          <time dateTime={new Date(nextDueAt).toISOString()}>{when}</time>). Keep this tab open and
          it will appear by itself.
        </p>
      )}
    </div>
  );
}
