import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../http/app.js';
import {
  bearer,
  createTestDatabase,
  listenTestApp,
  makeAdmin,
  makePerson,
  type Person,
  type TestDatabase,
} from '../testing/index.js';
import { Billing, monthOf } from './service.js';
import { BILLING_APP as APP, billingFixture, countThings, testPlans as plans } from './test-fixture.js';

let database: TestDatabase;
let dispose: () => Promise<void>;
let app: App;
let admin: Person;

beforeAll(async () => {
  database = await createTestDatabase();
  const fixture = await billingFixture();
  dispose = fixture.dispose;
  ({ app } = await listenTestApp(database.url, {}, { apps: [fixture.app] }));
  admin = await makeAdmin(app);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  await dispose?.();
});

const get = (who: Person | null, url: string) =>
  app.inject({ method: 'GET', url: `/api/v1/billing${url}`, headers: who ? bearer(who.token) : {} });
const send = (who: Person | null, method: 'POST' | 'PUT', url: string, payload: object) =>
  app.inject({ method, url: `/api/v1/billing${url}`, headers: who ? bearer(who.token) : {}, payload });

/** Creates one thing if the plan allows it, like an app's create route would. */
const createThing = (userId: string) =>
  app.platform.db.transaction().execute(async (trx) => {
    await app.platform.billing.withinLimit(trx, userId, APP, 'things');
    await sql`insert into public.billing_things (owner) values (${userId})`.execute(trx);
  });

describe('plans and entitlements', () => {
  it('serves the plans to anyone, and 404 for an app that does not run here', async () => {
    const res = await get(null, `/plans?app=${APP}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      app: APP,
      onlinePayment: false,
      plans: [{ code: 'free' }, { code: 'pro' }],
    });
    expect(res.json().labels.things).toEqual({ ko: '물건', en: 'Things' });
    expect((await get(null, '/plans?app=nosuchapp')).statusCode).toBe(404);
    expect((await get(null, '/plans?app=Bad!')).statusCode).toBe(400);
  });

  it("shows a new account's free plan with its use and this month's credits", async () => {
    const ann = await makePerson(app);
    expect((await get(null, `/me?app=${APP}`)).statusCode).toBe(401);
    await createThing(ann.id);
    const me = (await get(ann, `/me?app=${APP}`)).json();
    expect(me).toMatchObject({
      plan: 'free',
      subscription: null,
      limits: { things: { allowed: 3, used: 1 } },
      features: [],
      credits: { balance: 50, monthlyGrant: 50 },
    });
    const history = (await get(ann, `/credits?app=${APP}`)).json();
    expect(history.items).toMatchObject([
      { kind: 'grant', amount: 50, balance: 50, reason: 'monthly grant' },
    ]);
  });

  it('lets no parallel create past a limit, and refuses with the limit, the use and the plan to upgrade to', async () => {
    const bo = await makePerson(app);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => createThing(bo.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await countThings(app.platform.db, bo.id)).toBe(3);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      code: 'PLAN_LIMIT',
      details: {
        app: APP,
        plan: 'free',
        key: 'things',
        kind: 'limit',
        allowed: 3,
        used: 3,
        upgradeTo: 'pro',
      },
    });
    await expect(app.platform.billing.requireFeature(bo.id, APP, 'export')).rejects.toMatchObject({
      code: 'PLAN_LIMIT',
      details: { kind: 'feature', key: 'export', upgradeTo: 'pro' },
    });
  });

  it('counts a subscription set to cancel only until its period ends, then the free limits apply', async () => {
    const cy = await makePerson(app);
    const insert = (end: Date, cancel: boolean) =>
      app.platform.db
        .insertInto('platform.subscriptions')
        .values({
          user_id: cy.id,
          app: APP,
          plan: 'pro',
          interval: 'month',
          status: 'active',
          source: 'stripe',
          stripe_subscription_id: `sub_${cy.id}`,
          current_period_end: end,
          cancel_at_period_end: cancel,
        })
        .execute();
    await insert(new Date(Date.now() + 86_400_000), true);
    expect((await app.platform.billing.planOf(cy.id, APP)).code).toBe('pro');
    for (let i = 0; i < 4; i++) await createThing(cy.id);
    await app.platform.db
      .updateTable('platform.subscriptions')
      .set({ current_period_end: new Date(Date.now() - 1000) })
      .where('user_id', '=', cy.id)
      .execute();
    expect((await app.platform.billing.planOf(cy.id, APP)).code).toBe('free');
    await expect(createThing(cy.id)).rejects.toMatchObject({ code: 'PLAN_LIMIT', details: { used: 4 } });
  });
});

describe('credits', () => {
  it('never overdraws under 100 concurrent spends, and the entries sum to the balance', async () => {
    const di = await makePerson(app);
    await app.platform.billing.ensureMonthlyGrant(di.id, APP);
    await app.platform.billing.adjustCredits(admin.id, di.id, { app: APP, amount: 10, reason: 'test' });
    const spends = await Promise.allSettled(
      Array.from({ length: 100 }, () => app.platform.billing.credits.spend(di.id, APP, 1, 'test spend')),
    );
    expect(spends.filter((s) => s.status === 'fulfilled')).toHaveLength(60);
    expect(
      spends
        .filter((s) => s.status === 'rejected')
        .every((s) => (s as PromiseRejectedResult).reason.code === 'PLAN_LIMIT'),
    ).toBe(true);
    const { rows } = await sql<{ sum: number; min: number; n: number }>`
      select sum(amount)::int as sum, min(balance)::int as min, count(*)::int as n
      from platform.credit_entries where user_id = ${di.id} and app = ${APP}`.execute(app.platform.db);
    expect(rows[0]).toEqual({ sum: 0, min: 0, n: 62 });
    expect(await app.platform.billing.credits.balance(di.id, APP)).toBe(0);
  });

  it('reserves before paid work, settles at the real cost, releases on failure, and sweeps stale holds', async () => {
    const ed = await makePerson(app);
    const { billing } = app.platform;
    await billing.ensureMonthlyGrant(ed.id, APP);
    const first = await billing.credits.reserve(ed.id, APP, 20, 'studymate.summary');
    expect(await billing.credits.balance(ed.id, APP)).toBe(30);
    await billing.credits.settle(first, 7);
    await billing.credits.settle(first, 1); // a second settlement changes nothing
    expect(await billing.credits.balance(ed.id, APP)).toBe(43);
    const second = await billing.credits.reserve(ed.id, APP, 40, 'studymate.quiz');
    await billing.credits.release(second);
    expect(await billing.credits.balance(ed.id, APP)).toBe(43);
    await expect(billing.credits.reserve(ed.id, APP, 44, 'too much')).rejects.toMatchObject({
      code: 'PLAN_LIMIT',
    });
    await billing.credits.reserve(ed.id, APP, 3, 'crashed');
    await sql`update platform.credit_reservations set created_at = now() - interval '2 hours' where state = 'open'`.execute(
      app.platform.db,
    );
    expect(await billing.credits.releaseStale(60 * 60 * 1000)).toBe(1);
    expect(await billing.credits.balance(ed.id, APP)).toBe(43);
  });

  it("expires last month's grant (not what an admin added) and grants the new month once", async () => {
    const fay = await makePerson(app);
    let now = new Date('2026-11-20T12:00:00Z');
    const billing = new Billing({
      db: app.platform.db,
      logger: app.platform.logger,
      jobs: app.platform.jobs,
      now: () => now,
    });
    billing.catalogue.declare(APP, plans);
    await billing.ensureMonthlyGrant(fay.id, APP);
    await billing.credits.spend(fay.id, APP, 30, 'used');
    await billing.adjustCredits(admin.id, fay.id, { app: APP, amount: 100, reason: 'goodwill' });
    expect(await billing.credits.balance(fay.id, APP)).toBe(120);
    now = new Date('2026-12-01T00:10:00Z');
    expect(monthOf(now)).toBe('2026-12-01');
    await Promise.all([billing.grantMonth(), billing.ensureMonthlyGrant(fay.id, APP)]);
    // 120 - 50 (last grant, left over in full since the balance covers it) + 50 (December).
    expect(await billing.credits.balance(fay.id, APP)).toBe(120);
    const kinds = await app.platform.db
      .selectFrom('platform.credit_entries')
      .select(['kind', 'amount'])
      .where('user_id', '=', fay.id)
      .orderBy('id')
      .execute();
    expect(kinds.map((k) => `${k.kind}${k.amount}`)).toEqual([
      'grant50',
      'spend-30',
      'adjust100',
      'expire-50',
      'grant50',
    ]);
  });
});

describe('admin', () => {
  it('is for platform admins only, on every admin route', async () => {
    const user = await makePerson(app);
    const routes: [string, string, object | undefined][] = [
      ['GET', `/admin/accounts?email=${encodeURIComponent(user.email)}`, undefined],
      ['GET', `/admin/accounts/${user.id}?app=${APP}`, undefined],
      ['PUT', `/admin/accounts/${user.id}/plan`, { app: APP, plan: 'pro', reason: 'x' }],
      ['POST', `/admin/accounts/${user.id}/credits`, { app: APP, amount: 5, reason: 'x' }],
    ];
    for (const [method, url, payload] of routes) {
      for (const [who, status] of [
        [null, 401],
        [user, 403],
      ] as const) {
        const res = await app.inject({
          method: method as 'GET',
          url: `/api/v1/billing${url}`,
          headers: who ? bearer(who.token) : {},
          ...(payload ? { payload } : {}),
        });
        expect(res.statusCode, `${method} ${url} as ${who ? 'user' : 'anonymous'}`).toBe(status);
      }
    }
  });

  it('finds an account, sets its plan with a reason (credits topped up), adjusts credits, and audits both', async () => {
    const gus = await makePerson(app);
    const found = await get(admin, `/admin/accounts?email=${encodeURIComponent(gus.email.toUpperCase())}`);
    expect(found.json()).toMatchObject({ userId: gus.id });
    expect((await get(admin, '/admin/accounts?email=nobody@example.com')).statusCode).toBe(404);

    const assigned = await send(admin, 'PUT', `/admin/accounts/${gus.id}/plan`, {
      app: APP,
      plan: 'pro',
      reason: 'school licence',
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({
      plan: 'pro',
      subscription: { source: 'manual', status: 'active' },
      limits: { things: { allowed: null } },
      credits: { balance: 500 },
    });
    const past = await send(admin, 'PUT', `/admin/accounts/${gus.id}/plan`, {
      app: APP,
      plan: 'pro',
      until: '2020-01-01T00:00:00Z',
      reason: 'x',
    });
    expect(past.statusCode).toBe(400);
    expect(
      (await send(admin, 'PUT', `/admin/accounts/${gus.id}/plan`, { app: APP, plan: 'gold', reason: 'x' }))
        .statusCode,
    ).toBe(404);

    const removed = await send(admin, 'POST', `/admin/accounts/${gus.id}/credits`, {
      app: APP,
      amount: -600,
      reason: 'too many',
    });
    expect(removed.statusCode).toBe(402);
    const added = await send(admin, 'POST', `/admin/accounts/${gus.id}/credits`, {
      app: APP,
      amount: 25,
      reason: 'support',
    });
    expect(added.json()).toEqual({ balance: 525 });

    const view = (await get(admin, `/admin/accounts/${gus.id}?app=${APP}`)).json();
    expect(view).toMatchObject({ account: { userId: gus.id }, entitlements: { plan: 'pro' }, invoices: [] });
    expect(view.credits[0]).toMatchObject({ kind: 'adjust', amount: 25, reason: 'support' });

    const back = await send(admin, 'PUT', `/admin/accounts/${gus.id}/plan`, {
      app: APP,
      plan: 'free',
      reason: 'ended',
    });
    expect(back.json()).toMatchObject({ plan: 'free', subscription: null });
    const audits = await app.platform.db
      .selectFrom('platform.audit_log')
      .select('action')
      .where('target_id', '=', gus.id)
      .where('action', 'like', 'billing.%')
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual([
      'billing.credits_adjusted',
      'billing.plan_assigned',
      'billing.plan_assigned',
    ]);
  });

  it('refuses to assign a plan by hand while the account pays online', async () => {
    const hal = await makePerson(app);
    await app.platform.db
      .insertInto('platform.subscriptions')
      .values({
        user_id: hal.id,
        app: APP,
        plan: 'pro',
        interval: 'month',
        status: 'active',
        source: 'stripe',
        stripe_subscription_id: `sub_${hal.id}`,
        current_period_end: new Date(Date.now() + 86_400_000),
      })
      .execute();
    const res = await send(admin, 'PUT', `/admin/accounts/${hal.id}/plan`, {
      app: APP,
      plan: 'free',
      reason: 'x',
    });
    expect(res.statusCode).toBe(409);
  });
});
