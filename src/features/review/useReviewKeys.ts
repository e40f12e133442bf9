// Keyboard driving for the review screen, like Anki: Space/Enter reveal (and, once revealed, grade
// Good), 1–4 grade, U or Ctrl/Cmd+Z undo, * star or unstar (Anki's "mark"). Keys typed into a field, or Space/Enter on a focused
// button or link (which activate it natively), are left alone.
import { useEffect, useRef } from 'react';
import { isModalDialogOpen } from '../../components/modalOpen.ts';
import { GRADES, type Grade } from '../../scheduler/progress.ts';

export interface ReviewKeyHandlers {
  /** Whether the answer is shown now (a function: it can change before React re-renders). */
  revealed: () => boolean;
  canUndo: boolean;
  onReveal: () => void;
  onGrade: (grade: Grade) => void;
  onUndo: () => void;
  onStar: () => void;
}

export function reviewKeyAction(
  event: Pick<
    KeyboardEvent,
    'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target' | 'repeat'
  >,
  state: { revealed: boolean; canUndo: boolean },
):
  | { kind: 'reveal' }
  | { kind: 'grade'; grade: Grade }
  | { kind: 'undo' }
  | { kind: 'star' }
  | null {
  const target = event.target as Element | null;
  const tag = target?.tagName;
  if (
    tag === 'INPUT' ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    (target as HTMLElement | null)?.isContentEditable
  ) {
    return null;
  }
  if (event.altKey || event.repeat) return null;
  const key = event.key;
  if ((event.ctrlKey || event.metaKey) && !event.shiftKey && key.toLowerCase() === 'z') {
    return state.canUndo ? { kind: 'undo' } : null;
  }
  if (event.ctrlKey || event.metaKey) return null;
  if (key === 'u' || key === 'U') return state.canUndo ? { kind: 'undo' } : null;
  // By the character, not the key: Shift+8 on a US keyboard, elsewhere on others.
  if (key === '*') return { kind: 'star' };
  if (key === ' ' || key === 'Enter') {
    if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return null;
    return state.revealed ? { kind: 'grade', grade: 'good' } : { kind: 'reveal' };
  }
  if (state.revealed && /^[1-4]$/.test(key)) {
    return { kind: 'grade', grade: GRADES[Number(key) - 1]! };
  }
  return null;
}

export function useReviewKeys(handlers: ReviewKeyHandlers): void {
  // Latest handlers in a ref: the listener is attached once, not on every render.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A dialog (the introduction, a confirmation) has the keyboard to itself, also before
      // it is modal (see isModalDialogOpen).
      if (isModalDialogOpen()) return;
      const h = latest.current;
      const action = reviewKeyAction(event, { revealed: h.revealed(), canUndo: h.canUndo });
      if (!action) return;
      event.preventDefault();
      if (action.kind === 'reveal') h.onReveal();
      else if (action.kind === 'grade') h.onGrade(action.grade);
      else if (action.kind === 'star') h.onStar();
      else h.onUndo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
