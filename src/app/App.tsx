// The shell: header, navigation and the current route's screen.
import { useMemo } from 'react';
import type { Deck } from '../deck/types.ts';
import { ReviewScreen } from '../features/review/ReviewScreen.tsx';
import { useRoute, type Route } from './router.ts';

const NAV: { route: Route; label: string }[] = [{ route: 'review', label: 'Review' }];

export function App({ decks }: { decks: readonly Deck[] }) {
  const route = useRoute();
  const cards = useMemo(() => decks.flatMap((d) => d.cards), [decks]);
  const deckTitles = useMemo(
    () => Object.fromEntries(decks.map((d) => [d.slug, d.title])),
    [decks],
  );
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="#/review">
          RNN flashcards
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.route}>
                <a
                  href={`#/${item.route}`}
                  aria-current={route === item.route ? 'page' : undefined}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="main">
        {route === 'review' && <ReviewScreen cards={cards} deckTitles={deckTitles} />}
      </main>
    </div>
  );
}
