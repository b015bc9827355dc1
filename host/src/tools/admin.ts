import {
  createDb,
  createLogger,
  createPool,
  grantPlatformAdmin,
  listPlatformAdmins,
  migrate,
  revokePlatformAdmin,
} from '@app/platform';
import { allMigrationSources } from '../apps.js';
import { loadConfigOrExit } from '../config.js';
import { resolveDatabase } from '../database.js';
import { migrationPool } from '../migration-pool.js';

const USAGE = `Usage: npm run admin -- grant <email> | revoke <email> | list

  grant <email>   make the account a platform admin (it signs in at /admin)
  revoke <email>  take the role away (never from the last active admin)
  list            the platform admins
`;

const MESSAGES = {
  granted: (email: string) => `${email} is now a platform admin.`,
  revoked: (email: string) => `${email} is no longer a platform admin.`,
  unchanged: (email: string) => `${email}: nothing to change.`,
  'no-account': (email: string) =>
    `No account has the address ${email}. Sign up first (or set ADMIN_EMAILS before signing up).`,
  'last-admin': (email: string) => `${email} is the last active platform admin; grant another admin first.`,
} as const;

/**
 * `npm run admin -- grant <email>` (and `revoke`, `list`): the first platform admin, on the
 * configured database like `npm run migrate` (the embedded one when DATABASE_URL is unset).
 * Exit code 0 when done or nothing to change, 1 on an error, 2 on bad usage.
 */
async function main(argv: readonly string[]): Promise<number> {
  const [command, email, ...rest] = argv;
  const needsEmail = command === 'grant' || command === 'revoke';
  if (!(needsEmail || command === 'list') || (needsEmail && !email?.includes('@')) || rest.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfigOrExit();
  const logger = createLogger({ ...config, log: { ...config.log, level: 'warn' } });
  const database = await resolveDatabase(config, logger);
  await migrationPool(database.config, logger, (pool) => migrate(pool, allMigrationSources, logger));
  const db = createDb(createPool(database.config, database.config.database.url ?? '', logger));
  try {
    if (command === 'list') {
      const admins = await listPlatformAdmins(db);
      if (admins.length === 0)
        process.stdout.write('No platform admins yet: npm run admin -- grant <email>\n');
      for (const admin of admins)
        process.stdout.write(`${admin.email}\t${admin.name}${admin.suspended_at ? '\t(suspended)' : ''}\n`);
      return 0;
    }
    const address = email ?? '';
    const outcome =
      command === 'grant'
        ? await grantPlatformAdmin(db, address, 'npm run admin')
        : await revokePlatformAdmin(db, address, 'npm run admin');
    const ok = outcome === 'granted' || outcome === 'revoked' || outcome === 'unchanged';
    (ok ? process.stdout : process.stderr).write(`${MESSAGES[outcome](address)}\n`);
    return ok ? 0 : 1;
  } finally {
    await db.destroy();
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`admin failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
