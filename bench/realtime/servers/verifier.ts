import { createDb } from '@app/platform';
import pg from 'pg';
import { SigningKeys } from '../../../packages/platform/src/auth/signing-keys.js';

/** The issuer every bench token carries; the gateway bench server runs with this PUBLIC_URL. */
export const BENCH_ISSUER = 'http://bench.localhost';

/**
 * The platform's signing keys on the bench database: the orchestrator signs tokens with them and
 * the Socket.IO and bare servers verify with them, so all three servers do the same auth work
 * (RS256 verification with the platform's verifier) per connection.
 */
export async function benchKeys(databaseUrl: string): Promise<{ keys: SigningKeys; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const db = createDb(pool);
  const keys = new SigningKeys(db, { issuer: BENCH_ISSUER, accessTtlS: 3600, privateKeyPem: undefined });
  await keys.init();
  return {
    keys,
    async close() {
      await db.destroy();
    },
  };
}
