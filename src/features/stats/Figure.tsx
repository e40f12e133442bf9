// A chart with its text alternative: the drawing is hidden from screen readers, the caption says
// what it shows in a sentence, and the figures behind it are a table one click away.
import type { ReactNode } from 'react';
import { useScreenT } from '../../i18n/i18n.tsx';

export interface FigureTable {
  head: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

export function Figure({
  chart,
  caption,
  table,
}: {
  chart: ReactNode;
  caption: ReactNode;
  table?: FigureTable;
}) {
  const { t } = useScreenT();
  return (
    <figure className="stats-figure">
      <div aria-hidden="true">{chart}</div>
      <figcaption>{caption}</figcaption>
      {table && table.rows.length > 0 && (
        <details className="stats-table">
          <summary>{t('stats.table')}</summary>
          <div className="stats-table-scroll">
            <table>
              <thead>
                <tr>
                  {table.head.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) =>
                      j === 0 ? (
                        <th key={j} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={j}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
