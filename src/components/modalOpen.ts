// Whether a modal dialog has the page: keyboard shortcuts of the screen behind it stay quiet
// until it closes. (Apart from ModalDialog so that asking costs no dialog code or styles.)

/**
 * True while a dialog meant to be open is on screen: one opened with showModal, and also one
 * not yet modal — the first-run introduction drawn in the page's built-in first screen, over
 * the card, until its code arrives and takes it over. ModalDialog marks a closed dialog
 * `hidden`; a dialog in the page but not displayed (the introduction for someone who has seen
 * it, until React removes it) does not count.
 */
export function isModalDialogOpen(root: ParentNode = document): boolean {
  if (root.querySelector('dialog[open]')) return true;
  for (const dialog of root.querySelectorAll('dialog:not([hidden])')) {
    // Where the browser cannot say (jsdom), a dialog not hidden is taken as shown.
    if (typeof dialog.checkVisibility !== 'function' || dialog.checkVisibility()) return true;
  }
  return false;
}
