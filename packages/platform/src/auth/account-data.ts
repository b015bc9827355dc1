import { notFound } from '../http/app-error.js';
import type { AuthContext } from './access.js';
import { toApiKey } from './api-keys.js';
import { audit } from './audit.js';
import type { AuthDeps } from './deps.js';
import { confirmAccountHolder } from './reauth.js';
import type { RequestMeta } from './sessions.js';
import { findUserById, toUser } from './users.js';

/** Everything we hold about the user, as JSON (right of access; also the deletion receipt). */
export async function exportAccount(deps: AuthDeps, userId: string) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound('Account');
  const [sessions, logins, apiKeys, memberships, auditEntries] = await Promise.all([
    deps.db.selectFrom('platform.sessions').selectAll().where('user_id', '=', userId).execute(),
    deps.db.selectFrom('platform.login_events').selectAll().where('user_id', '=', userId).execute(),
    deps.db.selectFrom('platform.api_keys').selectAll().where('user_id', '=', userId).execute(),
    deps.db.selectFrom('platform.memberships').selectAll().where('user_id', '=', userId).execute(),
    deps.db.selectFrom('platform.audit_log').selectAll().where('actor_id', '=', userId).execute(),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    user: toUser(user),
    sessions: sessions.map((s) => ({
      id: s.id,
      method: s.method,
      ip: s.ip,
      userAgent: s.user_agent,
      createdAt: s.created_at,
      revokedAt: s.revoked_at,
    })),
    loginHistory: logins.map((l) => ({
      at: l.created_at,
      method: l.method,
      outcome: l.outcome,
      ip: l.ip,
      userAgent: l.user_agent,
    })),
    apiKeys: apiKeys.map(toApiKey),
    memberships: memberships.map((m) => ({ app: m.app, role: m.role, since: m.created_at })),
    auditLog: auditEntries.map((a) => ({ at: a.created_at, action: a.action, data: a.data })),
  };
}

/**
 * Deletes the account after exporting its data; the export is returned to the caller. The account
 * holder confirms (password, or a recent sign-in for accounts without one: reauth.ts). The audit
 * log keeps the deletion (actor set to null).
 */
export async function deleteAccount(
  deps: AuthDeps,
  caller: AuthContext,
  password: string | undefined,
  meta: RequestMeta,
) {
  const userId = caller.userId;
  await confirmAccountHolder(deps, caller, password, 'account.delete', meta);
  const exported = await exportAccount(deps, userId);
  await deps.db.transaction().execute(async (trx) => {
    await audit(trx, { actorId: null, action: 'user.deleted', targetId: userId, ip: meta.ip });
    await trx.deleteFrom('platform.users').where('id', '=', userId).execute();
  });
  return exported;
}
