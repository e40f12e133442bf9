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
