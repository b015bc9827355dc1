import { createLogger, migrate, migrateJobQueue } from '@app/platform';
import { allMigrationSources } from './apps.js';
import { loadConfigOrExit } from './config.js';
import { resolveDatabase } from './database.js';
import { migrationPool } from './migration-pool.js';

/** `npm run migrate`: apply pending migrations (embedded database when DATABASE_URL is unset). */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  const database = await resolveDatabase(config, logger);
  try {
    const result = await migrationPool(database.config, logger, async (pool) => {
      const applied = await migrate(pool, allMigrationSources, logger);
      await migrateJobQueue(pool);
      return applied;
    });
    logger.info(
      { applied: result.applied.length },
      result.applied.length ? 'migrations applied' : 'nothing to apply',
    );
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
