import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layers (docs/architecture.md): what each folder of src/ may import. A file in src/<layer>/
// names another layer as '../<layer>/…', a file in src/features/<feature>/ as '../../<layer>/…'
// and another feature as '../<feature>/…'. Patterns match the import as written, so they hold
// for static imports; the app's lazy import() of features is the app's to make.
const layer = (name) => `src/${name}/**/*.{ts,tsx}`;
const importing = (layers, why) => ({
  regex: `^\\.\\./(${layers.join('|')})(/|$)`,
  message: `${why} (docs/architecture.md, "Layers").`,
});
const ALL_LAYERS = [
  'app',
  'features',
  'components',
  'preferences',
  'navigation',
  'store',
  'platform',
  'content',
  'i18n',
  'study',
  'scheduler',
  'deck',
];
const LAYER_RULES = [
  // The pure core and the interface text: each stands alone.
  ...['deck', 'scheduler', 'i18n'].map((name) => ({
    files: [layer(name)],
    patterns: [
      importing(
        ALL_LAYERS.filter((other) => other !== name),
        `src/${name}/ stands alone: it imports no other part of the app`,
      ),
    ],
  })),
  // Statistics, weak ranking, readiness and plans: pure, over the scheduler's data and deck types.
  {
    files: [layer('study')],
    patterns: [
      importing(
        ALL_LAYERS.filter(
          (other) => other !== 'study' && other !== 'scheduler' && other !== 'deck',
        ),
        'src/study/ is pure: it imports only the scheduler and the deck types',
      ),
    ],
  },
  // The layers between: none of them knows the screens or the shell.
  ...['store', 'platform', 'content', 'components', 'preferences', 'navigation'].map((name) => ({
    files: [layer(name)],
    patterns: [importing(['app', 'features'], `src/${name}/ is below the screens and the shell`)],
  })),
  {
    files: [layer('features')],
    patterns: [
      {
        regex: '^\\.\\./(?!\\.\\./)',
        message:
          'A feature does not import another feature: the app composes them (docs/architecture.md, "Layers").',
      },
      {
        regex: '^\\.\\./\\.\\./app(/|$)',
        message: 'A feature does not import the app (docs/architecture.md, "Layers").',
      },
    ],
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['scripts/**/*.{js,mjs}', '*.config.js'], languageOptions: { globals: globals.node } },
  ...LAYER_RULES.map(({ files, patterns }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
);
