// Mock interviews kept across reloads and closed tabs: the session in progress (never its
// recordings: they stay in memory), the finished ones with their scores, and the mock settings.
// A small zustand store persisted under its own key; loaded only with the mock interview screen.
//
// Stored shape: { state: { active, history, settings }, version }. Anything read back is checked
// (valibot) piece by piece: an unreadable session or history entry is dropped, not the rest.
//
// A stored value holding anything that reading leaves out (unreadable JSON, a bad session, a
// newer version) is copied to a backup key before the store first writes over it, as progress is
// (backups.ts); the store says so in `unreadableCopy`, and Settings lists the copy.
//
// Two tabs share the key. The finished sessions are a union (mergeMockData): each write keeps
// what another tab stored meanwhile, and a change from another tab is merged into this one. The
// session in progress and the settings are the last writer's.
import * as v from 'valibot';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import {
  DEFAULT_MOCK_QUESTIONS,
  DEFAULT_QUESTION_SECONDS,
  type MockSession,
} from '../study/mockInterview.ts';
import { now as clockNow } from '../platform/clock.ts';
import { browserStorage, onOtherTabChange } from '../platform/storage.ts';
// (A time beyond MAX_TIME is no date: formatting it throws and would take the screen down.)
import { time } from './decoding.ts';
import { backupKeys, keepCopy } from './backups.ts';
import type { KeyValueStorage, StoredBackup } from './repository.ts';

export const MOCK_KEY = 'rnn-flashcards/mock-interviews';
export const MOCK_VERSION = 1;
/** Finished sessions kept, newest first. */
export const MOCK_HISTORY_LIMIT = 50;

export interface MockSettings {
  questions: number;
  questionSeconds: number;
}

export const DEFAULT_MOCK_SETTINGS: Readonly<MockSettings> = Object.freeze({
  questions: DEFAULT_MOCK_QUESTIONS,
  questionSeconds: DEFAULT_QUESTION_SECONDS,
});

export interface MockData {
  active: MockSession | null;
  /** Finished sessions, newest first. */
  history: MockSession[];
  settings: MockSettings;
}

export interface MockState extends MockData {
  /** The backup key of a stored value that could not all be read, kept at load; else null. */
  unreadableCopy: string | null;
  /** Replaces the session in progress (null: none); a finished one moves to the history. */
  setActive: (session: MockSession | null) => void;
  setSettings: (patch: Partial<MockSettings>) => void;
}

export type MockStore = StoreApi<MockState>;

/** localStorage, or an in-memory stand-in in tests. */
export type MockStorage = KeyValueStorage;

/** What is stored under `name`, read as far as it can be; null when nothing readable is. */
function readStored(inner: MockStorage, name: string): MockData | null {
  try {
    const raw = inner.getItem(name);
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    const state =
      typeof parsed === 'object' && parsed !== null ? (parsed as { state?: unknown }).state : null;
    return sanitizeMockData(state);
  } catch {
    return null;
  }
}

/** Whether reading `raw` (a stored value) leaves out anything it holds. */
function losesSomething(raw: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return true;
  }
  if (typeof parsed !== 'object' || parsed === null) return true;
  const { state, version } = parsed as { state?: unknown; version?: unknown };
  if (typeof version !== 'number' || version > MOCK_VERSION) return true;
  if (typeof state !== 'object' || state === null) return true;
  const { active, history, settings } = state as Record<string, unknown>;
  const read = sanitizeMockData(state);
  return (
    (history !== undefined && (!Array.isArray(history) || read.history.length < history.length)) ||
    (active != null && read.active === null) ||
    (settings !== undefined && !v.is(SettingsSchema, settings))
  );
}

/** Keeps a copy of what is stored under `name` if reading it leaves something out. */
function keepUnreadable(inner: MockStorage, name: string, now: number): string | null {
  try {
    const raw = inner.getItem(name);
    return raw !== null && losesSomething(raw) ? keepCopy(inner, name, raw, now) : null;
  } catch {
    return null;
  }
}

/** Backups of mock interview data (Settings lists them beside progress backups). */
export function mockBackups(storage: KeyValueStorage): StoredBackup[] {
  return backupKeys(storage, MOCK_KEY).map((key) => ({
    key,
    chars: storage.getItem(key)?.length ?? 0,
  }));
}

/**
 * Storage that is full, blocked or broken must not stop a mock interview: it goes on in memory.
 * Each write keeps the finished sessions another tab stored since this tab last read them, and
 * never writes over a value it could not all read without a copy of it.
 */
function forgivingStorage(inner: MockStorage, now: () => number): StateStorage {
  return {
    getItem(name) {
      try {
        const raw = inner.getItem(name);
        if (raw === null) return null;
        JSON.parse(raw); // unreadable JSON counts as nothing stored
        return raw;
      } catch {
        return null;
      }
    },
    setItem(name, value) {
      keepUnreadable(inner, name, now());
      try {
        const stored = readStored(inner, name);
        if (stored !== null) {
          const written = JSON.parse(value) as { state: MockData; version: number };
          value = JSON.stringify({ ...written, state: mergeMockData(written.state, stored) });
        }
        inner.setItem(name, value);
      } catch {
        // Quota exceeded or storage disabled: the session goes on in memory.
      }
    },
    removeItem(name) {
      try {
        inner.removeItem(name);
      } catch {
        // As above.
      }
    },
  };
}

const count = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const QuestionSchema = v.object({
  cardId: v.string(),
  shownAt: v.nullable(time),
  revealedAt: v.nullable(time),
  points: count(0, 1000),
  ticked: v.array(count(0, 1000)),
  done: v.boolean(),
});
const SessionSchema = v.object({
  id: v.string(),
  interviewId: v.nullable(v.string()),
  scope: v.object({ decks: v.array(v.string()), tags: v.array(v.string()) }),
  startedAt: time,
  questionSeconds: count(1, 3600),
  questions: v.array(QuestionSchema),
  current: count(0, 1000),
  predicted: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  finishedAt: v.nullable(time),
});
const SettingsSchema = v.object({
  questions: count(1, 50),
  questionSeconds: count(10, 3600),
});

function readSession(value: unknown): MockSession | null {
  const r = v.safeParse(SessionSchema, value);
  return r.success && r.output.current <= r.output.questions.length ? r.output : null;
}

/** Stored mock data of any version, read as far as it can be (see the header). */
export function sanitizeMockData(stored: unknown): MockData {
  const s =
    typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const settings = v.safeParse(SettingsSchema, s.settings);
  const history = Array.isArray(s.history) ? s.history.map(readSession) : [];
  const active = readSession(s.active);
  return {
    active: active?.finishedAt === null ? active : null,
    history: history
      .filter((h): h is MockSession => h !== null && h.finishedAt !== null)
      .slice(0, MOCK_HISTORY_LIMIT),
    settings: settings.success ? settings.output : { ...DEFAULT_MOCK_SETTINGS },
  };
}

/** Finished mock interviews read from any value (an imported file): the readable ones only. */
export function readMockHistory(value: unknown): MockSession[] {
  return sanitizeMockData({ history: value }).history;
}

/**
 * Two histories as one: each session once (by id; a finished session never changes, so ours is
 * kept), newest first, within MOCK_HISTORY_LIMIT.
 */
export function mergeMockHistory(
  ours: readonly MockSession[],
  theirs: readonly MockSession[],
): MockSession[] {
  const byId = new Map<string, MockSession>();
  for (const session of [...ours, ...theirs]) {
    if (!byId.has(session.id)) byId.set(session.id, session);
  }
  return [...byId.values()]
    .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))
    .slice(0, MOCK_HISTORY_LIMIT);
}

/**
 * Two tabs' mock data as one: the finished sessions of both (mergeMockHistory); the session in
 * progress and the settings of `winner`, the newer write, unless that session is finished.
 */
export function mergeMockData(winner: MockData, other: MockData): MockData {
  const history = mergeMockHistory(winner.history, other.history);
  const active =
    winner.active !== null && !history.some((h) => h.id === winner.active!.id)
      ? winner.active
      : null;
  return { active, history, settings: winner.settings };
}

/** The data of the store's state, as stored (without its actions). */
const mockDataOf = ({ active, history, settings }: MockData): MockData => ({
  active,
  history,
  settings,
});

let appStore: MockStore | undefined;
/**
 * The app's one mock store, on the browser's storage (in memory where it is refused), made on
 * first use: the mock interview screen and an import share it, so that an import is not
 * overwritten by a store that never saw it. It follows other tabs' changes for as long as the
 * page lives.
 */
export function appMockStore(): MockStore {
  if (appStore) return appStore;
  const { storage, persistent } = browserStorage();
  appStore = createMockStore(storage, clockNow);
  if (persistent)
    followOtherTabs(appStore, storage, (onChange) => onOtherTabChange(MOCK_KEY, onChange));
  return appStore;
}

/**
 * Merges what another tab stored into `store` (mergeMockData, theirs the newer write) whenever
 * `watch` reports a change. It sets state only when that changes it, so the write it causes
 * does not echo back and forth between tabs. Returns the unsubscribe function.
 */
export function followOtherTabs(
  store: MockStore,
  storage: MockStorage,
  watch: (onChange: () => void) => () => void,
): () => void {
  return watch(() => {
    const theirs = readStored(storage, MOCK_KEY);
    if (theirs === null) return;
    const ours = mockDataOf(store.getState());
    const merged = mergeMockData(theirs, ours);
    if (JSON.stringify(merged) !== JSON.stringify(ours)) store.setState(merged);
  });
}

export function createMockStore(storage: MockStorage, now = () => Date.now()): MockStore {
  // Before persist reads it (and so before anything can be written over it).
  const unreadableCopy = keepUnreadable(storage, MOCK_KEY, now());
  return createStore<MockState>()(
    persist(
      (set, get) => ({
        unreadableCopy,
        active: null,
        history: [],
        settings: { ...DEFAULT_MOCK_SETTINGS },
        setActive(session) {
          if (session?.finishedAt != null) {
            const history = [session, ...get().history.filter((h) => h.id !== session.id)];
            set({ active: null, history: history.slice(0, MOCK_HISTORY_LIMIT) });
          } else set({ active: session });
        },
        setSettings: (patch) => set({ settings: { ...get().settings, ...patch } }),
      }),
      {
        name: MOCK_KEY,
        version: MOCK_VERSION,
        storage: createJSONStorage(() => forgivingStorage(storage, now)),
        partialize: (state): MockData => mockDataOf(state),
        // Version 1 is the first; any other version keeps what it can read.
        migrate: (persisted) => sanitizeMockData(persisted),
        merge: (persisted, current) => ({ ...current, ...sanitizeMockData(persisted) }),
      },
    ),
  );
}
