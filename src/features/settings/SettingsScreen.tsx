// Settings (#/settings): interface language and theme (applied at once, kept in the
// preferences store), scheduling (a form saved through the progress store's setSettings, only
// when every field is valid), the introduction again, and a reset of all progress behind a
// confirmation that says what is lost.
import type { ReactNode } from 'react';
import { useScreenT } from '../../i18n/i18n.tsx';
import { LANGUAGE_NAMES, LOCALES, languageTag, type Locale } from '../../i18n/locale.ts';
import { usePreferences, usePreferencesStore } from '../../preferences/preferencesContext.ts';
import { THEMES, type ThemePreference } from '../../preferences/preferencesStore.ts';
import { KeyPointsSetting } from './KeyPointsSetting.tsx';
import { ResetProgress } from './ResetProgress.tsx';
import { SchedulingForm } from './SchedulingForm.tsx';
import './settings.css';

const THEME_KEYS = {
  system: 'settings.theme.system',
  light: 'settings.theme.light',
  dark: 'settings.theme.dark',
} as const satisfies Record<ThemePreference, string>;

/** `data`: the section on the learner's data (the app composes it in: src/app/screens.tsx). */
export function SettingsScreen({ data }: { data: ReactNode }) {
  const { t } = useScreenT();
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title" className="screen-title" tabIndex={-1}>
        {t('settings.title')}
      </h1>
      <InterfaceSettings />
      <SchedulingForm />
      <KeyPointsSetting />
      <IntroSettings />
      {data}
      <ResetProgress />
    </section>
  );
}

function InterfaceSettings() {
  const { t } = useScreenT();
  const preferences = usePreferencesStore();
  const locale = usePreferences((s) => s.locale);
  const theme = usePreferences((s) => s.theme);
  return (
    <section className="settings-section" aria-labelledby="settings-interface">
      <h2 id="settings-interface">{t('settings.interface')}</h2>
      <fieldset className="choice">
        <legend>{t('settings.language')}</legend>
        <div className="segmented">
          {LOCALES.map((l: Locale) => (
            <label key={l} lang={languageTag(l)}>
              <input
                type="radio"
                name="locale"
                value={l}
                checked={locale === l}
                onChange={() => preferences.getState().setLocale(l)}
              />
              <span>{LANGUAGE_NAMES[l]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="choice">
        <legend>{t('settings.theme')}</legend>
        <div className="segmented">
          {THEMES.map((th) => (
            <label key={th}>
              <input
                type="radio"
                name="theme"
                value={th}
                checked={theme === th}
                onChange={() => preferences.getState().setTheme(th)}
              />
              <span>{t(THEME_KEYS[th])}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}

/** Limits are written as typed (9999, not 9,999): they say what the field accepts. */
function IntroSettings() {
  const { t } = useScreenT();
  const preferences = usePreferencesStore();
  return (
    <section className="settings-section" aria-labelledby="settings-intro">
      <h2 id="settings-intro">{t('settings.intro')}</h2>
      <p className="settings-note">{t('settings.intro.help')}</p>
      <button
        type="button"
        className="btn"
        onClick={() => preferences.getState().setIntroSeen(false)}
      >
        {t('settings.intro.show')}
      </button>
    </section>
  );
}

/**
 * A settings change reschedules nothing; this moves review cards' dates to the current desired
 * retention when the learner asks, behind a confirmation that says how many cards move.
 */
