// Vite plugin: the scripts of the built index.html.
//
// 1. The app's JavaScript starts after the page's first paint. The page already holds the first
//    screen (prerendered HTML, inlined CSS) and can paint it on its own. But when the module
//    scripts have arrived by the time the HTML is parsed (a fast network, a cache), Chromium
//    runs them first — about 150 ms of evaluating React at 4× CPU slowdown — and only then
//    paints. So the module script and module preloads Vite writes into <head> become one small
//    inline script at the end of <body>, which adds them after the next frame: at once instead
//    when there is nothing to paint early (index.html marked the built-in screen stale for this
//    visitor) or no frame will come (a hidden tab).
// 2. index.html's first-screen check learns the routes other than the default one, from the
//    screen table (src/navigation/routes.ts), in place of the token `'__OTHER_ROUTES__'`.
// 3. Inline classic scripts (index.html's theme, language and first-screen check) are minified.
// 4. A "Show answer" click or Space/Enter on the built-in screen before the app listens is
//    noted on the boot script (src/platform/earlyInput.ts hands it to the review screen).
// 5. Nothing is painted until the parser has reached the boot script (`<link rel="expect"
//    blocking="render">`, which browsers without it ignore). Chromium otherwise paints the
//    half-parsed page several times on a slow CPU, each a full layout, and shows the question
//    only in a later frame: measured at 4x CPU, about 100 ms later than in one pass.
// 6. A returning learner's app must read storage before it draws anything (main.tsx), with code
//    it imports on demand: the boot script preloads that code with the app's own modules
//    (data-returning, from the bundle) instead of after the app's module has been evaluated.
// 7. A returning learner who left from the review screen may get it back at once: the card and
//    counts kept then (src/platform/firstScreen.ts) go in place of the built-in ones, and the
//    page is shown, when that is still right; the app then draws the same screen over it.
import { minifySync, type Plugin, type Rolldown } from 'vite';
import { DEFAULT_ROUTE, ROUTES } from '../navigation/routes.ts';
import { FIRST_SCREEN_KEY, FIRST_SCREEN_PARTS } from '../platform/firstScreen.ts';
import { PREFERENCES_KEY } from '../preferences/preferencesStore.ts';

const MODULE_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/g;
const MODULE_PRELOAD = /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g;
const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/** The id of the inline script that starts the app; its data attributes name what it loads. */
export const BOOT_SCRIPT_ID = 'boot';

// Runs in the page: `s` is the boot script element itself.
const BOOT = `(function (s) {
  var d = document;
  // Stored markup as inert elements: no script, no handler, no javascript: address survives.
  function inert(html) {
    var t = d.createElement('template');
    t.innerHTML = html;
    var all = t.content.querySelectorAll('*');
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (/^(script|iframe|object|embed|frame|link|meta|base|style|form)$/i.test(el.localName)) {
        el.remove();
        continue;
      }
      for (var j = el.attributes.length - 1; j >= 0; j--) {
        var a = el.attributes[j];
        if (/^on/i.test(a.name) || /^\\s*(javascript|data|vbscript):/i.test(a.value)) {
          el.removeAttribute(a.name);
        }
      }
    }
    return t.content;
  }
  function boot() {
    var preload = s.dataset.preload;
    if (d.documentElement.hasAttribute('data-returning')) preload += ' ' + s.dataset.returning;
    preload.split(' ').forEach(function (href) {
      if (!href) return;
      var link = d.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      d.head.appendChild(link);
    });
    var script = d.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = s.dataset.src;
    d.head.appendChild(script);
  }
  var root = d.documentElement;
  // 7. A returning learner's first screen as they left it, if it is still right. (Only in
  //    English: the rest of the built-in screen, its navigation and buttons, is in English.)
  if (root.getAttribute('data-returning') === 'own-route' && root.lang === 'en') {
    try {
      var kept = JSON.parse(localStorage.getItem(__FIRST_SCREEN_KEY__));
      var now = Date.now();
      var found = __FIRST_SCREEN_PARTS__.map(function (part) {
        return d.querySelector('#root[data-prerendered] ' + part);
      });
      // The one of its screens whose span holds the clock, in the zone it was kept in.
      var screen =
        kept && kept.v === 2 && kept.build === s.dataset.src && kept.lang === root.lang &&
        kept.prefs === localStorage.getItem(__PREFERENCES_KEY__) && found.every(Boolean) &&
        kept.screens.filter(function (k) {
          return (
            k && k.at <= now && now < k.until && Array.isArray(k.parts) &&
            k.parts.length === found.length && Array.isArray(k.offsets) &&
            k.offsets[0] === new Date(k.at).getTimezoneOffset() &&
            k.offsets[1] === new Date(k.until).getTimezoneOffset()
          );
        })[0];
      if (screen) {
        found.forEach(function (el, i) {
          el.replaceWith(inert(screen.parts[i]));
        });
        var answer = d.querySelector('#root[data-prerendered] .card-answer');
        if (answer) answer.textContent = '';
        s.dataset.card = screen.card;
        root.classList.remove('prerender-stale');
      }
    } catch (e) {}
  }
  // 4. "Show answer" pressed on the built-in screen before React listens would be lost: noted
  //    here (data-reveal="asked") for the review screen to take once it has taken over.
  if (root.classList.contains('intro-seen') && !root.classList.contains('prerender-stale')) {
    var note = function (e) {
      var t = e.target;
      var hit =
        e.type === 'click'
          ? t && t.closest && t.closest('.btn-reveal')
          : (e.key === ' ' || e.key === 'Enter') &&
            !(t && t.closest && t.closest('a, button, input, select, textarea, dialog'));
      if (hit && !s.dataset.reveal) s.dataset.reveal = 'asked';
    };
    d.addEventListener('click', note, true);
    d.addEventListener('keydown', note, true);
  }
  if (root.classList.contains('prerender-stale') || d.visibilityState !== 'visible') {
    boot();
  } else {
    requestAnimationFrame(function () {
      setTimeout(boot, 0);
    });
  }
})(document.currentScript);`;

/** The boot script with the names it shares with the app. */
const BOOT_CODE = BOOT.replace('__FIRST_SCREEN_KEY__', JSON.stringify(FIRST_SCREEN_KEY))
  .replace('__FIRST_SCREEN_PARTS__', JSON.stringify(FIRST_SCREEN_PARTS))
  .replace('__PREFERENCES_KEY__', JSON.stringify(PREFERENCES_KEY));

function minify(code: string): string {
  const result = minifySync('inline.js', code);
  if (result.errors.length > 0) {
    throw new Error(`index.html: an inline script does not minify: ${result.errors[0]!.message}`);
  }
  return result.code.trim();
}

const OTHER_ROUTES_TOKEN = /(['"])__OTHER_ROUTES__\1/;

/** index.html with the routes other than the default one in its first-screen check. */
export function withOtherRoutes(html: string, routes: readonly string[] = ROUTES): string {
  if (!OTHER_ROUTES_TOKEN.test(html)) throw new Error("index.html has no '__OTHER_ROUTES__'");
  const others = routes.filter((route) => route !== DEFAULT_ROUTE);
  return html.replace(OTHER_ROUTES_TOKEN, others.map((route) => JSON.stringify(route)).join(', '));
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * index.html with its module script and module preloads started by an inline script at the end
 * of <body>, after the first paint, and with its inline scripts minified; `returning`: the
 * modules a returning learner's app imports first. A page without a module script is returned
 * as it is, but minified.
 */
export function transformPageScripts(html: string, returning: readonly string[] = []): string {
  const entries = [...html.matchAll(MODULE_SCRIPT)].map((m) => m[1]!);
  html = html.replace(INLINE_SCRIPT, (_, code: string) => `<script>${minify(code)}</script>`);
  if (entries.length === 0) return html;
  if (entries.length > 1)
    throw new Error(`index.html has ${entries.length} module scripts, not one`);
  const preloads = [...html.matchAll(MODULE_PRELOAD)].map((m) => m[1]!);
  html = html.replace(MODULE_SCRIPT, '').replace(MODULE_PRELOAD, '');
  const boot =
    `<script id="${BOOT_SCRIPT_ID}" data-src="${escapeAttribute(entries[0]!)}"` +
    ` data-preload="${escapeAttribute(preloads.join(' '))}"` +
    ` data-returning="${escapeAttribute(returning.join(' '))}">${minify(BOOT_CODE)}</script>`;
  if (!html.includes('</body>')) throw new Error('index.html has no </body>');
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  const expect = `<link rel="expect" href="#${BOOT_SCRIPT_ID}" blocking="render">`;
  // Functions, not strings: `$` in what is spliced in must stay as written.
  return html
    .replace('</head>', () => `${expect}\n</head>`)
    .replace('</body>', () => `${boot}\n</body>`);
}

/** The module whose code a returning learner's app imports before its first screen. */
const REPOSITORY_MODULE = '/src/store/localStorageRepository.ts';

/**
 * The files of the bundle's chunk for REPOSITORY_MODULE and of the chunks it imports, less those
 * the entry chunk loads anyway; `base`-relative, as Vite names files in the page.
 */
export function returningModules(bundle: Rolldown.OutputBundle, base = './'): string[] {
  const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const closure = (fileName: string, into: Set<string>): Set<string> => {
    if (into.has(fileName)) return into;
    into.add(fileName);
    for (const imported of byName.get(fileName)?.imports ?? []) closure(imported, into);
    return into;
  };
  const repository = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(REPOSITORY_MODULE));
  if (!repository) return [];
  const loaded = new Set<string>();
  for (const entry of chunks.filter((chunk) => chunk.isEntry)) closure(entry.fileName, loaded);
  return [...closure(repository.fileName, new Set())]
    .filter((fileName) => !loaded.has(fileName))
    .map((fileName) => base + fileName);
}

export function pageScriptsPlugin(): Plugin {
  let base = './';
  return {
    name: 'rnn-flashcards:page-scripts',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) =>
        transformPageScripts(
          withOtherRoutes(html),
          context.bundle ? returningModules(context.bundle, base) : [],
        ),
    },
  };
}
