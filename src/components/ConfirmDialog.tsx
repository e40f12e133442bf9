// A yes/no question on ModalDialog: Cancel is focused first; only the named action goes ahead.
import { useId, useRef, type ReactNode } from 'react';
import { ModalDialog } from './ModalDialog.tsx';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      open={props.open}
      onDismiss={props.onCancel}
      labelledBy={`${id}-title`}
      describedBy={`${id}-body`}
      initialFocus={cancelRef}
      role="alertdialog"
    >
      <h2 id={`${id}-title`}>{props.title}</h2>
      <div id={`${id}-body`} className="confirm-body">
        {props.children}
      </div>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="btn" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
        <button
          type="button"
          className={props.danger ? 'btn btn-danger' : 'btn btn-primary'}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
