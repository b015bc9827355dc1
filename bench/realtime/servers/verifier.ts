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

/**
 * A live session for each bench user (created, verified, when missing): the platform refuses
 * access tokens whose session is not live (auth/session-states.ts), so bench tokens carry real
 * session ids. Returns the session id of each user.
 */
export async function benchSessions(
  databaseUrl: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into platform.users (id, email, name, email_verified_at)
       select u, 'bench-' || u || '@example.test', 'Bench', now() from unnest($1::uuid[]) u
       on conflict do nothing`,
      [userIds],
    );
    const { rows } = await client.query<{ id: string; user_id: string }>(
      `insert into platform.sessions (user_id, method, expires_at)
       select u, 'password', now() + interval '1 day' from unnest($1::uuid[]) u
       returning id, user_id`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.user_id, row.id]));
  } finally {
    await client.end();
  }
}
