// The plan's two settings, kept with the scheduler settings: the target recall and how many plan
// cards a day may bring.
import { useState, type FormEvent } from 'react';
import { useScreenT } from '../../i18n/i18n.tsx';
import { useProgress, useProgressStore } from '../../store/context.tsx';

export function PlanSettings() {
  const { t } = useScreenT();
  const store = useProgressStore();
  const target = useProgress((s) => s.settings.readinessTarget);
  const limit = useProgress((s) => s.settings.planDailyLimit);
  const [targetText, setTargetText] = useState(String(Math.round(target * 100)));
  const [limitText, setLimitText] = useState(String(limit));
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const pct = Number(targetText);
    const cards = Number(limitText);
    if (!Number.isInteger(pct) || pct < 50 || pct > 99)
      return setError(t('interview.error.target'));
    if (!Number.isInteger(cards) || cards < 0 || cards > 10_000)
      return setError(t('interview.error.limit'));
    setError(null);
    store.getState().setSettings({ readinessTarget: pct / 100, planDailyLimit: cards });
  };
  return (
    <section aria-labelledby="interview-settings">
      <h2 id="interview-settings">{t('interview.settings')}</h2>
      <form className="interview-settings" onSubmit={submit} noValidate>
        <label>
          {t('interview.target')}
          <input
            inputMode="numeric"
            value={targetText}
            onChange={(e) => setTargetText(e.target.value)}
          />
        </label>
        <label>
          {t('interview.limit')}
          <input
            inputMode="numeric"
            value={limitText}
            onChange={(e) => setLimitText(e.target.value)}
          />
        </label>
        <button type="submit" className="btn">
          {t('interview.save')}
        </button>
        <p role="alert" className="interview-error">
          {error}
        </p>
      </form>
    </section>
  );
}
