import type { Entitlements, Plan, PlanLimitDetails, Subscription } from '@app/contracts';
import { type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { CreditsPort } from '../ai/context.js';
import { audit } from '../auth/audit.js';
import type { PlatformDb } from '../db/pool.js';
import type { DB } from '../db.generated.js';
import { AppError } from '../http/app-error.js';
import { type Jobs, taskType } from '../jobs/index.js';
import type { Logger } from '../observability/logger.js';
import { PlanCatalogue } from './catalogue.js';
import { givesPlan } from './effective.js';
import { CreditLedger } from './ledger.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Counts an account's current use of a limit (stores, subjects, ...), inside the given transaction. */
export type UsageCounter = (db: Db, userId: string) => Promise<number>;

/** Gives every account its monthly credits (and expires last month's leftovers). */
export const monthlyCreditsTask = taskType('billing.monthly-credits', z.object({}), { priority: 'low' });
/** Gives back credits held by operations that never settled (a process died). */
export const releaseReservationsTask = taskType('billing.release-reservations', z.object({}), {
  priority: 'low',
});

/** How long a reservation may stay open before the hourly sweep refunds it. */
const STALE_RESERVATION_MS = 60 * 60 * 1000;
/** What `monthly grant` entries are called (the expiry of leftovers finds them by it). */
const MONTHLY_GRANT = 'monthly grant';

/** The first day (UTC) of the month of `now`, as `YYYY-MM-DD`. */
export function monthOf(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
}

/**
 * Billing (docs/billing.md): the plans each app declared, which plan an account has in an app, what
 * that plan allows (limits checked inside the transaction that creates the limited thing, features),
 * the AI credit ledger with monthly grants, and plans assigned by hand. Payment (Stripe) writes the
 * subscriptions this reads; see billing/stripe when configured.
 */
export class Billing {
  readonly catalogue = new PlanCatalogue();
  readonly credits: CreditLedger;
  private readonly counters = new Map<string, UsageCounter>();

  constructor(
    private readonly deps: {
      db: PlatformDb;
      logger: Logger;
      jobs: Jobs;
      /** Whether online payment (Stripe) is configured; the pricing page says so. */
      onlinePayment?: () => boolean;
      /** The clock (tests move it). */
      now?: () => Date;
    },
  ) {
    this.credits = new CreditLedger(deps.db);
  }

  /** The platform's database (routes read the ledger through it). */
  get db(): PlatformDb {
    return this.deps.db;
  }

  get onlinePayment(): boolean {
    return this.deps.onlinePayment?.() ?? false;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** The AI gateway's view of credits: apps with plans pay for provider calls. */
  aiCredits(): CreditsPort {
    return {
      charges: (app) => this.catalogue.has(app),
      reserve: async (userId, app, amount, reason) => {
        await this.ensureMonthlyGrant(userId, app);
        return this.credits.reserve(userId, app, amount, reason);
      },
      settle: (id, actual) => this.credits.settle(id, actual),
      release: (id) => this.credits.release(id),
    };
  }

  /** Registers how to count an app's limit (e.g. an account's stores), so `/me` can show its use. */
  usage(app: string, key: string, count: UsageCounter): void {
    this.counters.set(`${app}|${key}`, count);
  }

  /** The account's subscription that gives its plan now, or null (the free plan). */
  async subscriptionOf(userId: string, app: string, db: Db = this.deps.db) {
    const rows = await db
      .selectFrom('platform.subscriptions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('app', '=', app)
      .where('status', 'not in', ['canceled', 'incomplete_expired'])
      .orderBy('created_at', 'desc')
      .limit(5)
      .execute();
    const now = this.now();
    return rows.find((row) => givesPlan(row, now) && this.catalogue.plan(app, row.plan)) ?? null;
  }

  /** The plan the account has in the app now. */
  async planOf(userId: string, app: string, db: Db = this.deps.db): Promise<Plan> {
    return this.planGivenBy(app, await this.subscriptionOf(userId, app, db));
  }

  /** The plan a subscription (or none: the free plan) gives in an app. */
  private planGivenBy(app: string, subscription: { plan: string } | null): Plan {
    return (subscription && this.catalogue.plan(app, subscription.plan)) || this.catalogue.freePlan(app);
  }

  /** What the account may do in the app now: plan, limits with their use, features, credits. */
  async entitlements(userId: string, app: string): Promise<Entitlements> {
    await this.ensureMonthlyGrant(userId, app);
    const subscription = await this.subscriptionOf(userId, app);
    const plan = this.planGivenBy(app, subscription);
    const limits: Entitlements['limits'] = {};
    for (const [key, allowed] of Object.entries(plan.limits)) {
      const count = this.counters.get(`${app}|${key}`);
      limits[key] = { allowed, used: count ? await count(this.deps.db, userId) : 0 };
    }
    return {
      app,
      plan: plan.code,
      subscription: subscription ? toSubscription(subscription) : null,
      limits,
      features: [...plan.features],
      credits: { balance: await this.credits.balance(userId, app), monthlyGrant: plan.monthlyCredits },
    };
  }

  /** Throws PLAN_LIMIT (kind feature) unless the account's plan includes `feature`. */
  async requireFeature(userId: string, app: string, feature: string): Promise<void> {
    const plan = await this.planOf(userId, app);
    if (plan.features.includes(feature)) return;
    throw this.refusal(app, plan, { key: feature, kind: 'feature', allowed: 0, used: 0 });
  }

  /**
   * Checks, inside the transaction that creates one more of `key` (a store, a subject), that the
   * plan allows it: concurrent creates by the same account wait for each other (a transaction-scoped
   * advisory lock per account, app and limit) and count what the others committed, so no race gets
   * past the limit. `count` defaults to the counter registered with `usage`. Throws PLAN_LIMIT.
   */
  async withinLimit(
    trx: Transaction<DB> | Kysely<DB>,
    userId: string,
    app: string,
    key: string,
    count?: UsageCounter,
  ): Promise<void> {
    const counter = count ?? this.counters.get(`${app}|${key}`);
    if (!counter) throw new Error(`billing: no counter for ${app} limit ${key}`);
    await sql`select pg_advisory_xact_lock(hashtextextended(${`billing|${userId}|${app}|${key}`}, 0))`.execute(
      trx,
    );
    const plan = await this.planOf(userId, app, trx);
    const allowed = plan.limits[key];
    if (allowed === null || allowed === undefined) return;
    const used = await counter(trx, userId);
    if (used + 1 > allowed) throw this.refusal(app, plan, { key, kind: 'limit', allowed, used });
  }

  /** The PLAN_LIMIT error for a refusal, naming the cheapest plan that would allow it. */
  refusal(
    app: string,
    plan: Plan,
    what: Pick<PlanLimitDetails, 'key' | 'kind' | 'allowed' | 'used'>,
  ): AppError {
    const better = this.catalogue.plans(app).find((candidate) => {
      if (candidate.code === plan.code) return false;
      if (what.kind === 'feature') return candidate.features.includes(what.key);
      const limit = candidate.limits[what.key];
      return limit === null || (limit !== undefined && limit > what.used);
    });
    const details: PlanLimitDetails = { app, plan: plan.code, ...what, upgradeTo: better?.code ?? null };
    const message =
      what.kind === 'feature'
        ? `Your ${plan.name.en} plan does not include ${what.key}.`
        : `Your ${plan.name.en} plan allows ${what.allowed} ${what.key}.`;
    return new AppError('PLAN_LIMIT', message, details);
  }

  /**
   * Once per account, app and UTC month: expires what is left of last month's grant (monthly credits
   * do not carry over; credits an admin added stay) and grants the plan's monthly credits. Runs on
   * first use in a month and from the daily cron; idempotent by `granted_for`.
   */
  async ensureMonthlyGrant(userId: string, app: string): Promise<void> {
    if (!this.catalogue.has(app)) return;
    const month = monthOf(this.now());
    const current = await this.deps.db
      .selectFrom('platform.credit_balances')
      .select(sql<string | null>`granted_for::text`.as('granted_for'))
      .where('user_id', '=', userId)
      .where('app', '=', app)
      .executeTakeFirst();
    if (current?.granted_for && current.granted_for >= month) return;
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('platform.credit_balances')
        .values({ user_id: userId, app })
        .onConflict((oc) => oc.columns(['user_id', 'app']).doNothing())
        .execute();
      const row = await trx
        .selectFrom('platform.credit_balances')
        .select(['balance', sql<string | null>`granted_for::text`.as('granted_for')])
        .where('user_id', '=', userId)
        .where('app', '=', app)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (row.granted_for && row.granted_for >= month) return;
      const last = await trx
        .selectFrom('platform.credit_entries')
        .select('amount')
        .where('user_id', '=', userId)
        .where('app', '=', app)
        .where('kind', '=', 'grant')
        .where('reason', '=', MONTHLY_GRANT)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      const leftover = Math.min(row.balance, last?.amount ?? 0);
      if (leftover > 0)
        await this.credits.apply(trx, {
          userId,
          app,
          kind: 'expire',
          amount: -leftover,
          reason: 'monthly credits expired',
        });
      const plan = await this.planOf(userId, app, trx);
      if (plan.monthlyCredits > 0)
        await this.credits.apply(trx, {
          userId,
          app,
          kind: 'grant',
          amount: plan.monthlyCredits,
          reason: MONTHLY_GRANT,
        });
      await trx
        .updateTable('platform.credit_balances')
        .set({ granted_for: month })
        .where('user_id', '=', userId)
        .where('app', '=', app)
        .execute();
    });
  }

  /**
   * Sets an account's plan by hand (an admin, or the development environment): ends any open manual
   * assignment and starts the new one (until `until`, or until changed; the free plan just ends the
   * assignment). Refused with 409 while a paid Stripe subscription is open (change it in Stripe).
   * An upgrade tops this month's credits up to the new plan's grant. Audited.
   */
  async assignPlan(
    actorId: string | null,
    userId: string,
    input: {
      app: string;
      plan: string;
      interval: 'month' | 'year';
      until?: string | undefined;
      reason: string;
    },
    meta: { ip?: string | null } = {},
  ): Promise<Entitlements> {
    const plan = this.catalogue.plan(input.app, input.plan);
    if (!plan) throw new AppError('NOT_FOUND', `${input.app} has no plan ${input.plan}.`);
    if (input.until && new Date(input.until) <= this.now())
      throw new AppError('VALIDATION_FAILED', 'The end of the assignment must be in the future.', {
        issues: [{ path: 'body.until', message: 'in the future' }],
      });
    await this.ensureMonthlyGrant(userId, input.app);
    await this.deps.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`billing-plan|${userId}|${input.app}`}, 0))`.execute(
        trx,
      );
      const before = await this.planOf(userId, input.app, trx);
      const open = await trx
        .selectFrom('platform.subscriptions')
        .select(['id', 'source'])
        .where('user_id', '=', userId)
        .where('app', '=', input.app)
        .where('status', 'not in', ['canceled', 'incomplete_expired'])
        .execute();
      if (open.some((s) => s.source === 'stripe'))
        throw new AppError(
          'CONFLICT',
          'This account pays for its plan online; change or cancel it there before assigning one by hand.',
        );
      if (open.length)
        await trx
          .updateTable('platform.subscriptions')
          .set({ status: 'canceled', canceled_at: sql`now()`, ended_at: sql`now()`, updated_at: sql`now()` })
          .where(
            'id',
            'in',
            open.map((s) => s.id),
          )
          .execute();
      if (!plan.free)
        await trx
          .insertInto('platform.subscriptions')
          .values({
            user_id: userId,
            app: input.app,
            plan: plan.code,
            interval: input.interval,
            status: 'active',
            source: 'manual',
            current_period_start: sql`now()`,
            current_period_end: input.until ? new Date(input.until) : null,
            assigned_by: actorId,
            note: input.reason,
          })
          .execute();
      const topUp = plan.monthlyCredits - before.monthlyCredits;
      if (topUp > 0)
        await this.credits.apply(trx, {
          userId,
          app: input.app,
          kind: 'grant',
          amount: topUp,
          reason: `plan changed to ${plan.code}`,
          actorId,
        });
      await audit(trx, {
        actorId,
        action: 'billing.plan_assigned',
        targetId: userId,
        data: {
          app: input.app,
          from: before.code,
          to: plan.code,
          until: input.until ?? null,
          reason: input.reason,
        },
        ip: meta.ip ?? null,
      });
    });
    return this.entitlements(userId, input.app);
  }

  /** An admin adds (or removes) credits with a reason; audited. PLAN_LIMIT when removing more than there is. */
  async adjustCredits(
    actorId: string,
    userId: string,
    input: { app: string; amount: number; reason: string },
    meta: { ip?: string | null } = {},
  ): Promise<number> {
    if (!this.catalogue.has(input.app)) throw new AppError('NOT_FOUND', `${input.app} has no plans.`);
    return this.deps.db.transaction().execute(async (trx) => {
      const balance = await this.credits.apply(trx, {
        userId,
        app: input.app,
        kind: 'adjust',
        amount: input.amount,
        reason: input.reason,
        actorId,
      });
      await audit(trx, {
        actorId,
        action: 'billing.credits_adjusted',
        targetId: userId,
        data: { app: input.app, amount: input.amount, reason: input.reason, balance },
        ip: meta.ip ?? null,
      });
      return balance;
    });
  }

  /** Daily: monthly grants for every account with credits in an app with plans. Returns how many. */
  async grantMonth(): Promise<number> {
    const month = monthOf(this.now());
    const rows = await this.deps.db
      .selectFrom('platform.credit_balances')
      .select(['user_id', 'app'])
      .where((eb) =>
        eb.or([eb('granted_for', 'is', null), eb('granted_for', '<', sql<Date>`${month}::date`)]),
      )
      .limit(10_000)
      .execute();
    let granted = 0;
    for (const row of rows) {
      if (!this.catalogue.has(row.app)) continue;
      await this.ensureMonthlyGrant(row.user_id, row.app);
      granted++;
    }
    return granted;
  }

  /** Handlers and schedules (roles worker and all). */
  registerJobs(): void {
    const { jobs, logger } = this.deps;
    jobs.handle(monthlyCreditsTask, async () => {
      const granted = await this.grantMonth();
      if (granted) logger.info({ granted }, 'monthly credits granted');
    });
    jobs.schedule({
      id: 'billing.monthly-credits',
      pattern: '10 0 * * *',
      task: monthlyCreditsTask,
      payload: {},
    });
    jobs.handle(releaseReservationsTask, async () => {
      const released = await this.credits.releaseStale(STALE_RESERVATION_MS);
      if (released) logger.warn({ released }, 'stale credit reservations released');
    });
    jobs.schedule({
      id: 'billing.release-reservations',
      pattern: '25 * * * *',
      task: releaseReservationsTask,
      payload: {},
    });
  }
}

/** A subscription row as the API shows it. */
export function toSubscription(row: {
  id: string;
  app: string;
  plan: string;
  interval: string;
  status: string;
  source: string;
  current_period_end: Date | null;
  cancel_at_period_end: boolean;
  created_at: Date;
}): Subscription {
  return {
    id: row.id,
    app: row.app,
    plan: row.plan,
    interval: row.interval as Subscription['interval'],
    status: row.status as Subscription['status'],
    source: row.source as Subscription['source'],
    currentPeriodEnd: row.current_period_end?.toISOString() ?? null,
    cancelAtPeriodEnd: row.cancel_at_period_end,
    createdAt: row.created_at.toISOString(),
  };
}
