// "Show answer", made instant. The answer, the grade buttons and "Show answer" itself are in the
// page from the start; revealing writes their `hidden` at once, and React catches up (the swipe
// hint, focus) after that frame is painted. Whether the answer is shown is one fact: the id of
// the card whose answer the learner has in front of them. It belongs to that card, so when the
// card on screen changes for any reason (a grade, an undo, another tab's grade of this very
// card), the new card's answer starts hidden and no grade can land on an answer never seen.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Card } from '../../deck/types.ts';
import { now as clockNow } from '../../platform/clock.ts';
import { takeEarlyReveal } from '../../platform/earlyInput.ts';
import { afterNextPaint, whenIdle } from '../../platform/frame.ts';

export interface Reveal {
  cardRef: RefObject<HTMLElement | null>;
  answerRef: RefObject<HTMLDivElement | null>;
  revealButtonRef: RefObject<HTMLButtonElement | null>;
  gradesRef: RefObject<HTMLDivElement | null>;
  /** The drawn card's id if its answer is shown now, else null (grades read this). */
  shownCardId: () => string | null;
  /** Whether the drawn card's answer is shown now (keys and swipes read this). */
  isShown: () => boolean;
  /** isShown() as React last rendered it: at most one painted frame behind. */
  shown: boolean;
  /**
   * When the drawn card's question was put in front of the learner (null: no card drawn): the
   * answer time of a grade is counted from here.
   */
  questionShownAt: () => number | null;
  reveal: () => void;
  hide: () => void;
}

/** Sets `hidden` only when it changes (the answer of a long card is costly to restyle). */
function setHidden(element: HTMLElement | null, hidden: boolean): void {
  if (element && element.hidden !== hidden) element.hidden = hidden;
}

export function useReveal(
  card: Card | undefined,
  currentId: string | null,
  onShown: () => void,
): Reveal {
  const drawn = card?.id ?? null;
  // The one source of truth: the card whose answer is shown (null: none). `drawnId` is the card
  // of the last commit, so that handlers between renders compare against what is on screen.
  const shownId = useRef<string | null>(null);
  const drawnId = useRef<string | null>(null);
  const shownCardId = () => (shownId.current === drawnId.current ? shownId.current : null);
  // Stamped in the commit that draws a new card (its frame is painted next) and again when the
  // answer is hidden, since a grade or an undo may put the same card's question back. A ref, not
  // state: timing a card costs no render.
  const questionAt = useRef<number | null>(null);
  const isShown = () => shownCardId() !== null;

  // React's copy, for what React draws: reset with the card while rendering (not an effect
  // later), so a new card is never drawn with the last card's answer state.
  const [rendered, setRendered] = useState({ drawn, shownId: null as string | null });
  if (rendered.drawn !== drawn) setRendered({ drawn, shownId: null });
  const shown = rendered.shownId !== null && rendered.shownId === drawn;

  const cardRef = useRef<HTMLElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const revealButtonRef = useRef<HTMLButtonElement>(null);
  const gradesRef = useRef<HTMLDivElement>(null);
  // React draws these as for a hidden answer when it creates them; from then on this is the
  // only writer of their `hidden`.
  const applyToPage = () => {
    const on = isShown();
    setHidden(answerRef.current, !on);
    setHidden(revealButtonRef.current, on);
    setHidden(gradesRef.current, !on);
  };

  const catchUp = useRef<(() => void) | null>(null);
  useEffect(() => () => catchUp.current?.(), []);
  const tellReact = (id: string | null) => {
    catchUp.current?.();
    catchUp.current = null;
    setRendered((r) => (r.shownId === id ? r : { drawn: r.drawn, shownId: id }));
  };

  // "Show answer" while the card is still arriving (its chunk downloading) is kept, and done
  // when it is drawn, before that frame is painted.
  const revealWhenDrawn = useRef<string | null>(null);
  const reveal = () => {
    // What is on screen, as of the last commit (a handler may come from the render before).
    const id = drawnId.current;
    if (id === null) {
      revealWhenDrawn.current = currentId;
      return;
    }
    if (isShown()) return;
    shownId.current = id;
    onShown();
    applyToPage();
    catchUp.current?.();
    catchUp.current = afterNextPaint(() => {
      catchUp.current = null;
      if (isShown()) tellReact(shownId.current);
    });
  };
  const hide = () => {
    shownId.current = null;
    questionAt.current = drawnId.current === null ? null : clockNow();
    revealWhenDrawn.current = null;
    applyToPage();
    tellReact(null);
  };

  // After every commit: a changed card forgets the last card's answer, and the page follows.
  useLayoutEffect(() => {
    if (drawnId.current !== drawn) questionAt.current = drawn === null ? null : clockNow();
    drawnId.current = drawn;
    if (shownId.current !== drawn) shownId.current = null;
    if (revealWhenDrawn.current !== null && revealWhenDrawn.current !== currentId) {
      revealWhenDrawn.current = null;
    }
    // A press of "Show answer" made before the app listened counts for the card drawn then.
    if (drawn !== null && takeEarlyReveal(drawn)) revealWhenDrawn.current = drawn;
    if (drawn !== null && revealWhenDrawn.current === drawn) {
      revealWhenDrawn.current = null;
      reveal();
    } else {
      applyToPage();
    }
  });

  // Once the question is painted and the page is idle, its hidden answer is laid out
  // (review.css, data-prepared): for a long answer full of math that is a long task, which
  // should not hold up whatever the learner does first.
  useLayoutEffect(() => {
    const answer = answerRef.current;
    if (!answer) return;
    return whenIdle(() => answer.setAttribute('data-prepared', ''));
  }, [card]);

  useFocusOnChange(currentId, shown, cardRef, answerRef);

  return {
    cardRef,
    answerRef,
    revealButtonRef,
    gradesRef,
    shownCardId,
    isShown,
    shown,
    questionShownAt: () => questionAt.current,
    reveal,
    hide,
  };
}

/**
 * Keeps keyboard and screen-reader focus on the card as it changes (the answer once shown):
 * once the change is painted, since focusing forces a layout that would otherwise hold the
 * paint back. Only on a change: not on mount, nor when StrictMode runs the effect again.
 */
function useFocusOnChange(
  currentId: string | null,
  shown: boolean,
  cardRef: RefObject<HTMLElement | null>,
  answerRef: RefObject<HTMLElement | null>,
): void {
  const focusedFor = useRef({ currentId, shown });
  useLayoutEffect(() => {
    const last = focusedFor.current;
    if (last.currentId === currentId && last.shown === shown) return;
    focusedFor.current = { currentId, shown };
    const target = shown ? answerRef.current : cardRef.current;
    return afterNextPaint(() => target?.focus({ preventScroll: true }));
  }, [currentId, shown, cardRef, answerRef]);
}
