import {
  appNameSchema,
  checkoutRequestSchema,
  invoiceSchema,
  pageQuerySchema,
  pageSchema,
  redirectResponseSchema,
} from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, callerOf } from '../../auth/access.js';
import type { PlatformDb } from '../../db/pool.js';
import { AppError } from '../../http/app-error.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { knownApp } from '../routes.js';
import type { StripeBilling } from './service.js';

const tags = ['billing'];
// Money moves and Stripe mails receipts: a verified address first (docs/decisions/015).
const verified = { access: access.user({ verified: true }) };

/**
 * `/api/v1/billing`: checkout and the customer portal (Stripe), the caller's invoices, and Stripe's
 * webhook endpoint. Without Stripe configured, checkout and portal answer 409
 * ONLINE_PAYMENT_UNAVAILABLE and the webhook endpoint 404.
 */
export const stripeRoutes: FastifyPluginAsync<{
  stripe: StripeBilling | undefined;
  db: PlatformDb;
  apps: readonly string[];
}> = async (plugin, { stripe, db, apps }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  const online = (): StripeBilling => {
    if (!stripe) throw new AppError('ONLINE_PAYMENT_UNAVAILABLE');
    return stripe;
  };

  app.post(
    '/checkout',
    {
      config: verified,
      schema: {
        tags,
        summary: 'Start paying for a plan: a Stripe Checkout page to send the browser to',
        body: checkoutRequestSchema,
        response: { 200: redirectResponseSchema },
      },
    },
    async (request) => {
      const body = { ...request.body, app: knownApp(apps, request.body.app) };
      return { url: await online().checkout(callerOf(request).userId, body) };
    },
  );

  app.post(
    '/portal',
    {
      config: verified,
      schema: {
        tags,
        summary: "Stripe's customer portal: payment methods, invoices, plan changes and cancellation",
        body: z.object({ app: appNameSchema }).strict(),
        response: { 200: redirectResponseSchema },
      },
    },
    async (request) => ({
      url: await online().portal(callerOf(request).userId, knownApp(apps, request.body.app)),
    }),
  );

  app.get(
    '/invoices',
    {
      config: { access: access.user() },
      schema: {
        tags,
        summary: "The caller's payment history in an app, newest first",
        querystring: pageQuerySchema.extend({ app: appNameSchema }),
        response: { 200: pageSchema(invoiceSchema) },
      },
    },
    async (request) => {
      const name = knownApp(apps, request.query.app);
      let q = db
        .selectFrom('platform.invoices')
        .selectAll()
        .where('user_id', '=', callerOf(request).userId)
        .where('app', '=', name)
        .orderBy('stripe_created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(request.query.limit + 1);
      if (request.query.cursor) {
        const [at, id] = decodeCursor(request.query.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
        q = q.where((eb) =>
          eb.or([
            eb('stripe_created_at', '<', new Date(at)),
            eb.and([eb('stripe_created_at', '=', new Date(at)), eb('id', '<', id)]),
          ]),
        );
      }
      const page = toPage(await q.execute(), request.query.limit, (r) => [
        r.stripe_created_at.toISOString(),
        r.id,
      ]);
      return { items: page.items.map(toInvoice), nextCursor: page.nextCursor };
    },
  );

  // Stripe signs the exact bytes it sent: this route alone keeps the body raw.
  await app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/webhooks/stripe',
      {
        config: { access: access.public },
        schema: {
          tags,
          summary: "Stripe's webhook endpoint (register it in the Stripe dashboard)",
          hide: true,
        },
      },
      async (request) => {
        if (!stripe) throw new AppError('NOT_FOUND', 'Online payment is not set up here.');
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const signature = request.headers['stripe-signature'];
        const result = await stripe.receive(raw, typeof signature === 'string' ? signature : undefined);
        return { received: true, duplicate: result.duplicate };
      },
    );
  });
};

/** An invoice row as the API shows it. */
export function toInvoice(row: {
  id: string;
  app: string;
  number: string | null;
  status: string;
  currency: string;
  amount_due: number;
  amount_paid: number;
  period_start: Date | null;
  period_end: Date | null;
  hosted_url: string | null;
  stripe_created_at: Date;
}): z.infer<typeof invoiceSchema> {
  return {
    id: row.id,
    app: row.app,
    number: row.number,
    status: row.status as z.infer<typeof invoiceSchema>['status'],
    currency: row.currency as z.infer<typeof invoiceSchema>['currency'],
    amountDue: row.amount_due,
    amountPaid: row.amount_paid,
    periodStart: row.period_start?.toISOString() ?? null,
    periodEnd: row.period_end?.toISOString() ?? null,
    hostedUrl: row.hosted_url,
    createdAt: row.stripe_created_at.toISOString(),
  };
}
