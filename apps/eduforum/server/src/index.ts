import { fileURLToPath } from 'node:url';
import type { AppModule } from '@app/platform';

/**
 * eduforum: live active-learning seminars: courses, sessions, live room, polls, quizzes, breakouts, whiteboard (seed 004).
 * The plugin is mounted at `/api/v1/eduforum`; its domain routes are added by the product issues.
 */
export const eduforum: AppModule = {
  name: 'eduforum',
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  plugin: async () => {},
};
