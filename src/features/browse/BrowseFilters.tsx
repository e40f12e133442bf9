// The search box and the deck, tag, state and sort menus of Browse. Controlled: every change
// goes straight to the screen's query.
import { useId } from 'react';
import type { DeckIndex } from '../../deck/types.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import {
  BROWSE_SORTS,
  BROWSE_STATES,
  type BrowseQuery,
  type BrowseSort,
  type BrowseState,
} from '../../study/browse.ts';

export const STATE_KEYS = {
  new: 'browse.state.new',
  learning: 'browse.state.learning',
  review: 'browse.state.review',
  leech: 'browse.state.leech',
  starred: 'browse.state.starred',
  suspended: 'browse.state.suspended',
} as const satisfies Record<BrowseState, string>;

const SORT_KEYS = {
  deck: 'browse.sort.deck',
  due: 'browse.sort.due',
  difficulty: 'browse.sort.difficulty',
  lapses: 'browse.sort.lapses',
  recall: 'browse.sort.recall',
} as const satisfies Record<BrowseSort, string>;

/** '' in a menu is "all". */
const orNull = (value: string): string | null => (value === '' ? null : value);

export interface BrowseFiltersProps {
  query: BrowseQuery;
  decks: readonly DeckIndex[];
  tags: readonly string[];
  onChange: (patch: Partial<BrowseQuery>) => void;
}

export function BrowseFilters({ query, decks, tags, onChange }: BrowseFiltersProps) {
  const { t } = useScreenT();
  const id = useId();
  return (
    <div className="browse-filters" role="search">
      <label className="browse-search">
        <span className="visually-hidden">{t('browse.search')}</span>
        <input
          type="search"
          value={query.text}
          placeholder={t('browse.search')}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange({ text: e.target.value })}
        />
      </label>
      <div className="browse-menus">
        <label htmlFor={`${id}-deck`}>
          <span>{t('browse.deck')}</span>
          <select
            id={`${id}-deck`}
            value={query.deck ?? ''}
            onChange={(e) => onChange({ deck: orNull(e.target.value) })}
          >
            <option value="">{t('browse.deck.all')}</option>
            {decks.map((d) => (
              <option key={d.slug} value={d.slug} lang={d.lang}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-tag`}>
          <span>{t('browse.tag')}</span>
          <select
            id={`${id}-tag`}
            value={query.tag ?? ''}
            onChange={(e) => onChange({ tag: orNull(e.target.value) })}
          >
            <option value="">{t('browse.tag.all')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-state`}>
          <span>{t('browse.state')}</span>
          <select
            id={`${id}-state`}
            value={query.state ?? ''}
            onChange={(e) => onChange({ state: orNull(e.target.value) as BrowseState | null })}
          >
            <option value="">{t('browse.state.all')}</option>
            {BROWSE_STATES.map((s) => (
              <option key={s} value={s}>
                {t(STATE_KEYS[s])}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-sort`}>
          <span>{t('browse.sort')}</span>
          <select
            id={`${id}-sort`}
            value={query.sort}
            onChange={(e) => onChange({ sort: e.target.value as BrowseSort })}
          >
            {BROWSE_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_KEYS[s])}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
