import { fileURLToPath } from 'node:url';
import type { AppModule } from '@app/platform';

/**
 * storehelper: review management for shops: collection, sentiment, AI reply drafts, alerts, reports (seed 003).
 * The plugin is mounted at `/api/v1/storehelper`; its domain routes are added by the product issues.
 */
export const storehelper: AppModule = {
  name: 'storehelper',
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  plugin: async () => {},
};
