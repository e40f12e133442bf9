// One listener for the page's comings and goings: leaving (the tab hidden, the page left, the
// screen closed) and coming back into view.
import { useEffect, useLayoutEffect } from 'react';

/**
 * `onLeave` and `onReturn` should be stable (useCallback): the listeners follow them. `onLeave`
 * learns whether the screen itself is going away (unmounting: React is at work then).
 */
export function usePageLeave(onLeave: (unmounting: boolean) => void, onReturn: () => void): void {
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onLeave(false);
      else if (document.visibilityState === 'visible') onReturn();
    };
    const onPageHide = () => onLeave(false);
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [onLeave, onReturn]);
  // The screen going away: in a layout effect's cleanup, which runs while the screen is still in
  // the document (a passive effect's runs once React has taken it out, with nothing left to keep).
  useLayoutEffect(() => () => onLeave(true), [onLeave]);
}
