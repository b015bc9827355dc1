import type { CreditEntry } from '@app/contracts';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { PlatformDb } from '../db/pool.js';
import type { DB } from '../db.generated.js';
import { AppError } from '../http/app-error.js';

type Db = Kysely<DB> | Transaction<DB>;
type Kind = CreditEntry['kind'];

/** One change of a balance: what the ledger records. */
export interface CreditChange {
  readonly userId: string;
  readonly app: string;
  readonly kind: Kind;
  /** Signed; must keep the balance at or above zero (a spend that would not is refused). */
  readonly amount: number;
  readonly reason: string;
  readonly actorId?: string | null;
  readonly reservationId?: string | null;
}

/**
 * The credit ledger of each account and app (docs/billing.md, "Credits"): a balance row that every
 * change updates with one conditional statement (so concurrent spends serialise on that row and the
 * balance never goes below zero), and an append-only entry per change carrying the balance after
 * it, written in the same transaction.
 */
export class CreditLedger {
  constructor(private readonly db: PlatformDb) {}

  /** The current balance (0 for an account that never had credits). */
  async balance(userId: string, app: string, db: Db = this.db): Promise<number> {
    const row = await db
      .selectFrom('platform.credit_balances')
      .select('balance')
      .where('user_id', '=', userId)
      .where('app', '=', app)
      .executeTakeFirst();
    return row?.balance ?? 0;
  }

  /**
   * Applies one change inside `trx` and returns the balance after it. A change that would take the
   * balance below zero is refused with PLAN_LIMIT (kind credits), and nothing is written.
   */
  async apply(trx: Db, change: CreditChange, plan = 'free'): Promise<number> {
    if (!Number.isInteger(change.amount) || change.amount === 0)
      throw new Error('a credit change is a non-zero integer');
    await trx
      .insertInto('platform.credit_balances')
      .values({ user_id: change.userId, app: change.app })
      .onConflict((oc) => oc.columns(['user_id', 'app']).doNothing())
      .execute();
    const updated = await trx
      .updateTable('platform.credit_balances')
      .set({ balance: sql`balance + ${change.amount}`, updated_at: sql`now()` })
      .where('user_id', '=', change.userId)
      .where('app', '=', change.app)
      .where(sql<boolean>`balance + ${change.amount} >= 0`)
      .returning('balance')
      .executeTakeFirst();
    if (!updated) {
      const balance = await this.balance(change.userId, change.app, trx);
      throw new AppError('PLAN_LIMIT', 'Not enough credits left for this.', {
        app: change.app,
        plan,
        key: 'credits',
        kind: 'credits',
        allowed: balance,
        used: -change.amount,
        upgradeTo: null,
      });
    }
    await trx
      .insertInto('platform.credit_entries')
      .values({
        user_id: change.userId,
        app: change.app,
        kind: change.kind,
        amount: change.amount,
        balance: updated.balance,
        reason: change.reason.slice(0, 500),
        actor_id: change.actorId ?? null,
        reservation_id: change.reservationId ?? null,
      })
      .execute();
    return updated.balance;
  }

  /** Spends credits in its own transaction (PLAN_LIMIT when the balance is short). */
  spend(userId: string, app: string, amount: number, reason: string): Promise<number> {
    return this.db
      .transaction()
      .execute((trx) => this.apply(trx, { userId, app, kind: 'spend', amount: -amount, reason }));
  }

  /**
   * Holds credits for an operation whose cost is known only afterwards (an AI call): spends
   * `amount` now and returns the reservation's id for `settle` or `release`.
   */
  reserve(userId: string, app: string, amount: number, reason: string): Promise<string> {
    return this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('platform.credit_reservations')
        .values({ user_id: userId, app, amount, reason })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.apply(trx, { userId, app, kind: 'spend', amount: -amount, reason, reservationId: id });
      return id;
    });
  }

  /**
   * Settles a reservation at the real cost: refunds what was held beyond it, or spends the extra
   * (as much as the balance allows: the work is done, the account is never overdrawn). Settling
   * twice, or after a release, changes nothing.
   */
  settle(reservationId: string, actual: number): Promise<void> {
    return this.close(reservationId, 'settled', Math.max(0, Math.round(actual)));
  }

  /** Gives back everything a reservation held (the operation failed). */
  release(reservationId: string): Promise<void> {
    return this.close(reservationId, 'refunded', 0);
  }

  /** Releases reservations left open longer than `olderThanMs` (a process died mid-operation). */
  async releaseStale(olderThanMs: number): Promise<number> {
    const stale = await this.db
      .selectFrom('platform.credit_reservations')
      .select('id')
      .where('state', '=', 'open')
      .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanMs / 1000})`)
      .limit(1000)
      .execute();
    for (const { id } of stale) await this.release(id);
    return stale.length;
  }

  private close(reservationId: string, state: 'settled' | 'refunded', actual: number): Promise<void> {
    return this.db.transaction().execute(async (trx) => {
      const reservation = await trx
        .selectFrom('platform.credit_reservations')
        .selectAll()
        .where('id', '=', reservationId)
        .where('state', '=', 'open')
        .forUpdate()
        .executeTakeFirst();
      if (!reservation) return;
      const base = { userId: reservation.user_id, app: reservation.app, reservationId };
      const back = reservation.amount - actual;
      if (back > 0)
        await this.apply(trx, { ...base, kind: 'refund', amount: back, reason: reservation.reason });
      if (back < 0) {
        const extra = Math.min(-back, await this.balance(reservation.user_id, reservation.app, trx));
        if (extra > 0)
          await this.apply(trx, { ...base, kind: 'spend', amount: -extra, reason: reservation.reason });
      }
      await trx
        .updateTable('platform.credit_reservations')
        .set({ state, settled_at: sql`now()` })
        .where('id', '=', reservationId)
        .execute();
    });
  }
}
