import {
  adjustCreditsSchema,
  appNameSchema,
  assignPlanSchema,
  creditEntrySchema,
  entitlementsSchema,
  invoiceSchema,
  subscriptionSchema,
} from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { access, callerOf } from '../auth/access.js';
import { requestMeta } from '../auth/routes/meta.js';
import { AppError, notFound } from '../http/app-error.js';
import { creditPage, knownApp } from './routes.js';
import { type Billing, toSubscription } from './service.js';
import { toInvoice } from './stripe/routes.js';

const tags = ['billing'];
const admin = { access: access.permission('platform:admin') };
const userParams = z.object({ userId: z.uuid() });

const accountSchema = z.object({ userId: z.uuid(), name: z.string(), email: z.string() });
const accountBillingSchema = z.object({
  account: accountSchema,
  entitlements: entitlementsSchema,
  subscriptions: z.array(subscriptionSchema),
  credits: z.array(creditEntrySchema),
  invoices: z.array(invoiceSchema),
});

/** `/api/v1/billing/admin`: platform admins find an account, see its billing, change plan and credits. */
export const billingAdminRoutes: FastifyPluginAsync<{ billing: Billing; apps: readonly string[] }> = async (
  plugin,
  { billing, apps },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  const { db } = billing;

  const account = async (userId: string) => {
    const row = await db
      .selectFrom('platform.users')
      .select(['id', 'name', 'email'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!row) throw notFound('Account');
    return { userId: row.id, name: row.name, email: row.email };
  };

  app.get(
    '/accounts',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Admin: find an account by its email address',
        querystring: z.object({ email: z.string().trim().min(3).max(320) }),
        response: { 200: accountSchema },
      },
    },
    async (request) => {
      const row = await db
        .selectFrom('platform.users')
        .select(['id', 'name', 'email'])
        .where(sql`lower(email)`, '=', request.query.email.toLowerCase())
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', 'No account has this email.');
      return { userId: row.id, name: row.name, email: row.email };
    },
  );

  app.get(
    '/accounts/:userId',
    {
      config: admin,
      schema: {
        tags,
        summary: "Admin: an account's plan, subscriptions, recent credit entries and invoices in an app",
        params: userParams,
        querystring: z.object({ app: appNameSchema }),
        response: { 200: accountBillingSchema },
      },
    },
    async (request) => {
      const { userId } = request.params;
      const name = knownApp(apps, request.query.app);
      const who = await account(userId);
      const [entitlements, subscriptions, credits, invoices] = await Promise.all([
        billing.entitlements(userId, name),
        db
          .selectFrom('platform.subscriptions')
          .selectAll()
          .where('user_id', '=', userId)
          .where('app', '=', name)
          .orderBy('created_at', 'desc')
          .limit(20)
          .execute(),
        creditPage(billing, userId, name, { limit: 20 }),
        db
          .selectFrom('platform.invoices')
          .selectAll()
          .where('user_id', '=', userId)
          .where('app', '=', name)
          .orderBy('stripe_created_at', 'desc')
          .limit(20)
          .execute(),
      ]);
      return {
        account: who,
        entitlements,
        subscriptions: subscriptions.map(toSubscription),
        credits: credits.items,
        invoices: invoices.map(toInvoice),
      };
    },
  );

  app.put(
    '/accounts/:userId/plan',
    {
      config: admin,
      schema: {
        tags,
        summary: "Admin: set an account's plan by hand (no payment), optionally until a date; audited",
        params: userParams,
        body: assignPlanSchema,
        response: { 200: entitlementsSchema },
      },
    },
    async (request) => {
      await account(request.params.userId);
      const body = { ...request.body, app: knownApp(apps, request.body.app) };
      return billing.assignPlan(callerOf(request).userId, request.params.userId, body, requestMeta(request));
    },
  );

  app.post(
    '/accounts/:userId/credits',
    {
      config: admin,
      schema: {
        tags,
        summary: "Admin: add or remove an account's credits with a reason; audited",
        params: userParams,
        body: adjustCreditsSchema,
        response: { 200: z.object({ balance: z.number().int() }) },
      },
    },
    async (request) => {
      await account(request.params.userId);
      const body = { ...request.body, app: knownApp(apps, request.body.app) };
      const balance = await billing.adjustCredits(
        callerOf(request).userId,
        request.params.userId,
        body,
        requestMeta(request),
      );
      return { balance };
    },
  );
};
