// Cards by state: one bar split by state, and the counts as a list (the list is the bar's text).
import { useMemo } from 'react';
import { useScreenT } from '../../i18n/i18n.tsx';
import { useProgress } from '../../store/context.tsx';
import { cardsByState, type StateCounts } from '../../study/stats.ts';

const STATES = [
  ['new', 'var(--new)'],
  ['learning', 'var(--learning)'],
  ['relearning', 'var(--hard)'],
  ['review', 'var(--review)'],
] as const satisfies readonly (readonly [keyof StateCounts, string])[];
const OVERLAYS = [
  'suspended',
  'leech',
  'starred',
] as const satisfies readonly (keyof StateCounts)[];

export function CardStates({ ids }: { ids: readonly string[] }) {
  const { t, number } = useScreenT();
  const progress = useProgress((s) => s.progress);
  const flags = useProgress((s) => s.flags);
  const counts = useMemo(() => cardsByState(ids, progress, flags), [ids, progress, flags]);
  // Each state's part of the bar, in percent, and where it starts.
  const parts = STATES.map(([state, color]) => ({
    state,
    color,
    width: counts.total === 0 ? 0 : (counts[state] / counts.total) * 100,
  })).map((part, i, all) => ({ ...part, x: all.slice(0, i).reduce((x, p) => x + p.width, 0) }));
  return (
    <section className="stats-section" aria-labelledby="stats-states">
      <h2 id="stats-states">{t('stats.states.title')}</h2>
      <svg
        className="stats-states-bar"
        viewBox="0 0 100 6"
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {parts.map(({ state, color, width, x }) =>
          width > 0 ? <rect key={state} x={x} width={width} height={6} fill={color} /> : null,
        )}
      </svg>
      <dl className="stats-states">
        {STATES.map(([state, color]) => (
          <div key={state}>
            <dt>
              <span className="stats-swatch" style={{ background: color }} />
              {t(`stats.state.${state}`)}
            </dt>
            <dd>{number(counts[state])}</dd>
          </div>
        ))}
        {OVERLAYS.map((state) => (
          <div key={state}>
            <dt>{t(`stats.state.${state}`)}</dt>
            <dd>{number(counts[state])}</dd>
          </div>
        ))}
      </dl>
      <p className="stats-note">{t('stats.states.note', { total: counts.total })}</p>
    </section>
  );
}
