import type { BlockedUser } from '@app/contracts';
import { sql } from 'kysely';
import type { PlatformDb } from '../db/pool.js';
import { AppError, notFound } from '../http/app-error.js';

/** Told after `blockerId` blocked `blockedId` (e.g. calls between them end). */
export type BlockListener = (blockerId: string, blockedId: string) => Promise<void>;

/**
 * The platform's block list: a user blocks another in every app at once. Kernel services ask
 * `between(a, b)` (either direction) before letting one reach the other; apps may ask too.
 */
export class Blocks {
  private readonly listeners: BlockListener[] = [];

  constructor(private readonly db: PlatformDb) {}

  /** Runs after each new block; the calls service ends what is ringing or active between the two. */
  onBlocked(listener: BlockListener): void {
    this.listeners.push(listener);
  }

  async block(blockerId: string, blockedId: string): Promise<void> {
    if (blockerId === blockedId) throw new AppError('BAD_REQUEST', 'You cannot block yourself.');
    // Insert only for an existing account, so an unknown id is a 404 rather than a key violation.
    const inserted = await this.db
      .insertInto('platform.user_blocks')
      .columns(['blocker_id', 'blocked_id'])
      .expression((eb) =>
        eb
          .selectFrom('platform.users')
          .select([sql<string>`${blockerId}::uuid`.as('blocker_id'), 'id'])
          .where('id', '=', blockedId),
      )
      .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
      .returning('blocked_id')
      .executeTakeFirst();
    if (!inserted) {
      if (!(await this.blocked(blockerId, blockedId))) throw notFound('User');
      return;
    }
    for (const listener of this.listeners) await listener(blockerId, blockedId);
  }

  async unblock(blockerId: string, blockedId: string): Promise<void> {
    await this.db
      .deleteFrom('platform.user_blocks')
      .where('blocker_id', '=', blockerId)
      .where('blocked_id', '=', blockedId)
      .execute();
  }

  /** Whom the user blocked, most recent first. */
  async list(blockerId: string, limit: number): Promise<BlockedUser[]> {
    const rows = await this.db
      .selectFrom('platform.user_blocks')
      .select(['blocked_id', 'created_at'])
      .where('blocker_id', '=', blockerId)
      .orderBy('created_at', 'desc')
      .orderBy('blocked_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ userId: r.blocked_id, createdAt: r.created_at.toISOString() }));
  }

  /** Everyone the user blocked or who blocked them (lists of people leave them out, e.g. suggestions). */
  async involving(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('platform.user_blocks')
      .select('blocked_id as id')
      .where('blocker_id', '=', userId)
      .union(
        this.db
          .selectFrom('platform.user_blocks')
          .select('blocker_id as id')
          .where('blocked_id', '=', userId),
      )
      .execute();
    return rows.map((r) => r.id);
  }

  /** True when either of the two blocked the other. */
  async between(userA: string, userB: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('platform.user_blocks')
      .select('blocker_id')
      .where((eb) =>
        eb.or([
          eb.and([eb('blocker_id', '=', userA), eb('blocked_id', '=', userB)]),
          eb.and([eb('blocker_id', '=', userB), eb('blocked_id', '=', userA)]),
        ]),
      )
      .executeTakeFirst();
    return row !== undefined;
  }

  private async blocked(blockerId: string, blockedId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('platform.user_blocks')
      .select('blocker_id')
      .where('blocker_id', '=', blockerId)
      .where('blocked_id', '=', blockedId)
      .executeTakeFirst();
    return row !== undefined;
  }
}
