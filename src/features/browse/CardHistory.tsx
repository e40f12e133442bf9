// A card's whole review history, newest first, from the whole log (useReviewLog): date, grade,
// review or practice, answer time.
import { useMemo } from 'react';
import { useScreenT } from '../../i18n/i18n.tsx';
import { useReviewLog } from '../../store/context.tsx';
import { dateTime } from './dates.ts';

export function CardHistory({ id }: { id: string }) {
  const { t, number, locale } = useScreenT();
  const log = useReviewLog();
  const entries = useMemo(
    () => (log === null ? null : log.filter((e) => e.cardId === id).reverse()),
    [log, id],
  );
  return (
    <section className="browse-section" aria-labelledby="browse-history">
      <h3 id="browse-history">{t('browse.history')}</h3>
      {entries === null ? (
        <p className="browse-note">{t('browse.history.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="browse-note">{t('browse.history.empty')}</p>
      ) : (
        <div className="browse-history-wrap">
          <table className="browse-history">
            <thead>
              <tr>
                <th scope="col">{t('browse.history.date')}</th>
                <th scope="col">{t('browse.history.grade')}</th>
                <th scope="col">{t('browse.history.kind')}</th>
                <th scope="col">{t('browse.history.time')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={`${e.reviewedAt}`}>
                  <td>{dateTime(e.reviewedAt, locale)}</td>
                  <td className={`grade-${e.grade}`}>{t(`grade.${e.grade}`)}</td>
                  <td>
                    {e.kind === 'practice' ? t('browse.kind.practice') : t('browse.kind.review')}
                  </td>
                  <td>
                    {e.answerMs === null
                      ? '—'
                      : number(e.answerMs / 1000, {
                          style: 'unit',
                          unit: 'second',
                          maximumFractionDigits: 1,
                        })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
