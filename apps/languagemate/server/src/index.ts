import { fileURLToPath } from 'node:url';
import type { AppModule } from '@app/platform';

/**
 * languagemate: AI language exchange: level test, partner matching, 1:1 chat and calls, dashboard (seeds 000, 001).
 * The plugin is mounted at `/api/v1/languagemate`; its domain routes are added by the product issues.
 */
export const languagemate: AppModule = {
  name: 'languagemate',
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  plugin: async () => {},
};
