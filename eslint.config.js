// ESLint for the project's own source (generator/, test/, bench/): typescript-eslint's
// type-aware recommended rules where types exist, plain recommended rules for bench/ scripts.
// The generated output and the runtime stand-ins are checked by tsc and prettier instead.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'output/**',
      'node_modules/**',
      '.vitest-tmp/**',
      'test/fixtures/**',
      'test/types/**',
      // Stand-ins for the catalog modules: generated (npm run stand-ins), like output/.
      'generator/targets/typescript/runtime/catalog.ts',
      'generator/targets/typescript/runtime/error-codes.ts',
      'generator/targets/typescript/runtime/errors.ts',
      'generator/targets/typescript/runtime/status-codes.ts',
    ],
  },
  js.configs.recommended,
  {
    files: ['generator/**/*.ts', 'test/**/*.ts', '*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Unused names are errors, except those that say they are unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Numbers and other primitives in messages are fine.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      'no-console': 'error',
    },
  },
  {
    files: ['bench/**/*.js', 'eslint.config.js'],
    languageOptions: {
      globals: { Buffer: 'readonly', console: 'readonly', process: 'readonly', performance: 'readonly', URL: 'readonly' },
    },
  },
  {
    // The HTML reference's script runs in the browser, as a classic script.
    files: ['generator/targets/docs/page/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        document: 'readonly',
        window: 'readonly',
        location: 'readonly',
        HTMLElement: 'readonly',
        requestAnimationFrame: 'readonly',
      },
    },
  },
  {
    // The CLI, the bench and tests that print on purpose.
    files: ['generator/cli.ts', 'bench/**/*.js'],
    rules: { 'no-console': 'off' },
  },
);
