import { type Selectable, sql } from 'kysely';
import type { PlatformApiKeys } from '../db.generated.js';
import { AppError, notFound } from '../http/app-error.js';
import type { AuthContext } from './access.js';
import { audit } from './audit.js';
import type { AuthDeps } from './deps.js';
import { confirmAccountHolder } from './reauth.js';
import { randomToken, tokenHash } from './secrets.js';
import type { RequestMeta } from './sessions.js';

const MAX_KEYS_PER_USER = 25;

/** Row -> API shape (the secret is never stored, so never shown again). */
export function toApiKey(row: Selectable<PlatformApiKeys>) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/**
 * Creates a scoped key once the account holder confirmed (reauth.ts): a key outlives sessions and
 * password resets, so a stolen access token must not be able to mint one. The full key is
 * returned once and stored only as a hash.
 */
export async function createApiKey(
  deps: AuthDeps,
  caller: AuthContext,
  input: {
    name: string;
    scopes: string[];
    expiresInDays?: number | undefined;
    password?: string | undefined;
  },
  meta: RequestMeta,
) {
  const userId = caller.userId;
  await confirmAccountHolder(deps, caller, input.password, 'api_key.create', meta);
  const count = await deps.db
    .selectFrom('platform.api_keys')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (count.n >= MAX_KEYS_PER_USER)
    throw new AppError('CONFLICT', `At most ${MAX_KEYS_PER_USER} active keys.`);
  const key = randomToken('ck_');
  const row = await deps.db
    .insertInto('platform.api_keys')
    .values({
      user_id: userId,
      name: input.name,
      prefix: key.slice(0, 10),
      key_hash: tokenHash(key),
      scopes: [...new Set(input.scopes)],
      expires_at: input.expiresInDays
        ? sql<Date>`now() + make_interval(days => ${input.expiresInDays})`
        : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(deps.db, {
    actorId: userId,
    action: 'api_key.created',
    targetId: row.id,
    data: { scopes: row.scopes },
    ip: meta.ip,
  });
  return { ...toApiKey(row), key };
}

/** Revokes one of the caller's keys; 404 when it is not theirs or already revoked. */
export async function revokeApiKey(
  deps: AuthDeps,
  userId: string,
  id: string,
  meta: RequestMeta,
): Promise<void> {
  const result = await deps.db
    .updateTable('platform.api_keys')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound('API key');
  await audit(deps.db, { actorId: userId, action: 'api_key.revoked', targetId: id, ip: meta.ip });
}

/** Resolves a presented key to its owner and scopes (one indexed lookup by hash). */
export async function authenticateApiKey(deps: Pick<AuthDeps, 'db'>, key: string): Promise<AuthContext> {
  const row = await deps.db
    .updateTable('platform.api_keys')
    .set({ last_used_at: sql<Date>`now()` })
    .where('key_hash', '=', tokenHash(key))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
    .returning(['user_id', 'scopes'])
    .executeTakeFirst();
  if (!row) throw new AppError('UNAUTHENTICATED', 'The API key is invalid, revoked or expired.');
  const owner = await deps.db
    .selectFrom('platform.users')
    .select('suspended_at')
    .where('id', '=', row.user_id)
    .executeTakeFirst();
  if (owner?.suspended_at) throw new AppError('ACCOUNT_SUSPENDED');
  return { userId: row.user_id, sessionId: undefined, via: 'api-key', scopes: row.scopes };
}
