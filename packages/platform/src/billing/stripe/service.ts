import type { BillingInterval, Currency } from '@app/contracts';
import { sql } from 'kysely';
import type Stripe from 'stripe';
import type { PlatformDb } from '../../db/pool.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { Notifications } from '../../notifications/service.js';
import type { Logger } from '../../observability/logger.js';
import type { Billing } from '../service.js';
import { createStripeClient } from './client.js';
import { priceKey, type StripeConfig } from './env.js';
import { paymentFailed } from './notifications.js';

/** Stripe's subscription states we mirror (others are stored as the nearest one). */
const STATUSES = new Set([
  'trialing',
  'active',
  'past_due',
  'canceled',
  'incomplete',
  'incomplete_expired',
  'unpaid',
  'paused',
]);
const INVOICE_STATUSES = new Set(['draft', 'open', 'paid', 'uncollectible', 'void']);

const seconds = (value: number | null | undefined) => (value ? new Date(value * 1000) : null);
const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null);

/**
 * Online payment through Stripe (docs/billing.md, "Stripe"): Checkout Sessions for subscriptions, the
 * customer portal for payment methods and cancellation, and webhooks that mirror subscriptions and
 * invoices into the platform's tables. Every webhook is verified with the signing secret, processed
 * once per event id, and order-independent: it re-reads the object from Stripe and stores its
 * current state, so a late or repeated event cannot bring an old state back.
 */
export class StripeBilling {
  readonly stripe: Stripe;
  /** plan code by price id, per app: what a subscription's price means. */
  private readonly plansByPrice = new Map<string, { app: string; plan: string; interval: BillingInterval }>();

  constructor(
    private readonly deps: {
      db: PlatformDb;
      config: StripeConfig;
      publicUrl: string;
      billing: Billing;
      notifications: Notifications;
      logger: Logger;
    },
  ) {
    this.stripe = createStripeClient(deps.config);
    for (const [key, price] of deps.config.prices) {
      const [app = '', plan = '', interval = 'month'] = key.split('.');
      this.plansByPrice.set(price, { app, plan, interval: interval as BillingInterval });
    }
  }

  /**
   * A Checkout Session for a paid plan; returns the URL to send the browser to. Refused for the
   * free plan, plans sold by contacting sales, plans without a price id, and an account that already
   * pays for this app (it changes plan in the customer portal).
   */
  async checkout(
    userId: string,
    input: { app: string; plan: string; interval: BillingInterval; currency: Currency },
  ): Promise<string> {
    const plan = this.deps.billing.catalogue.plan(input.app, input.plan);
    if (!plan) throw new AppError('NOT_FOUND', `${input.app} has no plan ${input.plan}.`);
    if (plan.free || plan.contactSales)
      throw new AppError(
        'CONFLICT',
        plan.free ? 'The free plan needs no payment.' : 'Contact us for this plan.',
      );
    const price = this.deps.config.prices.get(priceKey(input.app, plan.code, input.interval, input.currency));
    if (!price)
      throw new AppError(
        'CONFLICT',
        `This plan cannot be bought online in ${input.currency.toUpperCase()} per ${input.interval} yet.`,
      );
    const paying = await this.deps.db
      .selectFrom('platform.subscriptions')
      .select('id')
      .where('user_id', '=', userId)
      .where('app', '=', input.app)
      .where('source', '=', 'stripe')
      .where('status', 'not in', ['canceled', 'incomplete_expired', 'incomplete'])
      .executeTakeFirst();
    if (paying)
      throw new AppError('CONFLICT', 'You already pay for a plan here; change it from "Manage payment".');
    const customer = await this.customerOf(userId);
    const back = `${this.deps.publicUrl}/${input.app}/billing`;
    const metadata = { userId, app: input.app, plan: plan.code };
    const session = await this.stripe.checkout.sessions.create({
      mode: 'subscription',
      customer,
      client_reference_id: userId,
      line_items: [{ price, quantity: 1 }],
      success_url: `${back}?checkout=success`,
      cancel_url: `${back}?checkout=cancel`,
      metadata,
      subscription_data: { metadata },
    });
    if (!session.url) throw new AppError('SERVICE_UNAVAILABLE', 'Stripe gave no checkout page.');
    return session.url;
  }

  /** The customer portal (payment methods, invoices, plan changes, cancellation) for the account. */
  async portal(userId: string, app: string): Promise<string> {
    const row = await this.deps.db
      .selectFrom('platform.billing_customers')
      .select('stripe_customer_id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!row) throw notFound('Payment account');
    const session = await this.stripe.billingPortal.sessions.create({
      customer: row.stripe_customer_id,
      return_url: `${this.deps.publicUrl}/${app}/billing`,
    });
    return session.url;
  }

  /**
   * Verifies and processes one webhook delivery. A bad or missing signature is refused (400
   * INVALID_SIGNATURE) with nothing written; an event already processed changes nothing.
   */
  async receive(raw: Buffer, signature: string | undefined): Promise<{ duplicate: boolean }> {
    let event: Stripe.Event;
    try {
      if (!signature) throw new Error('no signature');
      event = this.stripe.webhooks.constructEvent(raw, signature, this.deps.config.webhookSecret);
    } catch {
      throw new AppError('INVALID_SIGNATURE', 'The Stripe-Signature header does not match this payload.');
    }
    const seen = await this.deps.db
      .selectFrom('platform.stripe_events')
      .select('id')
      .where('id', '=', event.id)
      .executeTakeFirst();
    if (seen) return { duplicate: true };
    const object = event.data.object as { id?: string; subscription?: unknown };
    let effect: ((trx: PlatformDb) => Promise<void>) | undefined;
    let after: (() => Promise<void>) | undefined;
    if (event.type === 'checkout.session.completed') {
      const subscription = idOf(object.subscription as string | { id: string } | null);
      if (subscription) effect = await this.subscriptionEffect(subscription);
    } else if (event.type.startsWith('customer.subscription.') && object.id) {
      effect = await this.subscriptionEffect(object.id);
    } else if (event.type.startsWith('invoice.') && object.id) {
      const invoice = await this.invoiceEffect(object.id);
      effect = invoice?.write;
      if (event.type === 'invoice.payment_failed' && invoice) after = invoice.dunning;
    }
    const fresh = await this.deps.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('platform.stripe_events')
        .values({ id: event.id, type: event.type, stripe_created_at: new Date(event.created * 1000) })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return false;
      await effect?.(trx);
      return true;
    });
    if (fresh) await after?.();
    return { duplicate: !fresh };
  }

  /** Reads a subscription from Stripe and returns the write that mirrors its current state. */
  private async subscriptionEffect(id: string): Promise<((trx: PlatformDb) => Promise<void>) | undefined> {
    const subscription = await this.stripe.subscriptions.retrieve(id);
    const item = subscription.items.data[0];
    const priced = item ? this.plansByPrice.get(item.price.id) : undefined;
    const meta = subscription.metadata ?? {};
    const app = priced?.app ?? meta.app;
    const planCode = priced?.plan ?? meta.plan;
    const userId = meta.userId ?? (await this.userOfCustomer(idOf(subscription.customer)));
    if (!app || !planCode || !userId || !this.deps.billing.catalogue.plan(app, planCode)) {
      this.deps.logger.warn(
        { subscription: id, app, planCode },
        'stripe subscription for no known plan; ignored',
      );
      return undefined;
    }
    const status = STATUSES.has(subscription.status) ? subscription.status : 'incomplete';
    const interval = (item?.price.recurring?.interval === 'year' ? 'year' : 'month') as BillingInterval;
    const values = {
      plan: planCode,
      interval,
      status,
      current_period_start: seconds(item?.current_period_start),
      current_period_end: seconds(item?.current_period_end),
      cancel_at_period_end: subscription.cancel_at_period_end,
      canceled_at: seconds(subscription.canceled_at),
      ended_at: seconds(subscription.ended_at),
      stripe_updated_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    };
    const { billing } = this.deps;
    await billing.ensureMonthlyGrant(userId, app);
    return async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`billing-plan|${userId}|${app}`}, 0))`.execute(
        trx,
      );
      const before = await billing.planOf(userId, app, trx);
      const open = status !== 'canceled' && status !== 'incomplete_expired';
      // A paid plan replaces an assignment by hand.
      if (open)
        await trx
          .updateTable('platform.subscriptions')
          .set({ status: 'canceled', canceled_at: sql`now()`, ended_at: sql`now()`, updated_at: sql`now()` })
          .where('user_id', '=', userId)
          .where('app', '=', app)
          .where('source', '=', 'manual')
          .where('status', 'not in', ['canceled', 'incomplete_expired'])
          .execute();
      await trx
        .insertInto('platform.subscriptions')
        .values({ user_id: userId, app, source: 'stripe', stripe_subscription_id: id, ...values })
        .onConflict((oc) => oc.column('stripe_subscription_id').doUpdateSet(values))
        .execute();
      const now = await billing.planOf(userId, app, trx);
      const topUp = now.monthlyCredits - before.monthlyCredits;
      if (topUp > 0)
        await billing.credits.apply(trx, {
          userId,
          app,
          kind: 'grant',
          amount: topUp,
          reason: `plan changed to ${now.code}`,
        });
    };
  }

  /** Reads an invoice from Stripe; the write that mirrors it, and the dunning notice when it failed. */
  private async invoiceEffect(id: string) {
    const invoice = await this.stripe.invoices.retrieve(id);
    const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription ?? null);
    const row = subscriptionId
      ? await this.deps.db
          .selectFrom('platform.subscriptions')
          .select(['id', 'user_id', 'app', 'plan'])
          .where('stripe_subscription_id', '=', subscriptionId)
          .executeTakeFirst()
      : undefined;
    if (!row) {
      this.deps.logger.warn({ invoice: id }, 'stripe invoice of no known subscription; ignored');
      return undefined;
    }
    const currency = invoice.currency === 'usd' ? 'usd' : 'krw';
    const values = {
      number: invoice.number,
      status: INVOICE_STATUSES.has(invoice.status ?? '') ? (invoice.status as string) : 'open',
      currency,
      amount_due: invoice.amount_due,
      amount_paid: invoice.amount_paid,
      period_start: seconds(invoice.period_start),
      period_end: seconds(invoice.period_end),
      hosted_url: invoice.hosted_invoice_url ?? null,
      stripe_updated_at: sql<Date>`now()`,
    };
    const plan = this.deps.billing.catalogue.plan(row.app, row.plan);
    return {
      write: async (trx: PlatformDb) => {
        await trx
          .insertInto('platform.invoices')
          .values({
            user_id: row.user_id,
            app: row.app,
            subscription_id: row.id,
            stripe_invoice_id: id,
            stripe_created_at: new Date(invoice.created * 1000),
            ...values,
          })
          .onConflict((oc) => oc.column('stripe_invoice_id').doUpdateSet(values))
          .execute();
      },
      dunning: async () => {
        await this.deps.notifications
          .send(paymentFailed, {
            userId: row.user_id,
            data: { app: row.app, plan: plan?.name.en ?? row.plan },
            dedupeKey: `payment-failed:${id}:${invoice.attempt_count ?? 0}`,
          })
          .catch((error: unknown) => this.deps.logger.error({ err: error }, 'dunning notification failed'));
      },
    };
  }

  private async userOfCustomer(customer: string | null): Promise<string | undefined> {
    if (!customer) return undefined;
    const row = await this.deps.db
      .selectFrom('platform.billing_customers')
      .select('user_id')
      .where('stripe_customer_id', '=', customer)
      .executeTakeFirst();
    return row?.user_id;
  }

  /** The account's Stripe customer, created on first checkout. */
  private async customerOf(userId: string): Promise<string> {
    const existing = await this.deps.db
      .selectFrom('platform.billing_customers')
      .select('stripe_customer_id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (existing) return existing.stripe_customer_id;
    const user = await this.deps.db
      .selectFrom('platform.users')
      .select(['email', 'name'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const customer = await this.stripe.customers.create({
      email: user.email,
      name: user.name,
      metadata: { userId },
    });
    await this.deps.db
      .insertInto('platform.billing_customers')
      .values({ user_id: userId, stripe_customer_id: customer.id })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    const row = await this.deps.db
      .selectFrom('platform.billing_customers')
      .select('stripe_customer_id')
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return row.stripe_customer_id;
  }
}
