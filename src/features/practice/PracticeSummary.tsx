// The end of a practice session: how many cards got each grade, and how many counted as reviews.
import type { ReactNode } from 'react';
import { useScreenT } from '../../i18n/i18n.tsx';
import { GRADES, type Grade } from '../../scheduler/progress.ts';

export type Tally = Record<Grade, number> & { reviews: number };

export const GRADE_KEYS = {
  again: 'grade.again',
  hard: 'grade.hard',
  good: 'grade.good',
  easy: 'grade.easy',
} as const satisfies Record<Grade, string>;

export function PracticeSummary({ tally, children }: { tally: Tally; children: ReactNode }) {
  const { t, plural } = useScreenT();
  const total = GRADES.reduce((sum, g) => sum + tally[g], 0);
  return (
    <div className="practice-summary" role="status">
      <h2>{t('practice.summary.title')}</h2>
      <p>
        {plural('practice.summary.total', total)} ·{' '}
        {plural('practice.summary.reviews', tally.reviews)}
      </p>
      <table className="practice-tally">
        <thead>
          <tr>
            <th scope="col">{t('practice.summary.grade')}</th>
            <th scope="col">{t('practice.summary.count')}</th>
          </tr>
        </thead>
        <tbody>
          {GRADES.map((g) => (
            <tr key={g} className={`tally-${g}`}>
              <th scope="row">{t(GRADE_KEYS[g])}</th>
              <td>{tally[g]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </div>
  );
}
