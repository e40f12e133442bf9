// A card's sources under its answer: shared by the review screen and practice sessions.
import type { SourceLink } from '../deck/types.ts';

export function CardSources({ sources, title }: { sources: readonly SourceLink[]; title: string }) {
  if (sources.length === 0) return null;
  return (
    <div className="sources">
      <h2 className="sources-title">{title}</h2>
      <ul>
        {sources.map((s) => (
          <li key={s.url}>
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {s.title ?? s.url}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
