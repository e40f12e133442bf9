// What the interview screen draws: each interview's cards, readiness and the shared plan,
// recomputed from progress; past interviews get their readiness recorded the first time they are
// seen past (it never changes afterwards), from the reviews made before each one only.
import { useEffect, useState } from 'react';
import type { DeckContent } from '../../content/deckContent.ts';
import { loadInterviewCards } from '../../content/interviewCards.ts';
import { useProgress, useProgressStore } from '../../store/context.tsx';
import { listInterviews } from '../../store/interviewActions.ts';
import type { Interview } from '../../store/persisted.ts';
import { planOptionsFrom } from '../../study/interviewCards.ts';
import { planInterviews, type StudyPlan } from '../../study/plan.ts';
import { readinessAt, readinessBefore, type CardRecall } from '../../study/readiness.ts';

export interface Outlook {
  plan: StudyPlan;
  /** Cards below target at each upcoming interview, weakest first. */
  below: Map<string, CardRecall[]>;
  cards: Map<string, string[]>;
}

export function useInterviewOutlook(
  content: DeckContent,
  now: number,
): { interviews: Interview[]; outlook: Outlook | null; error: boolean } {
  const records = useProgress((s) => s.interviews);
  const progress = useProgress((s) => s.progress);
  const flags = useProgress((s) => s.flags);
  const settings = useProgress((s) => s.settings);
  const store = useProgressStore();
  const [result, setResult] = useState<{ outlook: Outlook | null; error: boolean }>({
    outlook: null,
    error: false,
  });
  const interviews = listInterviews(records);

  useEffect(() => {
    let current = true;
    const all = listInterviews(records);
    const unrecorded = all.filter((i) => i.at <= now && i.readinessAtPast === undefined);
    // The whole log, only when a past interview's readiness is still to be recorded.
    const log = unrecorded.length > 0 ? store.reviewLog() : Promise.resolve([]);
    Promise.all([loadInterviewCards(content, all), log]).then(
      ([cards, reviews]) => {
        if (!current) return;
        const options = {
          rolloverHour: settings.dayRolloverHour,
          target: settings.readinessTarget,
        };
        // Readiness a past interview had, recorded once (the first time it is seen past).
        for (const i of unrecorded) {
          const r = readinessBefore(cards.get(i.id) ?? [], progress, reviews, {
            ...options,
            at: i.at,
          });
          if (r !== null) store.getState().updateInterview(i.id, { readinessAtPast: r });
        }
        const upcoming = all.filter((i) => i.at > now);
        const plan = planInterviews(
          upcoming.map((i) => ({ id: i.id, at: i.at, cardIds: cards.get(i.id) ?? [] })),
          progress,
          flags,
          planOptionsFrom(settings, now),
        );
        const below = new Map(
          upcoming.map((i) => [
            i.id,
            readinessAt(cards.get(i.id) ?? [], progress, { ...options, at: i.at }).below,
          ]),
        );
        setResult({ outlook: { plan, below, cards }, error: false });
      },
      () => {
        if (current) setResult((r) => ({ ...r, error: true }));
      },
    );
    return () => {
      current = false;
    };
  }, [content, records, progress, flags, settings, now, store]);

  return { interviews, ...result };
}
