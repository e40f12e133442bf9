// Settings → Key points in review: off by default; when on, the review screen loads its
// checklist (on demand) and suggests a grade from the points ticked.
import { useId } from 'react';
import { useScreenT } from '../../i18n/i18n.tsx';
import { usePreferences, usePreferencesStore } from '../../preferences/preferencesContext.ts';

export function KeyPointsSetting() {
  const { t } = useScreenT();
  const id = useId();
  const preferences = usePreferencesStore();
  const on = usePreferences((s) => s.reviewKeyPoints);
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.keyPoints')}</h2>
      <label className="settings-check">
        <input
          type="checkbox"
          checked={on}
          aria-describedby={`${id}-help`}
          onChange={(e) => preferences.getState().setReviewKeyPoints(e.target.checked)}
        />
        {t('settings.keyPoints')}
      </label>
      <p id={`${id}-help`} className="settings-note">
        {t('settings.keyPoints.help')}
      </p>
    </section>
  );
}
