// Interface preferences (language, theme, whether the introduction was seen): a small store of
// its own, apart from learner progress, persisted under its own localStorage key.
//
// index.html reads this key before first paint to set the theme and <html lang>, so the stored
// shape `{ state: { locale, theme, introSeen }, version }` is part of its contract too.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
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
  /** Review shows the answer's key points to tick, and suggests a grade (off by default). */
  reviewKeyPoints: boolean;
}

export interface PreferencesState extends Preferences {
  setLocale: (locale: Locale) => void;
  setTheme: (theme: ThemePreference) => void;
  setIntroSeen: (seen: boolean) => void;
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
    reviewKeyPoints: s.reviewKeyPoints === true,
  };
}

/** Preferences are a convenience: storage that is full, blocked or broken must not stop the app. */
export function forgivingStorage(inner: PreferencesStorage): StateStorage {
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
      try {
        inner.setItem(name, value);
      } catch {
        // Quota exceeded or storage disabled: keep the choice for this session only.
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

export function createPreferencesStore(options: PreferencesStoreOptions): PreferencesStore {
  const defaults = defaultPreferences(options.languages);
  return createStore<PreferencesState>()(
    persist(
      (set) => ({
        ...defaults,
        setLocale: (locale) => set({ locale }),
        setTheme: (theme) => set({ theme }),
        setIntroSeen: (introSeen) => set({ introSeen }),
        setReviewKeyPoints: (reviewKeyPoints) => set({ reviewKeyPoints }),
      }),
      {
        name: PREFERENCES_KEY,
        version: PREFERENCES_VERSION,
        storage: createJSONStorage(() => forgivingStorage(options.storage)),
        partialize: ({ locale, theme, introSeen, reviewKeyPoints }): Preferences => ({
          locale,
          theme,
          introSeen,
          reviewKeyPoints,
        }),
        // Version 1 is the first; any other version (older or newer) keeps what it can read.
        migrate: (persisted) => sanitizePreferences(persisted, defaults),
        merge: (persisted, current) => ({
          ...current,
          ...sanitizePreferences(persisted, defaults),
        }),
      },
    ),
  );
}
