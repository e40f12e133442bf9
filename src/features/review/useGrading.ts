// Grading and undo. When the card after this one can be told without grading
// (nextAfterGrading), a grade shows it at once and is recorded once that frame is painted:
// recording (the scheduler, the store's new state, the save) then holds back nothing the learner
// is waiting to see. Until then it waits here, and is recorded at once if anything else comes
// first: another grade, an undo, the page being hidden or left, this screen closing
// (flushPending, which the screen wires to usePageLeave).
import { useCallback, useRef, useState } from 'react';
import type { CardPlace } from '../../content/deckContent.ts';
import type { Card } from '../../deck/types.ts';
import { now as clockNow } from '../../platform/clock.ts';
import { afterNextPaint } from '../../platform/frame.ts';
import type { Grade } from '../../scheduler/progress.ts';
import { nextAfterGrading } from '../../scheduler/queue.ts';
import { useProgress, useProgressStore } from '../../store/context.tsx';
import type { UndoEntry } from '../../store/progressStore.ts';
import type { Engine, IntervalPreviews } from './useIntervalPreviews.ts';
import type { Reveal } from './useReveal.ts';
import type { StudyQueue } from './useStudyQueue.ts';

/** What the last action did, said once under the card (and to screen readers). */
export type Feedback =
  { kind: 'graded'; grade: Grade; intervalMs: number } | { kind: 'undone' } | null;

/** A grade shown but not yet recorded. */
interface PendingGrade {
  record: () => void;
  /** Cancels the recording planned for after the paint. */
  cancel: () => void;
}

export interface GradingInput {
  card: Card | undefined;
  place: CardPlace | undefined;
  session: Pick<StudyQueue, 'queue' | 'currentId' | 'pin' | 'setNow'>;
  previews: IntervalPreviews | null;
  engine: Engine | null;
  reveal: Pick<Reveal, 'shownCardId' | 'hide' | 'questionShownAt'>;
}

export interface Grading {
  grade: (grade: Grade) => void;
  undo: () => void;
  canUndo: boolean;
  feedback: Feedback;
  /** Records a grade shown but not yet recorded, if there is one, now; true if there was. Stable. */
  flushPending: () => boolean;
}

export function useGrading({
  card,
  place,
  session,
  previews,
  engine,
  reveal,
}: GradingInput): Grading {
  const store = useProgressStore();
  const hasUndo = useProgress((s) => isReviewGrade(s.undoStack.at(-1)));
  const [feedback, setFeedback] = useState<Feedback>(null);
  // A grade is shown and about to be recorded: it can be undone already.
  const [gradeShown, setGradeShown] = useState(false);
  const pending = useRef<PendingGrade | null>(null);
  const flushPending = useCallback(() => {
    const waiting = pending.current;
    if (!waiting) return false;
    pending.current = null;
    waiting.cancel();
    waiting.record();
    return true;
  }, []);
  const { queue, currentId, pin, setNow } = session;

  const grade = (g: Grade) => {
    // Only the card whose answer is in front of the learner; without the scheduler (still
    // arriving) there is nothing to grade with yet.
    if (!card || reveal.shownCardId() !== card.id || !engine) return;
    flushPending();
    // Read before the page changes below: reading it after would force a layout first.
    const scrolled = window.scrollY > 0;
    const t0 = clockNow();
    // From the question shown to this grade (the store caps it at 60 s, as Anki does).
    const questionAt = reveal.questionShownAt();
    const answerMs = questionAt === null ? null : Math.max(0, t0 - questionAt);
    reveal.hide();
    // Also remembered: where this card sits, to recognise it after its question is edited.
    const where = place && {
      id: card.id,
      file: place.deck.file,
      index: place.index,
      text: card.questionText,
    };
    const preview = previews?.[g];
    const next =
      preview && currentId === queue.next
        ? nextAfterGrading(queue, t0, { state: preview.state, due: t0 + preview.intervalMs })
        : null;
    const record = () => {
      store.getState().rate(card.id, g, t0, { seenAt: where, answerMs });
      // What the grade scheduled, as the button said it would: its due time less the review's.
      const graded = store.getState().progress[card.id];
      const intervalMs = graded ? Math.max(graded.due - (graded.lastReview ?? t0), 0) : 0;
      // (The queue now offers `next` itself.)
      pin(null);
      setGradeShown(false);
      setNow(t0);
      setFeedback({ kind: 'graded', grade: g, intervalMs });
    };
    if (next !== null) {
      pin(next);
      setGradeShown(true);
      pending.current = { record, cancel: afterNextPaint(flushPending) };
    } else {
      record();
    }
    // A new card starts at its top, not wherever the last long answer was scrolled to.
    if (scrolled) window.scrollTo({ top: 0 });
  };

  const undo = () => {
    flushPending();
    if (!isReviewGrade(store.getState().undoStack.at(-1))) return;
    const restored = store.getState().undo();
    if (restored === null) return;
    reveal.hide();
    pin(restored);
    setNow();
    setFeedback({ kind: 'undone' });
  };

  return { grade, undo, canUndo: hasUndo || gradeShown, feedback, flushPending };
}

/**
 * Whether undo here would take back a review grade. The store's undo takes back its last change,
 * which may be a cram grade or a card reset made on another screen: undone from here, that card
 * would be put on screen, and graded, when it is not due.
 */
function isReviewGrade(last: UndoEntry | undefined): boolean {
  return last !== undefined && last.log !== null && last.log.kind !== 'practice';
}
