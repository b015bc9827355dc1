import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../http/app.js';
import {
  bearer,
  createTestDatabase,
  listenTestApp,
  makePerson,
  type Person,
  type StripeStandIn,
  startStripeStandIn,
  type TestDatabase,
} from '../../testing/index.js';
import { BILLING_APP as APP, billingFixture } from '../test-fixture.js';

// The real `stripe` SDK against a local server that answers like Stripe (no request leaves the
// machine), with webhooks signed by the SDK's own test-header helper.
let database: TestDatabase;
let dispose: () => Promise<void>;
let stand: StripeStandIn;
let app: App;
let origin: string;

beforeAll(async () => {
  database = await createTestDatabase();
  stand = await startStripeStandIn();
  const fixture = await billingFixture();
  dispose = fixture.dispose;
  ({ app, origin } = await listenTestApp(
    database.url,
    {
      STRIPE_SECRET_KEY: 'sk_test_localstandin000',
      STRIPE_WEBHOOK_SECRET: stand.webhookSecret,
      STRIPE_PRICES: `${APP}.pro.month.krw=price_pro_month_krw,${APP}.pro.year.usd=price_pro_year_usd`,
      STRIPE_API_BASE: stand.url,
    },
    { apps: [fixture.app] },
  ));
  stand.webhookUrl = `${origin}/api/v1/billing/webhooks/stripe`;
});

afterAll(async () => {
  await app?.close();
  await stand?.close();
  await database?.drop();
  await dispose?.();
});

const post = (who: Person | null, url: string, payload: object) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/billing${url}`,
    headers: who ? bearer(who.token) : {},
    payload,
  });
const me = async (who: Person) =>
  (
    await app.inject({ method: 'GET', url: `/api/v1/billing/me?app=${APP}`, headers: bearer(who.token) })
  ).json();
const subscriptionRows = (userId: string) =>
  app.platform.db.selectFrom('platform.subscriptions').selectAll().where('user_id', '=', userId).execute();

/** Checkout through the API, then the stand-in's "Pay": the webhooks make the plan active. */
async function subscribe(who: Person) {
  const res = await post(who, '/checkout', { app: APP, plan: 'pro', interval: 'month', currency: 'krw' });
  expect(res.statusCode).toBe(200);
  const session = stand.lastSession();
  expect(res.json().url).toBe(session?.url);
  return stand.completeCheckout(session?.id ?? '');
}

describe('checkout and webhooks', () => {
  it('tells the pricing page that online payment is set up', async () => {
    const plans = await app.inject({ method: 'GET', url: `/api/v1/billing/plans?app=${APP}` });
    expect(plans.json().onlinePayment).toBe(true);
  });

  it('checkout -> payment -> webhooks -> the plan is active, with an invoice and the new monthly credits', async () => {
    const ann = await makePerson(app);
    expect((await me(ann)).plan).toBe('free');
    await subscribe(ann);
    const after = await me(ann);
    expect(after).toMatchObject({
      plan: 'pro',
      subscription: { source: 'stripe', status: 'active', cancelAtPeriodEnd: false },
      credits: { balance: 500, monthlyGrant: 500 },
    });
    const invoices = await app.inject({
      method: 'GET',
      url: `/api/v1/billing/invoices?app=${APP}`,
      headers: bearer(ann.token),
    });
    expect(invoices.json().items).toMatchObject([{ status: 'paid', currency: 'krw', amountPaid: 9900 }]);
    const portal = await post(ann, '/portal', { app: APP });
    expect(portal.json().url).toContain(`${stand.url}/portal`);
    // Paying again for the same app is refused: plan changes go through the portal.
    const again = await post(ann, '/checkout', { app: APP, plan: 'pro', interval: 'month', currency: 'krw' });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a bad signature and writes nothing; the same event twice has one effect', async () => {
    const bo = await makePerson(app);
    await subscribe(bo);
    const created = stand.sent.at(-2);
    if (!created) throw new Error('no event');
    const before = await app.platform.db.selectFrom('platform.stripe_events').select('id').execute();
    expect(await stand.deliver(created, 't=1,v1=deadbeef')).toBe(400);
    const res = await fetch(stand.webhookUrl ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await app.platform.db.selectFrom('platform.stripe_events').select('id').execute()).toHaveLength(
      before.length,
    );
    expect(await stand.deliver(created)).toBe(200);
    expect(await subscriptionRows(bo.id)).toHaveLength(1);
    const credits = await app.platform.billing.credits.balance(bo.id, APP);
    expect(credits).toBe(500);
  });

  it('keeps the newest state when an older event arrives late, and falls back to free once canceled', async () => {
    const cy = await makePerson(app);
    const subscription = await subscribe(cy);
    const older = await stand.updateSubscription(subscription.id, { cancel_at_period_end: true });
    expect(await me(cy)).toMatchObject({ plan: 'pro', subscription: { cancelAtPeriodEnd: true } });
    await stand.updateSubscription(subscription.id, {
      status: 'canceled',
      ended_at: Math.floor(Date.now() / 1000),
    });
    expect(await me(cy)).toMatchObject({ plan: 'free', subscription: null });
    // The older "updated" event again, and a copy of it with a new id: the state stays canceled.
    expect(await stand.deliver(older)).toBe(200);
    expect(await stand.deliver({ ...older, id: `${older.id}_late` })).toBe(200);
    const [row] = await subscriptionRows(cy.id);
    expect(row).toMatchObject({ status: 'canceled' });
    expect((await me(cy)).plan).toBe('free');
  });

  it('marks a failed renewal past due (the plan stays while Stripe retries) and sends a dunning notice', async () => {
    const di = await makePerson(app);
    const subscription = await subscribe(di);
    await stand.failPayment(subscription.id);
    expect(await me(di)).toMatchObject({ plan: 'pro', subscription: { status: 'past_due' } });
    const notices = await app.platform.db
      .selectFrom('platform.notifications')
      .select(['type', 'link'])
      .where('user_id', '=', di.id)
      .execute();
    expect(notices).toContainEqual({ type: 'platform.billing.payment_failed', link: `/${APP}/billing` });
    const invoices = await app.inject({
      method: 'GET',
      url: `/api/v1/billing/invoices?app=${APP}`,
      headers: bearer(di.token),
    });
    expect(
      invoices
        .json()
        .items.map((i: { status: string }) => i.status)
        .sort(),
    ).toEqual(['open', 'paid']);
  });

  it('refuses checkout for the free plan, a plan without a price, an unknown app, and callers who may not', async () => {
    const ed = await makePerson(app);
    const body = (plan: string, currency = 'krw', interval = 'month') => ({
      app: APP,
      plan,
      interval,
      currency,
    });
    expect((await post(ed, '/checkout', body('free'))).statusCode).toBe(409);
    expect((await post(ed, '/checkout', body('pro', 'usd'))).statusCode).toBe(409);
    expect((await post(ed, '/checkout', body('gold'))).statusCode).toBe(404);
    expect((await post(ed, '/checkout', { ...body('pro'), app: 'nosuchapp' })).statusCode).toBe(404);
    expect((await post(null, '/checkout', body('pro'))).statusCode).toBe(401);
    expect((await post(null, '/portal', { app: APP })).statusCode).toBe(401);
    expect((await post(ed, '/portal', { app: APP })).statusCode).toBe(404);
    const unverified = await makePerson(app);
    await app.platform.pool.query('update platform.users set email_verified_at = null where id = $1', [
      unverified.id,
    ]);
    expect((await post(unverified, '/checkout', body('pro'))).statusCode).toBe(403);
  });
});
