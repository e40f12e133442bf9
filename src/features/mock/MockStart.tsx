// The mock interview's start screen: what the questions come from (an interview's scope, given;
// or decks and tags chosen here), how many and how long each, and the past mock interviews.
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useCard, type DeckContent } from '../../content/deckContent.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import { useProgress, useReviewLog } from '../../store/context.tsx';
import { useStore } from 'zustand';
import type { MockStore } from '../../store/mockSessions.ts';
import {
  cardsInScope,
  newMockSession,
  pickMockQuestions,
  summarise,
  type MockScope,
} from '../../study/mockInterview.ts';
import { readinessAt } from '../../study/readiness.ts';
import { rankWeak, seededRandom } from '../../study/weak.ts';
import type { MockInterviewTarget } from './MockScreen.tsx';

export interface MockStartProps {
  content: DeckContent;
  interview: MockInterviewTarget | undefined;
  store: MockStore;
  now: () => number;
  onOpen: (sessionId: string) => void;
}

type Loading = 'loading' | 'ready' | 'failed';

export function MockStart({ content, interview, store, now, onOpen }: MockStartProps) {
  const { t, plural, number, tag } = useScreenT();
  const formId = useId();
  const progress = useProgress((s) => s.progress);
  const flags = useProgress((s) => s.flags);
  const rolloverHour = useProgress((s) => s.settings.dayRolloverHour);
  const log = useReviewLog();
  const settings = useStore(store, (s) => s.settings);
  const history = useStore(store, (s) => s.history);
  const unreadableCopy = useStore(store, (s) => s.unreadableCopy);
  const [decks, setDecks] = useState<string[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [loading, setLoading] = useState<Loading>('loading');
  const [attempt, setAttempt] = useState(0);

  // Every body, for the cards' own tags (scoping by tag needs them): on demand, chunk by chunk.
  useEffect(() => {
    let current = true;
    content.load(content.ids).then(
      () => current && setLoading('ready'),
      () => current && setLoading('failed'),
    );
    return () => {
      current = false;
    };
  }, [content, attempt]);
  useCard(content, null); // re-render as bodies arrive

  const scope: MockScope = interview?.scope ?? { decks, tags };
  const deckTags = useMemo(
    () => Object.fromEntries(content.decks.map((d) => [d.slug, d.tags])),
    [content.decks],
  );
  const cards = content.ids.flatMap((id) => {
    const c = content.card(id);
    return c ? [{ id, deck: c.deck, tags: c.tags }] : [];
  });
  const allTags = [
    ...new Set([...content.decks.flatMap((d) => d.tags), ...cards.flatMap((c) => c.tags)]),
  ].sort();
  const inScope = cardsInScope(cards, deckTags, scope, (id) => flags[id]?.suspended === true);
  const ready = loading === 'ready' && log !== null;

  const start = (event: FormEvent) => {
    event.preventDefault();
    if (!ready || inScope.length === 0) return;
    const at = now();
    const ranking = rankWeak(progress, log, flags, { now: at, rolloverHour });
    const picked = pickMockQuestions(inScope, ranking, settings.questions, seededRandom(at));
    const predicted = readinessAt(picked, progress, { at, rolloverHour }).readiness;
    store.getState().setActive(
      newMockSession(
        {
          id: `mock-${at.toString(36)}`,
          interviewId: interview?.id ?? null,
          scope,
          questionSeconds: settings.questionSeconds,
          predicted,
        },
        picked,
        at,
      ),
    );
  };

  const toggle = (list: string[], set: (next: string[]) => void, value: string) =>
    set(list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const percent = (x: number | null) => (x === null ? '–' : number(x, { style: 'percent' }));
  const dateOf = (at: number) =>
    new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(at);

  return (
    <section className="mock" aria-labelledby="mock-title">
      <h1 id="mock-title" className="screen-title" tabIndex={-1}>
        {interview ? t('mock.titleFor', { name: interview.name }) : t('mock.title')}
      </h1>
      <p className="mock-note">{t('mock.intro')}</p>
      {unreadableCopy !== null && (
        <p className="mock-note" role="status">
          {t('mock.unreadable')}
        </p>
      )}
      <form className="mock-panel" onSubmit={start} aria-describedby={`${formId}-status`}>
        {interview ? (
          <p>{t('mock.scope.interview')}</p>
        ) : (
          <>
            <fieldset className="mock-choices">
              <legend>{t('mock.scope.decks')}</legend>
              {content.decks.map((d) => (
                <label key={d.slug} lang={d.lang}>
                  <input
                    type="checkbox"
                    checked={decks.includes(d.slug)}
                    onChange={() => toggle(decks, setDecks, d.slug)}
                  />
                  {d.title}
                </label>
              ))}
            </fieldset>
            {allTags.length > 0 && (
              <fieldset className="mock-choices">
                <legend>{t('mock.scope.tags')}</legend>
                {allTags.map((tg) => (
                  <label key={tg}>
                    <input
                      type="checkbox"
                      checked={tags.includes(tg)}
                      onChange={() => toggle(tags, setTags, tg)}
                    />
                    {tg}
                  </label>
                ))}
              </fieldset>
            )}
            <p className="mock-note">{t('mock.scope.help')}</p>
          </>
        )}
        <div className="mock-numbers">
          <label>
            {t('mock.count')}
            <input
              type="number"
              min={1}
              max={50}
              value={settings.questions}
              onChange={(e) => {
                const n = Math.round(Number(e.target.value));
                if (n >= 1 && n <= 50) store.getState().setSettings({ questions: n });
              }}
            />
          </label>
          <label>
            {t('mock.seconds')}
            <input
              type="number"
              min={10}
              max={3600}
              step={10}
              value={settings.questionSeconds}
              onChange={(e) => {
                const n = Math.round(Number(e.target.value));
                if (n >= 10 && n <= 3600) store.getState().setSettings({ questionSeconds: n });
              }}
            />
          </label>
        </div>
        <p id={`${formId}-status`} className="mock-note" role="status">
          {loading === 'failed'
            ? t('mock.loadError')
            : !ready
              ? t('mock.loading')
              : inScope.length === 0
                ? t('mock.empty')
                : plural('mock.questions', Math.min(settings.questions, inScope.length))}
        </p>
        {loading === 'failed' ? (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setLoading('loading');
              setAttempt((a) => a + 1);
            }}
          >
            {t('mock.retry')}
          </button>
        ) : (
          <button
            type="submit"
            className="btn btn-primary"
            disabled={!ready || inScope.length === 0}
          >
            {t('mock.start')}
          </button>
        )}
      </form>
      <section className="mock-panel" aria-labelledby="mock-history">
        <h2 id="mock-history">{t('mock.history')}</h2>
        {history.length === 0 ? (
          <p className="mock-note">{t('mock.history.empty')}</p>
        ) : (
          <ul className="mock-history">
            {history.map((h) => (
              <li key={h.id}>
                <button type="button" className="btn btn-quiet" onClick={() => onOpen(h.id)}>
                  {t('mock.history.item', {
                    date: dateOf(h.finishedAt ?? h.startedAt),
                    score: percent(summarise(h).overall),
                    questions: plural('mock.questions', h.questions.length),
                  })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
