import { sql } from 'kysely';
import * as client from 'openid-client';
import type { PlatformDb } from '../../db/pool.js';
import { tokenHash } from '../secrets.js';

const STATE_TTL_S = 600;

/** An authorization request in flight (`platform.oauth_states`). */
export interface PendingAuthorization {
  /** Whose request: a sign-in provider id, or `grant:<key>` for API access grants. */
  provider: string;
  codeVerifier: string;
  nonce: string | null;
  redirectPath: string;
  /** Who started it (API access grants); null for sign-in. */
  userId: string | null;
  /** What the app asked for it (e.g. `{ storeId }`); null for sign-in. */
  context: unknown;
}

/**
 * Remembers an authorization request for ten minutes and returns its `state` (random, stored
 * only as a hash) and PKCE verifier.
 */
export async function rememberAuthorization(
  db: PlatformDb,
  request: Omit<PendingAuthorization, 'codeVerifier'>,
): Promise<{ state: string; codeVerifier: string }> {
  const state = client.randomState();
  const codeVerifier = client.randomPKCECodeVerifier();
  await db
    .insertInto('platform.oauth_states')
    .values({
      state_hash: tokenHash(state),
      provider: request.provider,
      code_verifier: codeVerifier,
      nonce: request.nonce,
      redirect_path: request.redirectPath,
      user_id: request.userId,
      context: request.context === null ? null : JSON.stringify(request.context),
      expires_at: sql<Date>`now() + make_interval(secs => ${STATE_TTL_S})`,
    })
    .execute();
  return { state, codeVerifier };
}

/** Takes (single use) the unexpired request with this `state` for this provider; undefined if none. */
export async function takeAuthorization(
  db: PlatformDb,
  provider: string,
  state: string,
): Promise<PendingAuthorization | undefined> {
  const row = await db
    .deleteFrom('platform.oauth_states')
    .where('state_hash', '=', tokenHash(state))
    .where('provider', '=', provider)
    .where('expires_at', '>', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    provider: row.provider,
    codeVerifier: row.code_verifier,
    nonce: row.nonce,
    redirectPath: row.redirect_path,
    userId: row.user_id,
    context: row.context,
  };
}
