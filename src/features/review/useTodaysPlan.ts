// The ids an interview plan adds to today's queue: none (and nothing downloaded) unless an
// interview is ahead; then recomputed, off the first screen's code, whenever progress, flags,
// settings or the interviews change. Once the last interview has passed it is empty again.
import { useEffect, useMemo, useState } from 'react';
import type { DeckContent } from '../../content/deckContent.ts';
import { useProgress } from '../../store/context.tsx';
import { listInterviews } from '../../store/interviewActions.ts';

const NONE: readonly string[] = [];

export function useTodaysPlan(content: DeckContent, now: number): readonly string[] {
  const interviews = useProgress((s) => s.interviews);
  const progress = useProgress((s) => s.progress);
  const flags = useProgress((s) => s.flags);
  const settings = useProgress((s) => s.settings);
  const upcoming = useMemo(
    () => listInterviews(interviews).filter((i) => i.at > now),
    [interviews, now],
  );
  const [planned, setPlanned] = useState<readonly string[]>(NONE);
  const ahead = upcoming.length > 0;
  useEffect(() => {
    if (!ahead) return;
    let current = true;
    void import('./todaysPlan.ts')
      .then((m) => m.todaysPlannedIds(content, upcoming, progress, flags, settings, now))
      .then(
        (ids) => {
          if (current) setPlanned(ids);
        },
        // Offline with the plan's code or a card chunk missing: the plain queue goes on.
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [ahead, content, upcoming, progress, flags, settings, now]);
  // A plan computed for older inputs serves until the new one arrives: buildQueue skips cards
  // already studied today, so the card just graded does not come back.
  return ahead ? planned : NONE;
}
