// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import {
  FIRST_SCREEN_KEY,
  rememberedCardShown,
  rememberFirstScreen,
} from '../../src/platform/firstScreen.ts';
import { memoryStorage } from '../../src/platform/storage.ts';
import { KEPT_PREFS, KEPT_SCREEN } from '../support/firstScreen.ts';

const PREFS = 'rnn-flashcards/preferences';
const SCREEN = `<section class="review"><div class="review-top"><p class="counts">New <b>3</b></p></div>
<article class="card"><div class="card-head"><p class="card-meta">RNN · Q2</p></div>
<div id="card-question" class="card-question prose"><p>Why gates?</p></div></article></section>`;

function page(options: { boot?: boolean; screen?: string } = {}) {
  document.documentElement.lang = 'en';
  document.body.innerHTML =
    (options.screen ?? SCREEN) +
    (options.boot === false ? '' : '<script id="boot" data-src="./assets/index-A1.js"></script>');
}

afterEach(() => {
  document.body.innerHTML = '';
});

const moment = { card: 'rnn/b', at: 1000, until: 5000 };

describe('rememberFirstScreen', () => {
  it('keeps the card and counts of the review screen, with what makes them right', () => {
    page();
    const storage = memoryStorage();
    storage.setItem(PREFS, KEPT_PREFS);
    rememberFirstScreen(moment, [], { prefsKey: PREFS, storage });
    expect(JSON.parse(storage.getItem(FIRST_SCREEN_KEY)!)).toEqual(KEPT_SCREEN);
  });

  it('keeps the next days’ screens after it, and no screen with math', () => {
    page();
    const storage = memoryStorage();
    storage.setItem(PREFS, KEPT_PREFS);
    const parts = (question: string) => [
      '<div class="review-top"><p class="counts">New <b>1</b></p></div>',
      '<div class="card-head"><p class="card-meta">RNN · Q5</p></div>',
      `<div id="card-question">${question}</div>`,
    ];
    const tomorrow = { card: 'rnn/e', at: 5000, until: 9000, parts: parts('<p>Why?</p>') };
    const withMath = {
      card: 'rnn/m',
      at: 9000,
      until: 13000,
      parts: parts('<span class="katex">x</span>'),
    };
    rememberFirstScreen(moment, [tomorrow, withMath], { prefsKey: PREFS, storage });
    const kept = JSON.parse(storage.getItem(FIRST_SCREEN_KEY)!) as typeof KEPT_SCREEN;
    // Each with the UTC offsets at its ends (the tests run in Asia/Shanghai, UTC+8).
    expect(kept.screens).toEqual([...KEPT_SCREEN.screens, { ...tomorrow, offsets: [-480, -480] }]);
    // Math on the screen of now: only the later one is kept.
    page({ screen: SCREEN.replace('Why gates?', '<span class="katex">x</span>') });
    rememberFirstScreen(moment, [tomorrow], { prefsKey: PREFS, storage });
    expect((JSON.parse(storage.getItem(FIRST_SCREEN_KEY)!) as typeof KEPT_SCREEN).screens).toEqual([
      { ...tomorrow, offsets: [-480, -480] },
    ]);
  });

  it('keeps nothing without the built page’s boot script, or with a part missing', () => {
    const storage = memoryStorage();
    page({ boot: false });
    rememberFirstScreen(moment, [], { prefsKey: PREFS, storage });
    page({ screen: SCREEN.replace('card-head', 'card-top') });
    rememberFirstScreen(moment, [], { prefsKey: PREFS, storage });
    expect(storage.getItem(FIRST_SCREEN_KEY)).toBeNull();
  });

  it('gives up quietly when storage refuses', () => {
    page();
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() => rememberFirstScreen(moment, [], { prefsKey: PREFS, storage: full })).not.toThrow();
  });
});

describe('rememberedCardShown', () => {
  it('is the card the boot script put on the page, if any', () => {
    page();
    expect(rememberedCardShown()).toBeNull();
    document.getElementById('boot')!.dataset['card'] = 'rnn/b';
    expect(rememberedCardShown()).toBe('rnn/b');
  });
});
