// Interviews: add, change and remove them; for each one ahead, a countdown, the readiness now and
// if the plan is followed, the cards below target and the shared plan as cards per day; past
// ones in a history with the readiness they had. Figures come from src/study (pure).
import { useEffect, useState } from 'react';
import type { DeckContent } from '../../content/deckContent.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useScreenT } from '../../i18n/i18n.tsx';
import { now as clockNow } from '../../platform/clock.ts';
import { useProgressStore } from '../../store/context.tsx';
import type { Interview } from '../../store/persisted.ts';
import { InterviewForm } from './InterviewForm.tsx';
import { PlanSettings } from './PlanSettings.tsx';
import { UpcomingInterview, formatWhen } from './UpcomingInterview.tsx';
import { useInterviewOutlook } from './useInterviewOutlook.ts';
import './interview.css';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The clock, moved every minute: enough for a countdown in days, hours and minutes. */
function useMinuteClock(): number {
  const [now, setNow] = useState(clockNow);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(clockNow()), MINUTE_MS);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export function InterviewScreen({ content }: { content: DeckContent }) {
  const { t, number, tag } = useScreenT();
  const store = useProgressStore();
  const now = useMinuteClock();
  const { interviews, outlook, error } = useInterviewOutlook(content, now);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Interview | null>(null);
  const upcoming = interviews.filter((i) => i.at > now);
  const past = interviews.filter((i) => i.at <= now).reverse();
  const percent = (x: number) => number(x, { style: 'percent', maximumFractionDigits: 0 });

  return (
    <section className="interview-screen" aria-labelledby="interview-title">
      <h1 id="interview-title" className="screen-title">
        {t('interview.title')}
      </h1>
      {error && <p role="alert">{t('interview.error.load')}</p>}
      <section aria-labelledby="interview-upcoming">
        <h2 id="interview-upcoming">{t('interview.upcoming')}</h2>
        {upcoming.length === 0 && <p className="interview-empty">{t('interview.empty')}</p>}
        {upcoming.map((i) =>
          editing === i.id ? (
            <InterviewForm
              key={i.id}
              decks={content.decks}
              initial={i}
              defaultAt={i.at}
              now={now}
              onSave={(input) => {
                store.getState().updateInterview(i.id, input);
                setEditing(null);
              }}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <UpcomingInterview
              key={i.id}
              interview={i}
              now={now}
              content={content}
              outlook={outlook}
              onEdit={() => setEditing(i.id)}
              onRemove={() => setRemoving(i)}
            />
          ),
        )}
      </section>
      <section aria-labelledby="interview-add">
        <h2 id="interview-add">{t('interview.new')}</h2>
        <InterviewForm
          decks={content.decks}
          defaultAt={Math.ceil((now + 3 * DAY_MS) / (60 * MINUTE_MS)) * 60 * MINUTE_MS}
          now={now}
          onSave={(input) => store.getState().addInterview(input)}
        />
      </section>
      <PlanSettings />
      {past.length > 0 && (
        <section aria-labelledby="interview-history">
          <h2 id="interview-history">{t('interview.history')}</h2>
          <ul className="interview-history">
            {past.map((i) => (
              <li key={i.id}>
                <span>{i.name}</span>{' '}
                <time dateTime={new Date(i.at).toISOString()}>{formatWhen(i.at, tag)}</time>{' '}
                <span>
                  {i.readinessAtPast === undefined
                    ? ''
                    : t('interview.hadReadiness', { percent: percent(i.readinessAtPast) })}
                </span>{' '}
                <button type="button" className="btn" onClick={() => setRemoving(i)}>
                  {t('interview.remove')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('interview.removeTitle')}
        confirmLabel={t('interview.remove')}
        cancelLabel={t('interview.cancel')}
        danger
        onConfirm={() => {
          if (removing) store.getState().removeInterview(removing.id);
          setRemoving(null);
        }}
        onCancel={() => setRemoving(null)}
      >
        {t('interview.removeBody', { name: removing?.name ?? '' })}
      </ConfirmDialog>
    </section>
  );
}
