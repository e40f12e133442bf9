// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { takeEarlyReveal } from '../../src/platform/earlyInput.ts';

function bootScript(reveal?: string) {
  const s = document.createElement('script');
  s.id = 'boot';
  if (reveal) s.dataset.reveal = reveal;
  document.body.append(s);
  return s;
}

afterEach(() => document.getElementById('boot')?.remove());

describe('takeEarlyReveal', () => {
  it('hands over a press the boot script noted, once', () => {
    const s = bootScript('asked');
    expect(takeEarlyReveal('rnn/a')).toBe(true);
    expect(s.dataset.reveal).toBe('taken');
    expect(takeEarlyReveal('rnn/a')).toBe(false);
  });

  it('takes nothing when nothing was pressed, and ends the noting', () => {
    const s = bootScript();
    expect(takeEarlyReveal('rnn/a')).toBe(false);
    expect(s.dataset.reveal).toBe('taken');
    // A press noted after the app took over is React's to handle, not a second reveal.
    s.dataset.reveal = 'taken';
    expect(takeEarlyReveal('rnn/a')).toBe(false);
  });

  it('counts only for the card the page showed, when it showed a remembered one', () => {
    const s = bootScript('asked');
    s.dataset.card = 'rnn/b';
    expect(takeEarlyReveal('rnn/a')).toBe(false);
    expect(s.dataset.reveal).toBe('taken');
    s.remove();
    bootScript('asked').dataset.card = 'rnn/a';
    expect(takeEarlyReveal('rnn/a')).toBe(true);
  });

  it('takes nothing without the boot script (development, tests)', () => {
    expect(takeEarlyReveal('rnn/a')).toBe(false);
  });
});
