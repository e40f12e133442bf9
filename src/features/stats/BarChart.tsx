// Bars over days or weeks, one or more series side by side, drawn in SVG that scales to its box.
// Colours are the app's CSS variables, so light and dark both read.

export interface BarSeries {
  /** Null: no bar (no data), unlike 0. */
  values: readonly (number | null)[];
  /** A CSS colour, e.g. 'var(--review)'. */
  color: string;
}

const WIDTH = 320;
const HEIGHT = 150;
const LEFT = 40;
/** Room for the last label, centred under the last bar. */
const RIGHT = 14;
const BOTTOM = 18;
const TOP = 8;

export function BarChart({
  series,
  labelAt,
  max,
  formatValue,
}: {
  series: readonly BarSeries[];
  /** The x-axis label under bar `i`, or null for none. */
  labelAt: (i: number) => string | null;
  /** The top of the scale; the largest value (at least 1) if absent. */
  max?: number;
  formatValue: (value: number) => string;
}) {
  const count = Math.max(1, ...series.map((s) => s.values.length));
  const largest = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const top = max ?? Math.max(1, largest);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / count;
  const barWidth = Math.max(1, (slot * 0.8) / series.length);
  const y = (value: number) => TOP + plotHeight - (Math.min(value, top) / top) * plotHeight;
  return (
    <svg className="stats-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="presentation">
      {[0, top / 2, top].map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} className="stats-grid" />
          <text x={LEFT - 4} y={y(tick) + 3} textAnchor="end" className="stats-axis-text">
            {formatValue(tick)}
          </text>
        </g>
      ))}
      {series.map((s, k) =>
        s.values.map((value, i) =>
          value === null || value <= 0 ? null : (
            <rect
              key={`${k}-${i}`}
              x={LEFT + i * slot + slot * 0.1 + k * barWidth}
              y={y(value)}
              width={barWidth}
              height={Math.max(1, TOP + plotHeight - y(value))}
              fill={s.color}
              rx={1}
            />
          ),
        ),
      )}
      {Array.from({ length: count }, (_, i) => {
        const label = labelAt(i);
        return label === null ? null : (
          <text
            key={i}
            x={LEFT + i * slot + slot / 2}
            y={HEIGHT - 4}
            textAnchor="middle"
            className="stats-axis-text"
          >
            {label}
          </text>
        );
      })}
    </svg>
  );
}
