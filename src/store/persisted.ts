// The state kept in localStorage, its version, and the migrations that bring older shapes up to
// date. A version bump without a migration would silently drop months of reviews: never do that.
import type { CardProgress, ReviewLogEntry } from '../scheduler/progress.ts';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '../scheduler/settings.ts';
import type { SeenCard } from './orphans.ts';

/** The persist name; also the key of the small "meta" record (see localStorageRepository.ts). */
export const STORAGE_KEY = 'rnn-flashcards/progress';
export const CURRENT_VERSION = 3;

/** A review as versions 1 and 2 recorded it: no kind (all were reviews), no answer time. */
export type ReviewLogEntryV2 = Omit<ReviewLogEntry, 'kind' | 'answerMs'>;

/** Version 1 (first release): one localStorage key holding everything. */
export interface PersistedStateV1 {
  progress: Record<string, CardProgress>;
  log: ReviewLogEntryV2[];
  settings: SchedulerSettings;
}

/**
 * Version 2: the same data plus what merging between tabs and imports needs. Stored split over
 * several keys so that one grade rewrites only the little it changed.
 */
export interface PersistedStateV2 {
  /** Keyed by card id. Progress of cards no longer in the content stays here (orphans). */
  progress: Record<string, CardProgress>;
  /** When each card's progress last changed (epoch ms): the newer change wins a merge. */
  revs: Record<string, number>;
  /** Every review, oldest first. */
  log: ReviewLogEntryV2[];
  /** Keys (see logKey) of reviews taken back by undo, so no merge brings them back. */
  removed: string[];
  settings: SchedulerSettings;
  settingsRev: number;
  /** When all progress was last reset (0: never). Anything older is gone for good. */
  resetAt: number;
  /**
   * Which reset is the latest (absent: resetAt): the greater wins a merge. Not resetAt itself,
   * because a reset made with the clock ahead is moved back to the first review recorded after
   * it with the clock set right, so that no later review is hidden (see progressStore.rate).
   */
  resetRev?: number;
  /** Where each card with progress was last seen in the content: finds edited cards. */
  seen: Record<string, SeenCard>;
}

/** A card's flags, beside (and independent of) its progress. */
export interface CardFlags {
  starred: boolean;
  /** Never queued, drilled or counted due. */
  suspended: boolean;
  /** When either flag last changed (epoch ms). */
  rev: number;
  /** When each flag last changed (absent: at `rev`): per flag, the newer change wins a merge. */
  starredRev?: number | undefined;
  suspendedRev?: number | undefined;
}

/**
 * Version 3: log entries carry their kind and answer time (ReviewLogEntry); cards may carry
 * flags, with or without progress.
 */
export interface PersistedStateV3 extends Omit<PersistedStateV2, 'log'> {
  /** Every review and practice, oldest first. */
  log: ReviewLogEntry[];
  flags: Record<string, CardFlags>;
}

/**
 * An interview the learner prepares for (see src/study/plan.ts). `scope.decks` holds deck slugs
 * (empty: every deck), `scope.tags` card tags (empty: any).
 */
export interface Interview {
  id: string;
  name: string;
  /** Epoch ms: date and time of the interview. */
  at: number;
  scope: { decks: string[]; tags: string[] };
  createdAt: number;
  /** Readiness recorded when the learner first saw the interview past (0–1; absent: not yet). */
  readinessAtPast?: number;
}

/** An interview as stored: `value` null is a removal, kept so no merge brings it back. */
export interface InterviewRecord {
  /** When it last changed (epoch ms): the newer change wins a merge. */
  rev: number;
  value: Interview | null;
}

/**
 * Version 3 as it is now. Interviews came later in their own small key without a version bump:
 * an absent key means no interviews, and releases before them never read the key (nothing of
 * theirs is lost or misread), so no migration is needed.
 */
export interface PersistedStateV3WithInterviews extends PersistedStateV3 {
  interviews: Record<string, InterviewRecord>;
}

export type PersistedState = PersistedStateV3WithInterviews;

export function initialPersistedState(): PersistedState {
  return {
    progress: {},
    revs: {},
    log: [],
    removed: [],
    settings: { ...DEFAULT_SETTINGS },
    settingsRev: 0,
    resetAt: 0,
    seen: {},
    flags: {},
    interviews: {},
  };
}

/** Stability and difficulty are kept to two decimals in the log: they are for statistics only. */
export function roundForLog(x: number | null): number | null {
  return x === null ? null : Math.round(x * 100) / 100;
}

/**
 * Flags in their one form: the per-flag revisions are kept only where they differ from `rev`
 * (the later of the two), so flags changed together compare and store as before.
 */
export function cardFlags(
  starred: boolean,
  suspended: boolean,
  starredRev: number,
  suspendedRev: number,
): CardFlags {
  const rev = Math.max(starredRev, suspendedRev);
  return {
    starred,
    suspended,
    rev,
    ...(starredRev === rev ? {} : { starredRev }),
    ...(suspendedRev === rev ? {} : { suspendedRev }),
  };
}

/** The revision of a state's last reset (see PersistedStateV2.resetRev). */
export const resetRevOf = (s: { resetAt: number; resetRev?: number | undefined }) =>
  s.resetRev ?? s.resetAt;

/** Of two states, the one whose reset is the latest (ties: the later reset time, then `a`). */
type ResetOf = { resetAt: number; resetRev?: number | undefined };
export function laterReset<A extends ResetOf, B extends ResetOf>(a: A, b: B): A | B {
  const d = resetRevOf(b) - resetRevOf(a);
  return d > 0 || (d === 0 && b.resetAt > a.resetAt) ? b : a;
}

/** Identity of one review across tabs, imports and storage: a card is graded once per instant. */
export function logKey(entry: Pick<ReviewLogEntry, 'cardId' | 'reviewedAt'>): string {
  return `${entry.reviewedAt}|${entry.cardId}`;
}

type LogPlace = Pick<ReviewLogEntry, 'cardId' | 'reviewedAt'>;

/**
 * The log's one order: by time, then card. Reviews of two cards in one millisecond (two tabs,
 * an import) must sit in the same order in memory as after a reload, or the two disagree.
 */
export const logOrder = (x: LogPlace, y: LogPlace): number =>
  x.reviewedAt - y.reviewedAt || (x.cardId < y.cardId ? -1 : x.cardId > y.cardId ? 1 : 0);

/**
 * Brings a stored state of `version` up to CURRENT_VERSION. Unknown versions are refused (thrown)
 * rather than guessed at; the storage layer keeps such values as backups before we get here.
 */
export function migrate(persisted: unknown, version: number): PersistedState {
  if (version === 1) return migrateV1(persisted as Partial<PersistedStateV1>);
  if (version === 2 || version === 3) return fillDefaults(persisted as StoredState);
  throw new Error(`cannot read stored progress of version ${version}`);
}

/**
 * v1 → v2: every card's revision is its last review; nothing was ever removed or reset; the
 * stored settings count as changed once, so they win over the defaults they are merged with.
 */
function migrateV1(state: Partial<PersistedStateV1>): PersistedState {
  const progress = state.progress ?? {};
  const revs: Record<string, number> = {};
  for (const [id, p] of Object.entries(progress)) revs[id] = p.lastReview ?? 0;
  return fillDefaults({
    progress,
    revs,
    log: (state.log ?? [])
      .map((e) => ({
        ...e,
        stability: roundForLog(e.stability),
        difficulty: roundForLog(e.difficulty),
      }))
      .sort(logOrder),
    settings: state.settings ?? DEFAULT_SETTINGS,
    settingsRev: 1,
  });
}

/**
 * Settings added in later releases get their defaults; nothing stored is dropped. v2 → v3: every
 * older entry is a review with no answer time; no card has flags.
 */
type StoredState = Partial<Omit<PersistedState, 'log'>> & {
  log?: (ReviewLogEntryV2 & Partial<Pick<ReviewLogEntry, 'kind' | 'answerMs'>>)[];
};

function fillDefaults(state: StoredState): PersistedState {
  return {
    progress: state.progress ?? {},
    revs: state.revs ?? {},
    log: (state.log ?? []).map((e) => ({
      ...e,
      kind: e.kind ?? 'review',
      answerMs: e.answerMs ?? null,
    })),
    removed: state.removed ?? [],
    settings: { ...DEFAULT_SETTINGS, ...state.settings },
    settingsRev: state.settingsRev ?? 0,
    resetAt: state.resetAt ?? 0,
    ...(state.resetRev === undefined ? {} : { resetRev: state.resetRev }),
    seen: state.seen ?? {},
    flags: state.flags ?? {},
    interviews: state.interviews ?? {},
  };
}
