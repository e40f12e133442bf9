// The plan's two settings, kept with the scheduler settings: the target recall and how many plan
// cards a day may bring. A field shows the stored value until the learner edits it, and a save
// writes only the fields edited here: a value another tab saved meanwhile is shown, not undone.
import { useState, type FormEvent } from 'react';
import { useScreenT } from '../../i18n/i18n.tsx';
import { useProgress, useProgressStore } from '../../store/context.tsx';

export function PlanSettings() {
  const { t } = useScreenT();
  const store = useProgressStore();
  const target = useProgress((s) => s.settings.readinessTarget);
  const limit = useProgress((s) => s.settings.planDailyLimit);
  // null: not edited here, so the field follows the store.
  const [targetEdit, setTargetEdit] = useState<string | null>(null);
  const [limitEdit, setLimitEdit] = useState<string | null>(null);
  const targetText = targetEdit ?? String(Math.round(target * 100));
  const limitText = limitEdit ?? String(limit);
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
    const patch: { readinessTarget?: number; planDailyLimit?: number } = {};
    if (targetEdit !== null) patch.readinessTarget = pct / 100;
    if (limitEdit !== null) patch.planDailyLimit = cards;
    if (Object.keys(patch).length > 0) store.getState().setSettings(patch);
    setTargetEdit(null);
    setLimitEdit(null);
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
            onChange={(e) => setTargetEdit(e.target.value)}
          />
        </label>
        <label>
          {t('interview.limit')}
          <input
            inputMode="numeric"
            value={limitText}
            onChange={(e) => setLimitEdit(e.target.value)}
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
