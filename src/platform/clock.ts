// The app's one clock. Everything below the UI takes `now` as a parameter; only the shell reads it
// here, so tests (and Playwright's clock) control time in one place.
export function now(): number {
  return Date.now();
}
