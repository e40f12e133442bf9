// The interval each grade would give, for the grade buttons: worked out once the card is painted
// (scheduling four outcomes would hold the next card back), and used only for the card,
// progress, time and settings it was worked out for.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { afterNextPaint } from '../../platform/frame.ts';
import type { SchedulerEngine } from '../../scheduler/engine.ts';
import { newProgress, type CardProgress, type Grade } from '../../scheduler/progress.ts';
import type { IntervalPreview } from '../../scheduler/rate.ts';
import type { SchedulerSettings } from '../../scheduler/settings.ts';
import { useProgressStore } from '../../store/context.tsx';

export type Engine = SchedulerEngine;
export type IntervalPreviews = Record<Grade, IntervalPreview>;

interface Previewed {
  id: string;
  progress: CardProgress | undefined;
  now: number;
  settings: SchedulerSettings;
  intervals: IntervalPreviews;
}

const noEngine = () => null;

/**
 * The store's scheduler, once it has arrived (it loads beside the first screen; see main.tsx).
 * (Not while hydrating the page's built-in first screen, which was drawn without it.)
 */
export function useEngine(): Engine | null {
  const store = useProgressStore();
  return useSyncExternalStore(store.onEngine, store.engine, noEngine);
}

export function useIntervalPreviews(input: {
  engine: Engine | null;
  cardId: string | null;
  progress: CardProgress | undefined;
  now: number;
  settings: SchedulerSettings;
}): IntervalPreviews | null {
  const { engine, cardId, progress, now, settings } = input;
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  useEffect(() => {
    if (!engine || cardId === null) return;
    return afterNextPaint(() => {
      const intervals = engine.previewIntervals(
        cardId,
        progress ?? newProgress(now),
        now,
        settings,
      );
      setPreviewed({ id: cardId, progress, now, settings, intervals });
    });
  }, [engine, cardId, progress, now, settings]);
  return previewed &&
    previewed.id === cardId &&
    previewed.progress === progress &&
    previewed.now === now &&
    previewed.settings === settings
    ? previewed.intervals
    : null;
}
