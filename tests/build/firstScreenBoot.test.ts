// @vitest-environment jsdom
// The boot script puts a returning learner's remembered first screen (src/platform/firstScreen.ts)
// in place of the built-in one only while it is still right, and as inert markup.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transformPageScripts } from '../../src/build/pageScripts.ts';
import { FIRST_SCREEN_KEY, type FirstScreen } from '../../src/platform/firstScreen.ts';
import { PREFERENCES_KEY } from '../../src/preferences/preferencesStore.ts';
import { KEPT_PREFS, KEPT_SCREEN } from '../support/firstScreen.ts';
import { runBoot, type BootPage } from './runBoot.ts';

const PAGE = transformPageScripts(`<!doctype html><html><head>
<script type="module" crossorigin src="./assets/index-A1.js"></script></head>
<body><div id="root"></div></body></html>`);

// The built-in screen, as src/app/prerender.tsx makes it (its parts that matter here).
const BUILT_IN = `<div id="root" data-prerendered=""><section class="review">
<div class="review-top"><p class="counts">New <b>10</b></p></div>
<article class="card"><div class="card-head"><p class="card-meta">RNN · Q1</p></div>
<div id="card-question"><p>Built-in question</p></div>
<div class="card-answer" hidden=""><p>Built-in answer</p></div></article></section></div>`;

const PREFS = KEPT_PREFS;
const KEPT = KEPT_SCREEN;
const SCREEN = KEPT.screens[0]!;

function boot(kept: unknown, page: BootPage = {}) {
  return runBoot(PAGE, {
    stale: true,
    introSeen: true,
    returning: 'own-route',
    body: BUILT_IN,
    now: 2000,
    ...page,
    storage: {
      [PREFERENCES_KEY]: PREFS,
      ...(kept === undefined ? {} : { [FIRST_SCREEN_KEY]: JSON.stringify(kept) }),
      ...page.storage,
    },
  });
}

const shown = (run: ReturnType<typeof boot>) => ({
  stale: run.doc.documentElement.classList.contains('prerender-stale'),
  question: run.doc.querySelector('#card-question')?.textContent,
  counts: run.doc.querySelector('.counts')?.textContent,
  meta: run.doc.querySelector('.card-meta')?.textContent,
  answer: run.doc.querySelector('.card-answer')?.textContent,
  card: run.bootScript.dataset['card'],
});

const BUILT_IN_SHOWN = {
  stale: true,
  question: 'Built-in question',
  counts: 'New 10',
  meta: 'RNN · Q1',
  answer: 'Built-in answer',
  card: undefined,
};

describe('the boot script and a remembered first screen', () => {
  it('shows it in place of the built-in card, counts and answer', () => {
    const run = boot(KEPT);
    expect(shown(run)).toEqual({
      stale: false,
      question: 'Why gates?',
      counts: 'New 3',
      meta: 'RNN · Q2',
      answer: '',
      card: 'rnn/b',
    });
    // Shown now, so the app starts after it is painted.
    expect(run.added()).toEqual([]);
    expect(run.frames).toHaveLength(1);
  });

  it('leaves the page hidden when it may no longer be right', () => {
    const cases: [string, unknown, BootPage?][] = [
      ['another build', { ...KEPT, build: './assets/index-Z9.js' }],
      ['other preferences', KEPT, { storage: { [PREFERENCES_KEY]: PREFS.replace('en', 'zh') } }],
      ['another language', KEPT, { lang: 'zh-CN' }],
      // The rest of the built-in screen (navigation, buttons) is in English.
      ['Chinese', { ...KEPT, lang: 'zh-CN' }, { lang: 'zh-CN' }],
      // Study days end at a local hour: the spans were another zone's days.
      ['another time zone', KEPT, { offset: 60 }],
      ['offsets missing', { ...KEPT, screens: [{ ...SCREEN, offsets: undefined }] }],
      ['the clock before it was kept', KEPT, { now: 999 }],
      ['the clock at its end', KEPT, { now: 5000 }],
      ['no screens', { ...KEPT, screens: [] }],
      ['screens damaged', { ...KEPT, screens: [null] }],
      ['another route', KEPT, { returning: 'other-route' }],
      ['no progress stored', KEPT, { returning: undefined }],
      ['a part missing', { ...KEPT, screens: [{ ...SCREEN, parts: SCREEN.parts.slice(1) }] }],
      ['a page without the part', KEPT, { body: BUILT_IN.replace('card-head', 'card-top') }],
      ['another version', { ...KEPT, v: 1 }],
      ['nothing kept', undefined],
      ['damaged', '{"v":1,'],
    ];
    for (const [why, kept, page] of cases) {
      const run = boot(kept, page);
      expect(shown(run), why).toEqual(BUILT_IN_SHOWN);
    }
  });

  it('keeps no script, handler or script address from what was stored', () => {
    const hostile = {
      ...KEPT,
      screens: [
        {
          ...SCREEN,
          parts: [
            '<div class="review-top" onclick="alert(1)"><script>alert(2)</script><b>3</b></div>',
            '<div class="card-head"><a href=" javascript:alert(3)">x</a><iframe src="x"></iframe></div>',
            '<div id="card-question"><img src="x" onerror="alert(4)"><svg><a href="data:text/html,x" onmouseover="alert(5)">y</a></svg></div>',
          ],
        },
      ],
    };
    const run = boot(hostile);
    const html = run.doc.querySelector('section')!.innerHTML;
    expect(shown(run).stale).toBe(false);
    expect(html).not.toMatch(/alert|script|iframe|javascript|data:|onerror|onclick|onmouseover/i);
    expect(run.doc.querySelector('#card-question img')?.getAttribute('src')).toBe('x');
  });

  it('never fails on whatever storage holds, and shows only what passes every check', () => {
    const screen = fc.record({
      card: fc.string({ minLength: 1 }),
      at: fc.oneof(fc.integer({ min: -1e3, max: 1e4 }), fc.double(), fc.constant(null)),
      until: fc.oneof(fc.integer({ min: -1e3, max: 1e4 }), fc.double(), fc.string()),
      parts: fc.oneof(fc.constant(SCREEN.parts), fc.array(fc.string(), { maxLength: 4 })),
      offsets: fc.constantFrom(SCREEN.offsets, [-480, 60], [60, 60], null),
    });
    const stored = fc.oneof(
      fc.anything(),
      fc.record({
        v: fc.constantFrom(1, 2, '2'),
        build: fc.constantFrom(KEPT.build, 'other'),
        prefs: fc.constantFrom(PREFS, null, ''),
        lang: fc.constantFrom('en', 'zh-CN'),
        screens: fc.oneof(fc.array(screen, { maxLength: 3 }), fc.anything()),
      }),
    );
    fc.assert(
      fc.property(stored, fc.integer({ min: -1e3, max: 1e4 }), (kept, now) => {
        const run = boot(kept, { now });
        const k = kept as Partial<FirstScreen> | null;
        const first =
          typeof k === 'object' &&
          k !== null &&
          k.v === 2 &&
          k.build === KEPT.build &&
          k.prefs === PREFS &&
          k.lang === 'en' &&
          Array.isArray(k.screens)
            ? k.screens.find(
                (s) =>
                  typeof s === 'object' &&
                  s !== null &&
                  (s.at as number) <= now &&
                  now < (s.until as number) &&
                  Array.isArray(s.parts) &&
                  s.parts.length === 3 &&
                  s.offsets?.[0] === -480 &&
                  s.offsets[1] === -480,
              )
            : undefined;
        expect(shown(run).stale).toBe(first === undefined);
        expect(shown(run).card).toBe(first?.card);
      }),
      { numRuns: 300 },
    );
  });

  it('shows the screen whose span holds the clock: today’s, or a later day’s', () => {
    const tomorrow = {
      card: 'rnn/e',
      at: 5000,
      until: 9000,
      parts: SCREEN.parts.map((p) => p.replace('Why gates?', 'Why clip?')),
      offsets: SCREEN.offsets,
    };
    const kept = { ...KEPT, screens: [SCREEN, tomorrow] };
    expect(shown(boot(kept, { now: 4999 }))).toMatchObject({
      card: 'rnn/b',
      question: 'Why gates?',
    });
    expect(shown(boot(kept, { now: 5000 }))).toMatchObject({
      card: 'rnn/e',
      question: 'Why clip?',
    });
    expect(shown(boot(kept, { now: 9000 }))).toEqual(BUILT_IN_SHOWN);
  });
});
