// The per-question answer clock: counts up from when the question was shown; past the limit it
// keeps counting, marked as over time. It only shows time: it never hides the question or holds
// back the answer.
import { useEffect, useState } from 'react';
import { useScreenT } from '../../i18n/i18n.tsx';

/** m:ss of a whole number of seconds. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export interface QuestionTimerProps {
  /** When the question was shown (epoch ms). */
  since: number;
  limitSeconds: number;
  /** Stopped at this time (the answer was shown), or running while null. */
  stoppedAt: number | null;
  now: () => number;
}

export function QuestionTimer({ since, limitSeconds, stoppedAt, now }: QuestionTimerProps) {
  const { t } = useScreenT();
  const [current, setCurrent] = useState(now);
  useEffect(() => {
    if (stoppedAt !== null) return;
    const timer = setInterval(() => setCurrent(now()), 1000);
    return () => clearInterval(timer);
  }, [stoppedAt, now]);
  const elapsed = Math.floor(((stoppedAt ?? current) - since) / 1000);
  const over = elapsed > limitSeconds;
  const text = over
    ? t('mock.timer.over', { time: clockText(elapsed - limitSeconds) })
    : t('mock.timer.left', { time: clockText(limitSeconds - elapsed) });
  return (
    <div
      className={`question-timer${over ? ' is-over' : ''}`}
      role="timer"
      aria-label={t('mock.timer')}
    >
      <span className="question-timer-elapsed">{clockText(elapsed)}</span>
      <span className="question-timer-state">{text}</span>
      <span
        className="question-timer-bar"
        aria-hidden="true"
        style={{ inlineSize: `${Math.min(100, (elapsed / limitSeconds) * 100)}%` }}
      />
    </div>
  );
}
