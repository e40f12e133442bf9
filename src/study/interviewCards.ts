// Which cards an interview covers: its decks (none chosen: every deck) narrowed to its tags (none
// chosen: any). Pure; shared by the interview screen, the review queue's plan, cram and mock
// interviews.
//
// Card tags live in the card bodies, which arrive a chunk at a time: a tag scope needs the bodies
// of its decks first (`needsCardTags`). Per-card tags in the deck index (what every first visit
// downloads) were measured: 773 bytes, 219 gzipped, for the 50 seed cards, growing with every card
// — too much for a first download at its budget when only a tag-scoped interview uses them.
import type { DeckIndex } from '../deck/types.ts';
import type { SchedulerSettings } from '../scheduler/settings.ts';
import type { PlanOptions } from './plan.ts';

/** The plan's options from the learner's settings at `now`. */
export function planOptionsFrom(settings: SchedulerSettings, now: number): PlanOptions {
  return {
    now,
    rolloverHour: settings.dayRolloverHour,
    dailyLimit: settings.planDailyLimit,
    learningSteps: settings.learningSteps,
    target: settings.readinessTarget,
  };
}

export interface InterviewScope {
  /** Deck slugs; empty: every deck. */
  decks: readonly string[];
  /** Card tags (a card's tags include its deck's); empty: any. */
  tags: readonly string[];
}

/** Tags of a card whose body has arrived; undefined while it has not. */
export type TagsOf = (cardId: string) => readonly string[] | undefined;

/** The decks an interview covers, in content order (unknown slugs are ignored). */
export function scopeDecks(
  scope: { scope: InterviewScope },
  decks: readonly DeckIndex[],
): DeckIndex[] {
  const wanted = scope.scope.decks;
  return wanted.length === 0 ? [...decks] : decks.filter((d) => wanted.includes(d.slug));
}

/** Whether the interview's cards can be told only from the card bodies (a tag scope). */
export function needsCardTags(interview: { scope: InterviewScope }): boolean {
  return interview.scope.tags.length > 0;
}

/**
 * The interview's card ids in content order. With a tag scope, a card counts if any of its tags
 * (or, body not yet here, its deck's tags) is chosen: load the bodies first for an exact answer.
 */
export function interviewCardIds(
  interview: { scope: InterviewScope },
  decks: readonly DeckIndex[],
  tagsOf: TagsOf,
): string[] {
  const tags = interview.scope.tags;
  const out: string[] = [];
  for (const deck of scopeDecks(interview, decks)) {
    if (tags.length === 0 || deck.tags.some((t) => tags.includes(t))) {
      out.push(...deck.ids);
      continue;
    }
    for (const id of deck.ids) {
      if (tagsOf(id)?.some((t) => tags.includes(t))) out.push(id);
    }
  }
  return out;
}
