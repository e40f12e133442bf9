// One practice session: the set chosen once (practiceSet, shuffled with a seeded random), then
// each card once: question → Show answer (Space/Enter) → grade 1–4, with "3 / 12" progress and
// a summary of the grades at the end. Whether a grade is a review or practice is decided per
// card by gradeCountsAsReview (drill: due cards are reviews; cram: the "Count as reviews" box).
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { loadMathStyles } from '../../components/mathStyles.ts';
import { CardSources } from '../../components/cardParts.tsx';
import { focusableScrollBoxes } from '../../components/scrollBoxes.ts';
import type { DeckContent } from '../../content/deckContent.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import type { Translator } from '../../i18n/translate.ts';
import { hrefFor } from '../../navigation/routes.ts';
import { now as clockNow } from '../../platform/clock.ts';
import { GRADES, MAX_ANSWER_MS, type Grade } from '../../scheduler/progress.ts';
import { useProgress, useProgressStore, useReviewLog } from '../../store/context.tsx';
import {
  gradeCountsAsReview,
  practiceSet,
  type PracticeCardMeta,
  type PracticeSession as Session,
  type PracticeSpec,
} from '../../study/practiceSet.ts';
import { seededRandom } from '../../study/weak.ts';
import { GRADE_KEYS, PracticeSummary, type Tally } from './PracticeSummary.tsx';

export function PracticeSession({ content, session }: { content: DeckContent; session: Session }) {
  const translator = useScreenT();
  const { t } = translator;
  const store = useProgressStore();
  const log = useReviewLog();
  const [ids, setIds] = useState<readonly string[] | null>(null);
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [countAsReviews, setCountAsReviews] = useState(false);
  const [tally, setTally] = useState<Tally>({ again: 0, hard: 0, good: 0, easy: 0, reviews: 0 });
  const shownAt = useRef(0);
  const { mode, spec } = session;
  const interviewName = useProgress((s) =>
    spec.kind === 'interview' ? s.interviews[spec.id]?.value?.name : undefined,
  );

  // The set is chosen once, from the log as it was when the session started.
  const haveLog = log !== null;
  useEffect(() => {
    if (!haveLog || ids !== null) return;
    let live = true;
    const choose = () => {
      void store.reviewLog().then((whole) => {
        if (!live) return;
        const s = store.getState();
        const at = clockNow();
        const meta = (id: string): PracticeCardMeta | undefined => {
          const place = content.place(id);
          if (!place) return undefined;
          return {
            deck: place.deck.slug,
            tags: [...place.deck.tags, ...(content.card(id)?.tags ?? [])],
          };
        };
        setIds(
          practiceSet(spec, content.ids, meta, s.progress, s.flags, whole, {
            now: at,
            rolloverHour: s.settings.dayRolloverHour,
            leechThreshold: s.settings.leechThreshold,
            random: seededRandom(at),
            interviewScopes: Object.fromEntries(
              Object.entries(s.interviews).flatMap(([key, r]) =>
                r?.value ? [[key, r.value.scope]] : [],
              ),
            ),
          }),
        );
      });
    };
    // A card's own tags are in its body.
    const tagScoped =
      spec.kind === 'tag' ||
      (spec.kind === 'interview' &&
        (store.getState().interviews[spec.id]?.value?.scope.tags.length ?? 0) > 0);
    if (tagScoped) content.load(content.ids).then(choose, choose);
    else choose();
    return () => {
      live = false;
    };
  }, [haveLog, ids, store, content, spec]);

  const currentId = ids?.[index] ?? null;
  // (As useCard does; not imported, so this screen shares no chunk with the first screen's.)
  useSyncExternalStore(content.subscribe, content.version, content.version);
  const card = currentId === null ? undefined : content.card(currentId);
  useEffect(() => {
    if (!ids || index >= ids.length) return;
    const near = ids.slice(index, index + 2);
    content.load(near).then(
      () => {
        if (near.some((id) => content.card(id)?.hasMath)) void loadMathStyles();
      },
      () => {
        // Offline before the chunk was cached: the card shows its loading state.
      },
    );
  }, [content, ids, index]);
  // Answer time runs from the card drawn to its grade.
  useEffect(() => {
    if (card) shownAt.current = clockNow();
  }, [card]);

  const settings = store.getState().settings;
  const countsNow =
    currentId !== null &&
    gradeCountsAsReview(
      mode,
      countAsReviews,
      store.getState().progress[currentId],
      clockNow(),
      settings.dayRolloverHour,
    );
  const canGrade = revealed && card !== undefined;

  const reveal = () => {
    if (card) setRevealed(true);
  };
  const grade = (g: Grade) => {
    if (!canGrade || currentId === null) return;
    const at = clockNow();
    const answerMs = Math.min(MAX_ANSWER_MS, Math.max(0, at - shownAt.current));
    const asReview = gradeCountsAsReview(
      mode,
      countAsReviews,
      store.getState().progress[currentId],
      at,
      store.getState().settings.dayRolloverHour,
    );
    try {
      store
        .getState()
        .rate(currentId, g, at, asReview ? { answerMs } : { practice: true, answerMs });
    } catch {
      // A review needs the scheduler, which loads with the first screen: in the rare moment
      // before it is here, the grade is not taken and the card stays for another press.
      return;
    }
    setTally((s) => ({ ...s, [g]: s[g] + 1, reviews: s.reviews + (asReview ? 1 : 0) }));
    setRevealed(false);
    setIndex((i) => i + 1);
  };

  const latest = useRef({ reveal, grade, revealed });
  useEffect(() => {
    latest.current = { reveal, grade, revealed };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const tag = target?.tagName;
      if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable)
        return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      const h = latest.current;
      if ((event.key === ' ' || event.key === 'Enter') && !h.revealed) {
        if (tag === 'BUTTON' || tag === 'A') return;
        event.preventDefault();
        h.reveal();
      } else if (h.revealed && /^[1-4]$/.test(event.key)) {
        event.preventDefault();
        h.grade(GRADES[Number(event.key) - 1]!);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const title = t(mode === 'drill' ? 'practice.title.drill' : 'practice.title.cram');
  const lang = currentId !== null ? content.place(currentId)?.deck.lang : undefined;
  return (
    <section className="practice" aria-labelledby="practice-title">
      <h1 id="practice-title" className="screen-title">
        {title}
      </h1>
      <p className="practice-set">{setName(translator, spec, content, interviewName)}</p>
      {mode === 'drill' ? (
        <p className="practice-note">{t('practice.drill.note')}</p>
      ) : (
        <label className="practice-toggle">
          <input
            type="checkbox"
            checked={countAsReviews}
            onChange={(e) => setCountAsReviews(e.target.checked)}
          />
          <span>
            {t('practice.countAsReviews')}
            <span className="practice-note"> · {t('practice.countAsReviews.help')}</span>
          </span>
        </label>
      )}
      {ids === null ? (
        <p role="status">{t('practice.loading')}</p>
      ) : ids.length === 0 ? (
        <div className="practice-empty">
          <p>{t(spec.kind === 'starred' ? 'practice.empty.starred' : 'practice.empty')}</p>
          <PracticeLinks fromInterview={spec.kind === 'interview'} />
        </div>
      ) : index >= ids.length ? (
        <PracticeSummary tally={tally}>
          <PracticeLinks fromInterview={spec.kind === 'interview'} />
        </PracticeSummary>
      ) : (
        <>
          <p className="practice-progress">
            <span aria-hidden="true">
              {t('practice.progress', { n: index + 1, total: ids.length })}
            </span>
            <span className="visually-hidden">
              {t('practice.progressLabel', { n: index + 1, total: ids.length })}
            </span>
            <span className={countsNow ? 'practice-kind is-review' : 'practice-kind'}>
              {t(countsNow ? 'practice.kind.review' : 'practice.kind.practice')}
            </span>
          </p>
          {card ? (
            <article className="card practice-card" aria-labelledby="practice-question">
              <p className="card-meta" lang={lang}>
                {content.place(card.id)?.deck.title ?? card.deck}
                {card.number !== undefined ? ` · Q${card.number}` : ''}
              </p>
              <div
                id="practice-question"
                className="card-question prose"
                lang={lang}
                ref={focusableScrollBoxes}
                // Rendered at build time from our own content: safe to insert.
                dangerouslySetInnerHTML={{ __html: card.questionHtml }}
              />
              {revealed && (
                <div className="practice-answer" aria-label={t('review.answer')}>
                  <div
                    className="prose"
                    lang={lang}
                    ref={focusableScrollBoxes}
                    dangerouslySetInnerHTML={{ __html: card.answerHtml }}
                  />
                  <CardSources sources={card.sources} title={t('review.sources')} />
                </div>
              )}
            </article>
          ) : (
            <p className="card card-loading" role="status">
              {t('review.loading')}
            </p>
          )}
          <div className="practice-actions">
            {!revealed ? (
              <button type="button" className="btn btn-primary" onClick={reveal} disabled={!card}>
                {t('review.showAnswer')}
                <kbd className="key-hint" aria-hidden="true">
                  {t('review.key.space')}
                </kbd>
              </button>
            ) : (
              <div className="grades" role="group" aria-label={t('review.grades')}>
                {GRADES.map((g, i) => (
                  <button
                    key={g}
                    type="button"
                    className={`btn btn-grade grade-${g}`}
                    disabled={!canGrade}
                    onClick={() => grade(g)}
                  >
                    <span className="grade-name">{t(GRADE_KEYS[g])}</span>
                    <kbd className="key-hint" aria-hidden="true">
                      {i + 1}
                    </kbd>
                  </button>
                ))}
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function PracticeLinks({ fromInterview }: { fromInterview: boolean }) {
  const { t } = useScreenT();
  return (
    <div className="practice-links">
      <a className="btn" href={hrefFor(fromInterview ? 'interview' : 'weak')}>
        {t(fromInterview ? 'practice.backInterview' : 'practice.back')}
      </a>
      <a className="btn" href={hrefFor('practice')}>
        {t('practice.another')}
      </a>
    </div>
  );
}

function setName(
  { t, plural }: Translator,
  spec: PracticeSpec,
  content: DeckContent,
  interviewName: string | undefined,
): string {
  switch (spec.kind) {
    case 'weak':
      return t('practice.set.weak');
    case 'starred':
      return t('practice.set.starred');
    case 'deck':
      return t('practice.set.deck', {
        name: content.decks.find((d) => d.slug === spec.slug)?.title ?? spec.slug,
      });
    case 'tag':
      return t('practice.set.tag', { name: spec.tag });
    case 'random':
      return plural('practice.set.random', spec.count);
    case 'interview':
      return t('practice.set.interview', { name: interviewName ?? spec.id });
  }
}
