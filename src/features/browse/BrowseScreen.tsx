// Browse (#/browse): every card of every deck, searched, filtered and sorted by the pure
// functions of src/study/browse.ts. Every card body is fetched when the screen opens; each
// card's search text is normalised once (browse.ts keeps it), so a keystroke costs one pass of
// substring tests. The first PAGE rows are drawn, more on request. Opening a row shows the card
// (CardDetail).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DeckContent } from '../../content/deckContent.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import { now as clockNow } from '../../platform/clock.ts';
import { useProgress } from '../../store/context.tsx';
import {
  browseCards,
  searchEntries,
  tagsOf,
  type BrowseQuery,
  type SearchEntry,
} from '../../study/browse.ts';
import { DEFAULT_LEECH_LAPSES } from '../../study/types.ts';
import { BrowseFilters } from './BrowseFilters.tsx';
import { BrowseRow } from './BrowseRow.tsx';
import { CardDetail } from './CardDetail.tsx';
import './browse.css';

/** Rows drawn at first and added by each "Show more". */
export const PAGE = 100;

type Loading = 'loading' | 'ready' | 'error';

/** Fetches every card body; `retry` asks again after a failure (a chunk is fetched once). */
function useAllCards(content: DeckContent): { status: Loading; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<Loading>('loading');
  useEffect(() => {
    let current = true;
    content.load(content.ids).then(
      () => current && setStatus('ready'),
      () => current && setStatus('error'),
    );
    return () => {
      current = false;
    };
  }, [content, attempt]);
  const retry = useCallback(() => {
    setStatus('loading');
    setAttempt((a) => a + 1);
  }, []);
  return { status, retry };
}

const EMPTY_QUERY: BrowseQuery = { text: '', deck: null, tag: null, state: null, sort: 'deck' };

export function BrowseScreen({ content }: { content: DeckContent }) {
  const { t, plural } = useScreenT();
  const progress = useProgress((s) => s.progress);
  const flags = useProgress((s) => s.flags);
  const rolloverHour = useProgress((s) => s.settings.dayRolloverHour);
  const { status, retry } = useAllCards(content);
  // The time that due dates and predicted recall are read at: when the screen opened.
  const [now] = useState(clockNow);
  const [query, setQuery] = useState(EMPTY_QUERY);
  const [shown, setShown] = useState(PAGE);
  const [openId, setOpenId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // Rebuilt when the bodies are in (or a retry brought more), not once per arriving chunk.
  const entries: readonly SearchEntry[] = useMemo(
    () =>
      status === 'loading'
        ? []
        : searchEntries(
            content.ids,
            (id) => content.place(id)?.deck.slug ?? '',
            (id) => content.card(id),
          ),
    [content, status],
  );
  const tags = useMemo(() => tagsOf(entries), [entries]);
  const results = useMemo(
    () =>
      browseCards(entries, query, {
        progress,
        flags,
        now,
        rolloverHour,
        leechLapses: DEFAULT_LEECH_LAPSES,
      }),
    [entries, query, progress, flags, now, rolloverHour],
  );

  const changeQuery = useCallback((patch: Partial<BrowseQuery>) => {
    setQuery((q) => ({ ...q, ...patch }));
    setShown(PAGE);
  }, []);

  const showMore = () => {
    const firstNew = shown;
    setShown(shown + PAGE);
    // Keyboard users carry on from the first row added.
    requestAnimationFrame(() => {
      const row = listRef.current?.children[firstNew]?.querySelector('button');
      row?.focus();
    });
  };

  const remaining = results.length - shown;
  return (
    <section className="browse" aria-labelledby="browse-title">
      <h1 id="browse-title" className="screen-title" tabIndex={-1}>
        {t('browse.title')}
      </h1>
      <BrowseFilters query={query} decks={content.decks} tags={tags} onChange={changeQuery} />
      {status === 'error' && (
        <p className="browse-error" role="alert">
          {t('browse.loadError')}{' '}
          <button type="button" className="btn" onClick={retry}>
            {t('browse.retry')}
          </button>
        </p>
      )}
      {status === 'loading' ? (
        <p className="browse-note" role="status">
          {t('browse.loading')}
        </p>
      ) : (
        <>
          <p className="browse-count" role="status" {...{ elementtiming: 'browse-count' }}>
            {plural('browse.count', results.length)}
          </p>
          {content.ids.length === 0 ? (
            <p className="browse-note">{t('browse.noCards')}</p>
          ) : results.length === 0 ? (
            <p className="browse-note">{t('browse.noMatch')}</p>
          ) : (
            <ul className="browse-list" ref={listRef}>
              {results.slice(0, shown).map((id) => (
                <BrowseRow
                  key={id}
                  id={id}
                  content={content}
                  progress={progress[id]}
                  flags={flags[id]}
                  onOpen={setOpenId}
                />
              ))}
            </ul>
          )}
          {remaining > 0 && (
            <button type="button" className="btn browse-more" onClick={showMore}>
              {t('browse.showMore', { n: Math.min(PAGE, remaining) })}
            </button>
          )}
        </>
      )}
      <CardDetail content={content} id={openId} now={now} onClose={() => setOpenId(null)} />
    </section>
  );
}
