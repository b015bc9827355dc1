import type { TokenPair } from '@app/contracts';
import { sql } from 'kysely';
import type { PlatformDb } from '../db/pool.js';
import { AppError } from '../http/app-error.js';
import { audit } from './audit.js';
import { randomToken, tokenHash } from './secrets.js';
import type { SigningKeys } from './signing-keys.js';
import { findUserById, toUser, type UserRow } from './users.js';

/** Where a request came from, for sessions, history and audit. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface SessionDeps {
  db: PlatformDb;
  keys: SigningKeys;
  accessTtlS: number;
  refreshTtlS: number;
}

/** Starts a sign-in: a session (refresh-token family) and its first token pair. */
export async function startSession(
  deps: SessionDeps,
  user: UserRow,
  method: string,
  meta: RequestMeta,
): Promise<TokenPair> {
  const refreshToken = randomToken('rt_');
  const session = await deps.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('platform.sessions')
      .values({
        user_id: user.id,
        method,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 500) ?? null,
        expires_at: sql<Date>`now() + make_interval(secs => ${deps.refreshTtlS})`,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await insertRefresh(trx, created.id, refreshToken, deps.refreshTtlS);
    return created;
  });
  return tokenPair(deps, user, session.id, method, refreshToken);
}

/**
 * Exchanges a refresh token for a new pair. The old token is marked used in the same statement
 * that checks it, so two concurrent uses cannot both win. Presenting a token that was already used
 * means it was copied: the whole session (every token issued from that sign-in) is revoked.
 */
export async function refreshSession(
  deps: SessionDeps,
  refreshToken: string,
  meta: RequestMeta,
): Promise<TokenPair> {
  const hash = tokenHash(refreshToken);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('platform.refresh_tokens as t')
      .innerJoin('platform.sessions as s', 's.id', 't.session_id')
      .select(['t.session_id', 't.used_at', 't.expires_at', 's.user_id', 's.revoked_at', 's.method'])
      .where('t.token_hash', '=', hash)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.revoked_at !== null) return { kind: 'invalid' as const };
    if (row.used_at !== null) {
      await revokeSession(trx, row.session_id, 'refresh token reuse');
      await audit(trx, {
        actorId: row.user_id,
        action: 'session.reuse_detected',
        targetId: row.session_id,
        ip: meta.ip,
      });
      return { kind: 'reused' as const };
    }
    if (row.expires_at.getTime() <= Date.now()) return { kind: 'invalid' as const };
    await trx
      .updateTable('platform.refresh_tokens')
      .set({ used_at: sql<Date>`now()` })
      .where('token_hash', '=', hash)
      .execute();
    const next = randomToken('rt_');
    await insertRefresh(trx, row.session_id, next, deps.refreshTtlS);
    await trx
      .updateTable('platform.sessions')
      .set({
        last_used_at: sql<Date>`now()`,
        ip: meta.ip,
        expires_at: sql<Date>`now() + make_interval(secs => ${deps.refreshTtlS})`,
      })
      .where('id', '=', row.session_id)
      .execute();
    return { kind: 'ok' as const, sessionId: row.session_id, userId: row.user_id, method: row.method, next };
  });
  // The reuse verdict is committed before we answer, so the revocation survives the 401.
  if (outcome.kind === 'reused') throw new AppError('TOKEN_REUSED');
  if (outcome.kind === 'invalid') throw new AppError('INVALID_TOKEN');
  const user = await findUserById(deps.db, outcome.userId);
  if (!user) throw new AppError('INVALID_TOKEN');
  return tokenPair(deps, user, outcome.sessionId, outcome.method, outcome.next);
}

/** Revokes one session (and with it every refresh token of its family). */
export async function revokeSession(db: PlatformDb, sessionId: string, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('platform.sessions')
    .set({ revoked_at: sql<Date>`now()`, revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Revokes every session of a user (password reset, account takeover response). */
export async function revokeAllSessions(db: PlatformDb, userId: string, reason: string): Promise<void> {
  await db
    .updateTable('platform.sessions')
    .set({ revoked_at: sql<Date>`now()`, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** True when the session exists, belongs to the user, and is neither revoked nor expired. */
export async function sessionIsActive(db: PlatformDb, sessionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('platform.sessions')
    .select('id')
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row !== undefined;
}

async function insertRefresh(db: PlatformDb, sessionId: string, token: string, ttlS: number): Promise<void> {
  await db
    .insertInto('platform.refresh_tokens')
    .values({
      token_hash: tokenHash(token),
      session_id: sessionId,
      expires_at: sql<Date>`now() + make_interval(secs => ${ttlS})`,
    })
    .execute();
}

async function tokenPair(
  deps: SessionDeps,
  user: UserRow,
  sessionId: string,
  method: string,
  refreshToken: string,
): Promise<TokenPair> {
  const accessToken = await deps.keys.sign({ sub: user.id, sid: sessionId, amr: method.split('+') });
  return { accessToken, refreshToken, expiresIn: deps.accessTtlS, user: toUser(user) };
}
