// Today's cards left, by kind, above the card.
import { useT } from '../../i18n/i18n.tsx';
import type { Queue } from '../../scheduler/queue.ts';

export function ReviewCounts({ counts }: { counts: Queue['counts'] }) {
  const { t, number } = useT();
  return (
    <p className="counts" aria-label={t('review.counts')}>
      <span className="count count-new">
        <span className="count-label">{t('review.count.new')}</span> <b>{number(counts.new)}</b>
      </span>
      <span className="count count-learning">
        <span className="count-label">{t('review.count.learning')}</span>{' '}
        <b>{number(counts.learning)}</b>
      </span>
      <span className="count count-review">
        <span className="count-label">{t('review.count.review')}</span>{' '}
        <b>{number(counts.review)}</b>
      </span>
    </p>
  );
}
