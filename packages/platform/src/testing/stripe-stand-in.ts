import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/** What the stand-in keeps of a subscription (Stripe's shape, the fields we read). */
export interface StandInSubscription {
  id: string;
  object: 'subscription';
  customer: string;
  status: string;
  cancel_at_period_end: boolean;
  canceled_at: number | null;
  ended_at: number | null;
  metadata: Record<string, string>;
  items: {
    object: 'list';
    data: {
      id: string;
      price: { id: string; recurring: { interval: 'month' | 'year' } };
      current_period_start: number;
      current_period_end: number;
    }[];
  };
}

interface Session {
  id: string;
  customer: string;
  price: string;
  successUrl: string;
  cancelUrl: string;
  metadata: Record<string, string>;
  subscription: string | null;
}

/** A local server that answers like Stripe for the endpoints the platform calls (docs/billing.md). */
export interface StripeStandIn {
  /** `STRIPE_API_BASE` for the platform. */
  readonly url: string;
  /** The webhook signing secret it signs with (`STRIPE_WEBHOOK_SECRET`). */
  readonly webhookSecret: string;
  /** Where it delivers events (the platform's webhook URL); set once the platform listens. */
  webhookUrl: string | undefined;
  readonly subscriptions: Map<string, StandInSubscription>;
  /** Events delivered so far, in order (tests re-send them twice or out of order). */
  readonly sent: Stripe.Event[];
  /** Pays a checkout session as the "Pay" button does: subscription, invoice, events. */
  completeCheckout(sessionId: string): Promise<StandInSubscription>;
  /** Changes a subscription and sends `customer.subscription.updated` (or `deleted` when canceled). */
  updateSubscription(id: string, change: Partial<StandInSubscription>): Promise<Stripe.Event>;
  /** A renewal payment fails: the subscription goes past_due, invoice.payment_failed is sent. */
  failPayment(subscriptionId: string): Promise<Stripe.Event>;
  /** Signs and posts an event to the webhook URL; returns the HTTP status. */
  deliver(event: Stripe.Event, signature?: string): Promise<number>;
  /** The last checkout session created. */
  lastSession(): { id: string; url: string } | undefined;
  close(): Promise<void>;
}

const now = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}_${randomBytes(10).toString('hex')}`;

/** Starts the stand-in on 127.0.0.1 (a random port). */
export async function startStripeStandIn(): Promise<StripeStandIn> {
  const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
  const signer = new Stripe('sk_test_standin_not_a_key');
  const sessions = new Map<string, Session>();
  const subscriptions = new Map<string, StandInSubscription>();
  const invoices = new Map<string, Record<string, unknown>>();
  const sent: Stripe.Event[] = [];
  let base = '';
  let last: { id: string; url: string } | undefined;

  const event = (type: string, object: unknown): Stripe.Event =>
    ({
      id: newId('evt'),
      object: 'event',
      type,
      created: now(),
      livemode: false,
      api_version: Stripe.API_VERSION,
      data: { object: structuredClone(object) },
    }) as unknown as Stripe.Event;

  const deliver = async (e: Stripe.Event, signature?: string): Promise<number> => {
    if (!standIn.webhookUrl) throw new Error('stripe stand-in: no webhook URL yet');
    const payload = JSON.stringify(e);
    const header = signature ?? signer.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
    const res = await fetch(standIn.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': header },
      body: payload,
    });
    await res.arrayBuffer();
    if (!sent.includes(e)) sent.push(e);
    return res.status;
  };

  const invoiceFor = (subscription: StandInSubscription, paid: boolean) => {
    const item = subscription.items.data[0];
    const invoice = {
      id: newId('in'),
      object: 'invoice',
      customer: subscription.customer,
      number: `INV-${invoices.size + 1}`,
      status: paid ? 'paid' : 'open',
      currency: 'krw',
      amount_due: 9900,
      amount_paid: paid ? 9900 : 0,
      attempt_count: 1,
      period_start: item?.current_period_start ?? now(),
      period_end: item?.current_period_end ?? now(),
      hosted_invoice_url: `${base}/invoices/${invoices.size + 1}`,
      created: now(),
      parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id } },
    };
    invoices.set(invoice.id, invoice);
    return invoice;
  };

  const completeCheckout = async (sessionId: string) => {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`stripe stand-in: no session ${sessionId}`);
    if (session.subscription) return subscriptions.get(session.subscription) as StandInSubscription;
    const start = now();
    const interval = session.price.includes('year') ? 'year' : 'month';
    const subscription: StandInSubscription = {
      id: newId('sub'),
      object: 'subscription',
      customer: session.customer,
      status: 'active',
      cancel_at_period_end: false,
      canceled_at: null,
      ended_at: null,
      metadata: session.metadata,
      items: {
        object: 'list',
        data: [
          {
            id: newId('si'),
            price: { id: session.price, recurring: { interval } },
            current_period_start: start,
            current_period_end: start + (interval === 'year' ? 365 : 30) * 86_400,
          },
        ],
      },
    };
    subscriptions.set(subscription.id, subscription);
    session.subscription = subscription.id;
    const invoice = invoiceFor(subscription, true);
    await deliver(
      event('checkout.session.completed', {
        id: session.id,
        object: 'checkout.session',
        subscription: subscription.id,
      }),
    );
    await deliver(event('customer.subscription.created', subscription));
    await deliver(event('invoice.paid', invoice));
    return subscription;
  };

  const form = async (request: IncomingMessage): Promise<URLSearchParams> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  };
  const metadataOf = (params: URLSearchParams, prefix: string) => {
    const metadata: Record<string, string> = {};
    for (const [key, value] of params) {
      const match = new RegExp(`^${prefix.replace(/[[\]]/g, '\\$&')}\\[([^\\]]+)\\]$`).exec(key);
      if (match?.[1]) metadata[match[1]] = value;
    }
    return metadata;
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const missing = (res: ServerResponse) =>
    json(res, 404, {
      error: { type: 'invalid_request_error', message: 'No such object', code: 'resource_missing' },
    });

  const handle = async (request: IncomingMessage, res: ServerResponse) => {
    const url = new URL(request.url ?? '/', base);
    const method = request.method ?? 'GET';
    const path = url.pathname;
    if (path.startsWith('/v1/') && request.headers.authorization?.startsWith('Bearer sk_') !== true)
      return json(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API key' } });
    if (method === 'POST' && path === '/v1/customers') {
      const params = await form(request);
      return json(res, 200, {
        id: newId('cus'),
        object: 'customer',
        email: params.get('email'),
        metadata: metadataOf(params, 'metadata'),
      });
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const params = await form(request);
      const id = newId('cs_test');
      const session: Session = {
        id,
        customer: params.get('customer') ?? newId('cus'),
        price: params.get('line_items[0][price]') ?? '',
        successUrl: params.get('success_url') ?? '',
        cancelUrl: params.get('cancel_url') ?? '',
        metadata: metadataOf(params, 'subscription_data[metadata]'),
        subscription: null,
      };
      sessions.set(id, session);
      last = { id, url: `${base}/pay/${id}` };
      return json(res, 200, {
        id,
        object: 'checkout.session',
        url: last.url,
        mode: 'subscription',
        customer: session.customer,
      });
    }
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      const params = await form(request);
      return json(res, 200, {
        id: newId('bps'),
        object: 'billing_portal.session',
        url: `${base}/portal?return=${encodeURIComponent(params.get('return_url') ?? '')}`,
      });
    }
    const sub = /^\/v1\/subscriptions\/([\w]+)$/.exec(path);
    if (method === 'GET' && sub?.[1]) {
      const found = subscriptions.get(sub[1]);
      return found ? json(res, 200, found) : missing(res);
    }
    const inv = /^\/v1\/invoices\/([\w]+)$/.exec(path);
    if (method === 'GET' && inv?.[1]) {
      const found = invoices.get(inv[1]);
      return found ? json(res, 200, found) : missing(res);
    }
    // The hosted checkout page: what a customer sees on Stripe, reduced to the plan and a button.
    const page = /^\/pay\/([\w]+)$/.exec(path);
    const session = page?.[1] ? sessions.get(page[1]) : undefined;
    if (method === 'GET' && session) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout (Stripe stand-in)</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="font-family:sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem">
<main><h1>Checkout</h1><p>Local Stripe stand-in: no card is charged.</p>
<p>Plan: <strong>${session.metadata.plan ?? ''}</strong> (${session.price})</p>
<form method="post" action="/pay/${session.id}"><button type="submit" style="font-size:1.2rem;padding:.6rem 1.4rem">Pay</button></form>
<p><a href="${session.cancelUrl}">Cancel</a></p></main></body></html>`);
    }
    if (method === 'POST' && session) {
      await completeCheckout(session.id);
      res.writeHead(303, { location: session.successUrl });
      return res.end();
    }
    return missing(res);
  };

  const server: Server = createServer((request, res) => {
    handle(request, res).catch((error: unknown) => json(res, 500, { error: { message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const standIn: StripeStandIn = {
    url: base,
    webhookSecret,
    webhookUrl: undefined,
    subscriptions,
    sent,
    completeCheckout,
    async updateSubscription(id, change) {
      const current = subscriptions.get(id);
      if (!current) throw new Error(`stripe stand-in: no subscription ${id}`);
      Object.assign(current, change);
      const e = event(
        current.status === 'canceled' ? 'customer.subscription.deleted' : 'customer.subscription.updated',
        current,
      );
      await deliver(e);
      return e;
    },
    async failPayment(subscriptionId) {
      const current = subscriptions.get(subscriptionId);
      if (!current) throw new Error(`stripe stand-in: no subscription ${subscriptionId}`);
      current.status = 'past_due';
      const invoice = invoiceFor(current, false);
      await deliver(event('customer.subscription.updated', current));
      const e = event('invoice.payment_failed', invoice);
      await deliver(e);
      return e;
    },
    deliver,
    lastSession: () => last,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return standIn;
}
