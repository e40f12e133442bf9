// The scheduling form's text fields, validated: what the user typed becomes a settings patch
// only when every field is valid. Pure, so the rules are tested without a DOM.
import { SETTINGS_LIMITS, type SchedulerSettings, type Step } from '../../scheduler/settings.ts';

export const RETENTION = SETTINGS_LIMITS.retention;
export const NEW_PER_DAY = SETTINGS_LIMITS.newPerDay;
export const MAX_REVIEWS = SETTINGS_LIMITS.maxReviews;
export const ROLLOVER = SETTINGS_LIMITS.rollover;
export const LEECH = SETTINGS_LIMITS.leech;
export const STEP_VALUE_MAX = SETTINGS_LIMITS.stepValueMax;
export const STEPS_MAX = SETTINGS_LIMITS.stepsMax;

export interface SchedulerDraft {
  desiredRetention: string;
  newCardsPerDay: string;
  maxReviewsPerDay: string;
  dayRolloverHour: string;
  leechThreshold: string;
  learningSteps: string;
  relearningSteps: string;
}

export type DraftField = keyof SchedulerDraft;

/** Field order, for focusing the first invalid one. */
export const DRAFT_FIELDS: readonly DraftField[] = [
  'desiredRetention',
  'newCardsPerDay',
  'maxReviewsPerDay',
  'dayRolloverHour',
  'leechThreshold',
  'learningSteps',
  'relearningSteps',
];

export type FieldError =
  | { key: 'settings.error.integer'; params: { min: number; max: number } }
  | { key: 'settings.error.retention'; params: { min: string; max: string } }
  | { key: 'settings.error.stepFormat'; params: { step: string } }
  | { key: 'settings.error.stepRange'; params: { step: string; max: number } }
  | { key: 'settings.error.stepCount'; params: { max: number } };

export type SchedulerPatch = Pick<
  SchedulerSettings,
  | 'desiredRetention'
  | 'newCardsPerDay'
  | 'maxReviewsPerDay'
  | 'dayRolloverHour'
  | 'leechThreshold'
  | 'learningSteps'
  | 'relearningSteps'
>;

export type ParseResult =
  | { ok: true; patch: SchedulerPatch }
  | { ok: false; errors: Partial<Record<DraftField, FieldError>> };

export function draftFrom(settings: SchedulerSettings): SchedulerDraft {
  return {
    desiredRetention: settings.desiredRetention.toFixed(2),
    newCardsPerDay: String(settings.newCardsPerDay),
    maxReviewsPerDay: String(settings.maxReviewsPerDay),
    dayRolloverHour: String(settings.dayRolloverHour),
    leechThreshold: String(settings.leechThreshold),
    learningSteps: settings.learningSteps.join(' '),
    relearningSteps: settings.relearningSteps.join(' '),
  };
}

/** Full-width digits and letters (as a Chinese input method types them) to ASCII; trimmed. */
const normalise = (text: string) => text.normalize('NFKC').trim();

type Parsed<T> = { ok: true; value: T } | { ok: false; error: FieldError };

export function parseInteger(text: string, range: { min: number; max: number }): Parsed<number> {
  const s = normalise(text);
  const value = /^\d+$/.test(s) ? Number(s) : NaN;
  if (Number.isSafeInteger(value) && value >= range.min && value <= range.max) {
    return { ok: true, value };
  }
  return { ok: false, error: { key: 'settings.error.integer', params: { ...range } } };
}

export function parseRetention(text: string): Parsed<number> {
  const s = normalise(text);
  const value = /^\d*\.?\d+$/.test(s) ? Math.round(Number(s) * 100) / 100 : NaN;
  if (value >= RETENTION.min && value <= RETENTION.max) return { ok: true, value };
  return {
    ok: false,
    error: {
      key: 'settings.error.retention',
      params: { min: RETENTION.min.toFixed(2), max: RETENTION.max.toFixed(2) },
    },
  };
}

/**
 * Steps such as "1m 10m" or "10m, 1h, 1d": whole numbers of minutes, hours or days, separated by
 * spaces or commas. No steps at all is allowed (FSRS then schedules from the first grade).
 */
export function parseSteps(text: string): Parsed<Step[]> {
  const tokens = normalise(text)
    .split(/[\s,，、;；]+/)
    .filter((token) => token !== '');
  if (tokens.length > STEPS_MAX) {
    return { ok: false, error: { key: 'settings.error.stepCount', params: { max: STEPS_MAX } } };
  }
  const steps: Step[] = [];
  for (const token of tokens) {
    const match = /^(\d+)([mhd])$/i.exec(token);
    if (!match) {
      return { ok: false, error: { key: 'settings.error.stepFormat', params: { step: token } } };
    }
    const value = Number(match[1]);
    if (value < 1 || value > STEP_VALUE_MAX) {
      return {
        ok: false,
        error: { key: 'settings.error.stepRange', params: { step: token, max: STEP_VALUE_MAX } },
      };
    }
    steps.push(`${value}${match[2]!.toLowerCase() as 'm' | 'h' | 'd'}`);
  }
  return { ok: true, value: steps };
}

export function parseDraft(draft: SchedulerDraft): ParseResult {
  const fields = {
    desiredRetention: parseRetention(draft.desiredRetention),
    newCardsPerDay: parseInteger(draft.newCardsPerDay, NEW_PER_DAY),
    maxReviewsPerDay: parseInteger(draft.maxReviewsPerDay, MAX_REVIEWS),
    dayRolloverHour: parseInteger(draft.dayRolloverHour, ROLLOVER),
    leechThreshold: parseInteger(draft.leechThreshold, LEECH),
    learningSteps: parseSteps(draft.learningSteps),
    relearningSteps: parseSteps(draft.relearningSteps),
  };
  const errors: Partial<Record<DraftField, FieldError>> = {};
  for (const field of DRAFT_FIELDS) {
    const result = fields[field];
    if (!result.ok) errors[field] = result.error;
  }
  const f = fields;
  if (
    f.desiredRetention.ok &&
    f.newCardsPerDay.ok &&
    f.maxReviewsPerDay.ok &&
    f.dayRolloverHour.ok &&
    f.leechThreshold.ok &&
    f.learningSteps.ok &&
    f.relearningSteps.ok
  ) {
    return {
      ok: true,
      patch: {
        desiredRetention: f.desiredRetention.value,
        newCardsPerDay: f.newCardsPerDay.value,
        maxReviewsPerDay: f.maxReviewsPerDay.value,
        dayRolloverHour: f.dayRolloverHour.value,
        leechThreshold: f.leechThreshold.value,
        learningSteps: f.learningSteps.value,
        relearningSteps: f.relearningSteps.value,
      },
    };
  }
  return { ok: false, errors };
}

/** Whether the draft differs from the saved settings (compared as the form would show them). */
export function isDirty(draft: SchedulerDraft, settings: SchedulerSettings): boolean {
  const saved = draftFrom(settings);
  return DRAFT_FIELDS.some((field) => normaliseForCompare(field, draft[field]) !== saved[field]);
}

function normaliseForCompare(field: DraftField, value: string): string {
  if (field === 'learningSteps' || field === 'relearningSteps') {
    const parsed = parseSteps(value);
    return parsed.ok ? parsed.value.join(' ') : value;
  }
  if (field === 'desiredRetention') {
    const parsed = parseRetention(value);
    return parsed.ok ? parsed.value.toFixed(2) : value;
  }
  return normalise(value);
}
