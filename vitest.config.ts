import { defineConfig } from 'vitest/config';

/**
 * One Vitest run for the whole monorepo. Workspace packages resolve to their TypeScript sources
 * through the `development` export condition, so tests never need a build first.
 */
export default defineConfig({
  resolve: { conditions: ['development'] },
  ssr: { resolve: { conditions: ['development'] } },
  test: {
    include: ['{packages,apps,host,e2e}/**/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['host/src/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
