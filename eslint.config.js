// Lint rules, and the layering of the code base (as VS Code's `code-layering` does): each
// folder may import only from the layers below it. `electron` is allowed in the thin shell
// (main/electron, preload) alone, so that everything else runs and is tested in plain Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (name) => [`**/${name}/*`, `**/${name}`, `../${name}/*`];
const forbid = (message, ...layers) => ({
  group: layers.flatMap(layer),
  message,
});
const noElectron = { name: 'electron', message: 'Only main/electron and preload may import electron.' };

/** @param {string[]} files @param {object[]} patterns @param {object[]} [paths] */
const restrict = (files, patterns, paths = [noElectron]) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  restrict(['common/**'], [forbid('common/ is the bottom layer: it imports nothing of ours.', 'core', 'db', 'main', 'renderer', 'preload', 'cli')], [
    noElectron,
    { name: 'better-sqlite3', message: 'common/ holds no storage code.' },
  ]),
  restrict(['core/**'], [forbid('core/ is pure logic: common/ only.', 'db', 'main', 'renderer', 'preload', 'cli')]),
  restrict(['db/**'], [forbid('db/ may import common/ and core/ only.', 'main', 'renderer', 'preload', 'cli')]),
  restrict(['main/services/**', 'main/api/**', 'main/serve/**', 'main/ui/**'], [forbid('Services run in plain Node: no UI, no shell.', 'renderer', 'preload', 'cli', 'electron')]),
  restrict(['cli/**'], [forbid('The CLI drives services, never the UI or the shell.', 'renderer', 'preload', 'electron')]),
  restrict(['renderer/**'], [forbid('The renderer talks to services only through the contract.', 'db', 'main', 'preload', 'cli')], [
    noElectron,
    { name: 'better-sqlite3', message: 'The renderer never touches the database.' },
  ]),
  restrict(['preload/**'], [forbid('The preload exposes the contract and nothing else.', 'core', 'db', 'main', 'renderer', 'cli')], []),
);
