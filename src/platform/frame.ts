// "After the browser has painted the next frame": for work that must not hold back what the
// learner is waiting to see — moving focus (which forces a layout), or React catching up with a
// change already made to the page. Returns a function that cancels it.
export function afterNextPaint(run: () => void): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    timer = setTimeout(() => {
      if (!cancelled) run();
    }, 0);
  };
  // A hidden page paints no frame; nor does a test DOM without animation frames.
  const frame =
    typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible'
      ? requestAnimationFrame(later)
      : (later(), undefined);
  return () => {
    cancelled = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * Once the next frame is painted, when the main thread is idle (or after `timeoutMs` at the
 * latest), for work the learner is not waiting for but will want soon. (Idle periods also come
 * between a change and its paint: work started there would hold the paint back.) Where the
 * browser has no idle callbacks, just after the next paint. Returns a function that cancels it.
 */
export function whenIdle(run: () => void, timeoutMs = 500): () => void {
  let cancelIdle: (() => void) | null = null;
  const cancelPaint = afterNextPaint(() => {
    if (typeof requestIdleCallback !== 'function') return run();
    const handle = requestIdleCallback(run, { timeout: timeoutMs });
    cancelIdle = () => cancelIdleCallback(handle);
  });
  return () => {
    cancelPaint();
    cancelIdle?.();
  };
}
