// Which cards a practice session (drill weak, cram) takes, from what the learner chose. One case
// per kind of set, so a new kind is one more case here. Suspended cards
// are never taken, nor ids the content no longer has. The result is shuffled with `random`.
import type { CardProgress } from '../scheduler/progress.ts';
import { nextRollover } from '../scheduler/studyDay.ts';
import type { InterviewScope } from './interviewCards.ts';
import type { FlagsById, ProgressById, StudyLogEntry } from './types.ts';
import { drillSet, rankWeak, shuffle, type WeakOptions } from './weak.ts';

export type PracticeSpec =
  | { kind: 'weak' }
  | { kind: 'starred' }
  | { kind: 'deck'; slug: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'random'; count: number }
  /** The cards an interview covers, by its id (its scope comes in the options). */
  | { kind: 'interview'; id: string };

export type PracticeKind = PracticeSpec['kind'];

/** What a set may ask of a card beyond its progress: its deck and tags (the deck's and its own). */
export interface PracticeCardMeta {
  deck: string;
  tags: readonly string[];
}

export interface PracticeSetOptions extends WeakOptions {
  /** Values in [0, 1), e.g. seededRandom: the session's order. */
  random: () => number;
  /** The scopes of the learner's interviews, by id: what an 'interview' set covers. */
  interviewScopes?: Readonly<Record<string, InterviewScope | undefined>>;
}

/**
 * Whether a card is in an interview's scope: its decks (none: any) and tags (none: any; a card's
 * tags include its deck's), as interviewCardIds counts them once the bodies are here.
 */
export function inScope(scope: InterviewScope, meta: PracticeCardMeta): boolean {
  return (
    (scope.decks.length === 0 || scope.decks.includes(meta.deck)) &&
    (scope.tags.length === 0 || meta.tags.some((tag) => scope.tags.includes(tag)))
  );
}

/** Cards a random cram may take at most. */
export const MAX_RANDOM = 500;

export function practiceSet(
  spec: PracticeSpec,
  ids: readonly string[],
  meta: (id: string) => PracticeCardMeta | undefined,
  progress: ProgressById,
  flags: FlagsById,
  log: readonly StudyLogEntry[],
  options: PracticeSetOptions,
): string[] {
  const known = new Set(ids);
  const usable = ids.filter((id) => flags[id]?.suspended !== true);
  switch (spec.kind) {
    case 'weak': {
      const ranking = rankWeak(inContent(progress, known), log, flags, options);
      // drillSet takes starred cards from the flags, which may name cards no longer in content.
      return drillSet(ranking, flags, options.random).filter((id) => known.has(id));
    }
    case 'starred':
      return shuffle(
        usable.filter((id) => flags[id]?.starred === true),
        options.random,
      );
    case 'deck':
      return shuffle(
        usable.filter((id) => meta(id)?.deck === spec.slug),
        options.random,
      );
    case 'tag':
      return shuffle(
        usable.filter((id) => meta(id)?.tags.includes(spec.tag) === true),
        options.random,
      );
    case 'random': {
      const count = Math.max(0, Math.min(MAX_RANDOM, Math.floor(spec.count)));
      return shuffle(usable, options.random).slice(0, count);
    }
    case 'interview': {
      const scope = options.interviewScopes?.[spec.id];
      if (scope === undefined) return [];
      return shuffle(
        usable.filter((id) => {
          const m = meta(id);
          return m !== undefined && inScope(scope, m);
        }),
        options.random,
      );
    }
  }
}

/** Progress of the cards the content has (orphaned progress is not practised). */
function inContent(progress: ProgressById, known: ReadonlySet<string>): ProgressById {
  const kept: Record<string, CardProgress | undefined> = {};
  for (const [id, p] of Object.entries(progress)) if (known.has(id)) kept[id] = p;
  return kept;
}

/**
 * How a session's grades count. 'drill' (drill weak): a card due today is its normal review,
 * any other card is practice. 'cram': all practice, or all reviews when the learner asks.
 */
export type PracticeMode = 'drill' | 'cram';

export interface PracticeSession {
  mode: PracticeMode;
  spec: PracticeSpec;
}

/**
 * The session an address names: `weak` is the drill; `cram/<set>` or any other set is a cram
 * (`cram/weak` crams the weak cards). Null for none or a bad one (the chooser then shows).
 */
export function practiceSessionFrom(params: readonly string[]): PracticeSession | null {
  const cram = params[0] === 'cram';
  const spec = practiceSpecFrom(cram ? params.slice(1) : params);
  if (spec === null) return null;
  return { mode: !cram && spec.kind === 'weak' ? 'drill' : 'cram', spec };
}

/** The address parts of a session: practiceSessionFrom's inverse. */
export function practiceSessionParams(session: PracticeSession): string[] {
  const params = practiceParams(session.spec);
  return session.mode === 'cram' && session.spec.kind === 'weak' ? ['cram', ...params] : params;
}

/**
 * Whether the review queue would offer this card now: a review card due before the next
 * rollover, a (re)learning card due by `now`. A new card is not due.
 */
export function isDueNow(
  progress: CardProgress | undefined,
  now: number,
  rolloverHour: number,
): boolean {
  if (progress === undefined || progress.state === 'new') return false;
  if (progress.state === 'review') return progress.due < nextRollover(now, rolloverHour);
  return progress.due <= now;
}

/** Whether a grade in this session is a normal review (else practice: schedule untouched). */
export function gradeCountsAsReview(
  mode: PracticeMode,
  countAsReviews: boolean,
  progress: CardProgress | undefined,
  now: number,
  rolloverHour: number,
): boolean {
  return mode === 'drill' ? isDueNow(progress, now, rolloverHour) : countAsReviews;
}

/** The spec an address names (the parts after `#/practice`), or null for none or a bad one. */
export function practiceSpecFrom(params: readonly string[]): PracticeSpec | null {
  const [kind, value] = params;
  if (kind === 'weak' && value === undefined) return { kind };
  if (kind === 'starred' && value === undefined) return { kind };
  if (kind === 'deck' && value) return { kind, slug: value };
  if (kind === 'tag' && value) return { kind, tag: value };
  if (kind === 'random' && value !== undefined && /^\d{1,3}$/.test(value)) {
    const count = Number(value);
    if (count >= 1 && count <= MAX_RANDOM) return { kind, count };
  }
  if (kind === 'interview' && value) return { kind, id: value };
  return null;
}

/** The address parts of a spec: practiceSpecFrom's inverse. */
export function practiceParams(spec: PracticeSpec): string[] {
  switch (spec.kind) {
    case 'weak':
    case 'starred':
      return [spec.kind];
    case 'deck':
      return [spec.kind, spec.slug];
    case 'tag':
      return [spec.kind, spec.tag];
    case 'random':
      return [spec.kind, String(spec.count)];
    case 'interview':
      return [spec.kind, spec.id];
  }
}
