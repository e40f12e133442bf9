// A modal dialog on the native <dialog>: the browser traps focus, makes the page behind inert,
// closes on Escape and gives focus back when it closes; keys typed in it go no further (see
// onKeyDown). `open` is controlled by the parent.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import './dialog.css';

export interface ModalDialogProps {
  open: boolean;
  /** Called when the user dismisses the dialog (Escape); the parent then sets `open` false. */
  onDismiss: () => void;
  labelledBy: string;
  describedBy?: string;
  /** Focused when the dialog opens (else the browser picks its first focusable element). */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}

export function ModalDialog({
  open,
  onDismiss,
  labelledBy,
  describedBy,
  initialFocus,
  className,
  role,
  children,
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement;
      // Browsers without showModal (and jsdom) get a plain open dialog.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      initialFocus?.current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      // Browsers give focus back on close; without showModal, do it here.
      if (dialog.contains(document.activeElement)) {
        const back = returnFocus.current;
        if (back instanceof HTMLElement && back.isConnected) back.focus();
        if (dialog.contains(document.activeElement)) (document.activeElement as HTMLElement).blur();
      }
    }
  }, [open, initialFocus]);

  // Removed while open (the parent unmounts it instead of closing it): the browser gives focus
  // back only on close, so do it here, or focus falls to <body>.
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      // Still in the page: not removed (React's strict mode only simulating an unmount).
      if (!dialog?.open || dialog.isConnected) return;
      const active = document.activeElement;
      if (active !== null && active !== document.body && !dialog.contains(active)) return;
      const back = returnFocus.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      // A closed dialog is hidden anyway; saying so keeps it out of jsdom's accessibility tree.
      hidden={!open}
      className={`dialog${className ? ` ${className}` : ''}`}
      role={role}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        // React passes a nested dialog's cancel (a confirmation inside this one) up the
        // component tree: Escape there closes that dialog only.
        if (event.target !== event.currentTarget) return;
        // Escape: let the parent close it, so `open` stays the one source of truth.
        event.preventDefault();
        onDismiss();
      }}
      onKeyDown={(event) => {
        // Keys typed in the dialog are the dialog's: no shortcut of the page behind it (Space
        // to show an answer, 1-4 to grade) hears them. (Tab, Escape and Enter still do their
        // native work: only the event's way up the page stops here.)
        event.stopPropagation();
        if (event.key === 'Escape' && typeof ref.current?.showModal !== 'function') onDismiss();
      }}
    >
      {children}
    </dialog>
  );
}
