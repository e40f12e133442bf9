// Predicted recall (across) against the share actually recalled (up), one dot per bin, its size
// by the reviews in it, over the diagonal where predictions would hold exactly.
import type { CalibrationBin } from '../../study/calibration.ts';

const SIZE = 240;
const LEFT = 46;
const BOTTOM = 30;
const PAD = 14;

export function CalibrationChart({
  bins,
  formatShare,
  xLabel,
  yLabel,
}: {
  bins: readonly CalibrationBin[];
  formatShare: (share: number) => string;
  xLabel: string;
  yLabel: string;
}) {
  const plot = SIZE - LEFT - PAD;
  const x = (p: number) => LEFT + p * plot;
  const y = (p: number) => PAD + (1 - p) * (SIZE - PAD - BOTTOM);
  const most = Math.max(1, ...bins.map((b) => b.count));
  return (
    <svg
      className="stats-chart stats-calibration"
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="presentation"
    >
      {[0, 0.5, 1].map((tick) => (
        <g key={tick}>
          <line x1={x(0)} x2={x(1)} y1={y(tick)} y2={y(tick)} className="stats-grid" />
          <text x={LEFT - 4} y={y(tick) + 3} textAnchor="end" className="stats-axis-text">
            {formatShare(tick)}
          </text>
          <text x={x(tick)} y={y(0) + 12} textAnchor="middle" className="stats-axis-text">
            {formatShare(tick)}
          </text>
        </g>
      ))}
      <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} className="stats-diagonal" />
      {bins.map((bin) =>
        bin.meanPredicted === null || bin.meanRecalled === null ? null : (
          <circle
            key={bin.from}
            cx={x(bin.meanPredicted)}
            cy={y(bin.meanRecalled)}
            r={2.5 + 5 * Math.sqrt(bin.count / most)}
            className="stats-dot"
          />
        ),
      )}
      <text x={x(0.5)} y={SIZE - 4} textAnchor="middle" className="stats-axis-text">
        {xLabel}
      </text>
      <text
        x={10}
        y={y(0.5)}
        textAnchor="middle"
        transform={`rotate(-90 10 ${y(0.5)})`}
        className="stats-axis-text"
      >
        {yLabel}
      </text>
    </svg>
  );
}
