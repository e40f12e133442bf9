// A remembered first screen (src/platform/firstScreen.ts) as the app writes it, for the tests
// of what writes it and of the boot script that reads it.
import type { FirstScreen } from '../../src/platform/firstScreen.ts';

export const KEPT_PREFS = '{"state":{"locale":"en","theme":"system","introSeen":true},"version":1}';

export const KEPT_SCREEN: FirstScreen = {
  v: 2,
  build: './assets/index-A1.js',
  prefs: KEPT_PREFS,
  lang: 'en',
  screens: [
    {
      card: 'rnn/b',
      at: 1000,
      until: 5000,
      // The tests' time zone, Asia/Shanghai (vitest.config.ts).
      offsets: [-480, -480],
      parts: [
        '<div class="review-top"><p class="counts">New <b>3</b></p></div>',
        '<div class="card-head"><p class="card-meta">RNN · Q2</p></div>',
        '<div id="card-question" class="card-question prose"><p>Why gates?</p></div>',
      ],
    },
  ],
};
