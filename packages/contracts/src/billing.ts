import { z } from 'zod';
import { appNameSchema, localizedSchema } from './apps.js';

/**
 * Billing (docs/billing.md): plans are declared by each app (`definePlans` in its contracts, passed
 * to `defineApp`), subscriptions and the credit ledger live in the platform, and Stripe is the
 * payment provider when configured.
 */

/** A plan's code inside its app (`free`, `pro`, `basic`, ...). */
export const planCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'a plan code: lowercase slug');
/** A limit's or feature's key (`stores`, `replies`, `advancedAnalytics`). */
export const entitlementKeySchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.]{0,47}$/);

export const billingIntervals = ['month', 'year'] as const;
export const billingIntervalSchema = z.enum(billingIntervals);
export type BillingInterval = z.infer<typeof billingIntervalSchema>;

export const currencies = ['krw', 'usd'] as const;
export const currencySchema = z.enum(currencies);
export type Currency = z.infer<typeof currencySchema>;

/** Prices in minor units of each currency (KRW has none: 9900 is ₩9,900; USD cents: 799 is $7.99). */
const priceSchema = z.object({ krw: z.number().int().min(0), usd: z.number().int().min(0) });

/**
 * A plan as an app declares it. `limits` are counts (null: unlimited); `features` are on/off
 * switches the plan includes; `monthlyCredits` are AI credits granted each month (not carried over).
 * Exactly one plan per app is `free` (price 0): everyone without a paid subscription has it.
 */
export const planSchema = z
  .object({
    code: planCodeSchema,
    name: localizedSchema,
    description: localizedSchema,
    prices: z.object({ month: priceSchema, year: priceSchema }),
    limits: z.record(entitlementKeySchema, z.number().int().min(0).nullable()),
    features: z.array(entitlementKeySchema),
    monthlyCredits: z.number().int().min(0),
    /** The plan everyone has without a subscription (exactly one per app). */
    free: z.boolean().optional(),
    /** Sold by contacting sales (no self-serve checkout), e.g. Enterprise. */
    contactSales: z.boolean().optional(),
  })
  .meta({ id: 'Plan' });
export type Plan = z.infer<typeof planSchema>;

/** What the pricing page reads: the app's plans and whether online payment can be used. */
export const plansResponseSchema = z
  .object({
    app: appNameSchema,
    plans: z.array(planSchema),
    /** False when Stripe is not configured: plans are assigned by an admin. */
    onlinePayment: z.boolean(),
    /**
     * True in development without online payment: `POST /dev/plan` puts the caller on a plan
     * without paying (the pricing page offers "Try <plan> (dev)"). Absent or false elsewhere.
     */
    devPlan: z.boolean().optional(),
    /** Names of limits and features in both languages, for the pricing table. */
    labels: z.record(entitlementKeySchema, localizedSchema),
  })
  .meta({ id: 'Plans' });

export const subscriptionStatuses = [
  'trialing',
  'active',
  'past_due',
  'canceled',
  'incomplete',
  'incomplete_expired',
  'unpaid',
  'paused',
] as const;
export const subscriptionStatusSchema = z.enum(subscriptionStatuses);
export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;

export const subscriptionSchema = z
  .object({
    id: z.uuid(),
    app: appNameSchema,
    plan: planCodeSchema,
    interval: billingIntervalSchema,
    status: subscriptionStatusSchema,
    /** `stripe`: paid online; `manual`: assigned by an admin (or the development environment). */
    source: z.enum(['stripe', 'manual']),
    currentPeriodEnd: z.string().nullable(),
    cancelAtPeriodEnd: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Subscription' });
export type Subscription = z.infer<typeof subscriptionSchema>;

/** What an account may do in an app now: its effective plan, limits with use, features, credits. */
export const entitlementsSchema = z
  .object({
    app: appNameSchema,
    plan: planCodeSchema,
    /** The subscription giving the plan; null on the free plan. */
    subscription: subscriptionSchema.nullable(),
    limits: z.record(
      entitlementKeySchema,
      z.object({ allowed: z.number().int().nullable(), used: z.number().int() }),
    ),
    features: z.array(entitlementKeySchema),
    credits: z.object({ balance: z.number().int().min(0), monthlyGrant: z.number().int().min(0) }),
  })
  .meta({ id: 'Entitlements' });
export type Entitlements = z.infer<typeof entitlementsSchema>;

/**
 * Details of the one refusal code `PLAN_LIMIT` (HTTP 402): which limit or feature, what the plan
 * allows, what is used, and the cheapest plan that would allow it (null when none does).
 */
export const planLimitDetailsSchema = z
  .object({
    app: appNameSchema,
    plan: planCodeSchema,
    /** The limit (a count) or feature (allowed is false) that refused; `credits` for AI credits. */
    key: z.string(),
    kind: z.enum(['limit', 'feature', 'credits']),
    allowed: z.number().int().nullable(),
    used: z.number().int(),
    upgradeTo: planCodeSchema.nullable(),
  })
  .meta({ id: 'PlanLimitDetails' });
export type PlanLimitDetails = z.infer<typeof planLimitDetailsSchema>;

export const creditEntryKinds = ['grant', 'spend', 'refund', 'expire', 'adjust'] as const;
export const creditEntrySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(creditEntryKinds),
    /** Signed: grants and refunds positive, spends and expiries negative, adjustments either. */
    amount: z.number().int(),
    /** The balance right after this entry. */
    balance: z.number().int().min(0),
    /** What it was for: an AI task (`studymate.summary`), `monthly grant`, an admin's reason. */
    reason: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'CreditEntry' });
export type CreditEntry = z.infer<typeof creditEntrySchema>;

export const invoiceSchema = z
  .object({
    id: z.uuid(),
    app: appNameSchema,
    number: z.string().nullable(),
    status: z.enum(['draft', 'open', 'paid', 'uncollectible', 'void']),
    currency: currencySchema,
    /** Minor units, like plan prices. */
    amountDue: z.number().int(),
    amountPaid: z.number().int(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    /** Stripe's page for the invoice (pay or download), when there is one. */
    hostedUrl: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Invoice' });
export type Invoice = z.infer<typeof invoiceSchema>;

export const checkoutRequestSchema = z
  .object({
    app: appNameSchema,
    plan: planCodeSchema,
    interval: billingIntervalSchema,
    currency: currencySchema,
  })
  .strict();
/** Where to send the browser next (Stripe Checkout or the customer portal). */
export const redirectResponseSchema = z.object({ url: z.url() }).meta({ id: 'BillingRedirect' });

/** An admin sets an account's plan by hand (no payment), optionally until a date. */
export const assignPlanSchema = z
  .object({
    app: appNameSchema,
    plan: planCodeSchema,
    interval: billingIntervalSchema.default('month'),
    until: z.iso.datetime().optional(),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();

/** An admin grants (positive) or removes (negative) credits, with a reason. */
export const adjustCreditsSchema = z
  .object({
    app: appNameSchema,
    amount: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((n) => n !== 0, 'not zero'),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();

/** An app's billing declaration: its plans and the names of their limits and features. */
export interface BillingDeclaration {
  readonly plans: readonly Plan[];
  /** Every key used in `limits` and `features`, named in both languages. */
  readonly labels: Readonly<Record<string, { readonly ko: string; readonly en: string }>>;
}

/**
 * Declares an app's plans (see planSchema). No validation here, so a web bundle may import it
 * without zod; `defineApp` validates it on the server (one free plan, labelled keys).
 */
export function definePlans<const B extends BillingDeclaration>(billing: B): B {
  return Object.freeze(billing);
}
