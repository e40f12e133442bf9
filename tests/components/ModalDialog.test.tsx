// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ConfirmDialog } from '../../src/components/ConfirmDialog.tsx';
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
