// The deck list: every deck (and all of them together) with its size and what studying it would
// offer today. Choosing one remembers it and goes back to Review, which then studies only that
// deck's cards, within the daily limits all decks share (src/scheduler/deckCounts.ts).
import { useMemo, useState } from 'react';
import { deckChoice } from '../../content/deckChoice.ts';
import type { DeckContent } from '../../content/deckContent.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import { hrefFor } from '../../navigation/routes.ts';
import { now as clockNow } from '../../platform/clock.ts';
import { usePreferences, usePreferencesStore } from '../../preferences/preferencesContext.ts';
import { deckCounts, type DeckCount } from '../../scheduler/deckCounts.ts';
import { useProgress } from '../../store/context.tsx';
import './decks.css';

export function DecksScreen({ content }: { content: DeckContent }) {
  const { t } = useScreenT();
  const preferences = usePreferencesStore();
  const choice = deckChoice(
    content,
    usePreferences((s) => s.deck),
  );
  const progress = useProgress((s) => s.progress);
  const log = useProgress((s) => s.recentReviews);
  const settings = useProgress((s) => s.settings);
  // Counted when the list opens: it is chosen from, not watched.
  const [now] = useState(clockNow);
  const counts = useMemo(
    () =>
      deckCounts({
        ids: content.ids,
        decks: content.decks.map((d) => d.ids),
        progress,
        log,
        now,
        settings,
      }),
    [content, progress, log, now, settings],
  );
  const choose = (slug: string | null) => preferences.getState().setDeck(slug);

  return (
    <section className="decks" aria-labelledby="decks-title">
      <h1 id="decks-title" className="screen-title" tabIndex={-1}>
        {t('decks.title')}
      </h1>
      <p className="decks-note">{t('decks.choose')}</p>
      <p className="decks-note">
        {t('decks.limits', {
          newPerDay: settings.newCardsPerDay,
          maxReviews: settings.maxReviewsPerDay,
        })}
      </p>
      {choice.gone !== null && (
        <p className="decks-note decks-gone" role="status">
          {t('decks.gone')}
        </p>
      )}
      <ul className="deck-list">
        <DeckRow
          title={t('decks.all')}
          count={counts.all}
          current={choice.deck === null}
          onChoose={() => choose(null)}
        />
        {content.decks.map((deck, i) => (
          <DeckRow
            key={deck.slug}
            title={deck.title}
            lang={deck.lang}
            count={counts.decks[i]!}
            current={choice.deck === deck}
            onChoose={() => choose(deck.slug)}
          />
        ))}
      </ul>
    </section>
  );
}

function DeckRow(props: {
  title: string;
  lang?: string | undefined;
  count: DeckCount;
  current: boolean;
  onChoose: () => void;
}) {
  const { t, plural, number } = useScreenT();
  const { title, lang, count, current, onChoose } = props;
  // A link to Review: Enter or a tap chooses the deck, and the address takes the learner back.
  return (
    <li>
      <a
        className="deck-row"
        href={hrefFor('review')}
        aria-current={current ? 'true' : undefined}
        onClick={onChoose}
      >
        <span className="deck-row-head">
          <span className="deck-row-title" lang={lang}>
            {title}
          </span>
          {current && <span className="deck-row-current"> {t('decks.current')}</span>}
        </span>{' '}
        <span className="deck-row-counts">
          <span className="deck-row-cards">{plural('decks.cards', count.cards)}</span>{' '}
          <span className="deck-count deck-count-new">
            {t('review.count.new')} <b>{number(count.new)}</b>
          </span>{' '}
          <span className="deck-count deck-count-learning">
            {t('review.count.learning')} <b>{number(count.learning)}</b>
          </span>{' '}
          <span className="deck-count deck-count-review">
            {t('review.count.review')} <b>{number(count.review)}</b>
          </span>
        </span>
      </a>
    </li>
  );
}
