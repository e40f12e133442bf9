// Settings (#/settings): interface language and theme (applied at once, kept in the
// preferences store), scheduling (a form saved through the progress store's setSettings, only
// when every field is valid), the introduction again, and a reset of all progress behind a
// confirmation that says what is lost.
import { useId, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { formatHour } from '../../i18n/format.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import { LANGUAGE_NAMES, LOCALES, languageTag, type Locale } from '../../i18n/locale.ts';
import type { Translator } from '../../i18n/translate.ts';
import { DEFAULT_SETTINGS } from '../../scheduler/settings.ts';
import { useProgress, useProgressStore } from '../../store/context.tsx';
import { usePreferences, usePreferencesStore } from '../../preferences/preferencesContext.ts';
import { THEMES, type ThemePreference } from '../../preferences/preferencesStore.ts';
import { KeyPointsSetting } from './KeyPointsSetting.tsx';
import { ResetProgress } from './ResetProgress.tsx';
import {
  DRAFT_FIELDS,
  RETENTION,
  ROLLOVER,
  draftFrom,
  isDirty,
  parseDraft,
  type DraftField,
  type FieldError,
  type SchedulerDraft,
} from './schedulerForm.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
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
function errorText(t: Translator['t'], error: FieldError): string {
  switch (error.key) {
    case 'settings.error.integer':
      return t(error.key, { min: String(error.params.min), max: String(error.params.max) });
    case 'settings.error.retention':
      return t(error.key, error.params);
    case 'settings.error.stepFormat':
      return t(error.key, error.params);
    case 'settings.error.stepRange':
      return t(error.key, { step: error.params.step, max: String(error.params.max) });
    case 'settings.error.stepCount':
      return t(error.key, error.params);
  }
}

type Status = 'idle' | 'saved' | 'invalid';

function SchedulingForm() {
  const { t, locale, number } = useScreenT();
  const progressStore = useProgressStore();
  const settings = useProgress((s) => s.settings);
  const [draft, setDraft] = useState<SchedulerDraft>(() => draftFrom(settings));
  const [errors, setErrors] = useState<Partial<Record<DraftField, FieldError>>>({});
  const [status, setStatus] = useState<Status>('idle');
  const id = useId();
  const fieldId = (field: DraftField) => `${id}-${field}`;

  const dirty = isDirty(draft, settings);
  const update =
    (field: DraftField) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      const value = event.target.value;
      setDraft((d) => ({ ...d, [field]: value }));
      setErrors((e) => {
        if (!(field in e)) return e;
        const rest = { ...e };
        delete rest[field];
        return rest;
      });
      setStatus('idle');
    };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = parseDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus('invalid');
      const first = DRAFT_FIELDS.find((f) => result.errors[f]);
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    progressStore.getState().setSettings(result.patch);
    setDraft(draftFrom({ ...settings, ...result.patch }));
    setErrors({});
    setStatus('saved');
  };

  const restoreDefaults = () => {
    setDraft(
      draftFrom({
        ...DEFAULT_SETTINGS,
        learningSteps: [...DEFAULT_SETTINGS.learningSteps],
        relearningSteps: [...DEFAULT_SETTINGS.relearningSteps],
      }),
    );
    setErrors({});
    setStatus('idle');
  };

  const retention = Number(draft.desiredRetention);
  const statusText =
    status === 'invalid'
      ? t('settings.invalid')
      : dirty
        ? t('settings.unsaved')
        : status === 'saved'
          ? t('settings.saved')
          : '';

  return (
    <form
      className="settings-section"
      aria-labelledby="settings-scheduling"
      noValidate
      onSubmit={submit}
    >
      <h2 id="settings-scheduling">{t('settings.scheduling')}</h2>
      <p className="settings-note">{t('settings.scheduling.note')}</p>

      <Field
        id={fieldId('desiredRetention')}
        label={t('settings.retention')}
        help={t('settings.retention.help')}
        error={errors.desiredRetention && errorText(t, errors.desiredRetention)}
      >
        {(describedBy) => (
          <div className="range-row">
            <input
              id={fieldId('desiredRetention')}
              type="range"
              min={RETENTION.min}
              max={RETENTION.max}
              step={RETENTION.step}
              value={Number.isFinite(retention) ? retention : DEFAULT_SETTINGS.desiredRetention}
              aria-describedby={describedBy}
              aria-invalid={errors.desiredRetention ? true : undefined}
              aria-valuetext={number(retention, { minimumFractionDigits: 2 })}
              onChange={update('desiredRetention')}
            />
            <output htmlFor={fieldId('desiredRetention')} className="range-value">
              {number(retention, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
            </output>
          </div>
        )}
      </Field>

      <div className="field-grid">
        <Field
          id={fieldId('newCardsPerDay')}
          label={t('settings.newPerDay')}
          error={errors.newCardsPerDay && errorText(t, errors.newCardsPerDay)}
        >
          {(describedBy) => (
            <input
              id={fieldId('newCardsPerDay')}
              className="input input-number"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={draft.newCardsPerDay}
              aria-describedby={describedBy}
              aria-invalid={errors.newCardsPerDay ? true : undefined}
              onChange={update('newCardsPerDay')}
            />
          )}
        </Field>
        <Field
          id={fieldId('maxReviewsPerDay')}
          label={t('settings.maxReviews')}
          help={t('settings.maxReviews.help')}
          error={errors.maxReviewsPerDay && errorText(t, errors.maxReviewsPerDay)}
        >
          {(describedBy) => (
            <input
              id={fieldId('maxReviewsPerDay')}
              className="input input-number"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={draft.maxReviewsPerDay}
              aria-describedby={describedBy}
              aria-invalid={errors.maxReviewsPerDay ? true : undefined}
              onChange={update('maxReviewsPerDay')}
            />
          )}
        </Field>
      </div>

      <Field
        id={fieldId('dayRolloverHour')}
        label={t('settings.rollover')}
        help={t('settings.rollover.help')}
        error={errors.dayRolloverHour && errorText(t, errors.dayRolloverHour)}
      >
        {(describedBy) => (
          <select
            id={fieldId('dayRolloverHour')}
            className="input input-select"
            value={draft.dayRolloverHour}
            aria-describedby={describedBy}
            aria-invalid={errors.dayRolloverHour ? true : undefined}
            onChange={update('dayRolloverHour')}
          >
            {Array.from({ length: ROLLOVER.max + 1 }, (_, hour) => (
              <option key={hour} value={String(hour)}>
                {formatHour(hour, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>

      <div className="field-grid">
        <Field
          id={fieldId('learningSteps')}
          label={t('settings.learningSteps')}
          help={t('settings.learningSteps.help')}
          error={errors.learningSteps && errorText(t, errors.learningSteps)}
        >
          {(describedBy) => (
            <input
              id={fieldId('learningSteps')}
              className="input input-steps"
              type="text"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={draft.learningSteps}
              aria-describedby={describedBy}
              aria-invalid={errors.learningSteps ? true : undefined}
              onChange={update('learningSteps')}
            />
          )}
        </Field>
        <Field
          id={fieldId('relearningSteps')}
          label={t('settings.relearningSteps')}
          help={t('settings.relearningSteps.help')}
          error={errors.relearningSteps && errorText(t, errors.relearningSteps)}
        >
          {(describedBy) => (
            <input
              id={fieldId('relearningSteps')}
              className="input input-steps"
              type="text"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={draft.relearningSteps}
              aria-describedby={describedBy}
              aria-invalid={errors.relearningSteps ? true : undefined}
              onChange={update('relearningSteps')}
            />
          )}
        </Field>
      </div>

      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {t('settings.save')}
        </button>
        <button type="button" className="btn" onClick={restoreDefaults}>
          {t('settings.defaults')}
        </button>
      </div>
      <p
        className={`form-status${status === 'invalid' ? ' is-error' : ''}`}
        role="status"
        aria-live="polite"
      >
        {statusText}
      </p>
      <Reschedule />
    </form>
  );
}

function Field({
  id,
  label,
  help,
  error,
  children,
}: {
  id: string;
  label: string;
  help?: string;
  error?: string | undefined;
  /** Gets the ids that describe the control (help, then error). */
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(describedBy || undefined)}
      {help && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

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
function Reschedule() {
  const { t, plural, number } = useScreenT();
  const store = useProgressStore();
  const reviewCards = useProgress(
    (s) => Object.values(s.progress).filter((p) => p.state === 'review').length,
  );
  const retention = useProgress((s) => s.settings.desiredRetention);
  const [open, setOpen] = useState(false);
  const [moved, setMoved] = useState<number | null>(null);
  if (reviewCards === 0 && moved === null) return null;
  return (
    <div className="reschedule">
      <p className="settings-note">{t('settings.reschedule.note')}</p>
      {reviewCards > 0 && (
        <button type="button" className="btn" onClick={() => setOpen(true)}>
          {t('settings.reschedule')}
        </button>
      )}
      {moved !== null && (
        <p className="settings-note" role="status">
          {plural('settings.reschedule.done', moved)}
        </p>
      )}
      <ConfirmDialog
        open={open}
        title={t('settings.reschedule.title')}
        confirmLabel={t('settings.reschedule.confirm')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setMoved(store.getState().rescheduleReviews());
          setOpen(false);
        }}
      >
        <p>
          {t('settings.reschedule.body', {
            cards: plural('count.cards', reviewCards),
            retention: number(retention, { minimumFractionDigits: 2 }),
          })}
        </p>
      </ConfirmDialog>
    </div>
  );
}
