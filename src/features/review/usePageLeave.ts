// One listener for the page's comings and goings: leaving (the tab hidden, the page left, the
// screen closed) and coming back into view.
import { useEffect } from 'react';

/** `onLeave` and `onReturn` should be stable (useCallback): the listeners follow them. */
export function usePageLeave(onLeave: () => void, onReturn: () => void): void {
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onLeave();
      else if (document.visibilityState === 'visible') onReturn();
    };
    window.addEventListener('pagehide', onLeave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onLeave);
      document.removeEventListener('visibilitychange', onVisibility);
      onLeave();
    };
  }, [onLeave, onReturn]);
}
