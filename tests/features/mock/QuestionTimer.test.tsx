// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuestionTimer, clockText } from '../../../src/features/mock/QuestionTimer.tsx';

const T0 = Date.UTC(2026, 10, 29, 2, 0);

describe('QuestionTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('counts up each second and shows what is left', () => {
    render(<QuestionTimer since={T0} limitSeconds={90} stoppedAt={null} now={Date.now} />);
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe('0:001:30 left');
    act(() => void vi.advanceTimersByTime(61_000));
    expect(timer.textContent).toBe('1:010:29 left');
    expect(timer.className).toBe('question-timer');
  });

  it('keeps counting past zero, marked as over time', () => {
    render(<QuestionTimer since={T0} limitSeconds={90} stoppedAt={null} now={Date.now} />);
    act(() => void vi.advanceTimersByTime(90_000));
    expect(screen.getByRole('timer').textContent).toBe('1:300:00 left');
    act(() => void vi.advanceTimersByTime(12_000));
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe('1:42Over time by 0:12');
    expect(timer.className).toBe('question-timer is-over');
    act(() => void vi.advanceTimersByTime(3_600_000));
    expect(timer.textContent).toBe('61:42Over time by 60:12');
  });

  it('stops where the answer was shown', () => {
    const { rerender } = render(
      <QuestionTimer since={T0} limitSeconds={90} stoppedAt={null} now={Date.now} />,
    );
    act(() => void vi.advanceTimersByTime(5_000));
    rerender(<QuestionTimer since={T0} limitSeconds={90} stoppedAt={T0 + 5_000} now={Date.now} />);
    act(() => void vi.advanceTimersByTime(60_000));
    expect(screen.getByRole('timer').textContent).toBe('0:051:25 left');
  });

  it('writes m:ss', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(59.9)).toBe('0:59');
    expect(clockText(600)).toBe('10:00');
    expect(clockText(-3)).toBe('0:00');
  });
});
