import type { AdminUser, AdminUserSummary, AppManifest, Page } from '@app/contracts';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AccessChanges } from '../access/changes.js';
import { audit } from '../auth/audit.js';
import type { SessionStates } from '../auth/session-states.js';
import { type RequestMeta, revokeAllSessions } from '../auth/sessions.js';
import type { PlatformDb } from '../db/pool.js';
import { writeAppRole } from '../directory/directory.js';
import { AppError, notFound } from '../http/app-error.js';
import { decodeCursor, toPage } from '../http/pagination.js';

/** Dependencies of the admin's account operations. */
export interface AdminUsersDeps {
  db: PlatformDb;
  sessionStates: SessionStates;
  access: AccessChanges;
  /** The mounted apps' manifests: their names and the app-wide roles each declares. */
  apps: readonly AppManifest[];
}

/** Who acts, from where (audited with every change). */
export interface AdminActor {
  userId: string;
  meta: RequestMeta;
}

const summaryColumns = [
  'id',
  'email',
  'name',
  'platform_role',
  'email_verified_at',
  'suspended_at',
  'created_at',
] as const;

interface SummaryRow {
  id: string;
  email: string;
  name: string;
  platform_role: string | null;
  email_verified_at: Date | null;
  suspended_at: Date | null;
  created_at: Date;
}

function toSummary(row: SummaryRow): AdminUserSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    platformRole: row.platform_role === 'admin' ? 'admin' : null,
    emailVerified: row.email_verified_at !== null,
    suspended: row.suspended_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

/** The roles an app lets admins grant: its manifest's `appRoles`, else only `admin`. */
export function grantableRoles(manifest: AppManifest): readonly string[] {
  return manifest.appRoles?.map((entry) => entry.role) ?? ['admin'];
}

/**
 * The platform admin's operations on accounts: search, detail, platform and app roles, suspension
 * and signing out everywhere. Every change is audited; every change of what someone may do ends
 * with `access.changed`, so their sockets and documents are checked again on every instance.
 */
export class AdminUsers {
  constructor(private readonly deps: AdminUsersDeps) {}

  /** Accounts whose email or name starts with `q`, newest first. */
  async search(query: { q?: string | undefined; cursor?: string | undefined; limit: number }) {
    const after = query.cursor
      ? decodeCursor(query.cursor, z.tuple([z.iso.datetime(), z.uuid()]))
      : undefined;
    let select = this.deps.db.selectFrom('platform.users').select(summaryColumns);
    if (query.q) {
      const prefix = `${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      select = select.where((eb) =>
        eb.or([eb(eb.fn('lower', ['email']), 'like', prefix), eb(eb.fn('lower', ['name']), 'like', prefix)]),
      );
    }
    if (after) {
      const [createdAt, id] = after;
      select = select.where((eb) =>
        eb.or([
          eb('created_at', '<', new Date(createdAt)),
          eb.and([eb('created_at', '=', new Date(createdAt)), eb('id', '<', id)]),
        ]),
      );
    }
    const rows = await select
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .execute();
    const page = toPage(rows, query.limit, (row) => [row.created_at.toISOString(), row.id]);
    return { items: page.items.map(toSummary), nextCursor: page.nextCursor } satisfies Page<AdminUserSummary>;
  }

  /** One account: roles in the platform and each app, live sessions, suspension. */
  async detail(userId: string): Promise<AdminUser> {
    const row = await this.deps.db
      .selectFrom('platform.users')
      .select([...summaryColumns, 'totp_enabled_at', 'suspended_reason'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!row) throw notFound('Account');
    const [memberships, sessions] = await Promise.all([
      this.deps.db
        .selectFrom('platform.memberships')
        .select(['app', 'role'])
        .where('user_id', '=', userId)
        .orderBy('app')
        .execute(),
      this.deps.db
        .selectFrom('platform.sessions')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', sql<Date>`now()`)
        .executeTakeFirstOrThrow(),
    ]);
    return {
      ...toSummary(row),
      twoFactorEnabled: row.totp_enabled_at !== null,
      suspendedAt: row.suspended_at?.toISOString() ?? null,
      suspendedReason: row.suspended_reason,
      activeSessions: Number(sessions.count),
      memberships,
    };
  }

  /** Makes the account a platform admin, or (null) takes it away; never from the last admin. */
  async setPlatformRole(actor: AdminActor, userId: string, role: 'admin' | null): Promise<AdminUser> {
    const before = await this.deps.db.transaction().execute(async (trx) => {
      const target = await lockUser(trx, userId);
      const from = target.platform_role === 'admin' ? 'admin' : null;
      if (from === role) return from;
      if (from === 'admin' && !target.suspended_at) await refuseLastAdmin(trx, 'remove the role of');
      await trx.updateTable('platform.users').set({ platform_role: role }).where('id', '=', userId).execute();
      await audit(trx, {
        actorId: actor.userId,
        action: 'role.changed',
        targetId: userId,
        data: { scope: 'platform', from, to: role },
        ip: actor.meta.ip,
      });
      return from;
    });
    if (before !== role) await this.deps.access.changed(userId);
    return this.detail(userId);
  }

  /** Grants an app-wide role the app declares, or (null) takes it away; audited. */
  async setAppRole(actor: AdminActor, userId: string, app: string, role: string | null): Promise<AdminUser> {
    const manifest = this.deps.apps.find((candidate) => candidate.name === app);
    if (!manifest) throw notFound('App');
    const roles = grantableRoles(manifest);
    if (role !== null && !roles.includes(role))
      throw new AppError('VALIDATION_FAILED', `The app ${app} has no role ${role}.`, {
        issues: [{ path: 'body.role', message: `one of ${roles.join(', ')}, or null` }],
      });
    const changed = await this.deps.db.transaction().execute(async (trx) => {
      await lockUser(trx, userId);
      const current = await trx
        .selectFrom('platform.memberships')
        .select('role')
        .where('user_id', '=', userId)
        .where('app', '=', app)
        .executeTakeFirst();
      const from = current?.role ?? null;
      if (from === role) return false;
      await writeAppRole(trx, userId, app, role);
      await audit(trx, {
        actorId: actor.userId,
        action: 'role.changed',
        targetId: userId,
        data: { scope: 'app', app, from, to: role },
        ip: actor.meta.ip,
      });
      return true;
    });
    if (changed) await this.deps.access.changed(userId);
    return this.detail(userId);
  }

  /**
   * Suspends an account: no sign-in, refresh or API key works for it, every session is revoked and
   * its sockets are closed on every instance. Not oneself, and never the last active admin.
   */
  async suspend(actor: AdminActor, userId: string, reason: string): Promise<AdminUser> {
    if (userId === actor.userId) throw new AppError('FORBIDDEN', 'You cannot suspend your own account.');
    await this.deps.db.transaction().execute(async (trx) => {
      const target = await lockUser(trx, userId);
      if (target.suspended_at) throw new AppError('CONFLICT', 'This account is already suspended.');
      if (target.platform_role === 'admin') await refuseLastAdmin(trx, 'suspend');
      await trx
        .updateTable('platform.users')
        .set({ suspended_at: sql<Date>`now()`, suspended_reason: reason })
        .where('id', '=', userId)
        .execute();
      await revokeAllSessions(trx, userId, 'account suspended');
      await audit(trx, {
        actorId: actor.userId,
        action: 'user.suspended',
        targetId: userId,
        data: { reason },
        ip: actor.meta.ip,
      });
    });
    await this.endAccess(userId);
    return this.detail(userId);
  }

  /** Lifts a suspension: the account may sign in again (its old sessions stay revoked). */
  async unsuspend(actor: AdminActor, userId: string): Promise<AdminUser> {
    await this.deps.db.transaction().execute(async (trx) => {
      const target = await lockUser(trx, userId);
      if (!target.suspended_at) throw new AppError('CONFLICT', 'This account is not suspended.');
      await trx
        .updateTable('platform.users')
        .set({ suspended_at: null, suspended_reason: null })
        .where('id', '=', userId)
        .execute();
      await audit(trx, {
        actorId: actor.userId,
        action: 'user.unsuspended',
        targetId: userId,
        data: { reason: target.suspended_reason },
        ip: actor.meta.ip,
      });
    });
    return this.detail(userId);
  }

  /** Revokes every session of the account and closes its sockets; it must sign in again. */
  async signOutEverywhere(actor: AdminActor, userId: string): Promise<AdminUser> {
    await this.deps.db.transaction().execute(async (trx) => {
      await lockUser(trx, userId);
      await revokeAllSessions(trx, userId, 'signed out by an administrator');
      await audit(trx, {
        actorId: actor.userId,
        action: 'user.signed_out_everywhere',
        targetId: userId,
        ip: actor.meta.ip,
      });
    });
    await this.endAccess(userId);
    return this.detail(userId);
  }

  /** After sessions were revoked: forget them here, close sockets everywhere (others within seconds). */
  private async endAccess(userId: string): Promise<void> {
    this.deps.sessionStates.forgetUser(userId);
    await this.deps.access.changed(userId);
  }
}

async function lockUser(trx: PlatformDb, userId: string) {
  const row = await trx
    .selectFrom('platform.users')
    .select(['id', 'platform_role', 'suspended_at', 'suspended_reason'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('Account');
  return row;
}

/** Refuses when at most one active admin remains (the rows are locked, so two admins cannot race). */
async function refuseLastAdmin(trx: PlatformDb, doing: string): Promise<void> {
  const admins = await trx
    .selectFrom('platform.users')
    .select('id')
    .where('platform_role', '=', 'admin')
    .where('suspended_at', 'is', null)
    .forUpdate()
    .execute();
  if (admins.length <= 1)
    throw new AppError('CONFLICT', `You cannot ${doing} the last active platform administrator.`);
}
