// One interview ahead: when, the countdown, readiness now and if the plan is followed, what does
// not fit the daily limit, the weakest cards and the plan as cards per day.
import type { DeckContent } from '../../content/deckContent.ts';
import { useCard } from '../../content/deckContent.ts';
import { formatIntervalLong } from '../../i18n/format.ts';
import { formatStudyDay } from '../../i18n/formatStats.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import { hrefWith } from '../../navigation/routes.ts';
import type { Interview } from '../../store/persisted.ts';
import type { Outlook } from './useInterviewOutlook.ts';

const SHOWN_BELOW = 10;
const DAY_LABEL = { weekday: 'short', month: 'short', day: 'numeric' } as const;

export const formatWhen = (at: number, tag: string) =>
  new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(at);

function Question({ content, id }: { content: DeckContent; id: string }) {
  const card = useCard(content, id);
  return <span lang={content.place(id)?.deck.lang}>{card?.questionText ?? id}</span>;
}

export function UpcomingInterview(props: {
  interview: Interview;
  now: number;
  content: DeckContent;
  outlook: Outlook | null;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { interview: i, now, content, outlook } = props;
  const { t, plural, number, tag, locale } = useScreenT();
  const percent = (x: number | null) =>
    x === null ? '—' : number(x, { style: 'percent', maximumFractionDigits: 0 });
  const figures = outlook?.plan.interviews.find((o) => o.id === i.id);
  const below = outlook?.below.get(i.id) ?? [];
  const unplaced = outlook?.plan.unplaced.filter((u) => u.interviewId === i.id) ?? [];
  const mine = new Set(outlook?.cards.get(i.id) ?? []);
  // Reviews count for the interview up to its eve (or today, when it is today).
  const lastDay = figures && outlook ? Math.max(outlook.plan.firstDay, figures.day - 1) : 0;
  // Only days with cards of its own: an interview months ahead has mostly empty days.
  const days = (outlook?.plan.days ?? [])
    .filter((d) => d.day <= lastDay)
    .map((d) => ({ day: d.day, count: d.cardIds.filter((id) => mine.has(id)).length }))
    .filter((d) => d.count > 0);
  // A loop, not Math.max(...days): spread arguments overflow the stack on long lists.
  const most = days.reduce((m, d) => Math.max(m, d.count), 1);
  // Each row is a study day, labelled with the calendar date it began on (not now + n × 24 h).
  const dayLabel = (day: number) => formatStudyDay(day, locale, DAY_LABEL);
  if (outlook)
    void content.load(below.slice(0, SHOWN_BELOW).map((b) => b.cardId)).catch(() => undefined);

  return (
    <article className="interview-card" aria-label={i.name}>
      <h3>{i.name}</h3>
      <p className="interview-when-line">
        <time dateTime={new Date(i.at).toISOString()}>{formatWhen(i.at, tag)}</time>
        {' · '}
        <span className="interview-countdown">
          {t('interview.countdown', { left: formatIntervalLong(i.at - now, locale) })}
        </span>
      </p>
      {figures === undefined ? (
        <p>{t('interview.computing')}</p>
      ) : (
        <>
          <dl className="interview-figures">
            <div>
              <dt>{t('interview.readiness')}</dt>
              <dd data-testid="readiness">{percent(figures.readiness)}</dd>
            </div>
            <div>
              <dt>{t('interview.ifFollowed')}</dt>
              <dd data-testid="readiness-plan">{percent(figures.readinessIfFollowed)}</dd>
            </div>
            <div>
              <dt>{t('interview.cards')}</dt>
              <dd>{number(figures.cards)}</dd>
            </div>
          </dl>
          {unplaced.length > 0 && (
            <p className="interview-overflow" role="status">
              {plural('interview.overflow', unplaced.length, {
                percent: percent(figures.readinessIfFollowed),
              })}
            </p>
          )}
          {days.length > 0 && (
            <table className="interview-plan">
              <caption>{t('interview.plan')}</caption>
              <tbody>
                {days.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{dayLabel(d.day)}</th>
                    <td>{number(d.count)}</td>
                    <td aria-hidden="true">
                      <span
                        className="interview-bar"
                        style={{ width: `${(100 * d.count) / most}%` }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h4>{plural('interview.below', below.length)}</h4>
          <ol className="interview-below">
            {below.slice(0, SHOWN_BELOW).map((b) => (
              <li key={b.cardId}>
                <span>
                  <Question content={content} id={b.cardId} />
                </span>
                <span className="interview-recall">{percent(b.recall)}</span>
              </li>
            ))}
          </ol>
          {below.length > SHOWN_BELOW && (
            <p>{plural('interview.more', below.length - SHOWN_BELOW)}</p>
          )}
        </>
      )}
      <div className="interview-actions">
        <a className="btn btn-primary" href={hrefWith('mock', i.id)}>
          {t('interview.mock')}
        </a>
        <a className="btn" href={hrefWith('practice', 'interview', i.id)}>
          {t('interview.cram')}
        </a>
        <button type="button" className="btn" onClick={props.onEdit}>
          {t('interview.edit')}
        </button>
        <button type="button" className="btn" onClick={props.onRemove}>
          {t('interview.remove')}
        </button>
      </div>
    </article>
  );
}
