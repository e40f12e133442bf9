// In-page probe, installed at document start in every page the bench opens (app and floor page
// alike, so both are measured the same way). Plain browser JavaScript on purpose: functions the
// bench passes to page.evaluate would be compiled by tsx, which may add helpers the page lacks.
//
// When was something painted? A requestAnimationFrame loop finds the first frame in which the
// question (or the answer) is in the document, non-empty and not hidden: `seen` is that
// callback's time, just before the frame is rendered. Then:
//   paint  the first paint time the browser itself reports at or after `seen`: Element Timing of
//          the question's or answer's elements (the probe marks every element inside them with
//          `elementtiming` as it arrives, since text reports to its nearest block, the <p> in a
//          question), and for the first question also First and Largest Contentful Paint (the
//          first screen in index.html may be replaced by the app before its Element Timing entry
//          is reported). These are presentation times of the frame that showed it.
//   frame  when a message posted from the `seen` callback arrives: after that frame, but also
//          after any task queued before it (a module evaluating, React's effects), so it can be
//          late by a long task. A fallback for when the browser reports nothing.
// Times are performance.now() values: milliseconds since the navigation started.
/* global window, document, requestAnimationFrame, requestIdleCallback, MutationObserver, HTMLInputElement */
(() => {
  if (window.__bench) return;
  const QUESTION = '#card-question';
  const ANSWER = '.card-answer';
  const MARKS = [
    [QUESTION, 'bench-question'],
    [ANSWER, 'bench-answer'],
  ];
  const QUESTION_IDS = ['bench-question', 'question'];
  const ANSWER_IDS = ['bench-answer'];
  const TIMEOUT_MS = 20000;
  /** How long to wait for an Element Timing entry after the frame probe saw the change. */
  const ENTRY_GRACE_MS = 3000;

  const state = {
    /** Paint times the browser reported: Element Timing identifiers, 'fcp', 'lcp'. */
    paints: [],
    /** The last Largest Contentful Paint candidate, and what it was. */
    lcp: null,
    lcpElement: null,
    /** Every localStorage write: when, which key, characters of key + value. */
    writes: [],
    /** Long tasks (over 50 ms on the main thread): [start, duration]. */
    longTasks: [],
  };

  // Element Timing marks, set on elements as they arrive (parser or script alike).
  const markTree = (root, id) => {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (!el.hasAttribute('elementtiming')) el.setAttribute('elementtiming', id);
    }
  };
  const mark = (el) => {
    for (const [selector, id] of MARKS) {
      const inside = el.closest(selector);
      if (inside) return markTree(el, id);
    }
    for (const [selector, id] of MARKS) {
      for (const root of el.querySelectorAll(selector)) markTree(root, id);
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType === 1) mark(n);
        else if (n.nodeType === 3 && n.parentElement) mark(n.parentElement);
      }
    }
  }).observe(document, { childList: true, subtree: true });

  const listeners = new Set();
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        state.paints.push({ id: e.identifier, t: e.renderTime || e.loadTime });
      }
      for (const l of listeners) l();
    }).observe({ type: 'element', buffered: true });
  } catch {
    // No Element Timing in this browser: the frame probe is the only figure.
  }

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === 'first-contentful-paint') state.paints.push({ id: 'fcp', t: e.startTime });
      }
      for (const l of listeners) l();
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // No Paint Timing in this browser.
  }

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        state.paints.push({ id: 'lcp', t: e.startTime });
        state.lcp = e.startTime;
        state.lcpElement = e.element
          ? `${e.element.tagName.toLowerCase()}: ${(e.element.textContent || '').trim().slice(0, 40)}`
          : null;
      }
      for (const l of listeners) l();
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {
    // No LCP in this browser.
  }

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API in this browser: blocking is then reported as null.
  }
  const longTasksSeen = PerformanceObserver.supportedEntryTypes?.includes('longtask') ?? false;

  /** The first paint reported for `ids` at or after `since`, or null if none comes in time. */
  const paintOf = (ids, since) =>
    new Promise((resolve) => {
      const find = () => {
        const hits = state.paints.filter((p) => ids.includes(p.id) && p.t >= since);
        return hits.length ? Math.min(...hits.map((p) => p.t)) : null;
      };
      const found = find();
      if (found !== null) return resolve(found);
      const timer = setTimeout(() => {
        listeners.delete(check);
        resolve(find());
      }, ENTRY_GRACE_MS);
      const check = () => {
        const t = find();
        if (t === null) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve(t);
      };
      listeners.add(check);
    });

  const afterFrame = (resolve) => {
    const seen = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve({ seen, frame: performance.now() });
    channel.port2.postMessage(0);
  };

  const shown = (el) =>
    !!el &&
    el.isConnected &&
    !el.hidden &&
    (el.textContent || '').trim() !== '' &&
    el.checkVisibility({ visibilityProperty: true });

  /** The first frame in which condition() holds: `seen` and `frame` (see above). */
  const whenFramed = (condition, what) =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      const check = () => {
        if (condition()) afterFrame(resolve);
        else if (performance.now() - start > TIMEOUT_MS) reject(new Error(`timed out: ${what}`));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });

  const firstFrame = whenFramed(() => shown(document.querySelector(QUESTION)), 'question');
  firstFrame.catch(() => undefined);

  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    state.writes.push({
      t: performance.now(),
      key: String(key),
      chars: String(key).length + String(value).length,
    });
    return setItem.call(this, key, value);
  };

  /** Text a screen reader would read: aria-label, else the text outside aria-hidden parts. */
  const accessibleName = (el) => {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const text = (node) =>
      node.nodeType === 3
        ? node.textContent
        : node.nodeType === 1 && node.getAttribute('aria-hidden') !== 'true'
          ? [...node.childNodes].map(text).join('')
          : '';
    return text(el).replace(/\s+/g, ' ').trim();
  };

  /** The enabled, shown button named `name` (as the end-to-end tests find them by role). */
  const button = (name) =>
    [...document.querySelectorAll('button')].find(
      (b) => !b.disabled && !b.hidden && accessibleName(b) === name,
    );

  const idle = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 3000 })),
      ),
    );

  window.__bench = {
    idle,
    /** Navigation start → the question painted (times since navigation start). */
    async firstQuestion() {
      const { seen, frame } = await firstFrame;
      return { paint: await paintOf([...QUESTION_IDS, 'fcp', 'lcp'], seen), frame };
    },
    /**
     * The browser's own paint timings, once they have been reported (ask after settling), and
     * how long the main thread was blocked from `since` (by default the first contentful paint)
     * until now: each long task's time beyond 50 ms, as Total Blocking Time counts it.
     */
    paints(since) {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const from = since ?? (fcp ? fcp.startTime : 0);
      const blocking = longTasksSeen
        ? state.longTasks
            .filter(([start]) => start >= from)
            .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0)
        : null;
      return {
        fcp: fcp ? fcp.startTime : null,
        lcp: state.lcp,
        lcpElement: state.lcpElement,
        blocking,
      };
    },
    /** Click "Show answer" → the answer painted (durations from the click). */
    async reveal() {
      const b = button('Show answer');
      if (!b) throw new Error('no "Show answer" button');
      const t0 = performance.now();
      b.click();
      const { seen, frame } = await whenFramed(
        () => shown(document.querySelector(ANSWER)),
        'answer',
      );
      const paint = await paintOf(ANSWER_IDS, seen);
      return { paint: paint === null ? null : paint - t0, frame: frame - t0 };
    },
    /** Click a grade → the next question painted; with the localStorage writes it caused. */
    async grade(name) {
      const before = document.querySelector(QUESTION);
      const html = before ? before.innerHTML : '';
      const b = button(name);
      if (!b) throw new Error(`no "${name}" button`);
      const w0 = state.writes.length;
      const t0 = performance.now();
      b.click();
      const { seen, frame } = await whenFramed(() => {
        const q = document.querySelector(QUESTION);
        return shown(q) && (q !== before || q.innerHTML !== html);
      }, 'next question');
      const paint = await paintOf(QUESTION_IDS, seen);
      // Writes may be deferred a little: count those made until the page is idle again.
      await idle();
      const writes = state.writes.slice(w0);
      return {
        paint: paint === null ? null : paint - t0,
        frame: frame - t0,
        // When the grade was saved: the last of its writes (the app records a grade after the
        // next card is painted, and this shows how long after).
        saved: writes.length ? Math.max(...writes.map((w) => w.t)) - t0 : null,
        chars: writes.reduce((n, w) => n + w.chars, 0),
        keys: [...new Set(writes.map((w) => w.key))],
      };
    },
    /**
     * Browse: `text` typed into the search box as one input event (a paste, an IME commit) →
     * the first frame showing the new match count (frame probe: a count is not an element the
     * browser reports paints of).
     */
    async search(text) {
      const input = document.querySelector('input[type="search"]');
      const before = document.querySelector('.browse-count');
      if (!input || !before) throw new Error('no search box or match count');
      const old = before.textContent;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const t0 = performance.now();
      // As the browser does for typing: set the value, then fire `input` (React listens to it).
      setValue.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const { frame } = await whenFramed(() => {
        const count = document.querySelector('.browse-count');
        return !!count && count.textContent !== old;
      }, 'search results');
      return {
        frame: frame - t0,
        count: document.querySelector('.browse-count').textContent,
        rows: document.querySelectorAll('.browse-list li').length,
      };
    },
    /** Does the shown answer hold KaTeX output? */
    answerHasMath() {
      const a = document.querySelector(ANSWER);
      return !!a && !!a.querySelector('.katex');
    },
    /** The shown card, for the floor page: question and answer HTML. */
    snapshot() {
      const q = document.querySelector(QUESTION);
      const a = document.querySelector(`${ANSWER} .prose`) || document.querySelector(ANSWER);
      return { question: q ? q.innerHTML : '', answer: a ? a.innerHTML : '' };
    },
  };
})();
