// A card's schedule in words: when it is due, its FSRS memory state and predicted recall now
// (src/scheduler/fsrsMath.ts: the same figure as ts-fsrs, without loading it), state, lapses
// and reviews.
import { formatIntervalLong } from '../../i18n/format.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import { recallAt } from '../../scheduler/fsrsMath.ts';
import type { CardProgress, CardState } from '../../scheduler/progress.ts';
import { useProgress } from '../../store/context.tsx';
import { dateTime } from './dates.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

const CARD_STATE_KEYS = {
  new: 'browse.state.new',
  learning: 'browse.state.learning',
  review: 'browse.state.review',
  relearning: 'browse.state.relearning',
} as const satisfies Record<CardState, string>;

export function CardSchedule({
  progress,
  now,
}: {
  progress: CardProgress | undefined;
  now: number;
}) {
  const { t, number, locale } = useScreenT();
  const rolloverHour = useProgress((s) => s.settings.dayRolloverHour);
  const studied = progress !== undefined && progress.state !== 'new';
  return (
    <section className="browse-section" aria-labelledby="browse-schedule">
      <h3 id="browse-schedule">{t('browse.card.schedule')}</h3>
      {!studied ? (
        <p className="browse-note">{t('browse.card.notStudied')}</p>
      ) : (
        <dl className="browse-facts">
          <div>
            <dt>{t('browse.card.due')}</dt>
            <dd>{dateTime(progress.due, locale)}</dd>
          </div>
          <div>
            <dt>{t('browse.card.recall')}</dt>
            <dd>
              {number(recallAt(progress, now, rolloverHour), {
                style: 'percent',
                maximumFractionDigits: 0,
              })}
            </dd>
          </div>
          <div>
            <dt>{t('browse.card.stability')}</dt>
            <dd>{formatIntervalLong(progress.stability * DAY_MS, locale)}</dd>
          </div>
          <div>
            <dt>{t('browse.card.difficulty')}</dt>
            <dd>{number(progress.difficulty, { maximumFractionDigits: 1 })} / 10</dd>
          </div>
          <div>
            <dt>{t('browse.card.cardState')}</dt>
            <dd>{t(CARD_STATE_KEYS[progress.state])}</dd>
          </div>
          <div>
            <dt>{t('browse.card.lapses')}</dt>
            <dd>{number(progress.lapses)}</dd>
          </div>
          <div>
            <dt>{t('browse.card.reps')}</dt>
            <dd>{number(progress.reps)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
