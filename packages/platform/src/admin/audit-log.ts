import type { AuditEntry, Page } from '@app/contracts';
import { z } from 'zod';
import type { PlatformDb } from '../db/pool.js';
import { AppError } from '../http/app-error.js';
import { decodeCursor, toPage } from '../http/pagination.js';

/** Filters of the audit log (the route's query). */
export interface AuditFilter {
  actorId?: string | undefined;
  targetId?: string | undefined;
  /** An action, or a prefix ending in a dot (`user.`). */
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The audit log newest first, with actors' and targets' names when they are (still) accounts. */
export async function auditLogPage(db: PlatformDb, filter: AuditFilter): Promise<Page<AuditEntry>> {
  if (filter.from && filter.to && new Date(filter.from) > new Date(filter.to))
    throw new AppError('VALIDATION_FAILED', 'The start date is after the end date.', {
      issues: [{ path: 'query.from', message: 'must not be after `to`' }],
    });
  const after = filter.cursor
    ? decodeCursor(filter.cursor, z.tuple([z.iso.datetime(), z.uuid()]))
    : undefined;
  let query = db
    .selectFrom('platform.audit_log as a')
    .leftJoin('platform.users as actor', 'actor.id', 'a.actor_id')
    .leftJoin('platform.users as target', 'target.id', 'a.target_id')
    .select([
      'a.id',
      'a.action',
      'a.actor_id',
      'a.target_id',
      'a.data',
      'a.ip',
      'a.created_at',
      'actor.name as actor_name',
      'actor.email as actor_email',
      'target.name as target_name',
    ]);
  if (filter.actorId) query = query.where('a.actor_id', '=', filter.actorId);
  if (filter.targetId) query = query.where('a.target_id', '=', filter.targetId);
  if (filter.action?.endsWith('.')) query = query.where('a.action', 'like', `${filter.action}%`);
  else if (filter.action) query = query.where('a.action', '=', filter.action);
  if (filter.from) query = query.where('a.created_at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('a.created_at', '<', new Date(filter.to));
  if (after) {
    const [createdAt, id] = after;
    query = query.where((eb) =>
      eb.or([
        eb('a.created_at', '<', new Date(createdAt)),
        eb.and([eb('a.created_at', '=', new Date(createdAt)), eb('a.id', '<', id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = toPage(rows, filter.limit, (row) => [row.created_at.toISOString(), row.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      id: row.id,
      action: row.action,
      actor:
        row.actor_id && row.actor_name !== null && row.actor_email !== null
          ? { id: row.actor_id, name: row.actor_name, email: row.actor_email }
          : null,
      targetId: row.target_id,
      targetName: row.target_name,
      data: (row.data ?? {}) as Record<string, unknown>,
      ip: row.ip,
      createdAt: row.created_at.toISOString(),
    })),
  };
}
