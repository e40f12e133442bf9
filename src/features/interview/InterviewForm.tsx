// Adding or changing an interview: name, date and time (local), and what it covers.
import { useId, useState, type FormEvent } from 'react';
import type { DeckIndex } from '../../deck/types.ts';
import { useScreenT } from '../../i18n/i18n.tsx';
import type { InterviewInput } from '../../store/interviewActions.ts';
import type { Interview } from '../../store/persisted.ts';

type ScopeKind = 'all' | 'decks' | 'tags';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** Local date and time as the inputs take them. */
export function localInputs(at: number): { date: string; time: string } {
  const d = new Date(at);
  return {
    date: `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/** Epoch ms of a local date and time from the inputs; null when either is missing or invalid. */
export function parseLocal(date: string, time: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const h = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !h) return null;
  const [year, month, day, hour, minute] = [+m[1]!, +m[2]! - 1, +m[3]!, +h[1]!, +h[2]!];
  if (hour > 23 || minute > 59) return null;
  const d = new Date(2000, 0, 1, hour, minute);
  // setFullYear: the Date constructor reads years 0–99 as 1900–1999.
  d.setFullYear(year, month, day);
  // A date that does not exist (31 April) would roll over into the next month.
  if (d.getFullYear() !== year || d.getMonth() !== month || d.getDate() !== day) return null;
  const at = d.getTime();
  return Number.isFinite(at) ? at : null;
}

/**
 * How far ahead an interview may be set. Interviews are planned weeks or months ahead; five
 * years leaves room for any real one while keeping typing slips (year 3026) out of the plan and
 * far from the last time storage accepts.
 */
export const MAX_YEARS_AHEAD = 5;

/** The latest time an interview may be set to at `now`: MAX_YEARS_AHEAD calendar years on. */
export function latestInterviewAt(now: number): number {
  const d = new Date(now);
  d.setFullYear(d.getFullYear() + MAX_YEARS_AHEAD);
  return d.getTime();
}

/**
 * Whether `at` may be saved: past interviews may be recorded, but not before 1970 (storage keeps
 * no earlier time), nor after latestInterviewAt.
 */
export function withinInterviewRange(at: number, now: number): boolean {
  return at >= 0 && at <= latestInterviewAt(now);
}

export function InterviewForm(props: {
  decks: readonly DeckIndex[];
  initial?: Interview;
  defaultAt: number;
  /** The clock, for the latest date allowed. */
  now: number;
  onSave: (input: InterviewInput) => void;
  onCancel?: () => void;
}) {
  const { t, tag } = useScreenT();
  const id = useId();
  const start = localInputs(props.initial?.at ?? props.defaultAt);
  const [name, setName] = useState(props.initial?.name ?? '');
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const initialScope = props.initial?.scope;
  const [kind, setKind] = useState<ScopeKind>(
    initialScope?.tags.length ? 'tags' : initialScope?.decks.length ? 'decks' : 'all',
  );
  const [decks, setDecks] = useState<string[]>(initialScope?.decks ?? []);
  const [tags, setTags] = useState((initialScope?.tags ?? []).join(', '));
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const at = parseLocal(date, time);
    const tagList = tags.split(/[,，\s]+/).filter(Boolean);
    if (name.trim() === '') return setError(t('interview.error.name'));
    if (at === null) return setError(t('interview.error.date'));
    if (!withinInterviewRange(at, props.now)) {
      const latest = new Intl.DateTimeFormat(tag, { dateStyle: 'long' }).format(
        latestInterviewAt(props.now),
      );
      return setError(t('interview.error.range', { latest }));
    }
    if (kind === 'decks' && decks.length === 0) return setError(t('interview.error.decks'));
    if (kind === 'tags' && tagList.length === 0) return setError(t('interview.error.tags'));
    setError(null);
    props.onSave({
      name,
      at,
      scope: { decks: kind === 'decks' ? decks : [], tags: kind === 'tags' ? tagList : [] },
    });
    if (!props.initial) setName('');
  };

  return (
    <form className="interview-form" onSubmit={submit} noValidate aria-describedby={`${id}-err`}>
      <label>
        {t('interview.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </label>
      <div className="interview-when">
        <label>
          {t('interview.date')}
          <input
            type="date"
            value={date}
            min="1970-01-01"
            max={localInputs(latestInterviewAt(props.now)).date}
            onChange={(e) => setDate(e.target.value)}
          />
        </label>
        <label>
          {t('interview.time')}
          <input type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </label>
      </div>
      <fieldset>
        <legend>{t('interview.scope')}</legend>
        {(['all', 'decks', 'tags'] as const).map((k) => (
          <label key={k} className="interview-choice">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            {t(`interview.scope.${k}`)}
          </label>
        ))}
        {kind === 'decks' &&
          props.decks.map((d) => (
            <label key={d.slug} className="interview-choice interview-sub">
              <input
                type="checkbox"
                checked={decks.includes(d.slug)}
                onChange={(e) =>
                  setDecks(
                    e.target.checked ? [...decks, d.slug] : decks.filter((s) => s !== d.slug),
                  )
                }
              />
              {d.title}
            </label>
          ))}
        {kind === 'tags' && (
          <label className="interview-sub">
            {t('interview.tags')}
            <input value={tags} onChange={(e) => setTags(e.target.value)} />
          </label>
        )}
      </fieldset>
      <p id={`${id}-err`} role="alert" className="interview-error">
        {error}
      </p>
      <div className="interview-actions">
        <button type="submit" className="btn btn-primary">
          {props.initial ? t('interview.save') : t('interview.add')}
        </button>
        {props.onCancel && (
          <button type="button" className="btn" onClick={props.onCancel}>
            {t('interview.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
