// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ConfirmDialog } from '../../src/components/ConfirmDialog.tsx';
import { ModalDialog } from '../../src/components/ModalDialog.tsx';
import { isModalDialogOpen } from '../../src/components/modalOpen.ts';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

describe('a modal dialog holds the keyboard', () => {
  // Issue 12, 15: keys typed in a dialog reached the page's own shortcuts behind it.
  it('keeps every key typed in it from the page behind', () => {
    const heard = vi.fn();
    window.addEventListener('keydown', heard);
    document.addEventListener('keydown', heard);
    try {
      const onCancel = vi.fn();
      render(
        <ConfirmDialog
          open
          title="Reset all progress?"
          confirmLabel="Reset"
          cancelLabel="Cancel"
          onConfirm={() => {}}
          onCancel={onCancel}
        >
          Every review is removed.
        </ConfirmDialog>,
      );
      const cancel = screen.getByRole('button', { name: 'Cancel' });
      expect(document.activeElement).toBe(cancel);
      for (const key of [' ', 'Enter', '1', '3', 'u', 'z', 'Escape'])
        fireEvent.keyDown(cancel, { key });
      expect(heard).not.toHaveBeenCalled();
      // The dialog's own keys still work: Escape dismisses it.
      expect(onCancel).toHaveBeenCalledTimes(1);
    } finally {
      window.removeEventListener('keydown', heard);
      document.removeEventListener('keydown', heard);
    }
  });

  it('lets keys through once it is closed', () => {
    const heard = vi.fn();
    window.addEventListener('keydown', heard);
    try {
      render(
        <ConfirmDialog
          open={false}
          title="Reset all progress?"
          confirmLabel="Reset"
          cancelLabel="Cancel"
          onConfirm={() => {}}
          onCancel={() => {}}
        >
          Every review is removed.
        </ConfirmDialog>,
      );
      fireEvent.keyDown(document.body, { key: ' ' });
      expect(heard).toHaveBeenCalledTimes(1);
      expect(isModalDialogOpen()).toBe(false);
    } finally {
      window.removeEventListener('keydown', heard);
    }
  });
});

describe('a modal dialog closes itself alone', () => {
  it('leaves the dialog around it open when Escape closes it', () => {
    const outer = vi.fn();
    const inner = vi.fn();
    render(
      <ModalDialog open onDismiss={outer} labelledBy="outer">
        <h2 id="outer">Card</h2>
        <ConfirmDialog
          open
          title="Reset this card?"
          confirmLabel="Reset"
          cancelLabel="Cancel"
          onConfirm={() => {}}
          onCancel={inner}
        >
          Its schedule is forgotten.
        </ConfirmDialog>
      </ModalDialog>,
    );
    // Escape in a modal dialog is the browser's cancel event, sent to that dialog only; React
    // would hand it to the dialogs around it too.
    fireEvent(screen.getByRole('alertdialog'), new Event('cancel', { cancelable: true }));
    expect(inner).toHaveBeenCalledTimes(1);
    expect(outer).not.toHaveBeenCalled();
  });

  it('gives focus back when it is removed while open, not only when closed', () => {
    document.body.innerHTML = '<button id="opener">Picture</button>';
    const opener = document.getElementById('opener')!;
    opener.focus();
    const { unmount } = render(
      <ModalDialog open onDismiss={() => {}} labelledBy="zoom">
        <h2 id="zoom">Picture</h2>
        <button>Close</button>
      </ModalDialog>,
    );
    screen.getByRole('button', { name: 'Close' }).focus();
    unmount();
    expect(document.activeElement).toBe(opener);
  });
});

describe('isModalDialogOpen', () => {
  const dialog = (attributes: string) => {
    document.body.innerHTML = `<main><p>Card</p></main><dialog class="dialog" ${attributes}><button>Next</button></dialog>`;
    return document.querySelector('dialog')!;
  };

  it('is true for a dialog opened as modal, and for one drawn open but not yet modal', () => {
    dialog('open');
    expect(isModalDialogOpen()).toBe(true);
    // The introduction in the page's built-in first screen, before its code takes it over.
    dialog('');
    expect(isModalDialogOpen()).toBe(true);
  });

  it('is false with no dialog, a closed (hidden) one, or one in the page but not displayed', () => {
    document.body.innerHTML = '<main><p>Card</p></main>';
    expect(isModalDialogOpen()).toBe(false);
    dialog('hidden');
    expect(isModalDialogOpen()).toBe(false);
    // For someone who has seen the introduction, the page keeps it undisplayed until React
    // removes it: the browser says it is not visible.
    let visible = false;
    Object.defineProperty(dialog(''), 'checkVisibility', { value: () => visible });
    expect(isModalDialogOpen()).toBe(false);
    visible = true;
    expect(isModalDialogOpen()).toBe(true);
  });
});
