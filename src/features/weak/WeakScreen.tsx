// Weak: every reviewed card, weakest first (src/study/weak.ts rankWeak over the whole review
// log), each with its reasons in words and a Star / Unstar button; "Drill weak" and "Cram" start
// practice sessions. Rows are drawn a page at a time, and only their card bodies are fetched.
import { useEffect, useMemo, useState } from 'react';
import { loadMathStyles } from '../../components/mathStyles.ts';
import { StarButton } from '../../components/cardParts.tsx';
import { useCard, type DeckContent } from '../../content/deckContent.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import type { Translator } from '../../i18n/translate.ts';
import { hrefFor, hrefWith } from '../../navigation/routes.ts';
import { now as clockNow } from '../../platform/clock.ts';
import { useProgress, useReviewLog } from '../../store/context.tsx';
import { rankWeak, type WeakCard, type WeakReason } from '../../study/weak.ts';
import './weak.css';

/** Rows drawn at first and added by each "Show more". */
export const WEAK_PAGE = 50;

export interface WeakScreenProps {
  content: DeckContent;
}

export function WeakScreen({ content }: WeakScreenProps) {
  const { t, plural } = useScreenT();
  const log = useReviewLog();
  const progress = useProgress((s) => s.progress);
  const flags = useProgress((s) => s.flags);
  const settings = useProgress((s) => s.settings);
  // Read once: the ranking is for the moment the screen was opened (recall "today").
  const [now] = useState(clockNow);
  const [shown, setShown] = useState(WEAK_PAGE);

  const ranking = useMemo(() => {
    if (log === null) return null;
    const ranked = rankWeak(progress, log, flags, {
      now,
      rolloverHour: settings.dayRolloverHour,
      leechThreshold: settings.leechThreshold,
    });
    // Progress of cards no longer in the content (orphans) has nothing to show.
    return ranked.filter((c) => content.place(c.cardId) !== undefined);
  }, [log, progress, flags, now, settings.dayRolloverHour, settings.leechThreshold, content]);

  const visible = useMemo(() => ranking?.slice(0, shown) ?? [], [ranking, shown]);
  useEffect(() => {
    if (visible.length === 0) return;
    const ids = visible.map((c) => c.cardId);
    content.load(ids).then(
      () => {
        if (ids.some((id) => content.card(id)?.hasMath)) void loadMathStyles();
      },
      () => {
        // Offline before the chunk was cached: the row says its question is loading.
      },
    );
  }, [content, visible]);

  return (
    <section className="weak" aria-labelledby="weak-title">
      <h1 id="weak-title" className="screen-title">
        {t('weak.title')}
      </h1>
      {ranking === null ? (
        <p role="status">{t('weak.loading')}</p>
      ) : ranking.length === 0 ? (
        <div className="weak-empty">
          <h2>{t('weak.empty.title')}</h2>
          <p>{t('weak.empty.text')}</p>
          <a className="btn btn-primary" href={hrefFor('review')}>
            {t('weak.empty.reviewLink')}
          </a>
        </div>
      ) : (
        <>
          <p className="weak-intro">{t('weak.intro')}</p>
          <div className="weak-actions">
            <a className="btn btn-primary" href={hrefWith('practice', 'weak')}>
              {t('weak.drill')}
            </a>
            <a className="btn" href={hrefFor('practice')}>
              {t('weak.cram')}
            </a>
            <p className="weak-help">{t('weak.drill.help')}</p>
          </div>
          <p className="weak-summary">
            {plural('weak.summary', ranking.length, {
              leeches: ranking.filter((c) => c.leech).length,
            })}
          </p>
          <ol className="weak-list">
            {visible.map((c, i) => (
              <WeakRow key={c.cardId} content={content} weak={c} rank={i + 1} />
            ))}
          </ol>
          {shown < ranking.length && (
            <button type="button" className="btn" onClick={() => setShown((n) => n + WEAK_PAGE)}>
              {t('weak.showMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function WeakRow({ content, weak, rank }: { content: DeckContent; weak: WeakCard; rank: number }) {
  const translator = useScreenT();
  const { t } = translator;
  const card = useCard(content, weak.cardId);
  const place = content.place(weak.cardId);
  const setStarred = useProgress((s) => s.setStarred);
  const lang = place?.deck.lang;
  const questionId = `weak-q-${rank}`;
  return (
    <li className={weak.leech ? 'weak-row is-leech' : 'weak-row'} aria-labelledby={questionId}>
      <div className="weak-row-head">
        <span className="weak-rank">{t('weak.rank', { rank })}</span>
        <span className="weak-deck" lang={lang}>
          {place?.deck.title}
          {card?.number !== undefined ? ` · Q${card.number}` : ''}
        </span>
        <StarButton
          starred={weak.starred}
          labels={[t('weak.star'), t('weak.unstar')]}
          onToggle={() => setStarred(weak.cardId, !weak.starred)}
        />
      </div>
      {card ? (
        <div
          id={questionId}
          className="weak-question prose"
          lang={lang}
          // Rendered at build time from our own content: safe to insert.
          dangerouslySetInnerHTML={{ __html: card.questionHtml }}
        />
      ) : (
        <p id={questionId} className="weak-question weak-question-loading">
          {t('weak.question.loading')}
        </p>
      )}
      <ul className="weak-reasons">
        {weak.reasons.length === 0 && <li>{t('weak.reason.none')}</li>}
        {weak.reasons.map((r) => (
          <li key={r.kind} className={`weak-reason reason-${r.kind}`}>
            {reasonText(translator, r)}
          </li>
        ))}
        {weak.suspended && <li className="weak-reason reason-suspended">{t('weak.suspended')}</li>}
      </ul>
    </li>
  );
}

/** One reason in words, in the interface language. */
export function reasonText({ t, plural, number }: Translator, reason: WeakReason): string {
  switch (reason.kind) {
    case 'lapses':
      return plural('weak.reason.lapses', reason.count);
    case 'recentMisses':
      return plural('weak.reason.recentMisses', reason.of, {
        again: reason.again,
        hard: reason.hard,
      });
    case 'difficulty':
      return t('weak.reason.difficulty', {
        value: number(reason.value, { maximumFractionDigits: 1 }),
      });
    case 'recall':
      return t('weak.reason.recall', {
        percent: number(reason.value, { style: 'percent', maximumFractionDigits: 0 }),
      });
    case 'starred':
      return t('weak.reason.starred');
    case 'leech':
      return t('weak.reason.leech');
  }
}
