import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    coverage: {
      provider: 'v8',
      // The generator's own source. The CLI also runs as a subprocess in many tests; that
      // process is not measured, so these figures count only what tests run in-process.
      include: ['generator/**/*.ts'],
      // Stand-ins for the catalog modules: generated from a fixture, not written here.
      exclude: [
        'generator/runtime/catalog.ts',
        'generator/runtime/error-codes.ts',
        'generator/runtime/errors.ts',
        'generator/runtime/status-codes.ts',
      ],
      reporter: ['text-summary', 'text'],
      reportsDirectory: '.vitest-tmp/coverage',
    },
  },
});
