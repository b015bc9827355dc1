import { createDb, createLogger, createPool, migrate } from '@app/platform';
import { SigningKeys } from '@app/platform/auth-keys';
import { allMigrationSources } from '../apps.js';
import { loadConfigOrExit } from '../config.js';
import { resolveDatabase } from '../database.js';
import { migrationPool } from '../migration-pool.js';

/**
 * `npm run keys:rotate`: creates a new access-token signing key and retires the old ones; tokens
 * they signed keep verifying until they expire. Running instances pick the new key up when they
 * first meet its key id. Has no effect on a key given through JWT_PRIVATE_KEY.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  const database = await resolveDatabase(config, logger);
  await migrationPool(database.config, logger, (pool) => migrate(pool, allMigrationSources, logger));
  const url = database.config.database.url ?? '';
  const db = createDb(createPool(database.config, url, logger));
  try {
    const keys = new SigningKeys(db, {
      issuer: config.server.publicUrl,
      accessTtlS: config.auth.accessTtlS,
      privateKeyPem: undefined,
    });
    const kid = await keys.rotate();
    process.stdout.write(
      `New signing key ${kid} is active; previous keys verify for ${config.auth.accessTtlS} s more.\n`,
    );
  } finally {
    await db.destroy();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`keys:rotate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
