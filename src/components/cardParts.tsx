// Small pieces of a card shared by the screens that draw cards (review, Weak, practice), in one
// module so that the bundle keeps them in one shared chunk: the Star / Unstar button, the
// sources list under an answer, and KaTeX's stylesheet on demand.
import type { SourceLink } from '../deck/types.ts';
import './star.css';

// Star / Unstar: the name says what a press does, "Star" on an unstarred card and "Unstar" on a
// starred one.
export interface StarButtonProps {
  starred: boolean;
  /** The names in the interface language: [to star, to unstar]. */
  labels: readonly [star: string, unstar: string];
  onToggle: () => void;
  className?: string;
  keyShortcut?: string;
}

export function StarButton({ starred, labels, onToggle, className, keyShortcut }: StarButtonProps) {
  return (
    <button
      type="button"
      className={`btn btn-quiet btn-star${starred ? ' is-starred' : ''}${className ? ` ${className}` : ''}`}
      onClick={onToggle}
      aria-keyshortcuts={keyShortcut}
    >
      <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path
          d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z"
          fill={starred ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      {starred ? labels[1] : labels[0]}
    </button>
  );
}

/** A card's sources under its answer. */
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
