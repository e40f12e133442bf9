// Above the card: today's cards left, and the deck being studied (a link to the deck list).
import { useT } from '../../i18n/i18n.tsx';
import { hrefFor } from '../../navigation/routes.ts';
import type { Queue } from '../../scheduler/queue.ts';
import { ReviewCounts } from './ReviewCounts.tsx';

/** `deckTitle`: the chosen deck's, or undefined for all decks. */
export function ReviewTop({
  counts,
  deckTitle,
}: {
  counts: Queue['counts'];
  deckTitle: string | undefined;
}) {
  const { t } = useT();
  return (
    <div className="review-top">
      <ReviewCounts counts={counts} />
      <a className="deck-link" href={hrefFor('decks')}>
        {t('nav.decks')} <b>{deckTitle ?? t('decks.all')}</b>
      </a>
    </div>
  );
}
