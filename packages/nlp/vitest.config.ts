import { defineConfig } from 'vitest/config';

/** Package-local Vitest config: no database globalSetup, sources resolved via `development`. */
export default defineConfig({
  resolve: { conditions: ['development'] },
  ssr: { resolve: { conditions: ['development'] } },
  test: {
    root: import.meta.dirname,
    include: ['src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
  },
});
