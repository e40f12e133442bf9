// The review loop: question → Show answer → grade, with interval previews, undo and a
// "done for today" state. It composes the parts: what is due (useStudyQueue), card bodies on
// their way (usePrefetch), the instant reveal (useReveal), the grades' intervals
// (useIntervalPreviews), grading and undo (useGrading); driven by mouse, keyboard
// (useReviewKeys) or touch (buttons, or swipes: useSwipe). Scheduling itself is pure.
import { lazy, Suspense, useCallback, useState } from 'react';
import { deckChoice } from '../../content/deckChoice.ts';
import { useCard, type DeckContent } from '../../content/deckContent.ts';
import { loadScreenText } from '../../i18n/catalogues.ts';
import { useT } from '../../i18n/i18n.tsx';
import { usePreferenceOr, usePreferences } from '../../preferences/preferencesContext.ts';
import type { Grade } from '../../scheduler/progress.ts';
import { useProgress } from '../../store/context.tsx';
import { DoneState } from './DoneState.tsx';
import { GradeBar } from './GradeBar.tsx';
import type { ZoomedImage } from './ImageZoom.tsx';
import { ReviewCard } from './ReviewCard.tsx';
import { ReviewTop } from './ReviewTop.tsx';
import { useGrading } from './useGrading.ts';
import { useFirstScreenMemory } from './useFirstScreenMemory.ts';
import { useEngine, useIntervalPreviews } from './useIntervalPreviews.ts';
import { usePageLeave } from './usePageLeave.ts';
import { upcomingFetcher, usePrefetch } from './usePrefetch.ts';
import { useReveal } from './useReveal.ts';
import { useReviewKeys } from './useReviewKeys.ts';
import { useStudyQueue } from './useStudyQueue.ts';
import { useSwipe } from './useSwipe.ts';
import './review.css';
import './prose.css';

// The enlarged picture (and the dialog code under it) loads the first time someone asks for it.
const ImageZoom = lazy(() => import('./ImageZoom.tsx').then((m) => ({ default: m.ImageZoom })));
// The key-point checklist (a setting, off by default) loads only for those who turned it on.
const ReviewKeyPoints = lazy(() =>
  Promise.all([import('./ReviewKeyPoints.tsx'), loadScreenText()]).then(([m]) => ({
    default: m.ReviewKeyPoints,
  })),
);

export interface ReviewScreenProps {
  content: DeckContent;
}

export function ReviewScreen({ content }: ReviewScreenProps) {
  const { t } = useT();
  const progress = useProgress((s) => s.progress);
  const settings = useProgress((s) => s.settings);
  const setStarred = useProgress((s) => s.setStarred);

  // One deck, or all of them (the deck list chooses; a deck gone from the content falls back).
  const choice = deckChoice(
    content,
    usePreferences((s) => s.deck),
  );
  const session = useStudyQueue(content, choice.ids);
  const { now, queue, currentId, setNow } = session;
  const card = useCard(content, currentId);
  const place = currentId !== null ? content.place(currentId) : undefined;
  // The first card is simply there (it may already be on screen from the page itself); the
  // ones after it fade in.
  const [firstId] = useState(currentId);
  const [zoomed, setZoomed] = useState<ZoomedImage | null>(null);
  const keyPoints = usePreferenceOr((s) => s.reviewKeyPoints, false);
  // The grade the ticked key points suggest, for the card it was ticked on.
  const [suggested, setSuggested] = useState<{ id: string; grade: Grade | null } | null>(null);

  const starred = useProgress((s) => currentId !== null && s.flags[currentId]?.starred === true);
  const toggleStar = () => {
    if (card) setStarred(card.id, !starred);
  };

  const reveal = useReveal(card, currentId, upcomingFetcher(content, currentId, queue));
  usePrefetch(content, currentId, queue, reveal.shown);

  const engine = useEngine();
  const previews = useIntervalPreviews({
    engine,
    cardId: currentId,
    progress: currentId !== null ? progress[currentId] : undefined,
    now,
    settings,
  });
  const grading = useGrading({ card, place, session, previews, engine, reveal });
  const { grade, undo } = grading;
  // Leaving the tab records a waiting grade and keeps the screen for the next visit; coming
  // back, time has moved on.
  usePageLeave(
    useFirstScreenMemory(
      {
        content,
        ids: choice.ids,
        queue,
        now,
        currentId,
        drawn: card !== undefined,
        deckTitle: choice.deck?.title,
      },
      grading.flushPending,
    ),
    useCallback(() => setNow(), [setNow]),
  );

  useReviewKeys({
    revealed: reveal.isShown,
    canUndo: grading.canUndo,
    onReveal: reveal.reveal,
    onGrade: grade,
    onUndo: undo,
    onStar: toggleStar,
  });
  const swipe = useSwipe({
    revealed: reveal.isShown,
    onSwipe: (action) => (action === 'reveal' ? reveal.reveal() : grade(action)),
  });

  return (
    <section className="review" aria-labelledby="review-title">
      <h1 id="review-title" className="visually-hidden">
        {t('review.label')}
      </h1>
      <ReviewTop counts={queue.counts} deckTitle={choice.deck?.title} />
      {choice.gone !== null && (
        <p className="deck-gone" role="status">
          {t('decks.gone')}
        </p>
      )}

      {card ? (
        <ReviewCard
          // A new element per card: it fades in, and no swipe state carries over.
          key={card.id}
          card={card}
          place={place}
          fadeIn={card.id !== firstId}
          cardRef={reveal.cardRef}
          answerRef={reveal.answerRef}
          swipe={swipe}
          onZoom={setZoomed}
          starred={starred}
          onToggleStar={toggleStar}
        />
      ) : currentId !== null ? (
        <p className="card card-loading" role="status">
          {t('review.loading')}
        </p>
      ) : (
        <DoneState
          now={now}
          nextDueAt={queue.nextDueAt}
          ids={choice.ids}
          progress={progress}
          newPerDay={settings.newCardsPerDay}
        />
      )}

      {keyPoints && card && reveal.shown && (
        <Suspense fallback={null}>
          <ReviewKeyPoints
            key={card.id}
            card={card}
            lang={place?.deck.lang}
            onSuggest={(grade) => setSuggested({ id: card.id, grade })}
          />
        </Suspense>
      )}

      {zoomed && (
        <Suspense fallback={null}>
          <ImageZoom image={zoomed} onClose={() => setZoomed(null)} />
        </Suspense>
      )}

      <GradeBar
        hasCard={card !== undefined}
        shown={reveal.shown}
        feedback={grading.feedback}
        canUndo={grading.canUndo}
        previews={previews}
        suggested={suggested !== null && suggested.id === card?.id ? suggested.grade : null}
        revealButtonRef={reveal.revealButtonRef}
        gradesRef={reveal.gradesRef}
        onReveal={reveal.reveal}
        onGrade={grade}
        onUndo={undo}
      />
    </section>
  );
}
