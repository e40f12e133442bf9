// When nothing is due: when the next card is, and what the learner could change to study more.
import { useEffect, useMemo, useState } from 'react';
import { formatDueTime, formatIntervalLong } from '../../i18n/format.ts';
import { Trans, useT } from '../../i18n/i18n.tsx';
import { hrefFor } from '../../navigation/routes.ts';
import { now as clockNow } from '../../platform/clock.ts';
import type { CardProgress } from '../../scheduler/progress.ts';

const MINUTE_MS = 60_000;

/**
 * The clock for the waiting text, moved every minute: the study clock (`now`) moves only when
 * something happens, so "due in 10 minutes" would stay put while the learner waits.
 */
function useMinuteClock(now: number): number {
  const [ticked, setTicked] = useState(clockNow);
  useEffect(() => {
    const timer = window.setInterval(() => setTicked(clockNow()), MINUTE_MS);
    return () => window.clearInterval(timer);
  }, []);
  return Math.max(now, ticked);
}

export function DoneState(props: {
  now: number;
  nextDueAt: number | null;
  ids: readonly string[];
  progress: Readonly<Record<string, CardProgress>>;
  newPerDay: number;
}) {
  const { t, locale } = useT();
  const { nextDueAt, ids, progress, newPerDay } = props;
  const now = useMinuteClock(props.now);
  const totalCards = ids.length;
  // Cards never studied, beyond today's limit too (counted here: only this screen says it).
  const unseen = useMemo(
    () => ids.filter((id) => (progress[id]?.state ?? 'new') === 'new').length,
    [ids, progress],
  );
  const settingsLink = <a href={hrefFor('settings')}>{t('done.settingsLink')}</a>;

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
