// The cram chooser: which set to go through (an interview ahead's cards, a deck, a tag, the weak
// cards, the starred cards or N at random). Starting goes to the session's address, so a cram can
// be bookmarked.
import { useEffect, useId, useMemo, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { DeckContent } from '../../content/deckContent.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import { hrefWith } from '../../navigation/routes.ts';
import { now as clockNow } from '../../platform/clock.ts';
import { useProgress } from '../../store/context.tsx';
import {
  MAX_RANDOM,
  practiceSessionParams,
  type PracticeKind,
  type PracticeSpec,
} from '../../study/practiceSet.ts';

const KINDS: readonly PracticeKind[] = ['interview', 'deck', 'tag', 'weak', 'starred', 'random'];
const KIND_LABELS = {
  interview: 'practice.chooser.interview',
  deck: 'practice.chooser.deck',
  tag: 'practice.chooser.tag',
  weak: 'practice.chooser.weak',
  starred: 'practice.chooser.starred',
  random: 'practice.chooser.random',
} as const satisfies Record<PracticeKind, string>;

export function CramChooser({ content }: { content: DeckContent }) {
  const { t } = useScreenT();
  const id = useId();
  const interviews = useProgress((s) => s.interviews);
  // Interviews ahead, soonest first (read once: the list does not need to tick).
  const [at] = useState(clockNow);
  const ahead = useMemo(
    () =>
      Object.values(interviews)
        .flatMap((r) => (r?.value && r.value.at > at ? [r.value] : []))
        .sort((a, b) => a.at - b.at),
    [interviews, at],
  );
  const kinds = ahead.length > 0 ? KINDS : KINDS.filter((k) => k !== 'interview');
  const [kind, setKind] = useState<PracticeKind>(ahead.length > 0 ? 'interview' : 'deck');
  const [interview, setInterview] = useState('');
  const chosenInterview = ahead.some((i) => i.id === interview) ? interview : (ahead[0]?.id ?? '');
  const [deck, setDeck] = useState(content.decks[0]?.slug ?? '');
  const [tag, setTag] = useState('');
  const [count, setCount] = useState('10');

  // Card tags are in the card bodies: fetched once a tag is the chosen kind.
  useEffect(() => {
    if (kind === 'tag') void content.load(content.ids).catch(() => {});
  }, [kind, content]);
  const version = useSyncExternalStore(content.subscribe, content.version, content.version);
  const tags = useMemo(() => {
    void version; // the list grows as bodies arrive
    const all = new Set<string>();
    for (const d of content.decks) for (const tg of d.tags) all.add(tg);
    for (const cardId of content.ids)
      for (const tg of content.card(cardId)?.tags ?? []) all.add(tg);
    return [...all].sort((a, b) => a.localeCompare(b));
  }, [content, version]);
  const chosenTag = tag !== '' && tags.includes(tag) ? tag : (tags[0] ?? '');

  const n = Number(count.normalize('NFKC').trim());
  const countOk = Number.isInteger(n) && n >= 1 && n <= MAX_RANDOM;
  const spec: PracticeSpec | null =
    kind === 'interview'
      ? chosenInterview === ''
        ? null
        : { kind, id: chosenInterview }
      : kind === 'deck'
        ? deck === ''
          ? null
          : { kind, slug: deck }
        : kind === 'tag'
          ? chosenTag === ''
            ? null
            : { kind, tag: chosenTag }
          : kind === 'random'
            ? countOk
              ? { kind, count: n }
              : null
            : kind === 'weak' || kind === 'starred'
              ? { kind }
              : null;

  const start = (event: FormEvent) => {
    event.preventDefault();
    if (spec === null) return;
    window.location.hash = hrefWith('practice', ...practiceSessionParams({ mode: 'cram', spec }));
  };

  return (
    <section className="practice" aria-labelledby="practice-title">
      <h1 id="practice-title" className="screen-title">
        {t('practice.title.cram')}
      </h1>
      <p className="practice-note">{t('practice.chooser.intro')}</p>
      <form className="practice-chooser" onSubmit={start} noValidate>
        <fieldset className="practice-kinds">
          <legend>{t('practice.chooser.set')}</legend>
          {kinds.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name={`${id}-kind`}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {t(KIND_LABELS[k])}
            </label>
          ))}
        </fieldset>
        {kind === 'interview' && chosenInterview !== '' && (
          <label className="practice-field">
            {t('practice.chooser.interview')}
            <select value={chosenInterview} onChange={(e) => setInterview(e.target.value)}>
              {ahead.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'deck' && (
          <label className="practice-field">
            {t('practice.chooser.deck')}
            <select value={deck} onChange={(e) => setDeck(e.target.value)}>
              {content.decks.map((d) => (
                <option key={d.slug} value={d.slug} lang={d.lang}>
                  {d.title}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'tag' &&
          (tags.length === 0 ? (
            <p className="practice-note">{t('practice.chooser.noTags')}</p>
          ) : (
            <label className="practice-field">
              {t('practice.chooser.tag')}
              <select value={chosenTag} onChange={(e) => setTag(e.target.value)}>
                {tags.map((tg) => (
                  <option key={tg} value={tg}>
                    {tg}
                  </option>
                ))}
              </select>
            </label>
          ))}
        {kind === 'random' && (
          <label className="practice-field">
            {t('practice.chooser.count')}
            <input
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={count}
              aria-invalid={countOk ? undefined : true}
              onChange={(e) => setCount(e.target.value)}
            />
          </label>
        )}
        <button type="submit" className="btn btn-primary" disabled={spec === null}>
          {t('practice.chooser.start')}
        </button>
      </form>
    </section>
  );
}
