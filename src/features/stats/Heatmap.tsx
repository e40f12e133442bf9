// Grades per day as a calendar, like GitHub's: a column per week (Monday at the top), a row per
// weekday, darker for more grades. Drawn at a fixed size in its own horizontally scrolling box,
// scrolled to today, so a phone shows the latest weeks and can scroll back through the year.
import { useLayoutEffect, useRef } from 'react';
import { formatStudyDay } from '../../i18n/formatStats.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import type { ReviewHeatmap } from '../../study/activity.ts';

const CELL = 11;
const STEP = 14;
const LEFT = 30;
const TOP = 16;
/** Study day index 4 is 1970-01-05, a Monday. */
const A_MONDAY = 4;
const LEVELS = 4;

/** Monday 0 … Sunday 6. */
const weekdayOf = (day: number) => (((day - A_MONDAY) % 7) + 7) % 7;

/** 0 for none, else 1…LEVELS by the share of the busiest day. */
export function levelOf(count: number, busiest: number): number {
  return count <= 0 || busiest <= 0 ? 0 : Math.max(1, Math.ceil((count / busiest) * LEVELS));
}

export function Heatmap({ heatmap }: { heatmap: ReviewHeatmap }) {
  const { t, locale } = useScreenT();
  const { firstDay, reviews, practice } = heatmap;
  const lead = weekdayOf(firstDay);
  const weeks = Math.ceil((lead + reviews.length) / 7);
  const totals = reviews.map((r, i) => r + practice[i]!);
  const busiest = Math.max(0, ...totals);
  const width = LEFT + weeks * STEP;
  const height = TOP + 7 * STEP;

  const scroller = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = scroller.current;
    if (box) box.scrollLeft = box.scrollWidth;
  }, []);

  const months: { week: number; label: string }[] = [];
  let lastMonth = '';
  for (let week = 0; week < weeks; week++) {
    const day = Math.max(firstDay, firstDay - lead + week * 7);
    const month = formatStudyDay(day, locale, { month: 'short' });
    if (month !== lastMonth && (week > 0 || lead <= 3)) months.push({ week, label: month });
    lastMonth = month;
  }

  return (
    <div className="stats-heatmap">
      <div className="stats-heatmap-scroll" ref={scroller}>
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="presentation">
          {months.map(({ week, label }) => (
            <text key={week} x={LEFT + week * STEP} y={10} className="stats-axis-text">
              {label}
            </text>
          ))}
          {[0, 2, 4].map((row) => (
            <text key={row} x={0} y={TOP + row * STEP + 9} className="stats-axis-text">
              {formatStudyDay(A_MONDAY + row, locale, { weekday: 'short' })}
            </text>
          ))}
          {totals.map((total, i) => {
            const slot = lead + i;
            const level = levelOf(total, busiest);
            return (
              <rect
                key={i}
                x={LEFT + Math.floor(slot / 7) * STEP}
                y={TOP + (slot % 7) * STEP}
                width={CELL}
                height={CELL}
                rx={2}
                className={`stats-cell stats-cell-${level}`}
              >
                <title>
                  {t('stats.heatmap.cell', {
                    date: formatStudyDay(firstDay + i, locale),
                    reviews: reviews[i]!,
                    practice: practice[i]!,
                  })}
                </title>
              </rect>
            );
          })}
        </svg>
      </div>
      <div className="stats-legend">
        {t('stats.less')}
        {Array.from({ length: LEVELS + 1 }, (_, level) => (
          <svg key={level} width={CELL} height={CELL} role="presentation">
            <rect width={CELL} height={CELL} rx={2} className={`stats-cell stats-cell-${level}`} />
          </svg>
        ))}
        {t('stats.more')}
      </div>
    </div>
  );
}
