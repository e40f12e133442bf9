import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PREFERENCES_KEY,
  createPreferencesStore,
  type PreferencesStorage,
} from '../../src/preferences/preferencesStore.ts';

function storage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  } satisfies PreferencesStorage & { items: Map<string, string> };
}

const stored = (s: ReturnType<typeof storage>) =>
  JSON.parse(s.items.get(PREFERENCES_KEY) ?? 'null') as unknown;

describe('interface preferences', () => {
  it('start from the browser language on first run, the system theme and the introduction', () => {
    const zh = createPreferencesStore({ storage: storage(), languages: ['zh-CN', 'en'] });
    expect(zh.getState()).toMatchObject({
      locale: 'zh',
      theme: 'system',
      introSeen: false,
      deck: null,
    });
    const en = createPreferencesStore({ storage: storage(), languages: ['de-DE'] });
    expect(en.getState().locale).toBe('en');
  });

  it('keep the defaults as the initial state that hydration reads, with the stored ones current', () => {
    const s = storage();
    s.setItem(
      'rnn-flashcards/preferences',
      JSON.stringify({ state: { locale: 'en', theme: 'dark', introSeen: true }, version: 1 }),
    );
    const store = createPreferencesStore({ storage: s, languages: ['en'] });
    expect(store.getState()).toMatchObject({ theme: 'dark', introSeen: true });
    // The page built into index.html was rendered with the defaults: hydration must see those.
    expect(store.getInitialState()).toMatchObject({ theme: 'system', introSeen: false });
  });

  it('are saved under their own key with a version, and win over the browser language', () => {
    const s = storage();
    const store = createPreferencesStore({ storage: s, languages: ['zh-CN'] });
    store.getState().setLocale('en');
    store.getState().setTheme('dark');
    store.getState().setIntroSeen(true);
    store.getState().setDeck('rnn-equations');
    expect(stored(s)).toEqual({
      state: {
        locale: 'en',
        theme: 'dark',
        introSeen: true,
        deck: 'rnn-equations',
        reviewKeyPoints: false,
      },
      version: 1,
    });
    const again = createPreferencesStore({ storage: s, languages: ['zh-CN'] });
    expect(again.getState()).toMatchObject({
      locale: 'en',
      theme: 'dark',
      introSeen: true,
      deck: 'rnn-equations',
    });
    again.getState().setDeck(null);
    expect(stored(s)).toMatchObject({ state: { deck: null } });
  });

  it('keep key points in review off until turned on, and remember it', () => {
    const s = storage({
      [PREFERENCES_KEY]: JSON.stringify({ state: { reviewKeyPoints: 'yes' }, version: 1 }),
    });
    const store = createPreferencesStore({ storage: s, languages: ['en'] });
    expect(store.getState().reviewKeyPoints).toBe(false);
    store.getState().setReviewKeyPoints(true);
    expect(
      createPreferencesStore({ storage: s, languages: ['en'] }).getState().reviewKeyPoints,
    ).toBe(true);
  });

  it('write nothing until something is chosen', () => {
    const s = storage();
    createPreferencesStore({ storage: s, languages: ['en'] });
    expect(s.items.size).toBe(0);
  });

  it('keep what they can of damaged, unknown or other-version data', () => {
    const cases: [string, object][] = [
      ['not json', { locale: 'zh', theme: 'system', introSeen: false }],
      [
        JSON.stringify({ state: { locale: 'fr', theme: 'sepia', introSeen: 'yes' }, version: 1 }),
        { locale: 'zh', theme: 'system', introSeen: false },
      ],
      [
        JSON.stringify({ state: { locale: 'en', theme: 'dark', extra: 1 }, version: 7 }),
        { locale: 'en', theme: 'dark', introSeen: false },
      ],
      [
        JSON.stringify({ state: { theme: 'light', introSeen: true }, version: 0 }),
        { locale: 'zh', theme: 'light', introSeen: true, deck: null },
      ],
      [
        JSON.stringify({ state: { deck: 'rnn' }, version: 1 }),
        { locale: 'zh', theme: 'system', introSeen: false, deck: 'rnn' },
      ],
      [JSON.stringify({ state: { deck: 7 }, version: 1 }), { deck: null }],
      [JSON.stringify({ state: { deck: '' }, version: 1 }), { deck: null }],
    ];
    for (const [raw, expected] of cases) {
      const store = createPreferencesStore({
        storage: storage({ [PREFERENCES_KEY]: raw }),
        languages: ['zh-CN'],
      });
      expect(store.getState(), raw).toMatchObject(expected);
    }
  });

  it('read any stored deck as a deck slug or all decks, never anything else', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (deck) => {
        const raw = JSON.stringify({ state: { deck }, version: 1 });
        const store = createPreferencesStore({
          storage: storage({ [PREFERENCES_KEY]: raw }),
          languages: ['en'],
        });
        const read = store.getState().deck;
        expect(read).toBe(typeof deck === 'string' && deck !== '' ? deck : null);
      }),
    );
  });

  it('keep working when storage refuses to read or write', () => {
    const broken: PreferencesStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const store = createPreferencesStore({ storage: broken, languages: ['en'] });
    expect(() => store.getState().setTheme('dark')).not.toThrow();
    expect(store.getState().theme).toBe('dark');
  });
});
