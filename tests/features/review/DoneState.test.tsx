// @vitest-environment jsdom
// The waiting state when nothing is due: its "due in …" keeps up with the clock.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { renderReview } from './renderReview.tsx';
import { CARDS, T0 } from './reviewScreenFixtures.ts';

const MIN = 60_000;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('nothing due right now', () => {
  it('counts down to the next card once a minute while the learner waits', () => {
    vi.useFakeTimers({
      toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    });
    vi.setSystemTime(T0);
    renderReview(CARDS);
    const press = (key: string) => fireEvent.keyDown(document.body, { key });
    for (let i = 0; i < CARDS.length; i++) {
      press(' ');
      press('3'); // Good on a new card: back in 10 minutes
    }
    const waiting = () => screen.getByRole('status').textContent;
    expect(waiting()).toContain('due in 10 minutes (10:10 AM)');

    act(() => {
      vi.advanceTimersByTime(3 * MIN);
    });
    expect(waiting()).toContain('due in 7 minutes (10:10 AM)');
    act(() => {
      vi.advanceTimersByTime(6 * MIN);
    });
    expect(waiting()).toContain('due in 1 minute (10:10 AM)');
    // And at 10:10 the card itself comes back.
    act(() => {
      vi.advanceTimersByTime(MIN + 1000);
    });
    expect(screen.getByText('What does the forget gate do?')).toBeTruthy();
  });
});
