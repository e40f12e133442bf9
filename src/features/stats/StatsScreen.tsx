// Stats (#/stats): how the learner's study and memory are doing, every figure from the whole
// review log (useReviewLog) and the cards' progress, through the pure functions of src/study/.
// Each is computed once per change of the log, in a single pass over it, so a log of 100,000
// reviews stays quick; this screen only draws them. Practice grades (drills of cards not due)
// are counted apart: they make days of study, not retention or calibration.
import { useMemo, useState } from 'react';
import type { DeckContent } from '../../content/deckContent.ts';
import { formatDuration, formatStudyDay } from '../../i18n/formatStats.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import { hrefFor } from '../../navigation/routes.ts';
import { now as clockNow } from '../../platform/clock.ts';
import { useProgress, useReviewLog } from '../../store/context.tsx';
import { reviewHeatmap, timeSpentPerDay } from '../../study/activity.ts';
import { calibration } from '../../study/calibration.ts';
import { dueForecast, weeklyRetention } from '../../study/stats.ts';
import { isReview, type StudyLogEntry } from '../../study/types.ts';
import { BarChart } from './BarChart.tsx';
import { CalibrationChart } from './CalibrationChart.tsx';
import { Figure } from './Figure.tsx';
import { Heatmap } from './Heatmap.tsx';
import { CardStates } from './CardStates.tsx';
import './stats.css';

/** Weeks of retention drawn (the table has the same). */
const RETENTION_WEEKS = 12;

/** Everything read from the log, once per log. */
export function logFigures(log: readonly StudyLogEntry[], now: number, rolloverHour: number) {
  let reviews = 0;
  for (const entry of log) if (isReview(entry)) reviews++;
  return {
    reviews,
    practice: log.length - reviews,
    heatmap: reviewHeatmap(log, { now, rolloverHour }),
    time: timeSpentPerDay(log, { now, rolloverHour }),
    retention: weeklyRetention(log, { rolloverHour }).slice(-RETENTION_WEEKS),
    calibration: calibration(log),
  };
}

export function StatsScreen({ content }: { content: DeckContent }) {
  const { t, plural, number } = useScreenT();
  const log = useReviewLog();
  const rolloverHour = useProgress((s) => s.settings.dayRolloverHour);
  // Days are counted as of opening the screen.
  const [now] = useState(clockNow);
  const figures = useMemo(
    () => (log === null ? null : logFigures(log, now, rolloverHour)),
    [log, now, rolloverHour],
  );

  return (
    <section className="stats" aria-labelledby="stats-title">
      <h1 id="stats-title" className="screen-title" tabIndex={-1}>
        {t('stats.title')}
      </h1>
      {figures === null ? (
        <p role="status">{t('stats.loading')}</p>
      ) : figures.reviews + figures.practice === 0 ? (
        <div className="stats-empty" role="status">
          <h2>{t('stats.empty.title')}</h2>
          <p>{t('stats.empty.body')}</p>
          <a href={hrefFor('review')}>{t('stats.empty.link')}</a>
        </div>
      ) : (
        <>
          <dl className="stats-headline">
            <div>
              <dt>{t('stats.reviews')}</dt>
              <dd data-testid="stats-reviews">{number(figures.reviews)}</dd>
            </div>
            <div>
              <dt>{t('stats.practice')}</dt>
              <dd>{number(figures.practice)}</dd>
            </div>
            <div>
              <dt>{t('stats.streak.current')}</dt>
              <dd data-testid="stats-streak">
                {plural('stats.days', figures.heatmap.currentStreak)}
              </dd>
            </div>
            <div>
              <dt>{t('stats.streak.longest')}</dt>
              <dd>{plural('stats.days', figures.heatmap.longestStreak)}</dd>
            </div>
          </dl>
          <ActivitySection figures={figures} />
          <ForecastSection rolloverHour={rolloverHour} now={now} />
          <RetentionSection weeks={figures.retention} />
          <CardStates ids={content.ids} />
          <TimeSection time={figures.time} />
          <CalibrationSection result={figures.calibration} />
        </>
      )}
    </section>
  );
}

type Figures = ReturnType<typeof logFigures>;

function ActivitySection({ figures }: { figures: Figures }) {
  const { t, locale } = useScreenT();
  const { heatmap } = figures;
  const months = new Map<string, { reviews: number; practice: number; days: number }>();
  heatmap.reviews.forEach((reviews, i) => {
    const practice = heatmap.practice[i]!;
    const name = formatStudyDay(heatmap.firstDay + i, locale, { year: 'numeric', month: 'long' });
    const month = months.get(name) ?? { reviews: 0, practice: 0, days: 0 };
    month.reviews += reviews;
    month.practice += practice;
    if (reviews + practice > 0) month.days++;
    months.set(name, month);
  });
  const total = { reviews: 0, practice: 0, days: 0 };
  for (const m of months.values()) {
    total.reviews += m.reviews;
    total.practice += m.practice;
    total.days += m.days;
  }
  return (
    <section className="stats-section" aria-labelledby="stats-activity">
      <h2 id="stats-activity">{t('stats.heatmap.title')}</h2>
      <Figure
        chart={<Heatmap heatmap={heatmap} />}
        caption={
          <>
            {t('stats.heatmap.summary', total)} {t('stats.heatmap.note')}
          </>
        }
        table={{
          head: [
            t('stats.col.month'),
            t('stats.reviews'),
            t('stats.practice'),
            t('stats.col.days'),
          ],
          rows: [...months].map(([name, m]) => [name, m.reviews, m.practice, m.days]),
        }}
      />
    </section>
  );
}

const weeklyLabel = (i: number, every: number) => i % every === 0;

function ForecastSection({ now, rolloverHour }: { now: number; rolloverHour: number }) {
  const { t, locale, number } = useScreenT();
  const progress = useProgress((s) => s.progress);
  const flags = useProgress((s) => s.flags);
  const forecast = useMemo(
    () => dueForecast(progress, flags, { now, rolloverHour }),
    [progress, flags, now, rolloverHour],
  );
  const dayName = (i: number) =>
    formatStudyDay(forecast.firstDay + i, locale, { month: 'numeric', day: 'numeric' });
  const total = forecast.counts.reduce((a, b) => a + b, 0);
  return (
    <section className="stats-section" aria-labelledby="stats-forecast">
      <h2 id="stats-forecast">{t('stats.forecast.title')}</h2>
      <Figure
        chart={
          <BarChart
            series={[{ values: forecast.counts, color: 'var(--accent)' }]}
            labelAt={(i) => (weeklyLabel(i, 7) ? dayName(i) : null)}
            formatValue={(v) => number(v, { maximumFractionDigits: 1 })}
          />
        }
        caption={t('stats.forecast.summary', {
          total,
          today: forecast.counts[0]!,
          overdue: forecast.overdue,
        })}
        table={{
          head: [t('stats.col.day'), t('stats.col.due')],
          rows: forecast.counts.map((count, i) => [
            i === 0 ? t('stats.today') : formatStudyDay(forecast.firstDay + i, locale),
            count,
          ]),
        }}
      />
    </section>
  );
}

function RetentionSection({ weeks }: { weeks: Figures['retention'] }) {
  const { t, locale, number } = useScreenT();
  const percent = (passed: number, reviews: number) =>
    reviews === 0
      ? '—'
      : t('stats.share', {
          percent: number(passed / reviews, { style: 'percent', maximumFractionDigits: 1 }),
          count: reviews,
        });
  const sum = (key: 'young' | 'mature') =>
    weeks.reduce(
      (s, w) => ({ passed: s.passed + w[key].passed, reviews: s.reviews + w[key].reviews }),
      { passed: 0, reviews: 0 },
    );
  const young = sum('young');
  const mature = sum('mature');
  const rate = (c: { passed: number; reviews: number }) =>
    c.reviews === 0 ? null : c.passed / c.reviews;
  const weekName = (monday: number) => formatStudyDay(monday, locale);
  return (
    <section className="stats-section" aria-labelledby="stats-retention">
      <h2 id="stats-retention">{t('stats.retention.title')}</h2>
      {weeks.length === 0 ? (
        <p className="stats-note">{t('stats.retention.none')}</p>
      ) : (
        <Figure
          chart={
            <BarChart
              series={[
                { values: weeks.map((w) => rate(w.young)), color: 'var(--new)' },
                { values: weeks.map((w) => rate(w.mature)), color: 'var(--review)' },
              ]}
              max={1}
              labelAt={(i) =>
                weeklyLabel(weeks.length - 1 - i, 3) ? weekName(weeks[i]!.monday) : null
              }
              formatValue={(v) => number(v, { style: 'percent' })}
            />
          }
          caption={
            <>
              <span className="stats-key stats-key-young">{t('stats.col.young')}</span>{' '}
              <span className="stats-key stats-key-mature">{t('stats.col.mature')}</span>{' '}
              {t('stats.retention.summary', {
                young: percent(young.passed, young.reviews),
                mature: percent(mature.passed, mature.reviews),
              })}{' '}
              {t('stats.retention.help')}
            </>
          }
          table={{
            head: [t('stats.col.week'), t('stats.col.young'), t('stats.col.mature')],
            rows: weeks.map((w) => [
              `${w.week} (${weekName(w.monday)})`,
              percent(w.young.passed, w.young.reviews),
              percent(w.mature.passed, w.mature.reviews),
            ]),
          }}
        />
      )}
    </section>
  );
}

function TimeSection({ time }: { time: Figures['time'] }) {
  const { t, plural, locale } = useScreenT();
  const total = time.knownMs.reduce((a, b) => a + b, 0);
  const timed = time.timed.reduce((a, b) => a + b, 0);
  const untimed = time.untimed.reduce((a, b) => a + b, 0);
  return (
    <section className="stats-section" aria-labelledby="stats-time">
      <h2 id="stats-time">{t('stats.time.title')}</h2>
      {timed === 0 ? (
        <p className="stats-note">{t('stats.time.none')}</p>
      ) : (
        <Figure
          chart={
            <BarChart
              series={[{ values: time.knownMs, color: 'var(--good)' }]}
              labelAt={(i) =>
                weeklyLabel(time.knownMs.length - 1 - i, 7)
                  ? formatStudyDay(time.firstDay + i, locale, { month: 'numeric', day: 'numeric' })
                  : null
              }
              formatValue={(v) => formatDuration(v, locale)}
            />
          }
          caption={t('stats.time.summary', {
            total: formatDuration(total, locale),
            timed,
            average: formatDuration(total / timed, locale),
          })}
          table={{
            head: [t('stats.col.day'), t('stats.col.time'), t('stats.col.timed')],
            rows: time.knownMs.flatMap((ms, i) =>
              time.timed[i]! === 0
                ? []
                : [
                    [
                      formatStudyDay(time.firstDay + i, locale),
                      formatDuration(ms, locale),
                      time.timed[i]!,
                    ],
                  ],
            ),
          }}
        />
      )}
      {untimed > 0 && <p className="stats-note">{plural('stats.time.untimed', untimed)}</p>}
    </section>
  );
}

function CalibrationSection({ result }: { result: Figures['calibration'] }) {
  const { t, number } = useScreenT();
  const share = (v: number) => number(v, { style: 'percent', maximumFractionDigits: 1 });
  const { skipped } = result;
  return (
    <section className="stats-section" aria-labelledby="stats-calibration">
      <h2 id="stats-calibration">{t('stats.calibration.title')}</h2>
      {result.rmse === null ? (
        <p className="stats-note">{t('stats.calibration.none')}</p>
      ) : (
        <Figure
          chart={
            <CalibrationChart
              bins={result.bins}
              formatShare={(v) => number(v, { style: 'percent' })}
              xLabel={t('stats.axis.predicted')}
              yLabel={t('stats.axis.actual')}
            />
          }
          caption={
            <>
              <strong data-testid="stats-rmse">
                {t('stats.calibration.rmse', {
                  rmse: number(result.rmse, {
                    minimumFractionDigits: 3,
                    maximumFractionDigits: 3,
                  }),
                })}
              </strong>{' '}
              {t('stats.calibration.explain')}{' '}
              {t('stats.calibration.count', {
                count: result.count,
                sameDay: skipped.sameDay,
                other: skipped.noPriorReview + skipped.noStability,
              })}
            </>
          }
          table={{
            head: [
              t('stats.col.range'),
              t('stats.reviews'),
              t('stats.col.predicted'),
              t('stats.col.actual'),
            ],
            rows: result.bins.flatMap((b) =>
              b.meanPredicted === null || b.meanRecalled === null
                ? []
                : [
                    [
                      `${share(b.from)}–${share(b.to)}`,
                      b.count,
                      share(b.meanPredicted),
                      share(b.meanRecalled),
                    ],
                  ],
            ),
          }}
        />
      )}
    </section>
  );
}
