// The review loop: question → Show answer → grade, with interval previews, undo and a
// "done for today" state. Reads the store, calls its actions; scheduling itself is pure.
// Driven by mouse, keyboard (useReviewKeys) or touch (buttons, or swipes: useSwipe).
import {
  lazy,
  Suspense,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useCard, type DeckContent } from '../../content/deckContent.ts';
import { formatDueTime, formatIntervalLong, formatIntervalShort } from '../../i18n/format.ts';
import { Trans, useT } from '../../i18n/i18n.tsx';
import { now as clockNow } from '../../platform/clock.ts';
import { afterNextPaint, whenIdle } from '../../platform/frame.ts';
import {
  firstReviewFrom,
  GRADES,
  newProgress,
  type CardProgress,
  type Grade,
  type ReviewLogEntry,
} from '../../scheduler/progress.ts';
import { buildQueue, nextAfterGrading } from '../../scheduler/queue.ts';
import type { IntervalPreview } from '../../scheduler/rate.ts';
import type { SchedulerSettings } from '../../scheduler/settings.ts';
import { studyDayStart } from '../../scheduler/studyDay.ts';
import { currentEngine, onEngineLoaded } from '../../scheduler/engine.ts';
import { useProgress, useProgressStore } from '../../store/context.tsx';
import type { ZoomedImage } from './ImageZoom.tsx';
import { useReviewKeys } from './useReviewKeys.ts';
import { useSwipe, type SwipeAction } from './useSwipe.ts';
import './review.css';

// The enlarged picture (and the dialog code under it) loads the first time someone asks for it.
const ImageZoom = lazy(() => import('./ImageZoom.tsx').then((m) => ({ default: m.ImageZoom })));

/** KaTeX's stylesheet (and through it, its fonts) only once a card with math is near. */
let mathStyles: Promise<unknown> | null = null;
function loadMathStyles(): Promise<unknown> {
  mathStyles ??= import('katex/dist/katex.min.css');
  return mathStyles;
}

const GRADE_KEYS = {
  again: 'grade.again',
  hard: 'grade.hard',
  good: 'grade.good',
  easy: 'grade.easy',
} as const satisfies Record<Grade, string>;

/** Longest single wait before re-checking the queue (timers drift; tabs sleep). */
const MAX_WAIT_MS = 60 * 60 * 1000;
const noEngine = () => null;

interface Previewed {
  id: string;
  progress: CardProgress | undefined;
  now: number;
  settings: SchedulerSettings;
  intervals: Record<Grade, IntervalPreview>;
}

export interface ReviewScreenProps {
  content: DeckContent;
}

/** How many cards ahead to fetch, so the next question is already here when it is needed. */
const PREFETCH = 3;

/** What the last action did, said once under the card (and to screen readers). */
type Feedback = { kind: 'graded'; grade: Grade; intervalMs: number } | { kind: 'undone' } | null;

export function ReviewScreen({ content }: ReviewScreenProps) {
  const { t, locale, number } = useT();
  const store = useProgressStore();
  const progress = useProgress((s) => s.progress);
  // (Today's reviews are among the recent ones: see RECENT_REVIEW_DAYS.)
  const log = useProgress((s) => s.recentReviews);
  const settings = useProgress((s) => s.settings);
  const hasUndo = useProgress((s) => s.undoStack.length > 0);

  const [now, setNow] = useState(clockNow);
  const [revealed, setRevealed] = useState(false);
  // After an undo, the card it restored is shown again even if the queue would pick another.
  const [pinned, setPinned] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [zoomed, setZoomed] = useState<ZoomedImage | null>(null);
  // A grade is shown and about to be recorded (see grade()): it can be undone already.
  const [gradeShown, setGradeShown] = useState(false);
  const canUndo = hasUndo || gradeShown;

  const ids = content.ids;
  // Only today's reviews count against today's limits: found by binary search in the log
  // (kept in time order), so the queue costs the same with a year of reviews as with none.
  const dayStart = studyDayStart(now, settings.dayRolloverHour);
  const todayLog = useMemo(() => reviewsSince(log, dayStart), [log, dayStart]);
  const queue = useMemo(
    () => buildQueue({ ids, progress, log: todayLog, now, settings }),
    [ids, progress, todayLog, now, settings],
  );
  const currentId = pinned !== null && content.place(pinned) ? pinned : queue.next;
  const card = useCard(content, currentId);
  const place = currentId !== null ? content.place(currentId) : undefined;
  const deckLang = place?.deck.lang;

  // The current card's chunk, if it is not here yet; once its answer is shown, the chunks of
  // the next few cards, so grading never waits for a download (started by reveal() itself, at
  // the moment the answer is shown: a quick grade may come before React has caught up). KaTeX's
  // CSS comes as soon as a card with math is near.
  const loadCards = (withUpcoming: boolean) => {
    const upcoming = [
      ...(currentId !== null ? [currentId] : []),
      ...(withUpcoming
        ? [
            ...queue.learning.slice(0, PREFETCH),
            ...queue.review.slice(0, PREFETCH),
            ...queue.new.slice(0, PREFETCH),
          ]
        : []),
    ];
    content.load(upcoming).then(
      () => {
        if (upcoming.some((id) => content.card(id)?.hasMath)) void loadMathStyles();
      },
      () => {
        // Offline before the chunk was cached: the card shows its loading state; a later
        // render tries again.
      },
    );
  };
  // (loadCards reads exactly these)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => loadCards(revealed), [content, currentId, queue, revealed]);
  // The first card is simply there (it may already be on screen from the page itself); the
  // ones after it fade in.
  const [firstId] = useState(currentId);

  // (Not while hydrating the page's built-in first screen, which was drawn without it.)
  const engine = useSyncExternalStore(onEngineLoaded, currentEngine, noEngine);
  // The interval each grade would give, for the grade buttons: worked out once the card is
  // painted (scheduling four outcomes would hold the next card back), and used only for the
  // card, progress, time and settings it was worked out for.
  const cardProgress = currentId !== null ? progress[currentId] : undefined;
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  useEffect(() => {
    if (!engine || currentId === null) return;
    return afterNextPaint(() => {
      const intervals = engine.previewIntervals(
        currentId,
        cardProgress ?? newProgress(now),
        now,
        settings,
      );
      // The message a grade shows ("Good · back in 10 minutes") is formatted here once too: the
      // first use of each Intl unit format costs tens of milliseconds, which would otherwise
      // fall between the grade and the next card's paint. (format.ts keeps the formats.)
      for (const g of GRADES) formatIntervalLong(intervals[g].intervalMs, locale);
      setPreviewed({ id: currentId, progress: cardProgress, now, settings, intervals });
    });
  }, [engine, currentId, cardProgress, now, settings, locale]);
  const previews =
    previewed &&
    previewed.id === currentId &&
    previewed.progress === cardProgress &&
    previewed.now === now &&
    previewed.settings === settings
      ? previewed.intervals
      : null;

  // Wake up when the next card comes due (learning steps, the next study day).
  useEffect(() => {
    if (queue.next !== null || queue.nextDueAt === null) return;
    const wait = Math.min(Math.max(queue.nextDueAt - now, 0) + 50, MAX_WAIT_MS);
    const timer = window.setTimeout(() => setNow(clockNow()), wait);
    return () => window.clearTimeout(timer);
  }, [queue.next, queue.nextDueAt, now]);

  // Keep keyboard and screen-reader focus on the card as it changes: once the change is painted,
  // since focusing forces a layout that would otherwise hold the paint back.
  const cardRef = useRef<HTMLElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  // Only on a change: not on mount, nor when StrictMode runs the effect again.
  const focusedFor = useRef({ currentId, revealed });
  useLayoutEffect(() => {
    const last = focusedFor.current;
    if (last.currentId === currentId && last.revealed === revealed) return;
    focusedFor.current = { currentId, revealed };
    const target = revealed ? answerRef.current : cardRef.current;
    return afterNextPaint(() => target?.focus({ preventScroll: true }));
  }, [currentId, revealed]);

  // Revealing is a change of style: the answer and the grade buttons are already in the page
  // (hidden). They are shown at once, and React catches up after that frame is painted.
  // `shown` is true from that moment; the buttons outside the card are set back by hand if the
  // card changes before React has caught up.
  const shown = useRef(false);
  const revealButtonRef = useRef<HTMLButtonElement>(null);
  const gradesRef = useRef<HTMLDivElement>(null);
  const catchUp = useRef<(() => void) | null>(null);
  useEffect(() => () => catchUp.current?.(), []);
  // "Show answer" while the card is still arriving (its chunk downloading) is kept, and done
  // when it is drawn, before that frame is painted.
  const revealWhenDrawn = useRef<string | null>(null);
  const reveal = () => {
    if (!card) {
      revealWhenDrawn.current = currentId;
      return;
    }
    if (shown.current) return;
    shown.current = true;
    loadCards(true);
    if (answerRef.current) answerRef.current.hidden = false;
    if (revealButtonRef.current) revealButtonRef.current.hidden = true;
    if (gradesRef.current) gradesRef.current.hidden = false;
    catchUp.current?.();
    catchUp.current = afterNextPaint(() => {
      catchUp.current = null;
      if (shown.current) setRevealed(true);
    });
  };
  useLayoutEffect(() => {
    if (!card || revealWhenDrawn.current !== card.id) return;
    revealWhenDrawn.current = null;
    reveal();
  });
  // Once the question is painted and the page is idle, its hidden answer is laid out
  // (review.css, data-prepared): for a long answer full of math that is a long task, which
  // should not hold up whatever the learner does first.
  useLayoutEffect(() => {
    const answer = answerRef.current;
    if (!answer) return;
    return whenIdle(() => answer.setAttribute('data-prepared', ''));
  }, [card]);
  const isRevealed = () => revealed || shown.current;
  const hideAnswer = () => {
    shown.current = false;
    revealWhenDrawn.current = null;
    catchUp.current?.();
    catchUp.current = null;
    if (revealButtonRef.current) revealButtonRef.current.hidden = false;
    if (gradesRef.current) gradesRef.current.hidden = true;
    setRevealed(false);
  };
  // When the card after this one can be told without grading (nextAfterGrading), a grade shows
  // it at once and is recorded once that frame is painted: recording (the scheduler, the store's
  // new state, the save) then holds back nothing the learner is waiting to see. Until then it
  // waits here, and is recorded at once if anything else comes first: another grade, an undo,
  // the page being hidden or left, this screen closing.
  const pendingGrade = useRef<PendingGrade | null>(null);
  useEffect(() => {
    const onLeave = () => recordPending(pendingGrade);
    // Leaving the tab records a waiting grade; coming back, time has moved on.
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onLeave();
      else if (document.visibilityState === 'visible') setNow(clockNow());
    };
    window.addEventListener('pagehide', onLeave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onLeave);
      document.removeEventListener('visibilitychange', onVisibility);
      onLeave();
    };
  }, []);
  const grade = (g: Grade) => {
    // Without the scheduler (still arriving) there is nothing to grade with yet.
    if (!card || !isRevealed() || !engine) return;
    recordPending(pendingGrade);
    // Read before the page changes below: reading it after would force a layout first.
    const scrolled = window.scrollY > 0;
    hideAnswer();
    const t0 = clockNow();
    // Also remembered: where this card sits, to recognise it after its question is edited.
    const where = place && {
      id: card.id,
      file: place.deck.file,
      index: place.index,
      text: card.questionText,
    };
    const preview = previews?.[g];
    const next =
      preview && currentId === queue.next
        ? nextAfterGrading(queue, t0, { state: preview.state, due: t0 + preview.intervalMs })
        : null;
    const record = () => {
      store.getState().rate(card.id, g, t0, { seenAt: where });
      // What the grade scheduled, as the button said it would: its due time less the review's.
      const graded = store.getState().progress[card.id];
      const intervalMs = graded ? Math.max(graded.due - (graded.lastReview ?? t0), 0) : 0;
      // (The queue now offers `next` itself.)
      setPinned(null);
      setGradeShown(false);
      setNow(t0);
      setFeedback({ kind: 'graded', grade: g, intervalMs });
    };
    if (next !== null) {
      setPinned(next);
      setGradeShown(true);
      pendingGrade.current = { record, cancel: afterNextPaint(() => recordPending(pendingGrade)) };
    } else {
      record();
    }
    // A new card starts at its top, not wherever the last long answer was scrolled to.
    if (scrolled) window.scrollTo({ top: 0 });
  };
  const undo = () => {
    recordPending(pendingGrade);
    const restored = store.getState().undo();
    if (restored === null) return;
    hideAnswer();
    setPinned(restored);
    setNow(clockNow());
    setFeedback({ kind: 'undone' });
  };

  useReviewKeys({
    revealed: isRevealed,
    canUndo,
    onReveal: reveal,
    onGrade: grade,
    onUndo: undo,
  });
  const swipe = useSwipe({
    revealed: isRevealed,
    onSwipe: (action: SwipeAction) => (action === 'reveal' ? reveal() : grade(action)),
  });

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
    <section className="review" aria-labelledby="review-title">
      <h1 id="review-title" className="visually-hidden">
        {t('review.label')}
      </h1>
      <p className="counts" aria-label={t('review.counts')}>
        <span className="count count-new">
          <span className="count-label">{t('review.count.new')}</span>{' '}
          <b>{number(queue.counts.new)}</b>
        </span>
        <span className="count count-learning">
          <span className="count-label">{t('review.count.learning')}</span>{' '}
          <b>{number(queue.counts.learning)}</b>
        </span>
        <span className="count count-review">
          <span className="count-label">{t('review.count.review')}</span>{' '}
          <b>{number(queue.counts.review)}</b>
        </span>
      </p>

      {card ? (
        <article
          // A new element per card: it fades in, and no swipe state carries over.
          key={card.id}
          className={card.id === firstId ? 'card' : 'card card-enter'}
          ref={cardRef}
          tabIndex={-1}
          aria-labelledby="card-question"
          {...swipe}
        >
          <span className="swipe-badge swipe-badge-reveal" aria-hidden="true">
            {t('review.showAnswer')}
          </span>
          <span className="swipe-badge swipe-badge-good" aria-hidden="true">
            {t('grade.good')}
          </span>
          <span className="swipe-badge swipe-badge-again" aria-hidden="true">
            {t('grade.again')}
          </span>
          <p className="card-meta">
            <span lang={deckLang}>{place?.deck.title ?? card.deck}</span>
            {card.number !== undefined ? ` · Q${card.number}` : ''}
          </p>
          <div
            id="card-question"
            className="card-question prose"
            lang={deckLang}
            // Measured by the bench (Element Timing): when the question is first painted.
            {...{ elementtiming: 'question' }}
            // Rendered at build time from our own content (see DESIGN.md): safe to insert.
            dangerouslySetInnerHTML={{ __html: card.questionHtml }}
          />
          <div
            className="card-answer"
            hidden={!revealed}
            ref={answerRef}
            tabIndex={-1}
            aria-label={t('review.answer')}
            onClick={(event) => {
              const hit = (event.target as Element).closest('.prose .zoom-trigger, .prose img');
              const img = hit instanceof HTMLImageElement ? hit : hit?.querySelector('img');
              if (img instanceof HTMLImageElement) setZoomed({ src: img.src, alt: img.alt });
            }}
          >
            <div
              className="prose"
              lang={deckLang}
              dangerouslySetInnerHTML={{ __html: card.answerHtml }}
            />
            {card.sources.length > 0 && (
              <div className="sources">
                <h2 className="sources-title">{t('review.sources')}</h2>
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
      ) : currentId !== null ? (
        <p className="card card-loading" role="status">
          {t('review.loading')}
        </p>
      ) : (
        <DoneState
          now={now}
          nextDueAt={queue.nextDueAt}
          ids={ids}
          progress={progress}
          newPerDay={settings.newCardsPerDay}
        />
      )}

      {zoomed && (
        <Suspense fallback={null}>
          <ImageZoom image={zoomed} onClose={() => setZoomed(null)} />
        </Suspense>
      )}

      <div className="actions">
        <div className="actions-info">
          <p className="review-feedback" aria-live="polite">
            {feedbackText}
          </p>
          {card && (
            <p className="swipe-hint" aria-hidden="true">
              {revealed ? t('review.swipeHint.answer') : t('review.swipeHint.question')}
            </p>
          )}
        </div>
        <button
          type="button"
          className="btn btn-quiet btn-undo"
          onClick={undo}
          disabled={!canUndo}
          aria-keyshortcuts="U Control+Z"
        >
          <UndoIcon />
          {t('review.undo')}
        </button>
        {card && (
          <button
            type="button"
            className="btn btn-primary btn-reveal"
            ref={revealButtonRef}
            hidden={revealed}
            onClick={reveal}
          >
            {t('review.showAnswer')}
            <kbd className="key-hint" aria-hidden="true">
              {t('review.key.space')}
            </kbd>
          </button>
        )}
        {card && previews && (
          <div
            className="grades"
            role="group"
            aria-label={t('review.grades')}
            ref={gradesRef}
            hidden={!revealed}
          >
            {GRADES.map((g, i) => (
              <button
                key={g}
                type="button"
                className={`btn btn-grade grade-${g}`}
                aria-describedby={`interval-${g}`}
                onClick={() => grade(g)}
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
    </section>
  );
}

/** A grade shown but not yet recorded (see grade()). */
interface PendingGrade {
  record: () => void;
  /** Cancels the recording planned for after the paint. */
  cancel: () => void;
}

/** Records the grade waiting in `pending`, if there is one, now. */
function recordPending(pending: { current: PendingGrade | null }): void {
  const grade = pending.current;
  if (!grade) return;
  pending.current = null;
  grade.cancel();
  grade.record();
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

function DoneState(props: {
  now: number;
  nextDueAt: number | null;
  ids: readonly string[];
  progress: Readonly<Record<string, CardProgress>>;
  newPerDay: number;
}) {
  const { t, locale } = useT();
  const { now, nextDueAt, ids, progress, newPerDay } = props;
  const totalCards = ids.length;
  // Cards never studied, beyond today's limit too (counted here: only this screen says it).
  const unseen = useMemo(
    () => ids.filter((id) => (progress[id]?.state ?? 'new') === 'new').length,
    [ids, progress],
  );
  const settingsLink = <a href="#/settings">{t('done.settingsLink')}</a>;

  if (totalCards === 0) {
    return (
      <div className="done" role="status">
        <h2>{t('done.emptyTitle')}</h2>
        <p>{t('done.noCards')}</p>
      </div>
    );
  }

  const soon = nextDueAt !== null && nextDueAt - now < 60 * 60 * 1000;
  return (
    <div className="done" role="status">
      <h2>{soon ? t('done.soon') : t('done.today')}</h2>
      {nextDueAt !== null && (
        <p>
          <Trans
            k="done.next"
            values={{
              interval: <strong>{formatIntervalLong(Math.max(nextDueAt - now, 0), locale)}</strong>,
              time: (
                <time dateTime={new Date(nextDueAt).toISOString()}>
                  {formatDueTime(nextDueAt, now, locale)}
                </time>
              ),
            }}
          />
          {locale === 'zh' ? '' : ' '}
          {soon ? t('done.keepOpen') : t('done.comeBack')}
        </p>
      )}
      {unseen > 0 && newPerDay === 0 ? (
        <p>
          <Trans k="done.newOff" values={{ settings: settingsLink }} />
        </p>
      ) : unseen > 0 && !soon ? (
        <p>
          <Trans k="done.moreNew" values={{ settings: settingsLink }} />
        </p>
      ) : (
        nextDueAt === null && (
          <p>
            <Trans k="done.limitsOff" values={{ settings: settingsLink }} />
          </p>
        )
      )}
    </div>
  );
}

/** The reviews at or after `since`, from a log in time order. */
function reviewsSince(log: readonly ReviewLogEntry[], since: number): readonly ReviewLogEntry[] {
  const start = firstReviewFrom(log, since);
  return start === 0 ? log : log.slice(start);
}
