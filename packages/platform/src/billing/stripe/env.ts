import { z } from 'zod';

/** Environment variables of online payment through Stripe (documented in .env.example). */
export const stripeEnvShape = {
  STRIPE_SECRET_KEY: z
    .string()
    .regex(
      /^(sk|rk)_(test|live)_\w{8,}$/,
      'a Stripe secret key (sk_test_..., sk_live_... or a restricted rk_...)',
    )
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w{8,}$/, 'the signing secret of the webhook endpoint (whsec_...)')
    .optional(),
  STRIPE_PRICES: z
    .string()
    .optional()
    .describe('price ids: app.plan.interval.currency=price_..., separated by commas'),
  STRIPE_API_BASE: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('where the Stripe API is (default https://api.stripe.com; tests use a local stand-in)'),
};

type StripeEnv = z.infer<z.ZodObject<typeof stripeEnvShape>>;

/** Online payment through Stripe; undefined when STRIPE_SECRET_KEY is not set. */
export interface StripeConfig {
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** Price id by `app.plan.interval.currency` (e.g. `studymate.pro.month.krw`). */
  readonly prices: ReadonlyMap<string, string>;
  /** The API's origin when not Stripe's own (a local stand-in in tests). */
  readonly apiBase: URL | undefined;
}

const PRICE_ENTRY = /^([a-z][a-z0-9]{1,30})\.([a-z][a-z0-9_]{0,31})\.(month|year)\.(krw|usd)=(price_\w+)$/;

/** The price id key of a plan. */
export function priceKey(app: string, plan: string, interval: string, currency: string): string {
  return `${app}.${plan}.${interval}.${currency}`;
}

/** Reads the Stripe variables; a key without a webhook secret (or a malformed price list) is refused. */
export function toStripeConfig(env: StripeEnv): StripeConfig | undefined {
  if (!env.STRIPE_SECRET_KEY) {
    if (env.STRIPE_WEBHOOK_SECRET || env.STRIPE_PRICES)
      throw new Error('STRIPE_WEBHOOK_SECRET and STRIPE_PRICES need STRIPE_SECRET_KEY');
    return undefined;
  }
  if (!env.STRIPE_WEBHOOK_SECRET)
    throw new Error('STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY (the webhook signing secret)');
  const prices = new Map<string, string>();
  for (const entry of (env.STRIPE_PRICES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = PRICE_ENTRY.exec(entry);
    if (!match) throw new Error(`STRIPE_PRICES: "${entry}" is not app.plan.interval.currency=price_...`);
    prices.set(priceKey(match[1] ?? '', match[2] ?? '', match[3] ?? '', match[4] ?? ''), match[5] ?? '');
  }
  return {
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    prices,
    apiBase: env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : undefined,
  };
}
