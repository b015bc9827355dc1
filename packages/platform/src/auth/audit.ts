import type { PlatformDb } from '../db/pool.js';

/** Security-relevant actions recorded in `platform.audit_log`. */
export type AuditAction =
  | 'user.registered'
  | 'user.email_verified'
  | 'user.deleted'
  | 'identity.linked'
  | 'password.changed'
  | 'password.reset'
  | 'password.confirm_failed'
  | 'session.revoked'
  | 'session.reuse_detected'
  | 'two_factor.enabled'
  | 'two_factor.disabled'
  | 'two_factor.backup_code_used'
  | 'two_factor.code_failed'
  | 'api_key.created'
  | 'api_key.revoked'
  | 'role.changed'
  | 'user.suspended'
  | 'user.unsuspended'
  | 'user.signed_out_everywhere'
  | 'billing.plan_assigned'
  | 'billing.credits_adjusted';

/** Writes one audit entry (inside the caller's transaction when given one). */
export async function audit(
  db: PlatformDb,
  entry: {
    actorId: string | null;
    action: AuditAction;
    targetId?: string;
    data?: object;
    ip?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('platform.audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      target_id: entry.targetId ?? null,
      data: JSON.stringify(entry.data ?? {}),
      ip: entry.ip ?? null,
    })
    .execute();
}

/** Sign-in attempts of every kind, for login history. */
export async function recordLogin(
  db: PlatformDb,
  event: {
    userId: string | null;
    email: string | null;
    method: string;
    outcome: 'success' | 'failure' | 'challenge' | 'locked';
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('platform.login_events')
    .values({
      user_id: event.userId,
      email: event.email,
      method: event.method,
      outcome: event.outcome,
      ip: event.ip,
      user_agent: event.userAgent,
    })
    .execute();
}
