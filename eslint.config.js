// Lint rules: typescript-eslint's recommended set, plus the conventions we hold to
// (no console outside the CLI shell, no default exports, no import circles).
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist-data/**', 'scratch/**', '.venv/**', 'pipeline/types.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      'no-console': 'error',
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // No import circles: a module never reaches itself through its imports (type-only imports count too).
    files: ['pipeline/**/*.ts', 'bench/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json'] })],
      // The modules an import reaches are parsed too, to follow the circle.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js', '.mjs'],
    },
    rules: { 'import-x/no-cycle': ['error', { allowUnsafeDynamicCyclicDependency: false }] },
  },
  {
    files: ['pipeline/cli.ts', 'pipeline/release.ts', 'pipeline/publish/cli.ts', 'notebooks/**', 'pipeline/eval/cli.ts', 'pipeline/eval/dev.ts', 'pipeline/schema/generate-types.ts', 'tests/**', 'notebooks/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // The explorer's page code runs in the browser.
    files: ['explorer/src/**/*.ts'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', location: 'readonly', history: 'readonly', performance: 'readonly', fetch: 'readonly', requestAnimationFrame: 'readonly', ResizeObserver: 'readonly', MutationObserver: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', Event: 'readonly', KeyboardEvent: 'readonly', HTMLElement: 'readonly', HTMLAnchorElement: 'readonly', HTMLSelectElement: 'readonly', HTMLInputElement: 'readonly', SVGElement: 'readonly', Element: 'readonly', Node: 'readonly', DocumentFragment: 'readonly' },
    },
  },
  {
    files: ['explorer/serve.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['eslint.config.js', 'vitest.config.ts'],
    rules: { 'no-restricted-exports': 'off' },
  },
);
