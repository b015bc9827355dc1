import {
  appNameSchema,
  creditEntrySchema,
  entitlementsSchema,
  pageQuerySchema,
  pageSchema,
  planCodeSchema,
  plansResponseSchema,
} from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, callerOf } from '../auth/access.js';
import { requestMeta } from '../auth/routes/meta.js';
import { AppError } from '../http/app-error.js';
import { decodeCursor, toPage } from '../http/pagination.js';
import type { Billing } from './service.js';

const tags = ['billing'];
const appQuery = z.object({ app: appNameSchema });

/** The app must be one this server runs (404 otherwise, like an unknown resource). */
export function knownApp(apps: readonly string[], app: string): string {
  if (!apps.includes(app)) throw new AppError('NOT_FOUND', `No app named ${app} runs here.`);
  return app;
}

/**
 * `/api/v1/billing`: an app's plans (public: the pricing page), the caller's entitlements and
 * credit history, and in development without online payment a way to try a plan.
 */
export const billingRoutes: FastifyPluginAsync<{
  billing: Billing;
  apps: readonly string[];
  development: boolean;
}> = async (plugin, { billing, apps, development }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/plans',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "An app's plans, their limits and features, and whether online payment is set up",
        querystring: appQuery,
        response: { 200: plansResponseSchema },
      },
    },
    async (request) => {
      const name = knownApp(apps, request.query.app);
      return {
        app: name,
        plans: [...billing.catalogue.plans(name)],
        onlinePayment: billing.onlinePayment,
        devPlan: development && !billing.onlinePayment,
        labels: { ...billing.catalogue.labels(name) },
      };
    },
  );

  app.get(
    '/me',
    {
      config: { access: access.user() },
      schema: {
        tags,
        summary: "The caller's plan in an app: limits with their use, features, credits",
        querystring: appQuery,
        response: { 200: entitlementsSchema },
      },
    },
    async (request) => billing.entitlements(callerOf(request).userId, knownApp(apps, request.query.app)),
  );

  app.get(
    '/credits',
    {
      config: { access: access.user() },
      schema: {
        tags,
        summary: "The caller's credit history in an app, newest first",
        querystring: pageQuerySchema.extend(appQuery.shape),
        response: { 200: pageSchema(creditEntrySchema) },
      },
    },
    async (request) => {
      const name = knownApp(apps, request.query.app);
      return creditPage(billing, callerOf(request).userId, name, request.query);
    },
  );

  // Development without online payment: anyone may try a plan (the pricing page offers it).
  if (development && !billing.onlinePayment)
    app.post(
      '/dev/plan',
      {
        config: { access: access.user() },
        schema: {
          tags,
          summary: 'Development only: put the caller on a plan without paying',
          body: z.object({ app: appNameSchema, plan: planCodeSchema }).strict(),
          response: { 200: entitlementsSchema },
        },
      },
      async (request) =>
        billing.assignPlan(
          callerOf(request).userId,
          callerOf(request).userId,
          {
            app: knownApp(apps, request.body.app),
            plan: request.body.plan,
            interval: 'month',
            reason: 'development: chosen on the pricing page',
          },
          requestMeta(request),
        ),
    );
};

/** One page of an account's credit entries in an app, newest first. */
export async function creditPage(
  billing: Billing,
  userId: string,
  app: string,
  query: { cursor?: string | undefined; limit: number },
  db = billing.db,
) {
  let q = db
    .selectFrom('platform.credit_entries')
    .selectAll()
    .where('user_id', '=', userId)
    .where('app', '=', app)
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.cursor) {
    const [id] = decodeCursor(query.cursor, z.tuple([z.uuid()]));
    q = q.where('id', '<', id);
  }
  const page = toPage(await q.execute(), query.limit, (row) => [row.id]);
  return {
    items: page.items.map((row) => ({
      id: row.id,
      kind: row.kind as z.infer<typeof creditEntrySchema>['kind'],
      amount: row.amount,
      balance: row.balance,
      reason: row.reason,
      createdAt: row.created_at.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
