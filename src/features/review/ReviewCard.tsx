// One card: its deck and number, the question, and the answer with its sources. The answer is
// drawn hidden; useReveal shows it (see there). Swipes on the card come in through `swipe`.
import { focusableScrollBoxes } from '../../components/scrollBoxes.ts';
import type { RefObject } from 'react';
import { CardSources } from '../../components/cardParts.tsx';
import { StarButton } from '../../components/cardParts.tsx';
import type { CardPlace } from '../../content/deckContent.ts';
import type { Card } from '../../deck/types.ts';
import { useT } from '../../i18n/i18n.tsx';
import type { ZoomedImage } from './ImageZoom.tsx';
import type { SwipeHandlers } from './useSwipe.ts';

export interface ReviewCardProps {
  card: Card;
  place: CardPlace | undefined;
  /** The first card is simply there (it may already be on screen from the page itself). */
  fadeIn: boolean;
  cardRef: RefObject<HTMLElement | null>;
  answerRef: RefObject<HTMLDivElement | null>;
  swipe: SwipeHandlers;
  onZoom: (image: ZoomedImage) => void;
  starred: boolean;
  onToggleStar: () => void;
}

export function ReviewCard({
  card,
  place,
  fadeIn,
  cardRef,
  answerRef,
  swipe,
  onZoom,
  starred,
  onToggleStar,
}: ReviewCardProps) {
  const { t } = useT();
  const deckLang = place?.deck.lang;
  return (
    <article
      className={fadeIn ? 'card card-enter' : 'card'}
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
      <div className="card-head">
        <p className="card-meta">
          <span lang={deckLang}>{place?.deck.title ?? card.deck}</span>
          {card.number !== undefined ? ` · Q${card.number}` : ''}
        </p>
        <StarButton
          starred={starred}
          labels={[t('review.star'), t('review.unstar')]}
          onToggle={onToggleStar}
          keyShortcut="*"
        />
      </div>
      <div
        id="card-question"
        className="card-question prose"
        lang={deckLang}
        // Measured by the bench (Element Timing): when the question is first painted.
        {...{ elementtiming: 'question' }}
        ref={focusableScrollBoxes}
        // Rendered at build time from our own content: safe to insert.
        dangerouslySetInnerHTML={{ __html: card.questionHtml }}
      />
      <div
        className="card-answer"
        // Drawn hidden; from then on useReveal alone sets it.
        hidden
        ref={answerRef}
        tabIndex={-1}
        aria-label={t('review.answer')}
        onClick={(event) => {
          const hit = (event.target as Element).closest('.prose .zoom-trigger, .prose img');
          const img = hit instanceof HTMLImageElement ? hit : hit?.querySelector('img');
          if (img instanceof HTMLImageElement) onZoom({ src: img.src, alt: img.alt });
        }}
      >
        <div
          className="prose"
          lang={deckLang}
          ref={focusableScrollBoxes}
          dangerouslySetInnerHTML={{ __html: card.answerHtml }}
        />
        <CardSources sources={card.sources} title={t('review.sources')} />
      </div>
    </article>
  );
}
