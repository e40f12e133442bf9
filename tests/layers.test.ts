// The layers of src/ are enforced by ESLint (eslint.config.js, no-restricted-imports): an import
// the wrong way fails the lint, the right way passes. Runs ESLint as `npm run lint` does.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '..') });

/** The messages of no-restricted-imports for `code` as the file `filePath`. */
async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const wrongWay: [file: string, code: string, says: RegExp][] = [
  ['src/store/x.ts', "import { App } from '../app/App.tsx';\nvoid App;", /below the screens/],
  [
    'src/store/x.ts',
    "import type { ScreenProps } from '../app/screens.tsx';\nexport type P = ScreenProps;",
    /below the screens/,
  ],
  [
    'src/platform/x.ts',
    "import { THEMES } from '../features/settings/x.ts';\nvoid THEMES;",
    /below the screens/,
  ],
  ['src/components/x.ts', "export * from '../features/review/ReviewScreen.tsx';", /below/],
  ['src/preferences/x.ts', "import '../app/App.tsx';", /below the screens/],
  [
    'src/i18n/x.ts',
    "import { DAY_MS } from '../scheduler/studyDay.ts';\nvoid DAY_MS;",
    /stands alone/,
  ],
  ['src/scheduler/x.ts', "import '../store/persisted.ts';", /stands alone/],
  ['src/study/x.ts', "import '../store/persisted.ts';", /src\/study\/ is pure/],
  ['src/scheduler/x.ts', "import '../study/weak.ts';", /stands alone/],
  ['src/deck/x.ts', "import '../i18n/messages.ts';", /stands alone/],
  [
    'src/features/settings/x.tsx',
    "import { DataSection } from '../data/DataSection.tsx';\nvoid DataSection;",
    /another feature/,
  ],
  [
    'src/features/review/x.ts',
    "import { useRoute } from '../../app/router.ts';\nvoid useRoute;",
    /the app/,
  ],
];

const rightWay: [file: string, code: string][] = [
  [
    'src/store/x.ts',
    "import { DEFAULT_SETTINGS } from '../scheduler/settings.ts';\nvoid DEFAULT_SETTINGS;",
  ],
  [
    'src/features/review/x.ts',
    "import { hrefFor } from '../../navigation/routes.ts';\nvoid hrefFor;",
  ],
  ['src/features/review/x.ts', "import { useSwipe } from './useSwipe.ts';\nvoid useSwipe;"],
  [
    'src/app/x.ts',
    "import { DataSection } from '../features/data/DataSection.tsx';\nvoid DataSection;",
  ],
  ['src/i18n/x.ts', "import { languageTag } from './locale.ts';\nvoid languageTag;"],
  ['src/study/x.ts', "import { DAY_MS } from '../scheduler/studyDay.ts';\nvoid DAY_MS;"],
];

describe('the layers of src/', () => {
  // The first lint loads the config and its plugins: seconds on a busy machine.
  beforeAll(() => restricted('src/app/x.ts', ''), 60_000);

  it.each(wrongWay)('refuse, in %s: %s', async (file, code, says) => {
    const messages = await restricted(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(says);
  });

  it.each(rightWay)('allow, in %s: %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
