import { fileURLToPath } from 'node:url';
import type { AppModule } from '@app/platform';

/**
 * studymate: AI study companion: summaries, quizzes, spaced repetition, plans and credits (seed 002).
 * The plugin is mounted at `/api/v1/studymate`; its domain routes are added by the product issues.
 */
export const studymate: AppModule = {
  name: 'studymate',
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  plugin: async () => {},
};
