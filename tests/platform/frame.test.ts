// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from '../../src/platform/frame.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('whenIdle', () => {
  it('runs when the browser is idle after the next paint, at most the timeout later, and can be cancelled', () => {
    vi.useFakeTimers();
    const calls: { run: () => void; timeout: number | undefined }[] = [];
    const cancelled: number[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void, options?: IdleRequestOptions) => {
      calls.push({ run, timeout: options?.timeout });
      return calls.length;
    });
    vi.stubGlobal('cancelIdleCallback', (handle: number) => cancelled.push(handle));
    const run = vi.fn();
    const cancel = whenIdle(run, 300);
    // Not before the next paint.
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(calls.map((c) => c.timeout)).toEqual([300]);
    expect(run).not.toHaveBeenCalled();
    calls[0]!.run();
    expect(run).toHaveBeenCalledOnce();
    cancel();
    expect(cancelled).toEqual([1]);
  });

  it('without idle callbacks, runs after the next paint', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    const run = vi.fn();
    whenIdle(run);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(run).toHaveBeenCalledOnce();
    const never = vi.fn();
    whenIdle(never)();
    vi.advanceTimersByTime(50);
    expect(never).not.toHaveBeenCalled();
  });
});
