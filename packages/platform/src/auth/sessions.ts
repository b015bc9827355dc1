import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { TokenPair } from '@app/contracts';
import { sql } from 'kysely';
import type { PlatformDb } from '../db/pool.js';
import { AppError } from '../http/app-error.js';
import { audit } from './audit.js';
import { randomToken, tokenHash } from './secrets.js';
import type { SessionStates } from './session-states.js';
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
  /** When given, a session revoked here stops its access tokens on this instance at once. */
  sessionStates?: SessionStates;
}

/** Starts a sign-in: a session (refresh-token family) and its first token pair. */
export async function startSession(
  deps: SessionDeps,
  user: UserRow,
  method: string,
  meta: RequestMeta,
): Promise<TokenPair> {
  refuseSuspended(user);
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
 * How long a just-rotated refresh token may be presented again without being taken for a stolen
 * copy: two tabs (or a retried request whose answer was lost) refreshing at once. Within it the
 * replaced token gets the same successor back; after it, reuse revokes the session. Auth0 calls
 * this the "reuse interval", Okta the "grace period for token rotation" (default 30 s there).
 */
export const REFRESH_REUSE_GRACE_S = 20;

/**
 * Exchanges a refresh token for a new pair. The old token is locked and marked used in one
 * transaction, so two concurrent uses are serialised. Presenting a used token again within
 * REFRESH_REUSE_GRACE_S returns the successor it already got (stored encrypted under a key only
 * the old token gives, see `sealSuccessor`); later, it means the token was copied: the whole
 * session (every token issued from that sign-in) is revoked.
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
      .select([
        't.session_id',
        't.used_at',
        't.expires_at',
        't.successor',
        's.user_id',
        's.revoked_at',
        's.method',
        sql<boolean>`t.used_at > now() - make_interval(secs => ${REFRESH_REUSE_GRACE_S})`.as('in_grace'),
      ])
      .where('t.token_hash', '=', hash)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.revoked_at !== null) return { kind: 'invalid' as const };
    const base = { sessionId: row.session_id, userId: row.user_id, method: row.method };
    if (row.used_at !== null) {
      const successor =
        row.in_grace && row.successor ? openSuccessor(refreshToken, row.successor) : undefined;
      if (successor) return { kind: 'ok' as const, ...base, next: successor };
      await revokeSession(trx, row.session_id, 'refresh token reuse');
      await audit(trx, {
        actorId: row.user_id,
        action: 'session.reuse_detected',
        targetId: row.session_id,
        ip: meta.ip,
      });
      return { kind: 'reused' as const, sessionId: row.session_id };
    }
    if (row.expires_at.getTime() <= Date.now()) return { kind: 'invalid' as const };
    const next = randomToken('rt_');
    await trx
      .updateTable('platform.refresh_tokens')
      .set({ used_at: sql<Date>`now()`, successor: sealSuccessor(refreshToken, next) })
      .where('token_hash', '=', hash)
      .execute();
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
    return { kind: 'ok' as const, ...base, next };
  });
  // The reuse verdict is committed before we answer, so the revocation survives the 401.
  if (outcome.kind === 'reused') {
    deps.sessionStates?.forget(outcome.sessionId);
    throw new AppError('TOKEN_REUSED');
  }
  if (outcome.kind === 'invalid') throw new AppError('INVALID_TOKEN');
  const user = await findUserById(deps.db, outcome.userId);
  if (!user) throw new AppError('INVALID_TOKEN');
  refuseSuspended(user);
  return tokenPair(deps, user, outcome.sessionId, outcome.method, outcome.next);
}

/** A suspended account gets no new session and no new tokens (ACCOUNT_SUSPENDED, 403). */
export function refuseSuspended(user: Pick<UserRow, 'suspended_at'>): void {
  if (user.suspended_at) throw new AppError('ACCOUNT_SUSPENDED');
}

/**
 * Encrypts a refresh token's successor (AES-256-GCM) under a key derived from the replaced token.
 * The database keeps only SHA-256 of tokens, and the key is a different hash (another domain),
 * so a copy of the database cannot reveal the successor; whoever presents the replaced token can.
 */
function sealSuccessor(replaced: string, successor: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', successorKey(replaced), iv);
  const sealed = Buffer.concat([cipher.update(successor, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

function openSuccessor(replaced: string, box: Buffer): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', successorKey(replaced), box.subarray(0, 12));
    decipher.setAuthTag(box.subarray(12, 28));
    return Buffer.concat([decipher.update(box.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

function successorKey(replaced: string): Buffer {
  return createHash('sha256').update('campus refresh successor v1\0').update(replaced, 'utf8').digest();
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

/** The caller's sessions that can still be used, newest first, marking the current one. */
export async function listSessions(db: PlatformDb, userId: string, currentSessionId: string | undefined) {
  const rows = await db
    .selectFrom('platform.sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('last_used_at', 'desc')
    .limit(100)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    method: row.method,
    ip: row.ip,
    userAgent: row.user_agent,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at.toISOString(),
    current: row.id === currentSessionId,
  }));
}
