// Interface preferences (language, theme, whether the introduction was seen, the deck being
// studied): a small store of its own, apart from learner progress, persisted under its own localStorage key.
//
// index.html reads this key before first paint to set the theme and <html lang>, so the stored
// shape `{ state: { locale, theme, introSeen, deck, reviewKeyPoints }, version }` is part of its contract too (a
// chosen deck makes the built-in first screen, which shows the first deck, not this visitor's).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { detectLocale, isLocale, type Locale } from '../i18n/locale.ts';
import type { DocumentTheme } from '../platform/document.ts';

export const PREFERENCES_KEY = 'rnn-flashcards/preferences';
export const PREFERENCES_VERSION = 1;

export const THEMES = ['system', 'light', 'dark'] as const satisfies readonly DocumentTheme[];
export type ThemePreference = (typeof THEMES)[number];

export interface Preferences {
  locale: Locale;
  theme: ThemePreference;
  /** The first-run introduction was finished or skipped. */
  introSeen: boolean;
  /**
   * The slug of the deck being studied; null for all decks (the default). It may name a deck
   * that has since left the content: the screens then study all decks and say so.
   */
  deck: string | null;
  /** Review shows the answer's key points to tick, and suggests a grade (off by default). */
  reviewKeyPoints: boolean;
}

export interface PreferencesState extends Preferences {
  setLocale: (locale: Locale) => void;
  setTheme: (theme: ThemePreference) => void;
  setIntroSeen: (seen: boolean) => void;
  setDeck: (deck: string | null) => void;
  setReviewKeyPoints: (on: boolean) => void;
}

export type PreferencesStore = StoreApi<PreferencesState>;

/** localStorage, or an in-memory stand-in in tests. */
export type PreferencesStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface PreferencesStoreOptions {
  storage: PreferencesStorage;
  /** The browser's preferred languages (`navigator.languages`): they pick the first locale. */
  languages: readonly string[];
}

export function defaultPreferences(languages: readonly string[]): Preferences {
  return {
    locale: detectLocale(languages),
    theme: 'system',
    introSeen: false,
    deck: null,
    reviewKeyPoints: false,
  };
}

/**
 * Stored preferences of any version, checked field by field: a value this build does not know
 * (a removed language, a hand-edited theme) falls back to its default instead of breaking the UI.
 */
export function sanitizePreferences(stored: unknown, defaults: Preferences): Preferences {
  const s =
    typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    locale: isLocale(s.locale) ? s.locale : defaults.locale,
    theme: (THEMES as readonly unknown[]).includes(s.theme)
      ? (s.theme as ThemePreference)
      : defaults.theme,
    introSeen: typeof s.introSeen === 'boolean' ? s.introSeen : defaults.introSeen,
    deck: typeof s.deck === 'string' && s.deck !== '' ? s.deck : defaults.deck,
    reviewKeyPoints: s.reviewKeyPoints === true,
  };
}

/**
 * The stored value (`{ state, version }`), or nothing when storage is blocked, empty or holds
 * something that is not JSON. Preferences are a convenience: broken storage must not stop the app.
 */
function readStored(storage: PreferencesStorage): { state?: unknown } | null {
  try {
    const raw = storage.getItem(PREFERENCES_KEY);
    const parsed: unknown = raw === null ? null : JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}

// A hand-written read and write in place of zustand's persist middleware: it keeps the same
// `{ state, version }` record and saves ~1.3 kB gz of the first download. Any version (older or
// newer) keeps what it can read, field by field.
export function createPreferencesStore(options: PreferencesStoreOptions): PreferencesStore {
  const defaults = defaultPreferences(options.languages);
  const store = createStore<PreferencesState>()((set) => ({
    ...defaults,
    setLocale: (locale) => set({ locale }),
    setTheme: (theme) => set({ theme }),
    setIntroSeen: (introSeen) => set({ introSeen }),
    setDeck: (deck) => set({ deck }),
    setReviewKeyPoints: (reviewKeyPoints) => set({ reviewKeyPoints }),
  }));
  // The defaults stay the store's initial state: hydrating the page built into index.html reads
  // that (zustand's getInitialState), and the built page was rendered with the defaults.
  const stored = readStored(options.storage);
  if (stored) store.setState(sanitizePreferences(stored.state, defaults));
  store.subscribe(({ locale, theme, introSeen, deck, reviewKeyPoints }) => {
    const state: Preferences = { locale, theme, introSeen, deck, reviewKeyPoints };
    try {
      options.storage.setItem(
        PREFERENCES_KEY,
        JSON.stringify({ state, version: PREFERENCES_VERSION }),
      );
    } catch {
      // Quota exceeded or storage disabled: keep the choice for this session only.
    }
  });
  return store;
}
