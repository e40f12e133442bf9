// Today's slice of the interview plan, loaded on demand: only a learner with an interview ahead
// downloads the plan's arithmetic (the first screen carries none of it).
import { loadInterviewCards } from '../../content/interviewCards.ts';
import type { DeckContent } from '../../content/deckContent.ts';
import type { SchedulerSettings } from '../../scheduler/settings.ts';
import type { Interview } from '../../store/persisted.ts';
import { planOptionsFrom } from '../../study/interviewCards.ts';
import { planInterviews } from '../../study/plan.ts';
import type { FlagsById, ProgressById } from '../../study/types.ts';

/** The card ids the plan puts on today's study day, in its order. */
export async function todaysPlannedIds(
  content: DeckContent,
  upcoming: readonly Interview[],
  progress: ProgressById,
  flags: FlagsById,
  settings: SchedulerSettings,
  now: number,
): Promise<string[]> {
  const cards = await loadInterviewCards(content, upcoming);
  const plan = planInterviews(
    upcoming.map((i) => ({ id: i.id, at: i.at, cardIds: cards.get(i.id) ?? [] })),
    progress,
    flags,
    planOptionsFrom(settings, now),
  );
  return plan.days.find((d) => d.day === plan.firstDay)?.cardIds ?? [];
}
