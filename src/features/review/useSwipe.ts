// Swiping the review card on a touch screen (pointer events, no library):
//
// - answer hidden: a sideways swipe, either way, shows the answer;
// - answer shown: swipe right (→) grades Good, swipe left (←) grades Again.
//
// Right is "Good" because it is the forward, confident gesture and Good is the usual grade;
// Hard and Easy stay on the buttons, where a deliberate tap chooses them. Undo stays available.
//
// Only horizontal gestures count: the card has `touch-action: pan-y`, so vertical movement
// scrolls a long answer as usual (the browser cancels our pointer), and a gesture counts as a
// swipe only once it has moved 10px, mostly sideways. It takes a quarter of the card's width
// (64–120px), or a quick flick of 40px, to act. Mouse drags are ignored (they select text), as
// are gestures that start on a link, a button or a box that scrolls sideways (long formulas,
// code). While dragging, the card follows the finger and a badge names what letting go will do;
// the feedback is written straight to the element's style, so a drag does not re-render React.
import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';

export type SwipeAction = 'reveal' | 'good' | 'again';

export const SWIPE = {
  /** Movement before a gesture is judged horizontal or vertical. */
  lockDistance: 10,
  /** Horizontal must beat vertical by this factor to be a swipe. */
  horizontalBias: 1.2,
  widthFraction: 0.25,
  minDistance: 64,
  maxDistance: 120,
  flickDistance: 40,
  /** px per ms */
  flickVelocity: 0.6,
} as const;

/** Elements inside the card where a gesture is theirs, not a swipe. */
const OWN_GESTURES =
  'a, button:not(.zoom-trigger), input, select, textarea, summary, pre, .katex-display, .scroll-x';

export function swipeThreshold(width: number): number {
  return Math.min(SWIPE.maxDistance, Math.max(SWIPE.minDistance, width * SWIPE.widthFraction));
}

/** Which way a gesture is going, once it has moved far enough to tell. */
export function axisLock(dx: number, dy: number): 'x' | 'y' | null {
  if (Math.max(Math.abs(dx), Math.abs(dy)) < SWIPE.lockDistance) return null;
  return Math.abs(dx) > Math.abs(dy) * SWIPE.horizontalBias ? 'x' : 'y';
}

/** What letting go now would do, if the swipe were long enough. */
export function swipeIntent(dx: number, revealed: boolean): SwipeAction | null {
  if (dx === 0) return null;
  if (!revealed) return 'reveal';
  return dx > 0 ? 'good' : 'again';
}

/** What a finished horizontal gesture does: null when it was too short and too slow. */
export function swipeOutcome(
  gesture: { dx: number; width: number; elapsedMs: number },
  revealed: boolean,
): SwipeAction | null {
  const distance = Math.abs(gesture.dx);
  const far = distance >= swipeThreshold(gesture.width);
  const flick =
    distance >= SWIPE.flickDistance &&
    distance / Math.max(gesture.elapsedMs, 1) >= SWIPE.flickVelocity;
  return far || flick ? swipeIntent(gesture.dx, revealed) : null;
}

interface Gesture {
  pointerId: number;
  x0: number;
  y0: number;
  t0: number;
  width: number;
  axis: 'x' | 'y' | null;
  dx: number;
}

export interface SwipeHandlers {
  onPointerDown: (event: ReactPointerEvent<HTMLElement>) => void;
  onPointerMove: (event: ReactPointerEvent<HTMLElement>) => void;
  onPointerUp: (event: ReactPointerEvent<HTMLElement>) => void;
  onPointerCancel: (event: ReactPointerEvent<HTMLElement>) => void;
}

function showFeedback(el: HTMLElement, dx: number, intent: SwipeAction | null, width: number) {
  const progress = Math.min(1, Math.abs(dx) / swipeThreshold(width));
  el.dataset.swiping = '';
  el.dataset.swipe = intent ?? '';
  el.toggleAttribute('data-swipe-armed', progress >= 1);
  el.style.setProperty('--swipe-dx', `${dx}px`);
  el.style.setProperty('--swipe-progress', progress.toFixed(3));
}

function clearFeedback(el: HTMLElement, instantly = false) {
  // After a swipe that acted, the card is back in place at once (no spring back).
  if (instantly) el.style.transition = 'none';
  delete el.dataset.swiping;
  delete el.dataset.swipe;
  el.removeAttribute('data-swipe-armed');
  el.style.removeProperty('--swipe-dx');
  el.style.removeProperty('--swipe-progress');
  if (instantly) {
    void el.offsetWidth; // apply the jump before transitions come back
    el.style.removeProperty('transition');
  }
}

export function useSwipe(options: {
  /** Whether the answer is shown, read when a gesture moves (it may change between renders). */
  revealed: () => boolean;
  onSwipe: (action: SwipeAction) => void;
}): SwipeHandlers {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const gesture = useRef<Gesture | null>(null);

  const end = (el: HTMLElement, instantly = false) => {
    gesture.current = null;
    clearFeedback(el, instantly);
  };

  return {
    onPointerDown(event) {
      if (event.pointerType === 'mouse' || !event.isPrimary) return;
      const target = event.target as Element;
      if (target.closest(OWN_GESTURES)) return;
      gesture.current = {
        pointerId: event.pointerId,
        x0: event.clientX,
        y0: event.clientY,
        t0: event.timeStamp,
        width: event.currentTarget.clientWidth,
        axis: null,
        dx: 0,
      };
    },
    onPointerMove(event) {
      const g = gesture.current;
      if (!g || event.pointerId !== g.pointerId) return;
      const el = event.currentTarget;
      const dx = event.clientX - g.x0;
      const dy = event.clientY - g.y0;
      if (g.axis === null) {
        g.axis = axisLock(dx, dy);
        if (g.axis === 'y') {
          end(el);
          return;
        }
        if (g.axis === 'x') el.setPointerCapture?.(event.pointerId);
      }
      if (g.axis !== 'x') return;
      g.dx = dx;
      showFeedback(el, dx, swipeIntent(dx, latest.current.revealed()), g.width);
    },
    onPointerUp(event) {
      const g = gesture.current;
      if (!g || event.pointerId !== g.pointerId) return;
      const el = event.currentTarget;
      const action =
        g.axis === 'x'
          ? swipeOutcome(
              { dx: event.clientX - g.x0, width: g.width, elapsedMs: event.timeStamp - g.t0 },
              latest.current.revealed(),
            )
          : null;
      end(el, action !== null);
      if (action) latest.current.onSwipe(action);
    },
    onPointerCancel(event) {
      if (gesture.current?.pointerId === event.pointerId) end(event.currentTarget);
    },
  };
}
